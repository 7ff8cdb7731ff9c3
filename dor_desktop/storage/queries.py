"""Reading the register: lists, search and the full detail of one entry.

Search is index-driven (register number, IMEI, serial, frame number, the start of the seller's
name) so it stays fast with a million entries; the window pages through results lazily.

Why not one ``OR`` over every key: with ``ORDER BY id DESC LIMIT`` SQLite then walks the whole
table for a search that matches one entry (an IMEI: over a second on a million rows). Here every
key gets its own index lookup:

- identifiers (register number, client reference, IMEI, serial and frame number) are exact
  matches on their own indexes: a handful of ids;
- a name is a prefix of ``entry_personal.seller_name`` (NOCASE index; the names live apart from
  the chained entry so they can be purged, see :mod:`dor_desktop.storage.personal`). A rare name
  is read from the index; a common one ("de", "Jans") matches so many entries that reading the
  newest ones in register order and testing the name finds a page sooner. A bounded count on the
  index decides which. A purged entry's name is empty: it is no longer found by name.

Only the ids of the requested page are then joined to the summary columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, exists, func, literal_column, select, union
from sqlalchemy.orm import Session

from dor_desktop.domain.clock import local_day_start_utc
from dor_desktop.storage.models import Alert, EntryItem, EntryPersonal, OutboxMessage, RegisterEntry, Sale
from dor_desktop.storage.personal import full_payload, personal_of
from dor_desktop.storage.register import find_entry
from dor_desktop.storage.sales import chain_hold_until


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
    #: The seller's personal data was removed after the retention period (``seller_name`` is '').
    personal_purged: bool = False
    #: A late entry: registered more than the rule pack's limit after the purchase, with a reason.
    late_entry: bool = False


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


#: Up to this many name matches the index is read; beyond, the register is walked newest first.
SPARSE_NAME_LIMIT = 2000


def summary_select() -> Select:
    """The columns of :class:`EntrySummary`, with the entry's DOR state and its active hits."""
    hits = (
        select(func.count(Alert.id))
        .where(Alert.entry_id == RegisterEntry.id, Alert.status == "active")
        .scalar_subquery()
    )
    return (
        select(
            RegisterEntry.id,
            RegisterEntry.register_number,
            RegisterEntry.client_reference,
            RegisterEntry.kind,
            RegisterEntry.committed_at,
            RegisterEntry.acquired_at,
            func.coalesce(EntryPersonal.seller_name, RegisterEntry.seller_name),
            RegisterEntry.total_amount,
            OutboxMessage.state,
            OutboxMessage.dor_id,
            hits,
            EntryPersonal.purged_at.is_not(None),
            func.json_extract(RegisterEntry.payload, "$.late_entry_reason").is_not(None),
        )
        .outerjoin(  # the registration only: a sale's event message would list the entry twice
            OutboxMessage,
            (OutboxMessage.entry_id == RegisterEntry.id) & (OutboxMessage.kind == "registration"),
        )
        .outerjoin(EntryPersonal, EntryPersonal.entry_id == RegisterEntry.id)
    )


def summaries(session: Session, ids: list[int]) -> list[EntrySummary]:
    if not ids:
        return []
    query = summary_select().where(RegisterEntry.id.in_(ids)).order_by(RegisterEntry.id.desc())
    return [EntrySummary(*row) for row in session.execute(query).all()]


def _other_conditions(flt: EntryFilter) -> list:
    conditions = []
    if flt.date_from:
        conditions.append(RegisterEntry.acquired_at >= local_day_start_utc(flt.date_from))
    if flt.date_to:
        conditions.append(RegisterEntry.acquired_at < local_day_start_utc(flt.date_to + timedelta(days=1)))
    if flt.kind:
        conditions.append(RegisterEntry.kind == flt.kind)
    if flt.sync_state:
        conditions.append(
            exists().where(OutboxMessage.entry_id == RegisterEntry.id, OutboxMessage.state == flt.sync_state)
        )
    return conditions


def _identifier_ids(session: Session, text: str, conditions: list) -> set[int]:
    upper, lower = text.upper(), text.lower()
    by_entry = union(
        select(RegisterEntry.id).where(RegisterEntry.register_number == upper),
        select(RegisterEntry.id).where(RegisterEntry.client_reference == lower),
        select(EntryItem.entry_id).where(EntryItem.imei == text),
        select(EntryItem.entry_id).where(EntryItem.serial_number == upper),
        select(EntryItem.entry_id).where(EntryItem.frame_number == upper),
    ).subquery()
    query = select(RegisterEntry.id).where(RegisterEntry.id.in_(select(by_entry.c[0])), *conditions)
    return set(session.scalars(query))


def _name_ids(session: Session, prefix: str, conditions: list, wanted: int) -> list[int]:
    """The newest ``wanted`` ids whose seller name starts with ``prefix``."""
    pattern = prefix.replace("%", "").replace("_", "") + "%"
    by_name = EntryPersonal.seller_name.like(pattern)
    bounded = select(literal_column("1")).where(by_name).limit(SPARSE_NAME_LIMIT).subquery()
    sparse = (session.scalar(select(func.count()).select_from(bounded)) or 0) < SPARSE_NAME_LIMIT
    if not sparse:  # many matches: walk the register newest first, testing the name on the way
        # (``|| ''`` keeps SQLite from using the name index here; LIKE stays case-insensitive)
        by_name = EntryPersonal.seller_name.concat("").like(pattern)
    query = select(EntryPersonal.entry_id).where(by_name)
    if conditions:
        query = query.join(RegisterEntry, RegisterEntry.id == EntryPersonal.entry_id).where(*conditions)
    return list(session.scalars(query.order_by(EntryPersonal.entry_id.desc()).limit(wanted)))


def _search_page(session: Session, flt: EntryFilter, limit: int, offset: int) -> list[EntrySummary]:
    """One page of the entries matching ``flt.text`` (and its other filters), newest first."""
    text = flt.text.strip()
    conditions = _other_conditions(flt)
    found = _identifier_ids(session, text, conditions)
    if any(c.isalpha() for c in text):
        found.update(_name_ids(session, text, conditions, offset + limit))
    page = sorted(found, reverse=True)[offset : offset + limit]
    return summaries(session, page)


def list_entries(session: Session, flt: EntryFilter) -> list[EntrySummary]:
    """Entries matching ``flt``, newest first, one page (``flt.limit`` from ``flt.offset``).

    With search text every key gets its own index lookup (see :func:`_search_page`): a single
    ``OR`` over all keys made SQLite walk the whole table, over a second on a million entries.
    """
    if flt.text.strip():
        return _search_page(session, flt, flt.limit, flt.offset)
    query = summary_select().where(*_other_conditions(flt)).order_by(RegisterEntry.id.desc())
    return [EntrySummary(*row) for row in session.execute(query.limit(flt.limit).offset(flt.offset)).all()]


def entry_detail(session: Session, reference: str) -> EntryDetail:
    entry = find_entry(session, reference)
    summary = summaries(session, [entry.id])[0]
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
        payload=full_payload(entry, personal_of(session, entry.id)),
        reason=entry.reason,
        hold_until=chain_hold_until(session, entry),
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
