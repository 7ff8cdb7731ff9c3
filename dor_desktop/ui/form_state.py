"""The new-purchase form as plain data: what the clerk typed, keyed by the contract's field paths.

Why a separate, Qt-free state: the same object is written to the draft file on every change,
restored after a crash, turned into a :class:`Purchase` for validation, and filled from a register
entry for a correction. Keys are the contract paths (``seller.address.city``, ``items[0].imei``)
so a :class:`FieldError` from validation finds its field without any mapping table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from dor_desktop.domain.enums import (
    FRAME_CATEGORIES,
    METAL_CATEGORIES,
    AcquisitionType,
    Category,
    IdDocumentType,
    PaymentMethod,
    ReadFrom,
)
from dor_desktop.domain.money import parse_amount
from dor_desktop.domain.purchase import Address, IdDocument, Item, Override, Purchase, Seller
from dor_desktop.domain.validation import FieldError

DRAFT_VERSION = 1

SELLER_PATHS = (
    "seller.family_name",
    "seller.given_names",
    "seller.date_of_birth",
    "seller.address.street",
    "seller.address.house_number",
    "seller.address.postcode",
    "seller.address.city",
    "seller.address.country",
)
DOCUMENT_PATHS = (
    "id_document.type",
    "id_document.number",
    "id_document.issuing_country",
    "id_document.expiry_date",
)
TERMS_PATHS = ("acquisition_type", "payment_method")
#: Kept through a correction although the form has no field for them (yet).
CARRIED_PATHS = ("clerk", "vehicle_plate")
TEXT_PATHS = SELLER_PATHS + DOCUMENT_PATHS + TERMS_PATHS + CARRIED_PATHS

ITEM_KEYS = (
    "category",
    "brand",
    "model",
    "imei",
    "serial_number",
    "frame_number",
    "weight_grams",
    "fineness",
    "hallmark",
    "description",
    "quantity",
    "price",
)

_DEFAULTS = {
    "seller.address.country": "NL",
    "acquisition_type": AcquisitionType.PURCHASE.value,
    "payment_method": PaymentMethod.CASH.value,
}

_PHONE_LIKE = frozenset({Category.PHONE, Category.TABLET})
_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{2})(\d{2})(\d{4})$"), ("d", "m", "y")),
)


def fields_for(category: Category | None) -> tuple[str, ...]:
    """The item fields the form shows for ``category``: only what that kind of goods needs.

    Phones get the IMEI, bicycles the frame number, metals weight/fineness/hallmark; everything
    always has a description, quantity and price.
    """
    if category is None:
        return ("category",)
    shown = ["category"]
    if category in METAL_CATEGORIES:
        shown += ["weight_grams", "fineness", "hallmark"]
    elif category in _PHONE_LIKE:
        shown += ["brand", "model", "imei", "serial_number"]
    elif category in FRAME_CATEGORIES:
        shown += ["brand", "model", "frame_number"]
    elif category in (Category.JEWELLERY, Category.WATCH, Category.GEMSTONE):
        shown += ["brand", "serial_number", "hallmark", "weight_grams", "fineness"]
    else:
        shown += ["brand", "model", "serial_number"]
    return (*shown, "description", "quantity", "price")


def takes_photo(category: Category | None) -> bool:
    """Goods without a unique number (jewellery, metal, art ...) can carry a photo."""
    return category is not None and category not in _PHONE_LIKE and category not in FRAME_CATEGORIES


def empty_item() -> dict[str, Any]:
    return {**{key: "" for key in ITEM_KEYS}, "quantity": "1", "photo_sha256": []}


@dataclass
class FormState:
    """Everything typed into the form. Values are the text as typed; parsing happens on build."""

    values: dict[str, str] = field(default_factory=lambda: dict(_DEFAULTS))
    items: list[dict[str, Any]] = field(default_factory=lambda: [empty_item()])
    #: path -> "document" (read from the ID and confirmed) or "doubtful" (read, but to be checked)
    from_document: dict[str, str] = field(default_factory=dict)
    #: path -> why the scan doubts a "doubtful" field, and its other reading (shown under it)
    scan_notes: dict[str, str] = field(default_factory=dict)
    accepted_warnings: set[tuple[str, str]] = field(default_factory=set)
    correction_of: str = ""
    correction_reason: str = ""
    #: Kept from the original entry in a correction (the goods were acquired then, not now).
    acquired_at: str = ""
    started_at: str = ""

    def get(self, path: str) -> str:
        return self.values.get(path, "")

    def is_blank(self) -> bool:
        """True when nothing worth keeping was typed (defaults alone are not a draft)."""
        typed = any(v.strip() for k, v in self.values.items() if v != _DEFAULTS.get(k, ""))
        items = any(
            any(str(v).strip() for k, v in item.items() if k not in ("quantity", "photo_sha256"))
            or item.get("photo_sha256")
            for item in self.items
        )
        return not (typed or items or self.correction_of)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "values": dict(self.values),
            "items": [dict(item) for item in self.items],
            "from_document": dict(self.from_document),
            "scan_notes": dict(self.scan_notes),
            "accepted_warnings": sorted(list(pair) for pair in self.accepted_warnings),
            "correction_of": self.correction_of,
            "correction_reason": self.correction_reason,
            "acquired_at": self.acquired_at,
            "started_at": self.started_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FormState:
        """Restore a draft; unknown keys are ignored so an older or newer draft still opens."""
        values = {k: str(v) for k, v in (data.get("values") or {}).items() if k in TEXT_PATHS}
        items = []
        for raw in data.get("items") or []:
            item = empty_item()
            item.update({k: str(v) for k, v in raw.items() if k in ITEM_KEYS})
            item["photo_sha256"] = [str(h) for h in raw.get("photo_sha256") or []]
            items.append(item)
        return cls(
            values={**_DEFAULTS, **values},
            items=items or [empty_item()],
            from_document={str(k): str(v) for k, v in (data.get("from_document") or {}).items()},
            scan_notes={str(k): str(v) for k, v in (data.get("scan_notes") or {}).items()},
            accepted_warnings={(str(c), str(p)) for c, p in data.get("accepted_warnings") or []},
            correction_of=str(data.get("correction_of") or ""),
            correction_reason=str(data.get("correction_reason") or ""),
            acquired_at=str(data.get("acquired_at") or ""),
            started_at=str(data.get("started_at") or ""),
        )


def parse_day(text: str) -> date:
    """A date as a Dutch clerk types it: 31-12-1990, 31.12.1990, 31121990 or 1990-12-31."""
    cleaned = text.strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(cleaned)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            return date(parts["y"], parts["m"], parts["d"])
    raise ValueError(f"{text!r} is not a date")


def format_day(value: date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.strftime("%d-%m-%Y")


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a number")
    return value


class _Builder:
    """Turns text into typed values, collecting a FieldError for each unreadable one."""

    def __init__(self) -> None:
        self.problems: list[FieldError] = []

    def day(self, text: str, path: str) -> date | None:
        if not text.strip():
            return None
        try:
            return parse_day(text)
        except ValueError:
            self.problems.append(FieldError(path, "invalid_date", "not a date"))
            return None

    def amount(self, text: str, path: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            return parse_amount(text)
        except ValueError:
            self.problems.append(FieldError(path, "invalid_amount", "not an amount"))
            return None

    def number(self, text: str, path: str, code: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            return _decimal(text)
        except ValueError:
            self.problems.append(FieldError(path, code, "not a number"))
            return None

    def whole(self, text: str, path: str, code: str, default: int | None) -> int | None:
        if not text.strip():
            return default
        try:
            return int(text.strip())
        except ValueError:
            self.problems.append(FieldError(path, code, "not a whole number"))
            return default

    def enum(self, kind: type, text: str) -> Any:
        try:
            return kind(text) if text else None
        except ValueError:
            return None


def build_purchase(state: FormState, acquired_at: datetime) -> tuple[Purchase, list[FieldError]]:
    """The purchase the form describes, plus the fields whose text could not be read."""
    b = _Builder()
    get = state.get
    seller = Seller(
        family_name=get("seller.family_name").strip(),
        given_names=get("seller.given_names").strip(),
        date_of_birth=b.day(get("seller.date_of_birth"), "seller.date_of_birth"),
        address=Address(
            street=get("seller.address.street").strip(),
            house_number=get("seller.address.house_number").strip(),
            postcode=get("seller.address.postcode").strip().upper(),
            city=get("seller.address.city").strip(),
            country=get("seller.address.country").strip().upper(),
        ),
    )
    items = tuple(_build_item(b, raw, index) for index, raw in enumerate(state.items))
    purchase = Purchase(
        acquired_at=acquired_at,
        seller=seller,
        items=items,
        id_document=_build_document(b, state),
        acquisition_type=b.enum(AcquisitionType, get("acquisition_type")),
        payment_method=b.enum(PaymentMethod, get("payment_method")),
        clerk=get("clerk").strip(),
        vehicle_plate=get("vehicle_plate").strip().upper(),
        overrides=tuple(Override(code, path) for code, path in sorted(state.accepted_warnings)),
    )
    return purchase, b.problems


def _build_document(b: _Builder, state: FormState) -> IdDocument | None:
    get = state.get
    texts = [get(p).strip() for p in ("id_document.number", "id_document.issuing_country")]
    if not any(texts) and not get("id_document.expiry_date").strip():
        return None
    scanned = {"id_document.number", "id_document.issuing_country"} <= state.from_document.keys()
    return IdDocument(
        type=b.enum(IdDocumentType, get("id_document.type")),
        number=get("id_document.number").strip().upper(),
        issuing_country=get("id_document.issuing_country").strip().upper(),
        expiry_date=b.day(get("id_document.expiry_date"), "id_document.expiry_date"),
        read_from=ReadFrom.MRZ if scanned else ReadFrom.MANUAL,
    )


def _build_item(b: _Builder, raw: dict[str, Any], index: int) -> Item:
    path = f"items[{index}]"
    category = b.enum(Category, raw.get("category", ""))
    shown = set(fields_for(category))

    def text(key: str) -> str:
        return str(raw.get(key, "")).strip() if key in shown else ""

    return Item(
        line=index + 1,
        category=category,
        description=text("description"),
        price=b.amount(text("price"), f"{path}.price"),
        quantity=b.whole(text("quantity"), f"{path}.quantity", "invalid_quantity", 1) or 0,
        brand=text("brand"),
        model=text("model"),
        serial_number=text("serial_number").upper(),
        imei=text("imei").replace(" ", ""),
        frame_number=text("frame_number").upper(),
        weight_grams=b.number(text("weight_grams"), f"{path}.weight_grams", "invalid_weight"),
        fineness=b.whole(text("fineness"), f"{path}.fineness", "invalid_fineness", None),
        hallmark=text("hallmark"),
        photo_sha256=tuple(raw.get("photo_sha256") or ()) if takes_photo(category) else (),
    )


def state_from_payload(payload: dict[str, Any]) -> FormState:
    """The form filled from a register entry's stored purchase: the start of a correction."""
    seller = payload.get("seller") or {}
    address = seller.get("address") or {}
    document = payload.get("id_document") or {}
    values = {
        "seller.family_name": seller.get("family_name", ""),
        "seller.given_names": seller.get("given_names", ""),
        "seller.date_of_birth": format_day(seller.get("date_of_birth")),
        "seller.address.street": address.get("street", ""),
        "seller.address.house_number": address.get("house_number", ""),
        "seller.address.postcode": address.get("postcode", ""),
        "seller.address.city": address.get("city", ""),
        "seller.address.country": address.get("country", "NL"),
        "id_document.type": document.get("type", ""),
        "id_document.number": document.get("number", ""),
        "id_document.issuing_country": document.get("issuing_country", ""),
        "id_document.expiry_date": format_day(document.get("expiry_date")),
        "acquisition_type": payload.get("acquisition_type", ""),
        "payment_method": payload.get("payment_method", ""),
        "clerk": payload.get("clerk", ""),
        "vehicle_plate": payload.get("vehicle_plate", ""),
    }
    items = []
    for raw in payload.get("items") or []:
        item = empty_item()
        for key in ITEM_KEYS:
            value = raw.get(key)
            if isinstance(value, dict):  # a money object {"value": "12.50", "currency": "EUR"}
                value = value.get("value", "").replace(".", ",")
            item[key] = "" if value is None else str(value)
        item["photo_sha256"] = list(raw.get("photo_sha256") or [])
        items.append(item)
    accepted = {(o["code"], o["field"]) for o in payload.get("overrides") or [] if "code" in o}
    return FormState(
        values=values,
        items=items or [empty_item()],
        accepted_warnings=accepted,
        acquired_at=str(payload.get("acquired_at") or ""),
    )
