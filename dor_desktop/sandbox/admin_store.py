"""Database side of the admin API: stolen-table changes and the statistics tests assert on."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from dor_desktop.sandbox.database import transaction
from dor_desktop.sandbox.hits import StolenItem
from dor_desktop.sandbox.late_hits import add_stolen_item, withdraw_stolen_item
from dor_desktop.sandbox.matching import normalise_identifier


class AdminConflict(Exception):
    """The change contradicts the stored state (an id in use, a row already withdrawn)."""


@dataclass(frozen=True)
class NewStolenItem:
    field: str
    value: str
    category: str | None = None
    brand: str | None = None
    description: str | None = None
    source: str = "POLITIE"
    reported_stolen_on: str | None = None
    stolen_id: str | None = None


def add_stolen(conn: sqlite3.Connection, new: NewStolenItem) -> dict[str, Any]:
    """Store a stolen row and raise late hits; returns ``{"stolen_id", "late_hits"}``."""
    stolen_id = new.stolen_id or f"PV-SBX-{uuid.uuid4().hex[:8].upper()}"
    stolen = StolenItem(
        stolen_id=stolen_id,
        field=new.field,
        value=new.value,
        value_norm=normalise_identifier(new.value),
        category=new.category,
        brand=new.brand,
        source=new.source,
        reported_stolen_on=new.reported_stolen_on,
    )
    with transaction(conn):
        if conn.execute("SELECT 1 FROM stolen_items WHERE stolen_id = ?", (stolen_id,)).fetchone():
            raise AdminConflict(f"stolen_id {stolen_id} is already in use")
        return add_stolen_item(conn, stolen, new.description)


def withdraw_stolen(conn: sqlite3.Connection, stolen_id: str) -> int | None:
    """Withdraw a report; None when the id is unknown, AdminConflict when already withdrawn."""
    with transaction(conn):
        row = conn.execute(
            "SELECT withdrawn_at FROM stolen_items WHERE stolen_id = ?", (stolen_id,)
        ).fetchone()
        if row is None:
            return None
        if row[0] is not None:
            raise AdminConflict(f"{stolen_id} was already withdrawn")
        return withdraw_stolen_item(conn, stolen_id)


def list_stolen(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT stolen_id, field, value, category, brand, description, source, reported_stolen_on, added_at,"
        " withdrawn_at FROM stolen_items ORDER BY added_at, stolen_id"
    )
    return [dict(row) for row in rows]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Counts over the whole database; ``stored_more_than_once`` must always be 0."""

    def count(sql: str, *args: Any) -> int:
        return conn.execute(sql, args).fetchone()[0]

    outcomes = {status: 0 for status in ("accepted", "duplicate", "conflict", "rejected")}
    for row in conn.execute("SELECT status, COUNT(*) FROM outcomes GROUP BY status"):
        outcomes[row[0]] = row[1]
    return {
        "registrations": count("SELECT COUNT(*) FROM registrations"),
        "outcomes": outcomes,
        "stored_more_than_once": count(
            "SELECT COUNT(*) FROM (SELECT 1 FROM outcomes WHERE status = 'accepted'"
            " GROUP BY client_id, client_reference HAVING COUNT(*) > 1)"
        ),
        "notifications": count("SELECT COUNT(*) FROM notifications"),
        "events": count("SELECT COUNT(*) FROM events"),
        "hits": {
            "active": count("SELECT COUNT(*) FROM hits WHERE withdrawn_at IS NULL"),
            "withdrawn": count("SELECT COUNT(*) FROM hits WHERE withdrawn_at IS NOT NULL"),
        },
        "stolen_items": {
            "active": count("SELECT COUNT(*) FROM stolen_items WHERE withdrawn_at IS NULL"),
            "withdrawn": count("SELECT COUNT(*) FROM stolen_items WHERE withdrawn_at IS NOT NULL"),
        },
        "tokens": {"issued": count("SELECT COUNT(*) FROM tokens")},
    }


def registrations_overview(conn: sqlite3.Connection, client_reference: str | None) -> list[dict[str, Any]]:
    """Per stored registration: how often it was stored (must be 1) and submitted in total.

    With ``client_reference`` only that registration, including its stored payload.
    """
    where, args = (
        ("WHERE r.client_reference = ?", [client_reference.lower()]) if client_reference else ("", [])
    )
    rows = conn.execute(
        "SELECT r.client_id, r.client_reference, r.dor_id, r.stored_at, r.payload,"
        " (SELECT COUNT(*) FROM hits h WHERE h.dor_id = r.dor_id) AS hits,"
        " o.accepted AS times_stored, o.submitted AS times_submitted FROM registrations r"
        " LEFT JOIN (SELECT client_id, client_reference, SUM(status = 'accepted') AS accepted,"
        " COUNT(*) AS submitted FROM outcomes GROUP BY client_id, client_reference) o"
        " ON o.client_id = r.client_id AND o.client_reference = r.client_reference"
        f" {where} ORDER BY r.seq",
        args,
    )
    overview = []
    for row in rows:
        entry = dict(row)
        payload = entry.pop("payload")
        if client_reference:
            entry["registration"] = json.loads(payload)
        overview.append(entry)
    return overview
