"""Display names of the domain's closed vocabularies and field problems, all translatable.

The domain layer speaks English codes (``phone``, ``invalid_check_digit``); the clerk reads Dutch
(or English). Keeping every label here, marked with ``QT_TRANSLATE_NOOP``, means lupdate finds
them and no code path can show an untranslated enum value by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dor_desktop.domain.enums import AcquisitionType, Category, IdDocumentType, PaymentMethod
from dor_desktop.domain.validation import FieldError

CATEGORIES = {
    Category.PHONE: QT_TRANSLATE_NOOP("Vocabulary", "Phone"),
    Category.TABLET: QT_TRANSLATE_NOOP("Vocabulary", "Tablet"),
    Category.LAPTOP: QT_TRANSLATE_NOOP("Vocabulary", "Laptop"),
    Category.COMPUTER: QT_TRANSLATE_NOOP("Vocabulary", "Computer"),
    Category.CAMERA: QT_TRANSLATE_NOOP("Vocabulary", "Camera"),
    Category.AUDIO_VIDEO: QT_TRANSLATE_NOOP("Vocabulary", "Audio and video"),
    Category.GAME_CONSOLE: QT_TRANSLATE_NOOP("Vocabulary", "Game console"),
    Category.BICYCLE: QT_TRANSLATE_NOOP("Vocabulary", "Bicycle"),
    Category.E_BIKE: QT_TRANSLATE_NOOP("Vocabulary", "E-bike"),
    Category.MOPED: QT_TRANSLATE_NOOP("Vocabulary", "Moped or scooter"),
    Category.VEHICLE_PART: QT_TRANSLATE_NOOP("Vocabulary", "Vehicle part"),
    Category.TOOL: QT_TRANSLATE_NOOP("Vocabulary", "Tool"),
    Category.WATCH: QT_TRANSLATE_NOOP("Vocabulary", "Watch"),
    Category.JEWELLERY: QT_TRANSLATE_NOOP("Vocabulary", "Jewellery"),
    Category.GOLD: QT_TRANSLATE_NOOP("Vocabulary", "Gold"),
    Category.SILVER: QT_TRANSLATE_NOOP("Vocabulary", "Silver"),
    Category.PLATINUM: QT_TRANSLATE_NOOP("Vocabulary", "Platinum"),
    Category.COPPER: QT_TRANSLATE_NOOP("Vocabulary", "Copper"),
    Category.OTHER_METAL: QT_TRANSLATE_NOOP("Vocabulary", "Other metal"),
    Category.GEMSTONE: QT_TRANSLATE_NOOP("Vocabulary", "Gemstone"),
    Category.ART: QT_TRANSLATE_NOOP("Vocabulary", "Art"),
    Category.MUSICAL_INSTRUMENT: QT_TRANSLATE_NOOP("Vocabulary", "Musical instrument"),
    Category.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other goods"),
}

DOCUMENT_TYPES = {
    IdDocumentType.PASSPORT: QT_TRANSLATE_NOOP("Vocabulary", "Passport"),
    IdDocumentType.ID_CARD: QT_TRANSLATE_NOOP("Vocabulary", "Identity card"),
    IdDocumentType.DRIVING_LICENCE: QT_TRANSLATE_NOOP("Vocabulary", "Driving licence"),
    IdDocumentType.RESIDENCE_DOCUMENT: QT_TRANSLATE_NOOP("Vocabulary", "Residence document"),
    IdDocumentType.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other document"),
}

ACQUISITION_TYPES = {
    AcquisitionType.PURCHASE: QT_TRANSLATE_NOOP("Vocabulary", "Purchase"),
    AcquisitionType.EXCHANGE: QT_TRANSLATE_NOOP("Vocabulary", "Exchange"),
    AcquisitionType.PLEDGE: QT_TRANSLATE_NOOP("Vocabulary", "Pledge"),
    AcquisitionType.TRADE_IN: QT_TRANSLATE_NOOP("Vocabulary", "Trade-in"),
    AcquisitionType.GIFT: QT_TRANSLATE_NOOP("Vocabulary", "Gift"),
    AcquisitionType.CONSIGNMENT: QT_TRANSLATE_NOOP("Vocabulary", "Consignment"),
}

PAYMENT_METHODS = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Vocabulary", "Cash"),
    PaymentMethod.BANK_TRANSFER: QT_TRANSLATE_NOOP("Vocabulary", "Bank transfer"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("Vocabulary", "Card"),
    PaymentMethod.NONE: QT_TRANSLATE_NOOP("Vocabulary", "No payment"),
}

ENTRY_KINDS = {
    "purchase": QT_TRANSLATE_NOOP("Vocabulary", "Purchase"),
    "correction": QT_TRANSLATE_NOOP("Vocabulary", "Correction"),
    "void": QT_TRANSLATE_NOOP("Vocabulary", "Void"),
}

SYNC_STATES = {
    None: QT_TRANSLATE_NOOP("Vocabulary", "Not queued"),
    "pending": QT_TRANSLATE_NOOP("Vocabulary", "Waiting to send"),
    "sending": QT_TRANSLATE_NOOP("Vocabulary", "Sending"),
    "retry": QT_TRANSLATE_NOOP("Vocabulary", "Will retry"),
    "acknowledged": QT_TRANSLATE_NOOP("Vocabulary", "Received by the DOR"),
    "accepted": QT_TRANSLATE_NOOP("Vocabulary", "Received by the DOR"),
    "rejected": QT_TRANSLATE_NOOP("Vocabulary", "Rejected: needs a fix"),
    "conflict": QT_TRANSLATE_NOOP("Vocabulary", "Conflict: needs a look"),
    "superseded": QT_TRANSLATE_NOOP("Vocabulary", "Replaced by a correction"),
}

MATCHED_FIELDS = {
    "imei": QT_TRANSLATE_NOOP("Vocabulary", "IMEI"),
    "serial_number": QT_TRANSLATE_NOOP("Vocabulary", "serial number"),
    "frame_number": QT_TRANSLATE_NOOP("Vocabulary", "frame number"),
    "description": QT_TRANSLATE_NOOP("Vocabulary", "description"),
}

MATCH_TYPES = {
    "exact": QT_TRANSLATE_NOOP("Vocabulary", "exact match"),
    "partial": QT_TRANSLATE_NOOP("Vocabulary", "partial match: compare carefully"),
}

#: Field names for messages that name a field (the DOR's refusals): by the path's last part.
FIELD_NAMES = {
    "id_document": QT_TRANSLATE_NOOP("Vocabulary", "ID document"),
    "number": QT_TRANSLATE_NOOP("Vocabulary", "document number"),
    "issuing_country": QT_TRANSLATE_NOOP("Vocabulary", "issuing country"),
    "expiry_date": QT_TRANSLATE_NOOP("Vocabulary", "expiry date"),
    "family_name": QT_TRANSLATE_NOOP("Vocabulary", "family name"),
    "given_names": QT_TRANSLATE_NOOP("Vocabulary", "given names"),
    "street": QT_TRANSLATE_NOOP("Vocabulary", "street"),
    "house_number": QT_TRANSLATE_NOOP("Vocabulary", "house number"),
    "postcode": QT_TRANSLATE_NOOP("Vocabulary", "postcode"),
    "city": QT_TRANSLATE_NOOP("Vocabulary", "city"),
    "imei": QT_TRANSLATE_NOOP("Vocabulary", "IMEI"),
    "serial_number": QT_TRANSLATE_NOOP("Vocabulary", "serial number"),
    "frame_number": QT_TRANSLATE_NOOP("Vocabulary", "frame number"),
    "price": QT_TRANSLATE_NOOP("Vocabulary", "price"),
    "description": QT_TRANSLATE_NOOP("Vocabulary", "description"),
}

#: What a field problem means, per code; a few codes read better per field (see _BY_FIELD).
PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("Problems", "Required"),
    "too_long": QT_TRANSLATE_NOOP("Problems", "Too long"),
    "invalid_postcode": QT_TRANSLATE_NOOP("Problems", "A Dutch postcode looks like 1234 AB"),
    "in_future": QT_TRANSLATE_NOOP("Problems", "This date lies in the future"),
    "invalid_date": QT_TRANSLATE_NOOP("Problems", "Not a date: type dd-mm-yyyy"),
    "invalid_amount": QT_TRANSLATE_NOOP("Problems", "Not a valid amount (for example 12,50)"),
    "invalid_imei": QT_TRANSLATE_NOOP("Problems", "An IMEI has exactly 15 digits"),
    "invalid_check_digit": QT_TRANSLATE_NOOP("Problems", "The IMEI check digit is wrong: retype the IMEI"),
    "id_expired": QT_TRANSLATE_NOOP("Problems", "The ID document has expired"),
    "metal_cash_id_required": QT_TRANSLATE_NOOP(
        "Problems", "Metal bought for cash: an ID document is required"
    ),
    "id_document_missing": QT_TRANSLATE_NOOP("Problems", "The seller's ID document is missing"),
    "personal_number": QT_TRANSLATE_NOOP(
        "Problems", "This is a citizen service number (BSN), not a document number"
    ),
    "possible_bsn": QT_TRANSLATE_NOOP(
        "Problems", "This looks like a citizen service number (BSN): remove it"
    ),
    "control_character": QT_TRANSLATE_NOOP(
        "Problems", "Contains an invisible or control character: retype it"
    ),
    "photo_or_number_missing": QT_TRANSLATE_NOOP(
        "Problems", "Goods without a unique number need a photo or a hallmark"
    ),
    "invalid_weight": QT_TRANSLATE_NOOP("Problems", "A weight in grams, at most three decimals"),
    "invalid_fineness": QT_TRANSLATE_NOOP("Problems", "Fineness is per mille: 1 to 1000"),
    "invalid_quantity": QT_TRANSLATE_NOOP("Problems", "At least 1"),
    "too_many": QT_TRANSLATE_NOOP("Problems", "At most 200 items per entry"),
    "invalid_format": QT_TRANSLATE_NOOP("Problems", "Not in the expected form"),
    "invalid_value": QT_TRANSLATE_NOOP("Problems", "Not one of the allowed values"),
}

_BY_FIELD = {
    ("possible_bsn", "serial_number"): QT_TRANSLATE_NOOP(
        "Problems", "This looks like a citizen service number (BSN): check it is the item's number"
    ),
    ("possible_bsn", "frame_number"): QT_TRANSLATE_NOOP(
        "Problems", "This looks like a citizen service number (BSN): check it is the item's number"
    ),
    ("required", "category"): QT_TRANSLATE_NOOP("Problems", "Choose a category first"),
    ("required", "imei"): QT_TRANSLATE_NOOP("Problems", "A phone needs its IMEI (or serial number)"),
    ("required", "frame_number"): QT_TRANSLATE_NOOP("Problems", "A bicycle needs its frame number"),
    ("required", "weight_grams"): QT_TRANSLATE_NOOP("Problems", "Metal needs its weight in grams"),
    ("required", "fineness"): QT_TRANSLATE_NOOP("Problems", "Metal needs its fineness (for example 585)"),
    ("required", "items"): QT_TRANSLATE_NOOP("Problems", "Add at least one item"),
    ("invalid_country", "country"): QT_TRANSLATE_NOOP("Problems", "Use a two-letter country code (NL)"),
    ("invalid_country", "issuing_country"): QT_TRANSLATE_NOOP(
        "Problems", "Use the code on the document (NLD, D, BEL)"
    ),
}


def translated(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def label(vocabulary: dict, value) -> str:
    """The translated label of ``value``, or the raw value for something the vocabulary lacks."""
    source = vocabulary.get(value)
    return translated("Vocabulary", source) if source else str(value or "")


def problem_text(problem: FieldError) -> str:
    """The translated message for a field problem; the original text when the code is unknown."""
    last = problem.path.rsplit(".", 1)[-1].split("[", 1)[0]
    source = _BY_FIELD.get((problem.code, last)) or PROBLEMS.get(problem.code)
    return translated("Problems", str(source)) if source else problem.message


def field_problem_text(problem: FieldError) -> str:
    """ "field: problem" for a list away from the form (the DOR's refusals)."""
    last = problem.path.rsplit(".", 1)[-1].split("[", 1)[0]
    name = translated("Vocabulary", str(FIELD_NAMES[last])) if last in FIELD_NAMES else problem.path
    return f"{name}: {problem_text(problem)}"
