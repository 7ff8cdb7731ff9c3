"""Events on registered goods (sold, seized, ...) with Idempotency-Key semantics.

The same key with the same request (dor_id and body, compared canonically) returns the first
event_id; the same key with another request is a 409. Keys are per client.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from dor_desktop.sandbox.clock import now_rfc3339
from dor_desktop.sandbox.database import transaction
from dor_desktop.sandbox.registrations import canonical_json, content_hash
from dor_desktop.sandbox.validation import item_lines, validate_event


@dataclass(frozen=True)
class EventOutcome:
    """``status`` is the HTTP status to answer: 201, 404, 409 or 422."""

    status: int
    event_id: str | None = None
    errors: tuple[dict[str, str], ...] = ()


def record_event(
    conn: sqlite3.Connection, client_id: str, dor_id: str, idempotency_key: str, event: Any
) -> EventOutcome:
    with transaction(conn):
        row = conn.execute(
            "SELECT payload FROM registrations WHERE dor_id = ? AND client_id = ?", (dor_id, client_id)
        ).fetchone()
        if row is None:
            return EventOutcome(404)
        errors = validate_event(event, item_lines(json.loads(row[0])))
        if errors:
            return EventOutcome(422, errors=tuple(errors))
        request_hash = content_hash(canonical_json({"dor_id": dor_id, "event": event}))
        key = idempotency_key.lower()
        earlier = conn.execute(
            "SELECT event_id, request_hash FROM events WHERE client_id = ? AND idempotency_key = ?",
            (client_id, key),
        ).fetchone()
        if earlier is not None:
            if earlier["request_hash"] == request_hash:
                return EventOutcome(201, event_id=earlier["event_id"])
            return EventOutcome(409)
        event_id = f"EVT-{uuid.uuid4().hex[:16].upper()}"
        conn.execute(
            "INSERT INTO events (event_id, client_id, idempotency_key, dor_id, request_hash, body,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, client_id, key, dor_id, request_hash, canonical_json(event), now_rfc3339()),
        )
    return EventOutcome(201, event_id=event_id)
