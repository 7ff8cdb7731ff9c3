"""Validation of a purchase: every problem at once, as (field path, code, message, severity).

The UI shows each problem next to its field, the CLI lists them, and the sync layer maps the DOR's
own field errors onto the same shape. Field paths follow the contract (``items[0].imei``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from dor_desktop.domain.bsn_text import contains_bsn, has_control_characters
from dor_desktop.domain.checks import imei_valid
from dor_desktop.domain.enums import (
    FRAME_CATEGORIES,
    METAL_CATEGORIES,
    PHOTO_CATEGORIES,
    Category,
    PaymentMethod,
)
from dor_desktop.domain.money import MAX_AMOUNT, has_at_most_two_decimals
from dor_desktop.domain.purchase import Address, IdDocument, Item, Purchase
from dor_desktop.domain.rules import CONFIGURABLE_CHECKS, RulePack, Severity

# Dutch postcodes: four digits not starting with 0, two letters; SA, SD and SS are never issued.
_NL_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$")
_POSSIBLE_BSN = "this contains a number that looks like a citizen service number (BSN)"
_COUNTRY2 = re.compile(r"^[A-Z]{2}$")
_ICAO_COUNTRY = re.compile(r"^[A-Z]{1,3}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_WEIGHT_MAX = Decimal("9999999.999")
#: A purchase dated this far in the future is a typo or a wrong clock, not a purchase.
_FUTURE_TOLERANCE = timedelta(minutes=10)
#: Before this a purchase time is a typo in the year; such times also break storage (year 1
#: overflows when converted to UTC, years before 1000 do not sort as text).
_EARLIEST_PURCHASE = datetime(2000, 1, 1, tzinfo=UTC)
_CONTROL_CHARACTER = (
    "this contains an invisible or control character (a tab, line break or zero-width character); retype it"
)
#: Dates of birth before this are typos (0001-01-01 is a form's empty value, not a person).
_EARLIEST_BIRTH = date(1900, 1, 1)
#: More pieces than this on one line is a typo (10^18 was stored and sent before this check).
MAX_QUANTITY = 100_000

#: Maximum lengths from the contract, so nothing is accepted locally that the DOR refuses.
_MAX_LEN = {
    "family_name": 120,
    "given_names": 120,
    "street": 120,
    "house_number": 16,
    "postcode": 16,
    "city": 80,
    "number": 32,
    "brand": 80,
    "model": 80,
    "serial_number": 64,
    "frame_number": 64,
    "description": 500,
    "hallmark": 80,
    "clerk": 64,
    "vehicle_plate": 16,
    "late_entry_reason": 500,
}


@dataclass(frozen=True)
class FieldError:
    path: str
    code: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.code}]"


def errors_only(problems: list[FieldError]) -> list[FieldError]:
    return [p for p in problems if p.severity == "error"]


def unacknowledged(problems: list[FieldError], purchase: Purchase) -> list[FieldError]:
    """Errors, plus warnings the clerk has not overridden: what stops a commit."""
    accepted = {(o.code, o.field) for o in purchase.overrides}
    return [p for p in problems if p.severity == "error" or (p.code, p.path) not in accepted]


def validate(purchase: Purchase, rules: RulePack, now: datetime) -> list[FieldError]:
    """Every problem with ``purchase`` under ``rules``; an empty list means it may be committed.

    ``now`` is passed in (timezone-aware) so that validation is a pure function and testable.
    """
    found: list[FieldError] = []
    found += _check_purchase(purchase, now)
    found += _check_seller(purchase)
    found += _check_id_document(purchase, rules)
    for index, item in enumerate(purchase.items):
        found += _check_item(item, f"items[{index}]")
    found += _check_for_bsn_in_text(purchase)
    found += _check_control_characters(purchase)
    return [_with_pack_severity(p, rules) for p in found]


def _text_fields(purchase: Purchase) -> Iterator[tuple[str, str, bool]]:
    """Every free-text value as (path, text, is_identifier)."""
    seller, address = purchase.seller, purchase.seller.address
    yield "seller.family_name", seller.family_name, False
    yield "seller.given_names", seller.given_names, False
    for key in ("street", "house_number", "postcode", "city"):
        yield f"seller.address.{key}", getattr(address, key), False
    yield "clerk", purchase.clerk, False
    yield "vehicle_plate", purchase.vehicle_plate, False
    yield "late_entry_reason", purchase.late_entry_reason, False
    for index, item in enumerate(purchase.items):
        for key in ("description", "brand", "model", "hallmark"):
            yield f"items[{index}].{key}", getattr(item, key), False
        for key in ("serial_number", "frame_number"):
            yield f"items[{index}].{key}", getattr(item, key), True
    for index, override in enumerate(purchase.overrides):
        yield f"overrides[{index}].note", override.note, False


def _check_for_bsn_in_text(purchase: Purchase) -> list[FieldError]:
    """A citizen service number typed anywhere would be stored and sent: refuse it.

    In a serial or frame number a genuine nine-digit number can pass the 11-test by chance (about
    one in eleven), so there it is a warning the clerk can confirm; everywhere else an error.
    The number is found however it was written (spaces, dots, dashes, full-width digits,
    zero-width characters): see :mod:`dor_desktop.domain.bsn_text`.
    """
    found = []
    for path, value, is_identifier in _text_fields(purchase):
        if value and contains_bsn(value):
            if is_identifier:
                found.append(
                    FieldError(
                        path, "possible_bsn", _POSSIBLE_BSN + "; confirm it is the item's number", "warning"
                    )
                )
            else:
                found.append(FieldError(path, "possible_bsn", _POSSIBLE_BSN + "; remove it"))
    return found


def _check_control_characters(purchase: Purchase) -> list[FieldError]:
    """Refuse control and invisible characters in every text: they reach lists, exports and the DOR
    raw (a terminal escape in a name rewrites the screen of whoever lists the register), and they
    hide text from searches and from the eye."""
    document = purchase.id_document
    texts = list(_text_fields(purchase))
    if document is not None:
        texts += [("id_document.number", document.number, True)]
        texts += [("id_document.issuing_country", document.issuing_country, True)]
    texts += [("seller.address.country", purchase.seller.address.country, True)]
    return [
        FieldError(path, "control_character", _CONTROL_CHARACTER)
        for path, value, _ in texts
        if value and has_control_characters(value)
    ]


def _with_pack_severity(problem: FieldError, rules: RulePack) -> FieldError:
    """The pack decides the severity of its configurable checks; every other keeps its own."""
    if problem.code not in CONFIGURABLE_CHECKS:
        return problem
    severity = rules.severity_of(problem.code)
    if severity == problem.severity:
        return problem
    return FieldError(problem.path, problem.code, problem.message, severity)


def _required(value: str, path: str, message: str) -> Iterator[FieldError]:
    if not value.strip():
        yield FieldError(path, "required", message)


def _max_length(value: str, path: str, key: str) -> Iterator[FieldError]:
    limit = _MAX_LEN[key]
    if len(value) > limit:
        yield FieldError(path, "too_long", f"at most {limit} characters ({len(value)} given)")


def _check_purchase(purchase: Purchase, now: datetime) -> list[FieldError]:
    found: list[FieldError] = []
    if purchase.acquired_at.tzinfo is None:
        found.append(FieldError("acquired_at", "invalid_format", "the time needs a time zone"))
    elif purchase.acquired_at > now + _FUTURE_TOLERANCE:
        found.append(FieldError("acquired_at", "in_future", "the purchase time is in the future"))
    elif purchase.acquired_at < _EARLIEST_PURCHASE:
        found.append(
            FieldError("acquired_at", "out_of_range", "the purchase time is before 2000; check the year")
        )
    if purchase.acquisition_type is None:
        found.append(FieldError("acquisition_type", "required", "the kind of acquisition is required"))
    if purchase.payment_method is None:
        found.append(FieldError("payment_method", "required", "the payment method is required"))
    if not purchase.items:
        found.append(FieldError("items", "required", "at least one item is required"))
    if len(purchase.items) > 200:
        found.append(FieldError("items", "too_many", "at most 200 items per entry"))
    if purchase.total_amount > MAX_AMOUNT:
        found.append(FieldError("total_amount", "invalid_amount", "the total is too large"))
    found += _max_length(purchase.clerk, "clerk", "clerk")
    found += _max_length(purchase.vehicle_plate, "vehicle_plate", "vehicle_plate")
    found += _max_length(purchase.late_entry_reason, "late_entry_reason", "late_entry_reason")
    return found


def is_late_entry(acquired_at: datetime, registered_at: datetime, rules: RulePack) -> bool:
    """True when the purchase is dated more than the pack's limit before its registration."""
    return registered_at - acquired_at > timedelta(hours=rules.late_entry_hours)


