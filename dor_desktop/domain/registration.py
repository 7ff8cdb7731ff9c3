"""Conversion between a :class:`Purchase` and the contract's ``Registration`` JSON shape.

Parsing collects every problem instead of stopping at the first, so that a file from a script or a
support engineer gets one complete list of field errors, like the form does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from dor_desktop.domain.enums import AcquisitionType, Category, IdDocumentType, PaymentMethod, ReadFrom
from dor_desktop.domain.money import parse_amount, to_wire
from dor_desktop.domain.purchase import Address, IdDocument, Item, Override, Purchase, Seller
from dor_desktop.domain.validation import FieldError

E = TypeVar("E", bound=StrEnum)

#: Fields the client fills itself; a file that sets them is told so rather than silently ignored.
CLIENT_FILLED = ("client_reference", "shop_id", "register_number", "corrects")
#: Fields of the register's own copy that are not the DOR's business (not in the contract).
LOCAL_ONLY = ("overrides", "late_entry_reason")


@dataclass(frozen=True)
class Envelope:
    """What the client adds to a purchase when it commits it."""

    client_reference: str
    shop_id: str
    register_number: str
    corrects: str | None = None


@dataclass(frozen=True)
class ChainPosition:
    """(Contract 1.1) An entry's place in the shop's hash chain, sent with its registration.

    The DOR keeps the highest acknowledged position per counter, so a register that later ends
    below it, or holds another hash there, is known to have lost or rewritten entries.
    """

    counter: str
    sequence: int
    previous_hash: str
    entry_hash: str

    def to_json(self) -> dict:
        return {
            "counter": self.counter,
            "sequence": self.sequence,
            "previous_hash": self.previous_hash,
            "entry_hash": self.entry_hash,
        }


class _Reader:
    """Reads typed values out of a JSON object, recording a FieldError for each bad one."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, path: str, code: str, message: str) -> None:
        self.errors.append(FieldError(path, code, message))

    def text(self, data: dict, key: str, path: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(path, "invalid_type", "must be text")
            return ""
        return value.strip()

    def enum(self, data: dict, key: str, path: str, kind: type[E], default: E | None = None) -> E | None:
        value = data.get(key)
        if value is None:
            return default
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            # The value itself is not repeated: whatever was typed there stays out of messages.
            self.fail(path, "invalid_value", f"must be one of: {allowed}")
            return None

    def day(self, data: dict, key: str, path: str) -> date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(path, "invalid_format", "a date looks like 2026-11-23")
            return None

    def moment(self, data: dict, key: str, path: str, default: datetime) -> datetime:
        value = data.get(key)
        if value in (None, ""):
            return default
        try:
            return datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(path, "invalid_format", "a time looks like 2026-11-23T10:15:00+01:00")
            return default

    def amount(self, value: Any, path: str) -> Decimal | None:
        if isinstance(value, dict):
            if value.get("currency", "EUR") != "EUR":
                self.fail(path, "invalid_currency", "amounts are in EUR")
            value = value.get("value")
        if value in (None, ""):
            return None
        if isinstance(value, float):
            self.fail(path, "invalid_type", 'write amounts as text ("12.50"), not as a float')
            return None
        try:
            return parse_amount(value)
        except ValueError:
            self.fail(path, "invalid_amount", f"{value!r} is not an amount")
            return None

    def decimal(self, data: dict, key: str, path: str) -> Decimal | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            result = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            result = None
        if result is None or not result.is_finite():
            self.fail(path, "invalid_format", f"{value!r} is not a number")
            return None
        return result

    def integer(self, data: dict, key: str, path: str, default: int | None) -> int | None:
        value = data.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool) or not isinstance(value, int | str):
            self.fail(path, "invalid_type", "must be a whole number")
            return default
        try:
            return int(value)
        except ValueError:
            self.fail(path, "invalid_type", "must be a whole number")
            return default

    def obj(self, data: dict, key: str, path: str) -> dict:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, "invalid_type", "must be an object")
            return {}
        return value


