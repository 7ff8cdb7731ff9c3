"""The closed vocabularies of the DOR contract (resources/openapi.yaml), as string enums.

The values are the contract's own strings, so an enum member serialises to the wire unchanged.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    PHONE = "phone"
    TABLET = "tablet"
    LAPTOP = "laptop"
    COMPUTER = "computer"
    CAMERA = "camera"
    AUDIO_VIDEO = "audio_video"
    GAME_CONSOLE = "game_console"
    BICYCLE = "bicycle"
    E_BIKE = "e_bike"
    MOPED = "moped"
    VEHICLE_PART = "vehicle_part"
    TOOL = "tool"
    WATCH = "watch"
    JEWELLERY = "jewellery"
    GOLD = "gold"
    SILVER = "silver"
    PLATINUM = "platinum"
    COPPER = "copper"
    OTHER_METAL = "other_metal"
    GEMSTONE = "gemstone"
    ART = "art"
    MUSICAL_INSTRUMENT = "musical_instrument"
    OTHER = "other"


#: Categories bought by weight: the metal rules (ID for cash) and weight/fineness apply.
METAL_CATEGORIES = frozenset(
    {Category.GOLD, Category.SILVER, Category.PLATINUM, Category.COPPER, Category.OTHER_METAL}
)
#: Categories whose goods rarely carry a unique number: a photo or an engraving is asked for.
PHOTO_CATEGORIES = frozenset({Category.JEWELLERY, Category.GOLD})
#: Categories identified by a frame number.
FRAME_CATEGORIES = frozenset({Category.BICYCLE, Category.E_BIKE})


class AcquisitionType(StrEnum):
    PURCHASE = "purchase"
    EXCHANGE = "exchange"
    PLEDGE = "pledge"
    TRADE_IN = "trade_in"
    GIFT = "gift"
    CONSIGNMENT = "consignment"


class PaymentMethod(StrEnum):
    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    NONE = "none"


class IdDocumentType(StrEnum):
    PASSPORT = "passport"
    ID_CARD = "id_card"
    DRIVING_LICENCE = "driving_licence"
    RESIDENCE_DOCUMENT = "residence_document"
    OTHER = "other"


class ReadFrom(StrEnum):
    MRZ = "mrz"
    MANUAL = "manual"


class EntryKind(StrEnum):
    """What a register entry is: the register is append-only, so changes are new entries."""

    PURCHASE = "purchase"
    CORRECTION = "correction"
    VOID = "void"