def late_entry_problems(purchase: Purchase, rules: RulePack, registered_at: datetime) -> list[FieldError]:
    """A late entry (a purchase registered after the fact) must say why.

    Kept apart from :func:`validate` because it needs the registration time, which for a
    correction is the original entry's: the register asks this at commit.
    """
    if purchase.acquired_at.tzinfo is None or not is_late_entry(purchase.acquired_at, registered_at, rules):
        return []
    if purchase.late_entry_reason.strip():
        return []
    hours = rules.late_entry_hours
    return [
        FieldError(
            "late_entry_reason",
            "late_entry_reason_required",
            f"the purchase is dated more than {hours} hours before its registration (a late entry); "
            "say why it is entered late",
        )
    ]


def _check_seller(purchase: Purchase) -> list[FieldError]:
    seller = purchase.seller
    found = list(_required(seller.family_name, "seller.family_name", "the family name is required"))
    found += _required(seller.given_names, "seller.given_names", "the given names are required")
    found += _max_length(seller.family_name, "seller.family_name", "family_name")
    found += _max_length(seller.given_names, "seller.given_names", "given_names")
    found += _check_birth(seller.date_of_birth, purchase.acquired_at)
    found += _check_address(seller.address, "seller.address")
    return found


def _check_birth(dob: date | None, acquired_at: datetime) -> list[FieldError]:
    path = "seller.date_of_birth"
    if dob is None:
        return []
    if dob > acquired_at.date():
        return [FieldError(path, "in_future", "the date of birth is in the future")]
    if dob < _EARLIEST_BIRTH:
        return [FieldError(path, "out_of_range", "the date of birth is before 1900; check the year")]
    return []


