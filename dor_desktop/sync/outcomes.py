"""Writing the DOR's answers into the register file: outbox states, alerts, the last acknowledgement.

These functions run inside the caller's write transaction, so the answer, the alert for a hit
and the cursor or acknowledgement time are stored together or not at all: an alert can never be
lost between the network and the screen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from dor_desktop.storage import alerts
from dor_desktop.storage.chain import canonical_json
from dor_desktop.storage.models import Alert, SyncState
from dor_desktop.sync.wire import Hit

LAST_ACK_KEY = "last_acknowledged_at"
CURSOR_KEY = "notifications_cursor"


@dataclass
class PassTally:
    """What one pass did, filled as it goes (kept even when a later step of the pass fails)."""

    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    conflicts: int = 0
    new_alert_ids: list[int] = field(default_factory=list)
    withdrawn_alert_ids: list[int] = field(default_factory=list)


def result_text(data: dict) -> str:
    return canonical_json(data)


def refusal_result(code: str, message: str, field_path: str = "") -> dict:
    """A ``result`` for a message refused as a whole (HTTP 4xx), in the same shape as field errors."""
    return {"status": "rejected", "errors": [{"field": field_path, "code": code, "message": message}]}


def errors_summary(errors: Iterable[dict]) -> str:
    """One line for ``last_error``: the fields and codes the DOR complained about."""
    parts = [f"{e.get('field') or 'registration'}: {e.get('message') or e.get('code')}" for e in errors]
    return "; ".join(parts)[:1000] or "rejected by the DOR"


def set_state(session: Session, key: str, value: str) -> None:
    session.merge(SyncState(key=key, value=value))


def get_state(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row else None


def existing_hit_ids(session: Session, hit_ids: Iterable[str]) -> set[str]:
    wanted = list(set(hit_ids))
    if not wanted:
        return set()
    return set(session.scalars(select(Alert.hit_id).where(Alert.hit_id.in_(wanted))))


def add_alert(
    session: Session, entry_id: int, hit: Hit, origin: str, now: str, status: str = "active"
) -> Alert:
    facts = {
        "entry_id": entry_id,
        "item_line": hit.item_line,
        "hit_id": hit.hit_id,
        "match_type": hit.match_type,
        "matched_field": hit.matched_field,
        "matched_value": hit.matched_value,
        "source": hit.source,
        "reported_stolen_on": hit.reported_stolen_on,
        "instructions": hit.instructions,
        "origin": origin,
        "received_at": now,
    }
    return alerts.add_alert(session, facts, status)


def stored_errors(result: str | None) -> list[dict]:
    if not result:
        return []
    try:
        data = json.loads(result)
    except ValueError:
        return []
    errors = data.get("errors") if isinstance(data, dict) else None
    return [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
