"""The purchase register's entities: plain frozen dataclasses, no I/O.

A :class:`Purchase` is what the clerk records at the counter; the storage layer gives it a register
number and a client reference when it is committed, and the sync layer turns it into the contract's
``Registration``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from dor_desktop.domain.enums import (
    AcquisitionType,
    Category,
    IdDocumentType,
    PaymentMethod,
    ReadFrom,
)


@dataclass(frozen=True)
class Address:
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"


@dataclass(frozen=True)
class Seller:
    family_name: str = ""
    given_names: str = ""
    address: Address = field(default_factory=Address)
    date_of_birth: date | None = None

    @property
    def display_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


@dataclass(frozen=True)
class IdDocument:
    """The seller's identity document. ``number`` is the document number, never a BSN."""

    type: IdDocumentType | None = None
    number: str = ""
    issuing_country: str = ""
    expiry_date: date | None = None
    read_from: ReadFrom = ReadFrom.MANUAL


@dataclass(frozen=True)
class Item:
    """One line of goods. ``price`` is the amount paid for the whole line (all of ``quantity``)."""

    line: int
    category: Category | None
    description: str = ""
    price: Decimal | None = None
    quantity: int = 1
    brand: str = ""
    model: str = ""
    serial_number: str = ""
    imei: str = ""
    frame_number: str = ""
    weight_grams: Decimal | None = None
    fineness: int | None = None
    hallmark: str = ""
    photo_sha256: tuple[str, ...] = ()

    @property
    def identifiers(self) -> tuple[str, ...]:
        """The unique numbers on the item (IMEI, serial, frame), the keys of a stolen-goods match."""
        return tuple(v for v in (self.imei, self.serial_number, self.frame_number) if v)


@dataclass(frozen=True)
class Override:
    """A warning the clerk saw and accepted; kept with the entry as evidence of the decision."""

    code: str
    field: str
    note: str = ""


@dataclass(frozen=True)
class Purchase:
    acquired_at: datetime
    seller: Seller
    items: tuple[Item, ...]
    id_document: IdDocument | None = None
    acquisition_type: AcquisitionType | None = AcquisitionType.PURCHASE
    payment_method: PaymentMethod | None = PaymentMethod.CASH
    clerk: str = ""
    vehicle_plate: str = ""
    overrides: tuple[Override, ...] = ()
    #: Why a purchase is registered well after it happened (a "late entry"; see the rule pack's
    #: ``late_entry_hours``). Kept in the register, not sent to the DOR (the contract has no field).
    late_entry_reason: str = ""

    @property
    def total_amount(self) -> Decimal:
        return sum((i.price for i in self.items if i.price is not None), Decimal("0"))