def _check_address(address: Address, path: str) -> list[FieldError]:
    found = list(_required(address.street, f"{path}.street", "the street is required"))
    found += _required(address.house_number, f"{path}.house_number", "the house number is required")
    found += _required(address.postcode, f"{path}.postcode", "the postcode is required")
    found += _required(address.city, f"{path}.city", "the city is required")
    for key in ("street", "house_number", "postcode", "city"):
        found += _max_length(getattr(address, key), f"{path}.{key}", key)
    if not _COUNTRY2.match(address.country):
        found.append(FieldError(f"{path}.country", "invalid_country", "use a two-letter country code (NL)"))
    elif address.country == "NL" and address.postcode and not _NL_POSTCODE.match(address.postcode):
        found.append(
            FieldError(f"{path}.postcode", "invalid_postcode", "a Dutch postcode looks like 1234 AB")
        )
    return found


def _id_required(purchase: Purchase, rules: RulePack) -> tuple[bool, str]:
    """Whether an ID document is needed, and which code a missing one gets.

    Metal bought for cash always needs one (art. 437 Sr, metal rules); other purchases follow the
    pack, which by default (bill 36036) asks for one from every seller.
    """
    metal_for_cash = purchase.payment_method == PaymentMethod.CASH and any(
        i.category in METAL_CATEGORIES for i in purchase.items
    )
    if metal_for_cash:
        return True, "metal_cash_id_required"
    return rules.id_document_required == "all_sellers", "id_document_missing"


def _check_id_document(purchase: Purchase, rules: RulePack) -> list[FieldError]:
    document = purchase.id_document
    needed, code = _id_required(purchase, rules)
    if document is None or not (document.number or document.type or document.issuing_country):
        if code == "metal_cash_id_required":
            return [FieldError("id_document", code, "metal bought for cash requires an ID document")]
        if needed or rules.severity_of(code) == "warning":
            return [FieldError("id_document", code, "the seller's ID document is missing")]
        return []
    return _check_document_fields(document, purchase)


