"""Validation of a Registration and a RegistrationEvent as the contract defines them.

Beyond the schema the sandbox applies the two checks the contract names: an IMEI must carry a
valid Luhn check digit (``invalid_check_digit``) and an NLD document number must not be a citizen
service number (``personal_number``). Item lines must be unique (``duplicate_line``), because hits
and events point at an item by its line.
"""

from __future__ import annotations

import re
from typing import Any

from dor_desktop.domain.checks import bsn_valid, imei_valid
from dor_desktop.domain.enums import AcquisitionType, Category, IdDocumentType, PaymentMethod, ReadFrom
from dor_desktop.sandbox.chain_heads import MAX_SEQUENCE
from dor_desktop.sandbox.fieldcheck import FieldErrors, child

ACQUISITION_TYPES = frozenset(t.value for t in AcquisitionType)
PAYMENT_METHODS = frozenset(m.value for m in PaymentMethod)
CATEGORIES = frozenset(c.value for c in Category)
ID_DOCUMENT_TYPES = frozenset(t.value for t in IdDocumentType)
READ_FROM = frozenset(r.value for r in ReadFrom)
EVENT_TYPES = frozenset(
    {"sold", "returned_to_seller", "seized_by_police", "pledge_redeemed", "pledge_forfeited", "voided"}
)

