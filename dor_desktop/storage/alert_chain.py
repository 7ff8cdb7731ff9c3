"""The alerts' own hash chain: every hit and every change of its state is an append-only event.

A hit holds goods for the police, so deleting or editing an alert must not lift the hold
unnoticed. The ``alert`` row keeps the hit's facts and its current state (what every reader
uses); each fact and each state change is also an ``alert_event`` (received, withdrawn,
acknowledged, released) linked by hash to the one before. Triggers (schema 0003) refuse to delete
either, and refuse a state change on the ``alert`` row that no event records. ``verify`` walks the
events and compares every alert row with what its events say, so a deleted or edited alert is found
even when the triggers were dropped by hand. What a chain alone cannot see, here as in the register:
the newest events deleted together with their alert (see README, "Known limits").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from dor_desktop.storage.chain import GENESIS_HASH, canonical_json
from dor_desktop.storage.models import Alert, AlertEvent

_EVENT = cast(Table, AlertEvent.__table__)

#: The hit's facts, fixed when it arrives (the ``received`` event's data).
FACT_COLUMNS = (
    "entry_id",
    "item_line",
    "hit_id",
    "match_type",
    "matched_field",
    "matched_value",
    "source",
    "reported_stolen_on",
    "instructions",
    "origin",
    "received_at",
)
STATE_COLUMNS = ("status", "withdrawn_at", "acknowledged_at", "released_at", "release_note")


def event_hash(prev_hash: str, alert_id: int, kind: str, at: str, note: str, data: str) -> str:
    """The hash of one event (the 0003 migration computes the same for the alerts it moves)."""
    content = {
        "prev_hash": prev_hash,
        "alert_id": alert_id,
        "kind": kind,
        "at": at,
        "note": note,
        "data": data,
    }
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def facts_json(values: dict[str, Any]) -> str:
    return canonical_json({name: values[name] for name in FACT_COLUMNS})


def append_event(session: Session, alert_id: int, kind: str, at: str, note: str = "", data: str = "") -> None:
    """Add one event at the end of the alert chain (executed now, so a state change may follow)."""
    last = session.execute(select(AlertEvent.row_hash).order_by(AlertEvent.id.desc()).limit(1)).scalar()
    prev_hash = last or GENESIS_HASH
    row = {
        "alert_id": alert_id,
        "kind": kind,
        "at": at,
        "note": note,
        "data": data,
        "prev_hash": prev_hash,
        "row_hash": event_hash(prev_hash, alert_id, kind, at, note, data),
    }
    session.execute(insert(_EVENT), [row])


def record_received(session: Session, alert: Alert) -> None:
    """The ``received`` event of a new alert (flushed first, so it has its id)."""
    session.flush()
    values = {name: getattr(alert, name) for name in FACT_COLUMNS}
    append_event(session, alert.id, "received", alert.received_at, data=facts_json(values))


def withdraw(session: Session, alert: Alert, at: str) -> None:
    append_event(session, alert.id, "withdrawn", at)
    alert.status, alert.withdrawn_at = "withdrawn", at


def acknowledge(session: Session, alert: Alert, at: str) -> None:
    append_event(session, alert.id, "acknowledged", at)
    alert.acknowledged_at = at


def release(session: Session, alert: Alert, at: str, note: str) -> None:
    append_event(session, alert.id, "released", at, note)
    alert.released_at, alert.release_note = at, note


# -- verify ---------------------------------------------------------------------------------------


@dataclass
class _Derived:
    """An alert as its events describe it."""

    facts: str | None = None
    state: dict[str, Any] = field(
        default_factory=lambda: {
            "status": "active",
            "withdrawn_at": None,
            "acknowledged_at": None,
            "released_at": None,
            "release_note": "",
        }
    )

    def apply(self, kind: str, at: str, note: str, data: str) -> str | None:
        """Fold one event in; a problem when it cannot happen (a second arrival, say)."""
        if kind == "received":
            if self.facts is not None:
                return "arrived twice"
            self.facts = data
        elif kind == "withdrawn" and self.state["withdrawn_at"] is None:
            self.state.update(status="withdrawn", withdrawn_at=at)
        elif kind == "acknowledged" and self.state["acknowledged_at"] is None:
            self.state["acknowledged_at"] = at
        elif kind == "released" and self.state["released_at"] is None:
            self.state.update(released_at=at, release_note=note)
        else:
            return f"has an impossible '{kind}' event"
        return None


def alert_chain_problem(connection: Connection) -> str | None:
    """The first problem with the alert chain and the alerts it records, or None."""
    derived: dict[int, _Derived] = {}
    previous = GENESIS_HASH
    events = connection.execute(
        select(
            AlertEvent.id,
            AlertEvent.alert_id,
            AlertEvent.kind,
            AlertEvent.at,
            AlertEvent.note,
            AlertEvent.data,
            AlertEvent.prev_hash,
            AlertEvent.row_hash,
        ).order_by(AlertEvent.id)
    )
    for event_id, alert_id, kind, at, note, data, prev_hash, row_hash in events:
        if prev_hash != previous:
            return f"alert event {event_id}: the link to the previous alert event is broken (one was removed)"
        if event_hash(prev_hash, alert_id, kind, at, note, data) != row_hash:
            return f"alert event {event_id}: its content was changed after it was recorded"
        problem = derived.setdefault(alert_id, _Derived()).apply(kind, at, note, data)
        if problem:
            return f"alert {alert_id} {problem}"
        previous = row_hash
    return _rows_problem(connection, derived)


def _rows_problem(connection: Connection, derived: dict[int, _Derived]) -> str | None:
    columns = [getattr(Alert, name) for name in (*FACT_COLUMNS, *STATE_COLUMNS)]
    seen = set()
    for alert_id, *values in connection.execute(select(Alert.id, *columns).order_by(Alert.id)):
        row = dict(zip((*FACT_COLUMNS, *STATE_COLUMNS), values, strict=True))
        events = derived.get(alert_id)
        if events is None or events.facts is None:
            return f"alert {alert_id} ({row['hit_id']}) has no record in the alert chain"
        if json.loads(events.facts) != json.loads(facts_json(row)):
            return f"alert {alert_id} ({row['hit_id']}): the hit's details were changed"
        if {name: row[name] for name in STATE_COLUMNS} != events.state:
            return f"alert {alert_id} ({row['hit_id']}): its state differs from its recorded events"
        seen.add(alert_id)
    removed = sorted(set(derived) - seen)
    if removed:
        return f"alert {removed[0]} was removed (the alert chain records it)"
    return None