def _check_document_fields(document: IdDocument, purchase: Purchase) -> list[FieldError]:
    found: list[FieldError] = []
    if document.type is None:
        found.append(FieldError("id_document.type", "required", "the document type is required"))
    found += _required(document.number, "id_document.number", "the document number is required")
    found += _max_length(document.number, "id_document.number", "number")
    if not _ICAO_COUNTRY.match(document.issuing_country):
        found.append(
            FieldError("id_document.issuing_country", "invalid_country", "use the ICAO code (NLD, D, BEL)")
        )
    if document.issuing_country in ("NLD", "NL") and contains_bsn(document.number):
        found.append(
            FieldError(
                "id_document.number",
                "personal_number",
                "this is a citizen service number (BSN), not a document number; "
                "Dutch document numbers start with two letters",
            )
        )
    if document.expiry_date is not None and document.expiry_date < purchase.acquired_at.date():
        found.append(FieldError("id_document.expiry_date", "id_expired", "the ID document has expired"))
    return found


def _check_item(item: Item, path: str) -> list[FieldError]:
    found: list[FieldError] = []
    if item.category is None:
        return [FieldError(f"{path}.category", "required", "the category is required")]
    found += _required(item.description, f"{path}.description", "the description is required")
    for key in ("brand", "model", "serial_number", "frame_number", "description", "hallmark"):
        found += _max_length(getattr(item, key), f"{path}.{key}", key)
    if item.quantity < 1:
        found.append(FieldError(f"{path}.quantity", "invalid_quantity", "the quantity must be at least 1"))
    elif item.quantity > MAX_QUANTITY:
        found.append(
            FieldError(f"{path}.quantity", "invalid_quantity", f"at most {MAX_QUANTITY:,} pieces on one line")
        )
    found += _check_price(item.price, f"{path}.price")
    found += _check_identifiers(item, path)
    if item.category in METAL_CATEGORIES:
        found += _check_metal(item, path)
    if any(not _SHA256.match(h) for h in item.photo_sha256):
        found.append(FieldError(f"{path}.photo_sha256", "invalid_format", "not a SHA-256 photo reference"))
    return found


def _check_price(price: Decimal | None, path: str) -> list[FieldError]:
    if price is None:
        return [FieldError(path, "required", "the price is required")]
    if price <= 0:
        return [FieldError(path, "invalid_amount", "the amount must be more than zero")]
    if not has_at_most_two_decimals(price):
        return [FieldError(path, "invalid_amount", "the amount can have at most two decimals")]
    if price > MAX_AMOUNT:
        return [FieldError(path, "invalid_amount", "the amount is too large")]
    return []


def _check_identifiers(item: Item, path: str) -> list[FieldError]:
    found: list[FieldError] = []
    if item.imei:
        if not (len(item.imei) == 15 and item.imei.isdigit() and item.imei.isascii()):
            found.append(FieldError(f"{path}.imei", "invalid_imei", "an IMEI has exactly 15 digits"))
        elif not imei_valid(item.imei):
            found.append(
                FieldError(
                    f"{path}.imei", "invalid_check_digit", "the IMEI's check digit is wrong; retype it"
                )
            )
    if item.category == Category.PHONE and not (item.imei or item.serial_number):
        found.append(FieldError(f"{path}.imei", "required", "a phone needs its IMEI (or serial number)"))
    if item.category in FRAME_CATEGORIES and not item.frame_number.strip():
        found.append(FieldError(f"{path}.frame_number", "required", "a bicycle needs its frame number"))
    no_number = not (item.serial_number.strip() or item.hallmark.strip())
    if item.category in PHOTO_CATEGORIES and no_number and not item.photo_sha256:
        found.append(
            FieldError(
                f"{path}.photo_sha256",
                "photo_or_number_missing",
                "goods without a unique number need a photo",
                "warning",
            )
        )
    return found


def _check_metal(item: Item, path: str) -> list[FieldError]:
    found: list[FieldError] = []
    weight = item.weight_grams
    if weight is None:
        found.append(FieldError(f"{path}.weight_grams", "required", "metal needs its weight in grams"))
    elif weight <= 0 or weight > _WEIGHT_MAX or weight != weight.quantize(Decimal("0.001")):
        found.append(
            FieldError(f"{path}.weight_grams", "invalid_weight", "a weight in grams, at most three decimals")
        )
    if item.fineness is None:
        found.append(FieldError(f"{path}.fineness", "required", "metal needs its fineness (e.g. 585)"))
    elif not 1 <= item.fineness <= 1000:
        found.append(FieldError(f"{path}.fineness", "invalid_fineness", "fineness is per mille: 1 to 1000"))
    return found
