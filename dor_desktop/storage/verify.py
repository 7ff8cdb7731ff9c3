"""Verification of the register: the hash chain, the gap-free numbering, the file's integrity.

An inspector (art. 552 Sv) must be able to trust that the register is complete and unaltered;
``verify`` proves it for every entry, and names the first one that breaks the proof. Beside the
chain it compares the copies each commit wrote (item rows, the DOR message) with the entry, and
runs SQLite's full integrity check, which also covers the indexes a quick check skips.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from dor_desktop.domain.registration import Envelope, registration_from_json
from dor_desktop.storage.chain import GENESIS_HASH, ChainFields, entry_hash, format_register_number
from dor_desktop.storage.copies import ITEM_COLUMNS, item_rows, void_event
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import EntryItem, OutboxMessage, RegisterEntry

_CHAIN_COLUMNS = [getattr(RegisterEntry, name) for name in ChainFields.__dataclass_fields__]
_BATCH = 5000


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    problem: str | None = None
    first_broken: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _first_problem(integrity: str) -> str:
    """SQLite's report in one line: its first problem, and how many more there are."""
    lines = [line for line in integrity.splitlines() if line.strip() and not line.startswith("***")]
    more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
    return (lines[0] if lines else integrity.strip()) + more


def verify(db: Database) -> VerifyReport:
    """Walk the whole register in order; stop at the first broken entry."""
    try:
        with db.engine.connect() as connection:
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
            if integrity != "ok":
                return VerifyReport(0, f"the database file is damaged: {_first_problem(str(integrity))}")
            stream = connection.execution_options(yield_per=_BATCH)
            entries = stream.execute(
                select(
                    RegisterEntry.id, RegisterEntry.prev_hash, RegisterEntry.entry_hash, *_CHAIN_COLUMNS
                ).order_by(RegisterEntry.id)
            )
            items = stream.execute(
                select(EntryItem.entry_id, *[getattr(EntryItem, c) for c in ITEM_COLUMNS]).order_by(
                    EntryItem.entry_id, EntryItem.line
                )
            )
            messages = stream.execute(
                select(OutboxMessage.entry_id, OutboxMessage.idempotency_key, OutboxMessage.payload).order_by(
                    OutboxMessage.entry_id, OutboxMessage.id
                )
            )
            return _walk(entries, _ByEntry(items), _ByEntry(messages))
    except DatabaseError as exc:
        return VerifyReport(0, f"the database file is damaged: {exc.orig}")


class _ByEntry:
    """Rows ordered by entry id, handed out one entry at a time: a merge walk, so memory stays flat."""

    def __init__(self, rows: Iterable) -> None:
        self._rows: Iterator = iter(rows)
        self._next = next(self._rows, None)

    def take(self, entry_id: int) -> list:
        taken = []
        while self._next is not None and self._next[0] <= entry_id:
            if self._next[0] == entry_id:
                taken.append(self._next)
            self._next = next(self._rows, None)
        return taken


def _walk(rows, items: _ByEntry, messages: _ByEntry) -> VerifyReport:
    previous_hash = GENESIS_HASH
    last_sequence: dict[str, int] = {}
    references: dict[int, str] = {}
    count = 0
    for row in rows:
        entry_id, prev_hash, stored_hash, *values = row
        fields = ChainFields(*values)
        problem = _problem(entry_id, fields, prev_hash, stored_hash, previous_hash, last_sequence)
        problem = problem or _copies_problem(
            fields, items.take(entry_id), messages.take(entry_id), references.get(fields.refers_to_id or 0)
        )
        if problem:
            return VerifyReport(count, problem, fields.register_number)
        last_sequence[fields.counter_prefix] = fields.sequence
        references[entry_id] = fields.client_reference
        previous_hash = stored_hash
        count += 1
    return VerifyReport(count)


def _problem(
    entry_id: int,
    fields: ChainFields,
    prev_hash: str,
    stored_hash: str,
    previous_hash: str,
    last_sequence: dict[str, int],
) -> str | None:
    number = fields.register_number
    expected_sequence = last_sequence.get(fields.counter_prefix, 0) + 1
    if fields.sequence != expected_sequence:
        return (
            f"{number}: numbering gap or reorder: expected number {expected_sequence} "
            f"for counter {fields.counter_prefix}, found {fields.sequence}"
        )
    if number != format_register_number(fields.counter_prefix, fields.sequence):
        return f"{number}: the register number does not match its counter and sequence"
    if prev_hash != previous_hash:
        return f"{number}: the link to the previous entry is broken (an entry was removed or reordered)"
    if entry_hash(fields, prev_hash) != stored_hash:
        return f"{number}: the entry's content was changed after it was committed"
    if fields.refers_to_id is not None and fields.refers_to_id >= entry_id:
        return f"{number}: refers to a later entry"
    return None


def _copies_problem(fields: ChainFields, items: list, messages: list, refers_to: str | None) -> str | None:
    """The item rows and the commit's own DOR message must equal what the entry says.

    A message may be missing (an acknowledged one may be cleaned up); sales and other events the
    sync layer adds later for the entry carry other keys and are not this check's business.
    """
    number = fields.register_number
    payload = json.loads(fields.payload)
    if fields.kind == "void":
        expected_items: list[dict[str, Any]] = []
        own = messages
        expected = void_event(refers_to or "", fields.committed_at, fields.reason)
    else:
        expected_items = item_rows(payload)
        own = [m for m in messages if m[1] == fields.client_reference]
        expected = None
    if [dict(zip(ITEM_COLUMNS, row[1:], strict=True)) for row in items] != expected_items:
        return f"{number}: its item rows (the serial-number search index) differ from the entry"
    for _entry_id, _key, message_json in own:
        message = json.loads(message_json)
        if expected is None:
            envelope = Envelope(fields.client_reference, str(message.get("shop_id")), number, refers_to)
            wanted = registration_from_json(payload, envelope)
        else:
            wanted = expected
        if message != wanted:
            return f"{number}: its outbox message for the DOR differs from the entry"
    return None
