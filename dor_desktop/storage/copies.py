"""The copies a commit writes beside the entry: its item rows (the serial search index) and its DOR message.

The hash chain covers the entry only. Both copies are rebuilt here from the entry's frozen payload,
by the commit that writes them and by ``verify`` that compares them, so an edited copy is found too.
"""

from __future__ import annotations

from typing import Any

ITEM_COLUMNS = ("line", "category", "description", "brand", "model", "serial_number", "imei", "frame_number")


def item_rows(purchase_json: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``entry_item`` rows of a purchase in its JSON form; identifiers upper-cased for search."""
    return [
        {
            "line": item["line"],
            "category": str(item["category"]),
            "description": item.get("description", ""),
            "brand": item.get("brand", ""),
            "model": item.get("model", ""),
            "serial_number": item.get("serial_number", "").upper(),
            "imei": item.get("imei", ""),
            "frame_number": item.get("frame_number", "").upper(),
        }
        for item in purchase_json.get("items", [])
    ]


def void_event(target: str, occurred_at: str, reason: str) -> dict[str, Any]:
    """The DOR event message of a void: the voided registration and the clerk's reason."""
    return {"target": target, "event": {"type": "voided", "occurred_at": occurred_at, "note": reason[:500]}}
