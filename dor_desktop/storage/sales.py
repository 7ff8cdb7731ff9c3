"""The sales register (verkoopregister): record a sale, or say why not.

A sale is refused while the hold period runs (the latest of every version's), while any hit on
any version of the entry holds the goods for the police, and on entries that were voided or
replaced by a correction (sell from the newest one). A recorded sale is also queued for the DOR
as a ``sold`` event on the registration, in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dor_desktop.domain.bsn_text import free_text_problem
from dor_desktop.domain.clock import to_utc_text, utc_now
from dor_desktop.domain.enums import EntryKind
from dor_desktop.domain.money import to_wire
from dor_desktop.errors import UserError
from dor_desktop.storage.chain import canonical_json
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import OutboxMessage, RegisterEntry, Sale
from dor_desktop.storage.register import chain_versions, find_entry, held_version, payload_of


class SaleBlocked(UserError):
    """A sale that may not be recorded; ``code`` says why, for a translated message."""

    def __init__(self, code: str, message: str, until: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.until = until


@dataclass(frozen=True)
class RecordedSale:
    sale_id: int
    register_number: str
    item_line: int


def chain_hold_until(session: Session, entry: RegisterEntry) -> str:
    """The latest hold of every version: a correction (even one made before this rule) never
    shortens the hold period."""
    return max(version.hold_until for version in chain_versions(session, entry))


def sale_blocker(session: Session, entry: RegisterEntry, item_line: int, today: date) -> SaleBlocked | None:
    """Why ``item_line`` of ``entry`` cannot be sold today, or None when it can."""
    if entry.kind == EntryKind.VOID:
        return SaleBlocked("void_entry", f"{entry.register_number} is a void")
    newer = session.scalar(select(RegisterEntry).where(RegisterEntry.refers_to_id == entry.id).limit(1))
    if newer is not None:
        return SaleBlocked(
            "superseded",
            f"{entry.register_number} was replaced by {newer.register_number}",
            newer.register_number,
        )
    lines = {item.get("line") for item in payload_of(entry).get("items", [])}
    if item_line not in lines:
        return SaleBlocked("no_such_item", f"{entry.register_number} has no item {item_line}")
    if held_version(session, entry) is not None:
        return SaleBlocked("police_hold", f"{entry.register_number} is on police hold")
    hold_until = chain_hold_until(session, entry)
    if today < date.fromisoformat(hold_until):
        return SaleBlocked("hold_period", f"the hold period runs until {hold_until}", hold_until)
    sold = session.scalar(
        select(func.count()).select_from(Sale).where(Sale.entry_id == entry.id, Sale.item_line == item_line)
    )
    if sold:
        return SaleBlocked("already_sold", f"item {item_line} of {entry.register_number} was already sold")
    return None


def record_sale(
    db: Database,
    reference: str,
    item_line: int,
    buyer_name: str,
    price: Decimal,
    today: date,
    now: datetime | None = None,
) -> RecordedSale:
    """Record the sale of one item line; raises :class:`SaleBlocked` and stores nothing if refused."""
    if price <= 0:
        raise SaleBlocked("invalid_price", "the sale price must be more than zero")
    problem = free_text_problem(buyer_name)
    if problem:
        raise SaleBlocked("invalid_text", f"the buyer's name cannot be stored: {problem}")
    moment = to_utc_text(now or utc_now())
    with db.write() as session:
        entry = find_entry(session, reference)
        blocker = sale_blocker(session, entry, item_line, today)
        if blocker is not None:
            raise blocker
        sale = Sale(
            entry_id=entry.id,
            item_line=item_line,
            sold_at=moment,
            buyer_name=buyer_name.strip()[:250],
            price=to_wire(price),
            recorded_at=moment,
        )
        session.add(sale)
        session.flush()
        event = {
            "type": "sold",
            "occurred_at": moment,
            "item_line": item_line,
            "price": {"value": to_wire(price), "currency": "EUR"},
        }
        session.add(
            OutboxMessage(
                entry_id=entry.id,
                kind="event",
                idempotency_key=str(uuid.uuid4()),
                payload=canonical_json({"target": entry.client_reference, "event": event}),
                state="pending",
                attempts=0,
                created_at=moment,
                dor_endpoint=_registered_at(session, entry.id),
            )
        )
        return RecordedSale(sale.id, entry.register_number, item_line)


def _registered_at(session: Session, entry_id: int) -> str | None:
    """The DOR the entry was registered with: its events go there too, never anywhere else."""
    query = select(OutboxMessage.dor_endpoint).where(
        OutboxMessage.entry_id == entry_id, OutboxMessage.kind == "registration"
    )
    return session.execute(query.order_by(OutboxMessage.id.desc()).limit(1)).scalar()
