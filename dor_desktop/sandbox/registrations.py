"""Storing a batch of registrations: validation, idempotency, hits, one transaction.

Idempotency follows the contract: ``client_reference`` is the key. The first acceptable submission
is stored with its outcome (dor_id and hits); the same reference with the same content (compared by
a SHA-256 of canonical JSON) returns that first outcome as ``duplicate``; with other content it is
a ``conflict``. Rejected registrations are not stored, so fixing and resending one is allowed. Every
outcome is logged, which is how the admin statistics prove each reference was stored exactly once.

Contract 1.1: a new reference that claims a register number (or chain position) another reference
of the same shop already holds is a ``conflict`` with code ``register_number_reused``. The
``chain`` member is not content: a registration first sent without it and re-sent with it is
still a ``duplicate``, answered with the position the DOR first acknowledged (if any).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from dor_desktop.sandbox.chain_heads import NumberBook, Position
from dor_desktop.sandbox.clock import now_rfc3339
from dor_desktop.sandbox.database import select_for_keys, transaction
from dor_desktop.sandbox.fieldcheck import is_uuid
from dor_desktop.sandbox.hits import (
    Match,
    StolenIndex,
    find_matches,
    hit_document,
    insert_hit_rows,
    item_identifiers,
    new_hit_id,
)
from dor_desktop.sandbox.validation import validate_registration

MAX_BATCH = 500
#: Put in a result whose registration carried no usable client_reference (match it by position).
NIL_REFERENCE = "00000000-0000-0000-0000-000000000000"


def canonical_json(document: Any) -> str:
    """Key-sorted compact JSON: equal content gives equal text, whatever the key order sent."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def submit_batch(conn: sqlite3.Connection, client_id: str, registrations: list[Any]) -> list[dict[str, Any]]:
    """One result per registration, in order; everything stored in a single transaction."""
    with transaction(conn):
        batch = _Batch(conn, client_id, registrations)
        results = [batch.decide(registration) for registration in registrations]
        batch.write()
    return results


@dataclass
class _Stored:
    dor_id: str
    content_hash: str
    hits: list[dict[str, Any]]


