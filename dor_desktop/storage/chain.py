"""The hash chain over the register: each entry stores the hash of its predecessor.

Editing, removing or reordering any entry changes a hash that a later entry has already stored,
so ``verify`` finds it. The hash covers every column that carries meaning, in a canonical JSON
form, so it does not depend on how SQLite stores the row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class ChainFields:
    """The hashed content of one register entry."""

    register_number: str
    counter_prefix: str
    sequence: int
    client_reference: str
    kind: str
    refers_to_id: int | None
    reason: str
    committed_at: str
    acquired_at: str
    hold_until: str
    seller_name: str
    total_amount: str
    payload: str


def entry_hash(fields: ChainFields, prev_hash: str) -> str:
    canonical = json.dumps(
        {"prev_hash": prev_hash, **vars(fields)}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def canonical_json(data: object) -> str:
    """The one JSON form used for payloads: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def format_register_number(prefix: str, sequence: int) -> str:
    return f"{prefix}-{sequence:06d}"
