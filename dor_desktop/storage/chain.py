"""The hash chain over the register: each entry stores the hash of its predecessor.

Editing, removing or reordering any entry changes a hash that a later entry has already stored,
so ``verify`` finds it. The hash covers every column that carries meaning, in a canonical JSON
form, so it does not depend on how SQLite stores the row.

Two chain formats exist. Format 1 (entries made before schema 0005) hashed the seller's personal
data itself, so once it is purged the entry's hash can no longer be recomputed. Format 2 hashes a
salted commitment of the personal data instead (:func:`personal_commitment`); the data and its
salt live apart (``entry_personal``) and can be removed while the hash still verifies. The DOR has
acknowledged format-1 hashes (contract 1.1), so they are never recomputed differently: format 1
hashes exactly the fields it always did.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

GENESIS_HASH = "0" * 64
#: Chain format of entries committed from schema 0005 on: personal data hashed as a commitment.
CURRENT_FORMAT = 2
#: Random bytes salted into each commitment, so a commitment cannot be matched against guesses
#: (a name and a date of birth are easy to enumerate).
SALT_BYTES = 16
#: Fields only format 2 hashes; format 1 hashes the rest, exactly as it always did.
_FORMAT_2_FIELDS = ("chain_format", "personal_commitment")


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
    chain_format: int = 1
    #: Format 2: sha256 over the salt and the canonical JSON of the personal data; format 1: None.
    personal_commitment: str | None = None


def entry_hash(fields: ChainFields, prev_hash: str) -> str:
    hashed = vars(fields).copy()
    if fields.chain_format == 1:
        for name in _FORMAT_2_FIELDS:
            del hashed[name]
    canonical = json.dumps(
        {"prev_hash": prev_hash, **hashed}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def new_salt() -> str:
    """A fresh random salt, as hex text."""
    return os.urandom(SALT_BYTES).hex()


def personal_commitment(salt: str, personal_json: str) -> str:
    """The commitment the chain holds for an entry's personal data (``personal_json`` canonical)."""
    return hashlib.sha256(bytes.fromhex(salt) + personal_json.encode("utf-8")).hexdigest()


def canonical_json(data: object) -> str:
    """The one JSON form used for payloads: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def format_register_number(prefix: str, sequence: int) -> str:
    return f"{prefix}-{sequence:06d}"
