"""Read side of the public API: the notifications feed and the pre-purchase check.

Cursors are opaque strings to clients (``n`` + the notification's sequence number here). A cursor
the sandbox does not recognise is read as "from the beginning": the feed is at-least-once and
clients dedupe by notification_id, so re-delivery is safe where skipping would not be.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from dor_desktop.sandbox.hits import StolenIndex, StolenItem, check_hit
from dor_desktop.sandbox.matching import MIN_EXACT_LENGTH, compare_identifiers, normalise_identifier

_CURSOR = re.compile(r"n([0-9]{1,18})")


def cursor_for(seq: int) -> str:
    return f"n{seq}"


def seq_after(cursor: str | None) -> int:
    """The sequence number a cursor stands for; 0 (the beginning) when absent or unknown."""
    if cursor is None:
        return 0
    match = _CURSOR.fullmatch(cursor)
    return int(match.group(1)) if match else 0


def notifications_page(
    conn: sqlite3.Connection, client_id: str, after: str | None, limit: int
) -> dict[str, Any]:
    """One page, oldest first; ``next_cursor`` is what to pass as ``after`` next time.

    It is the cursor of the last notification returned, or ``after`` itself when nothing newer
    exists (null only when the client never saw any notification).
    """
    rows = conn.execute(
        "SELECT seq, notification_id, type, dor_id, client_reference, hit, created_at FROM notifications"
        " WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        (client_id, seq_after(after), limit),
    ).fetchall()
    notifications = [
        {
            "notification_id": row["notification_id"],
            "cursor": cursor_for(row["seq"]),
            "type": row["type"],
            "dor_id": row["dor_id"],
            "client_reference": row["client_reference"],
            "hit": json.loads(row["hit"]),
            "created_at": row["created_at"],
        }
        for row in rows
    ]
    next_cursor = notifications[-1]["cursor"] if notifications else after
    return {"notifications": notifications, "next_cursor": next_cursor}


def check_serial(
    conn: sqlite3.Connection, serial: str, category: str | None, brand: str | None
) -> list[dict[str, Any]]:
    """Active stolen rows matching ``serial`` in any identifier field, exact ones first.

    ``category`` and ``brand`` narrow partial matches only: an exact number match is always shown,
    because a wrongly chosen category must not hide stolen goods.
    """
    wanted = normalise_identifier(serial)
    if len(wanted) < MIN_EXACT_LENGTH:
        return []
    index = StolenIndex.load(conn)
    exact: list[dict[str, Any]] = []
    partial: list[dict[str, Any]] = []
    for stolen in index.all_items():
        match_type = compare_identifiers(wanted, stolen.value_norm)
        if match_type == "exact":
            exact.append(check_hit(stolen, "exact"))
        elif match_type == "partial" and _fits(stolen, category, brand):
            partial.append(check_hit(stolen, "partial"))
    return exact + partial


def _fits(stolen: StolenItem, category: str | None, brand: str | None) -> bool:
    if category and stolen.category and category != stolen.category:
        return False
    return not (brand and stolen.brand and normalise_identifier(brand) != normalise_identifier(stolen.brand))