MAX_ITEMS = 200
_COUNTRY = re.compile(r"[A-Z]{2}")
_ISSUING_COUNTRY = re.compile(r"[A-Z]{1,3}")
_IMEI = re.compile(r"[0-9]{15}")
_WEIGHT = re.compile(r"[0-9]{1,7}(\.[0-9]{1,3})?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DOCUMENT_SEPARATORS = re.compile(r"[ .]")
_NINE_DIGITS = re.compile(r"[0-9]{9}")


def validate_registration(registration: Any) -> list[dict[str, str]]:
    """Every field error of one registration (empty when it is acceptable)."""
    errors = FieldErrors()
    if not isinstance(registration, dict):
        errors.add("", "type", "a registration must be an object")
        return errors.items
    reg = registration
    errors.string(reg, "client_reference", "", required=True, fmt="uuid")
    errors.string(reg, "shop_id", "", required=True, max_length=32)
    errors.string(reg, "register_number", "", required=True, max_length=32)
    errors.string(reg, "acquired_at", "", required=True, fmt="date-time")
    errors.string(reg, "acquisition_type", "", required=True, enum=ACQUISITION_TYPES)
    errors.string(reg, "payment_method", "", required=True, enum=PAYMENT_METHODS)
    errors.money(reg, "total_amount", "", required=True)
    errors.string(reg, "clerk", "", required=False, max_length=64)
    _check_person(errors, reg, "seller", "", required=True)
    _check_id_document(errors, reg)
    errors.string(reg, "vehicle_plate", "", required=False, max_length=16)
    errors.string(reg, "corrects", "", required=False, fmt="uuid")
    _check_items(errors, reg)
    _check_chain(errors, reg)
    return errors.items


def validate_event(event: Any, known_lines: set[int]) -> list[dict[str, str]]:
    """Field errors of a RegistrationEvent; ``item_line`` must be a line of the registration."""
    errors = FieldErrors()
    if not isinstance(event, dict):
        errors.add("", "type", "an event must be an object")
        return errors.items
    errors.string(event, "type", "", required=True, enum=EVENT_TYPES)
    errors.string(event, "occurred_at", "", required=True, fmt="date-time")
    line = errors.integer(event, "item_line", "", required=False)
    if line is not None and line not in known_lines:
        errors.add("item_line", "unknown_line", "the registration has no item with this line")
    _check_person(errors, event, "buyer", "", required=False)
    errors.money(event, "price", "", required=False)
    errors.string(event, "note", "", required=False, max_length=500)
    return errors.items


def item_lines(registration: dict[str, Any]) -> set[int]:
    """The line numbers of a stored (so already valid) registration."""
    return {int(item["line"]) for item in registration["items"]}


def _check_person(
    errors: FieldErrors, parent: dict[str, Any], key: str, path: str, *, required: bool
) -> None:
    """The contract's Seller shape (also used for an event's buyer)."""
    person = errors.object(parent, key, path, required=required)
    if person is None:
        return
    field = child(path, key)
    errors.string(person, "family_name", field, required=True, max_length=120)
    errors.string(person, "given_names", field, required=True, max_length=120)
    errors.string(person, "date_of_birth", field, required=False, fmt="date")
    address = errors.object(person, "address", field, required=True)
    if address is None:
        return
    where = child(field, "address")
    errors.string(address, "street", where, required=True, max_length=120)
    errors.string(address, "house_number", where, required=True, max_length=16)
    errors.string(address, "postcode", where, required=True, max_length=16)
    errors.string(address, "city", where, required=True, max_length=80)
    errors.string(address, "country", where, required=True, pattern=_COUNTRY)


def _check_id_document(errors: FieldErrors, reg: dict[str, Any]) -> None:
    document = errors.object(reg, "id_document", "", required=True)
    if document is None:
        return
    errors.string(document, "type", "id_document", required=True, enum=ID_DOCUMENT_TYPES)
    number = errors.string(document, "number", "id_document", required=True, max_length=32)
    country = errors.string(
        document, "issuing_country", "id_document", required=True, pattern=_ISSUING_COUNTRY
    )
    errors.string(document, "expiry_date", "id_document", required=False, fmt="date")
    errors.string(document, "read_from", "id_document", required=False, enum=READ_FROM)
    if number is not None and country == "NLD" and _is_personal_number(number):
        errors.add(
            "id_document.number",
            "personal_number",
            "this is a citizen service number (BSN), not a document number; Dutch document numbers "
            "start with two letters",
        )


def _is_personal_number(number: str) -> bool:
    """Nine digits (spaces and dots ignored) passing the BSN 11-test.

    The full match is checked here because ``bsn_valid`` itself accepts a trailing newline in its
    pattern and then fails on the length.
    """
    digits = _DOCUMENT_SEPARATORS.sub("", number)
    return _NINE_DIGITS.fullmatch(digits) is not None and bsn_valid(digits)


def _check_chain(errors: FieldErrors, reg: dict[str, Any]) -> None:
    """(1.1) The optional ChainPosition: the entry's place in the shop's hash chain."""
    chain = errors.object(reg, "chain", "", required=False)
    if chain is None:
        return
    errors.string(chain, "counter", "chain", required=True, max_length=16)
    errors.integer(chain, "sequence", "chain", required=True, minimum=1, maximum=MAX_SEQUENCE)
    errors.string(chain, "previous_hash", "chain", required=True, pattern=_SHA256)
    errors.string(chain, "entry_hash", "chain", required=True, pattern=_SHA256)


def _check_items(errors: FieldErrors, reg: dict[str, Any]) -> None:
    items = errors.array(reg, "items", "", required=True, min_items=1, max_items=MAX_ITEMS)
    if items is None:
        return
    seen_lines: set[int] = set()
    for index, item in enumerate(items):
        path = f"items[{index}]"
        if not isinstance(item, dict):
            errors.add(path, "type", "an item must be an object")
            continue
        line = errors.integer(item, "line", path, required=True, minimum=1)
        if line is not None:
            if line in seen_lines:
                errors.add(f"{path}.line", "duplicate_line", "another item has the same line number")
            seen_lines.add(line)
        _check_item_fields(errors, item, path)


def _check_item_fields(errors: FieldErrors, item: dict[str, Any], path: str) -> None:
    errors.string(item, "category", path, required=True, enum=CATEGORIES)
    errors.string(item, "brand", path, required=False, max_length=80)
    errors.string(item, "model", path, required=False, max_length=80)
    errors.string(item, "serial_number", path, required=False, max_length=64)
    imei = errors.string(item, "imei", path, required=False, pattern=_IMEI)
    if imei is not None and not imei_valid(imei):
        errors.add(f"{path}.imei", "invalid_check_digit", "the last digit is not the IMEI's Luhn check digit")
    errors.string(item, "frame_number", path, required=False, max_length=64)
    errors.string(item, "description", path, required=True, min_length=1, max_length=500)
    errors.integer(item, "quantity", path, required=True, minimum=1)
    errors.string(item, "weight_grams", path, required=False, pattern=_WEIGHT)
    errors.integer(item, "fineness", path, required=False, minimum=1, maximum=1000)
    errors.string(item, "hallmark", path, required=False, max_length=80)
    errors.money(item, "price", path, required=True)
    photos = errors.array(item, "photo_sha256", path, required=False)
    for index, photo in enumerate(photos or []):
        errors.string_value(photo, f"{path}.photo_sha256[{index}]", pattern=_SHA256)