def purchase_from_json(data: Any, now: datetime) -> tuple[Purchase | None, list[FieldError]]:
    """Parse one registration-shaped object; ``acquired_at`` defaults to ``now``.

    Returns the purchase (``None`` when the input is not even an object) and the parse problems.
    """
    if not isinstance(data, dict):
        return None, [FieldError("", "invalid_type", "a purchase must be a JSON object")]
    r = _Reader()
    for key in CLIENT_FILLED:
        if key in data:
            r.fail(key, "client_filled", "this field is filled by the client; leave it out")
    seller_data = r.obj(data, "seller", "seller")
    address_data = r.obj(seller_data, "address", "seller.address")
    seller = Seller(
        family_name=r.text(seller_data, "family_name", "seller.family_name"),
        given_names=r.text(seller_data, "given_names", "seller.given_names"),
        date_of_birth=r.day(seller_data, "date_of_birth", "seller.date_of_birth"),
        address=_address(r, address_data, "seller.address"),
    )
    purchase = Purchase(
        acquired_at=r.moment(data, "acquired_at", "acquired_at", now),
        seller=seller,
        items=_items(r, data.get("items")),
        id_document=_id_document(r, data),
        acquisition_type=r.enum(
            data, "acquisition_type", "acquisition_type", AcquisitionType, AcquisitionType.PURCHASE
        ),
        payment_method=r.enum(data, "payment_method", "payment_method", PaymentMethod),
        clerk=r.text(data, "clerk", "clerk"),
        vehicle_plate=r.text(data, "vehicle_plate", "vehicle_plate"),
        overrides=_overrides(r, data.get("overrides")),
        late_entry_reason=r.text(data, "late_entry_reason", "late_entry_reason"),
    )
    _check_total(r, data, purchase)
    return purchase, r.errors


def _address(r: _Reader, data: dict, path: str) -> Address:
    return Address(
        street=r.text(data, "street", f"{path}.street"),
        house_number=r.text(data, "house_number", f"{path}.house_number"),
        postcode=r.text(data, "postcode", f"{path}.postcode").upper(),
        city=r.text(data, "city", f"{path}.city"),
        country=r.text(data, "country", f"{path}.country").upper() or "NL",
    )


def _id_document(r: _Reader, data: dict) -> IdDocument | None:
    if data.get("id_document") is None:
        return None
    doc = r.obj(data, "id_document", "id_document")
    return IdDocument(
        type=r.enum(doc, "type", "id_document.type", IdDocumentType),
        number=r.text(doc, "number", "id_document.number").upper(),
        issuing_country=r.text(doc, "issuing_country", "id_document.issuing_country").upper(),
        expiry_date=r.day(doc, "expiry_date", "id_document.expiry_date"),
        read_from=r.enum(doc, "read_from", "id_document.read_from", ReadFrom, ReadFrom.MANUAL)
        or ReadFrom.MANUAL,
    )


def _items(r: _Reader, value: Any) -> tuple[Item, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        r.fail("items", "invalid_type", "items must be a list")
        return ()
    items = []
    for index, raw in enumerate(value):
        path = f"items[{index}]"
        if not isinstance(raw, dict):
            r.fail(path, "invalid_type", "an item must be an object")
            continue
        items.append(_item(r, raw, path, index + 1))
    return tuple(items)


def _item(r: _Reader, raw: dict, path: str, line: int) -> Item:
    photos = raw.get("photo_sha256") or []
    if not isinstance(photos, list) or not all(isinstance(p, str) for p in photos):
        r.fail(f"{path}.photo_sha256", "invalid_type", "must be a list of SHA-256 hashes")
        photos = []
    return Item(
        line=line,
        category=r.enum(raw, "category", f"{path}.category", Category),
        description=r.text(raw, "description", f"{path}.description"),
        price=r.amount(raw.get("price"), f"{path}.price"),
        quantity=r.integer(raw, "quantity", f"{path}.quantity", 1) or 0,
        brand=r.text(raw, "brand", f"{path}.brand"),
        model=r.text(raw, "model", f"{path}.model"),
        serial_number=r.text(raw, "serial_number", f"{path}.serial_number"),
        imei=r.text(raw, "imei", f"{path}.imei").replace(" ", ""),
        frame_number=r.text(raw, "frame_number", f"{path}.frame_number").upper(),
        weight_grams=r.decimal(raw, "weight_grams", f"{path}.weight_grams"),
        fineness=r.integer(raw, "fineness", f"{path}.fineness", None),
        hallmark=r.text(raw, "hallmark", f"{path}.hallmark"),
        photo_sha256=tuple(p.lower() for p in photos),
    )


def _overrides(r: _Reader, value: Any) -> tuple[Override, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        r.fail("overrides", "invalid_type", "overrides must be a list")
        return ()
    result = []
    for index, raw in enumerate(value):
        if not isinstance(raw, dict) or not raw.get("code") or not raw.get("field"):
            r.fail(f"overrides[{index}]", "invalid_type", "an override needs a code and a field")
            continue
        result.append(Override(str(raw["code"]), str(raw["field"]), str(raw.get("note", ""))))
    return tuple(result)


def _check_total(r: _Reader, data: dict, purchase: Purchase) -> None:
    if "total_amount" not in data:
        return
    given = r.amount(data["total_amount"], "total_amount")
    if given is not None and given != purchase.total_amount:
        r.fail(
            "total_amount",
            "total_mismatch",
            f"the total {to_wire(given)} is not the sum of the item prices "
            f"({to_wire(purchase.total_amount)})",
        )


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], ())}


