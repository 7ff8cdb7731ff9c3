"""Hits (stolen-goods matches): the open ones, the clerk's acknowledgement, the police release.

The sync layer stores alerts in the same transaction as the server's answer; this module reads
them for the alert panel, stamps ``acknowledged_at`` when the clerk has read the instructions (the
status-bar badge counts the others, also across restarts), and ``released_at`` when the police
release the goods: until then the alert stays listed and the goods cannot be sold, corrected or
voided. Every change is also an event in the alerts' hash chain (:mod:`.alert_chain`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dor_desktop.domain.bsn_text import free_text_problem
from dor_desktop.domain.clock import to_utc_text, utc_now
from dor_desktop.errors import UserError
from dor_desktop.storage import alert_chain
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import Alert, RegisterEntry


@dataclass(frozen=True)
class AlertView:
    alert_id: int
    register_number: str
    item_line: int | None
    item_text: str
    match_type: str
    matched_field: str
    matched_value: str
    source: str
    reported_stolen_on: str | None
    instructions: str
    origin: str
    received_at: str
    acknowledged_at: str | None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


def _item_text(payload: dict, line: int | None) -> str:
    for item in payload.get("items", []):
        if line is None or item.get("line") == line:
            parts = [item.get("brand", ""), item.get("model", ""), item.get("description", "")]
            return " ".join(p for p in parts if p).strip()
    return ""


def open_alerts(db: Database) -> list[AlertView]:
    """Active hits whose goods the police have not released yet, newest first."""
    with db.read() as session:
        rows = session.execute(
            select(Alert, RegisterEntry.register_number, RegisterEntry.payload)
            .join(RegisterEntry, RegisterEntry.id == Alert.entry_id)
            .where(Alert.status == "active", Alert.released_at.is_(None))
            .order_by(Alert.id.desc())
        ).all()
        return [
            AlertView(
                alert_id=alert.id,
                register_number=number,
                item_line=alert.item_line,
                item_text=_item_text(json.loads(payload), alert.item_line),
                match_type=alert.match_type,
                matched_field=alert.matched_field,
                matched_value=alert.matched_value,
                source=alert.source,
                reported_stolen_on=alert.reported_stolen_on,
                instructions=alert.instructions,
                origin=alert.origin,
                received_at=alert.received_at,
                acknowledged_at=alert.acknowledged_at,
            )
            for alert, number, payload in rows
        ]


def add_alert(session: Session, facts: dict[str, Any], status: str = "active") -> Alert:
    """Store a new hit (``facts``: the columns of :data:`alert_chain.FACT_COLUMNS`) with its
    ``received`` event, and its withdrawal when the hit arrives already withdrawn."""
    alert = Alert(status="active", release_note="", **facts)
    session.add(alert)
    alert_chain.record_received(session, alert)
    if status == "withdrawn":
        alert_chain.withdraw(session, alert, alert.received_at)
    return alert


def acknowledge(db: Database, alert_id: int, now: datetime | None = None) -> None:
    """The clerk has read the hit and its instructions; the badge stops counting it."""
    with db.write() as session:
        alert = session.get(Alert, alert_id)
        if alert is not None and alert.acknowledged_at is None:
            alert_chain.acknowledge(session, alert, to_utc_text(now or utc_now()))


class AlertNotFound(UserError):
    pass


def release(db: Database, alert_id: int, note: str, now: datetime | None = None) -> None:
    """The police released the goods: the hold ends, the alert stays on record with the note."""
    if not note.strip():
        raise UserError("say who released the goods and how (e.g. the police report number)")
    problem = free_text_problem(note.strip())
    if problem:
        raise UserError(f"the note cannot be stored: {problem}")
    with db.write() as session:
        alert = session.get(Alert, alert_id)
        if alert is None:
            raise AlertNotFound(f"no alert {alert_id}")
        if alert.released_at is not None:
            raise UserError(f"alert {alert_id} was already released on {alert.released_at[:10]}")
        moment = to_utc_text(now or utc_now())
        if alert.acknowledged_at is None:
            alert_chain.acknowledge(session, alert, moment)
        alert_chain.release(session, alert, moment, note.strip())
