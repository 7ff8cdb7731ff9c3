"""Stolen reports that change after goods were registered: late hits and withdrawals.

Both run inside the caller's transaction and write one notification per affected hit, so the feed
and the hit table can never disagree.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from dor_desktop.sandbox.clock import now_rfc3339
from dor_desktop.sandbox.hits import (
    Match,
    StolenIndex,
    StolenItem,
    hit_document,
    insert_hit_rows,
    insert_notifications,
    new_hit_id,
)


def add_stolen_item(conn: sqlite3.Connection, stolen: StolenItem, description: str | None) -> dict[str, Any]:
    """Add a stolen row and raise late hits for matching registrations already stored.

    Runs in the caller's transaction. Returns the new row's id and how many late hits it caused.
    """
    created_at = now_rfc3339()
    conn.execute(
        "INSERT INTO stolen_items (stolen_id, field, value, value_norm, category, brand, description, source,"
        " reported_stolen_on, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            stolen.stolen_id,
            stolen.field,
            stolen.value,
            stolen.value_norm,
            stolen.category,
            stolen.brand,
            description,
            stolen.source,
            stolen.reported_stolen_on,
            created_at,
        ),
    )
    index = StolenIndex([stolen])
    candidates = conn.execute(
        "SELECT i.dor_id, i.item_line, i.value_norm, r.client_id, r.client_reference FROM item_identifiers i"
        " JOIN registrations r ON r.dor_id = i.dor_id WHERE i.field = ? ORDER BY r.seq, i.item_line",
        (stolen.field,),
    ).fetchall()
    hit_rows: list[tuple[str, str, Match]] = []
    notifications = []
    seen: set[tuple[str, int]] = set()
    for row in candidates:
        for _item, match_type in index.matches(stolen.field, row["value_norm"]):
            key = (row["dor_id"], row["item_line"])
            if key in seen:
                continue
            seen.add(key)
            match = Match(row["item_line"], stolen.field, stolen, match_type)
            hit_id = new_hit_id()
            hit_rows.append((hit_id, row["dor_id"], match))
            notifications.append(
                (row["client_id"], "hit", row["dor_id"], row["client_reference"], hit_document(hit_id, match))
            )
    insert_hit_rows(conn, hit_rows, late=True, created_at=created_at)
    insert_notifications(conn, notifications, created_at)
    return {"stolen_id": stolen.stolen_id, "late_hits": len(hit_rows)}


def withdraw_stolen_item(conn: sqlite3.Connection, stolen_id: str) -> int:
    """Mark a stolen row and its hits withdrawn, with one ``hit_withdrawn`` notification per hit.

    Runs in the caller's transaction; returns the number of hits withdrawn. The caller checks that
    the row exists and is still active.
    """
    withdrawn_at = now_rfc3339()
    row = conn.execute("SELECT * FROM stolen_items WHERE stolen_id = ?", (stolen_id,)).fetchone()
    stolen = StolenItem.from_row(row)
    conn.execute("UPDATE stolen_items SET withdrawn_at = ? WHERE stolen_id = ?", (withdrawn_at, stolen_id))
    hits = conn.execute(
        "SELECT h.hit_id, h.dor_id, h.item_line, h.match_type, h.matched_field, r.client_id,"
        " r.client_reference FROM hits h JOIN registrations r ON r.dor_id = h.dor_id"
        " WHERE h.stolen_id = ? AND h.withdrawn_at IS NULL ORDER BY h.created_at, h.hit_id",
        (stolen_id,),
    ).fetchall()
    conn.execute(
        "UPDATE hits SET withdrawn_at = ? WHERE stolen_id = ? AND withdrawn_at IS NULL",
        (withdrawn_at, stolen_id),
    )
    notifications = []
    for hit in hits:
        match = Match(hit["item_line"], hit["matched_field"], stolen, hit["match_type"])
        document = hit_document(hit["hit_id"], match, withdrawn=True)
        notifications.append(
            (hit["client_id"], "hit_withdrawn", hit["dor_id"], hit["client_reference"], document)
        )
    insert_notifications(conn, notifications, withdrawn_at)
    return len(hits)