def purchase_to_json(purchase: Purchase) -> dict:
    """The purchase in the contract's shape, without the client-filled envelope.

    Used for the frozen copy in the register and for ``purchase_from_json`` round trips; overrides
    and the late-entry reason are kept here (they are ours, not the DOR's) and dropped by
    :func:`to_registration`.
    """
    seller = purchase.seller
    document = purchase.id_document
    data = {
        "acquired_at": purchase.acquired_at.isoformat(),
        "acquisition_type": purchase.acquisition_type,
        "payment_method": purchase.payment_method,
        "total_amount": {"value": to_wire(purchase.total_amount), "currency": "EUR"},
        "clerk": purchase.clerk,
        "seller": _drop_empty(
            {
                "family_name": seller.family_name,
                "given_names": seller.given_names,
                "date_of_birth": seller.date_of_birth.isoformat() if seller.date_of_birth else None,
                "address": vars(seller.address).copy(),
            }
        ),
        "id_document": _document_json(document) if document else None,
        "vehicle_plate": purchase.vehicle_plate,
        "items": [_item_json(item) for item in purchase.items],
        "overrides": [vars(o).copy() for o in purchase.overrides],
        "late_entry_reason": purchase.late_entry_reason,
    }
    return _drop_empty(data)


def _document_json(document: IdDocument) -> dict:
    return _drop_empty(
        {
            "type": document.type,
            "number": document.number,
            "issuing_country": document.issuing_country,
            "expiry_date": document.expiry_date.isoformat() if document.expiry_date else None,
            "read_from": document.read_from,
        }
    )


def _item_json(item: Item) -> dict:
    return _drop_empty(
        {
            "line": item.line,
            "category": item.category,
            "brand": item.brand,
            "model": item.model,
            "serial_number": item.serial_number,
            "imei": item.imei,
            "frame_number": item.frame_number,
            "description": item.description,
            "quantity": item.quantity,
            "weight_grams": str(item.weight_grams) if item.weight_grams is not None else None,
            "fineness": item.fineness,
            "hallmark": item.hallmark,
            "price": {"value": to_wire(item.price), "currency": "EUR"} if item.price is not None else None,
            "photo_sha256": list(item.photo_sha256),
        }
    )


def to_registration(purchase: Purchase, envelope: Envelope) -> dict:
    """The contract's ``Registration``: the payload frozen in the outbox when the entry commits."""
    return registration_from_json(purchase_to_json(purchase), envelope)


def registration_from_json(purchase_json: dict, envelope: Envelope) -> dict:
    """The ``Registration`` for a purchase already in its JSON form (the register's frozen copy).

    ``verify`` rebuilds the outbox message from the stored entry with this, so that an edited
    message is found although the hash chain does not cover the outbox.
    """
    body = {
        "client_reference": envelope.client_reference,
        "shop_id": envelope.shop_id,
        "register_number": envelope.register_number,
        **{key: value for key, value in purchase_json.items() if key not in LOCAL_ONLY},
    }
    if envelope.corrects:
        body["corrects"] = envelope.corrects
    return body