@dataclass
class _Batch:
    """The decisions of one batch, buffered so that all rows go in with a few executemany calls."""

    conn: sqlite3.Connection
    client_id: str
    registrations: list[Any]
    now: str = field(default_factory=now_rfc3339)
    stored: dict[str, _Stored] = field(init=False)
    index: StolenIndex = field(init=False)
    numbers: NumberBook = field(init=False)
    next_seq: int = field(init=False)
    new_registrations: list[tuple[Any, ...]] = field(default_factory=list)
    new_identifiers: list[tuple[Any, ...]] = field(default_factory=list)
    new_hits: list[tuple[str, str, Match]] = field(default_factory=list)
    outcomes: list[tuple[str, str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        references = [_reference_key(r) for r in self.registrations]
        self.stored = _load_stored(self.conn, self.client_id, [r for r in references if r])
        self.index = StolenIndex.load(self.conn)
        self.numbers = NumberBook(self.conn, self.client_id, self.registrations)
        last = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM registrations").fetchone()[0]
        self.next_seq = last + 1

    def decide(self, registration: Any) -> dict[str, Any]:
        reference = _reference_key(registration)
        # The reference is a UUID, so its letter case is not content.
        canonical = canonical_json(
            {**registration, "client_reference": reference} if reference else registration
        )
        has_chain = isinstance(registration, dict) and "chain" in registration
        digest = content_hash(_without_chain(registration, reference) if has_chain else canonical)
        if reference and reference in self.stored:
            result = _repeat_result(registration["client_reference"], self.stored[reference], digest)
            self._add_acknowledged_hash(result, reference)
        else:
            errors = validate_registration(registration)
            if errors or reference is None:
                shown = registration["client_reference"] if reference else NIL_REFERENCE
                result = {"client_reference": shown, "status": "rejected", "errors": errors}
            else:
                result = self._accept(registration, reference, canonical, digest)
        self.outcomes.append((self.client_id, reference or NIL_REFERENCE, result["status"], self.now))
        return result

    def _accept(
        self, registration: dict[str, Any], reference: str, canonical: str, digest: str
    ) -> dict[str, Any]:
        claim = Position.of(registration)
        reused = self.numbers.reuse_error(reference, claim)
        if reused is not None:
            shown = registration["client_reference"]
            return {"client_reference": shown, "status": "conflict", "errors": [reused]}
        seq = self.next_seq
        self.next_seq += 1
        dor_id = f"DOR-{seq:010d}"
        identifiers = item_identifiers(registration)
        matches = sorted(
            find_matches(self.index, identifiers), key=lambda m: (m.item_line, m.stolen.stolen_id)
        )
        hits = []
        for match in matches:
            hit_id = new_hit_id()
            self.new_hits.append((hit_id, dor_id, match))
            hits.append(hit_document(hit_id, match))
        self.new_identifiers.extend((dor_id, line, fld, value) for line, fld, value in identifiers)
        self.new_registrations.append(
            (seq, dor_id, self.client_id, reference, digest, canonical, json.dumps(hits), self.now)
        )
        self.stored[reference] = _Stored(dor_id, digest, hits)
        self.numbers.claim(reference, claim, self.now)
        result = {
            "client_reference": registration["client_reference"],
            "status": "accepted",
            "dor_id": dor_id,
            "hits": hits,
        }
        self._add_acknowledged_hash(result, reference)
        return result

    def _add_acknowledged_hash(self, result: dict[str, Any], reference: str) -> None:
        if result["status"] in ("accepted", "duplicate"):
            acknowledged = self.numbers.acknowledged_hash(reference)
            if acknowledged is not None:
                result["chain_acknowledged"] = acknowledged

    def write(self) -> None:
        self.conn.executemany(
            "INSERT INTO registrations (seq, dor_id, client_id, client_reference, content_hash, payload,"
            " hits, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            self.new_registrations,
        )
        self.conn.executemany(
            "INSERT INTO item_identifiers (dor_id, item_line, field, value_norm) VALUES (?, ?, ?, ?)",
            self.new_identifiers,
        )
        insert_hit_rows(self.conn, self.new_hits, late=False, created_at=self.now)
        self.numbers.write()
        self.conn.executemany(
            "INSERT INTO outcomes (client_id, client_reference, status, at) VALUES (?, ?, ?, ?)",
            self.outcomes,
        )


def _without_chain(registration: dict[str, Any], reference: str | None) -> str:
    """The canonical content that makes two submissions the same registration (``chain`` aside)."""
    content = {key: value for key, value in registration.items() if key != "chain"}
    if reference:
        content["client_reference"] = reference
    return canonical_json(content)


def _reference_key(registration: Any) -> str | None:
    """The idempotency key (a UUID, compared case-insensitively), or None when there is none."""
    if isinstance(registration, dict) and is_uuid(registration.get("client_reference")):
        return registration["client_reference"].lower()
    return None


def _repeat_result(shown_reference: str, stored: _Stored, digest: str) -> dict[str, Any]:
    if stored.content_hash == digest:
        return {
            "client_reference": shown_reference,
            "status": "duplicate",
            "dor_id": stored.dor_id,
            "hits": stored.hits,
        }
    return {
        "client_reference": shown_reference,
        "status": "conflict",
        "dor_id": stored.dor_id,
        "errors": [
            {
                "field": "client_reference",
                "code": "conflict",
                "message": "this client_reference was registered before with different content",
            }
        ],
    }


def _load_stored(conn: sqlite3.Connection, client_id: str, references: list[str]) -> dict[str, _Stored]:
    rows = select_for_keys(
        conn,
        "SELECT client_reference, dor_id, content_hash, hits FROM registrations",
        client_id,
        "client_reference",
        references,
    )
    return {row[0]: _Stored(row[1], row[2], json.loads(row[3])) for row in rows}
