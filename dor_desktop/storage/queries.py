"""Reading the register: lists, search and the full detail of one entry.

Search is index-driven (register number, IMEI, serial, frame number, the start of the seller's
name) so it stays fast with a million entries; the window pages through results lazily.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from dor_desktop.domain.clock import local_day_start_utc
from dor_desktop.storage.models import Alert, EntryItem, OutboxMessage, RegisterEntry, Sale
from dor_desktop.storage.register import find_entry


@dataclass(frozen=True)
class EntryFilter:
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None
    sync_state: str | None = None
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class EntrySummary:
    entry_id: int
    register_number: str
    client_reference: str
    kind: str
    committed_at: str
    acquired_at: str
    seller_name: str
    total_amount: str
    sync_state: str | None
    dor_id: str | None
    active_hits: int


@dataclass(frozen=True)
class EntryDetail:
    summary: EntrySummary
    payload: dict
    reason: str
    hold_until: str
    refers_to: str | None
    referred_by: list[tuple[str, str]] = field(default_factory=list)  # (kind, register number)
    sync_errors: list[dict] = field(default_factory=list)
    last_error: str | None = None
    hits: list[dict] = field(default_factory=list)
    sales: list[dict] = field(default_factory=list)
    entry_hash: str = ""


def _search_condition(text: str):
    text = text.strip()
    upper = text.upper()
    by_item = select(EntryItem.entry_id).where(
        or_(EntryItem.imei == text, EntryItem.serial_number == upper, EntryItem.frame_number == upper)
    )
    return or_(
        RegisterEntry.register_number == upper,
        RegisterEntry.client_reference == text.lower(),
        RegisterEntry.id.in_(by_item),
        RegisterEntry.seller_name.like(text.replace("%", "").replace("_", "") + "%"),
    )


def _filtered(query: Select, flt: EntryFilter) -> Select:
    if flt.text.strip():
        query = query.where(_search_condition(flt.text))
    if flt.date_from:
        query = query.where(RegisterEntry.acquired_at >= local_day_start_utc(flt.date_from))
    if flt.date_to:
        query = query.where(RegisterEntry.acquired_at < local_day_start_utc(flt.date_to + timedelta(days=1)))
    if flt.kind:
        query = query.where(RegisterEntry.kind == flt.kind)
    if flt.sync_state:
        query = query.where(OutboxMessage.state == flt.sync_state)
    return query


def _summary_query() -> Select:
    hit_count = (
        select(func.count(Alert.id))
        .where(Alert.entry_id == RegisterEntry.id, Alert.status == "active")
        .scalar_subquery()
    )
    return select(
        RegisterEntry.id,
        RegisterEntry.register_number,
        RegisterEntry.client_reference,
        RegisterEntry.kind,
        RegisterEntry.committed_at,
        RegisterEntry.acquired_at,
        RegisterEntry.seller_name,
        RegisterEntry.total_amount,
        OutboxMessage.state,
        OutboxMessage.dor_id,
        hit_count,
    ).outerjoin(OutboxMessage, OutboxMessage.entry_id == RegisterEntry.id)


def list_entries(session: Session, flt: EntryFilter) -> list[EntrySummary]:
    """Entries matching ``flt``, newest first."""
    query = _filtered(_summary_query(), flt).order_by(RegisterEntry.id.desc())
    rows = session.execute(query.limit(flt.limit).offset(flt.offset)).all()
    return [EntrySummary(*row) for row in rows]


def entries_in_order(session: Session, flt: EntryFilter) -> list[EntrySummary]:
    """Entries matching ``flt`` in register order (oldest first): the export's order."""
    query = _filtered(_summary_query(), flt).order_by(RegisterEntry.id)
    return [EntrySummary(*row) for row in session.execute(query).all()]


def entry_detail(session: Session, reference: str) -> EntryDetail:
    entry = find_entry(session, reference)
    summary = list_entries(session, EntryFilter(text=entry.register_number, limit=1))[0]
    message = session.scalar(select(OutboxMessage).where(OutboxMessage.entry_id == entry.id))
    result = json.loads(message.result) if message and message.result else {}
    referred = session.execute(
        select(RegisterEntry.kind, RegisterEntry.register_number)
        .where(RegisterEntry.refers_to_id == entry.id)
        .order_by(RegisterEntry.id)
    ).all()
    alerts = session.scalars(select(Alert).where(Alert.entry_id == entry.id).order_by(Alert.id)).all()
    sales = session.scalars(select(Sale).where(Sale.entry_id == entry.id).order_by(Sale.item_line)).all()
    return EntryDetail(
        summary=summary,
        payload=json.loads(entry.payload),
        reason=entry.reason,
        hold_until=entry.hold_until,
        refers_to=entry.refers_to.register_number if entry.refers_to else None,
        referred_by=[(kind, number) for kind, number in referred],
        sync_errors=result.get("errors", []),
        last_error=message.last_error if message else None,
        hits=[_alert_dict(a) for a in alerts],
        sales=[
            {"item_line": s.item_line, "sold_at": s.sold_at, "buyer_name": s.buyer_name, "price": s.price}
            for s in sales
        ],
        entry_hash=entry.entry_hash,
    )


def _alert_dict(alert: Alert) -> dict:
    return {
        "hit_id": alert.hit_id,
        "item_line": alert.item_line,
        "match_type": alert.match_type,
        "matched_field": alert.matched_field,
        "matched_value": alert.matched_value,
        "source": alert.source,
        "reported_stolen_on": alert.reported_stolen_on,
        "status": alert.status,
        "received_at": alert.received_at,
        "acknowledged_at": alert.acknowledged_at,
        "released_at": alert.released_at,
        "instructions": alert.instructions,
    }
