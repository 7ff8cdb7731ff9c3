"""Verification of the register: the hash chain, the gap-free numbering, the file's integrity.

An inspector (art. 552 Sv) must be able to trust that the register is complete and unaltered;
``verify`` proves it for every entry, and names the first one that breaks the proof. Beside the
chain it compares the copies each commit wrote (item rows, the DOR message) with the entry, and
runs SQLite's full integrity check, which also covers the indexes a quick check skips, and walks
the alerts' own chain (:mod:`.alert_chain`), so a hit deleted to lift a police hold is found.

Personal data (chain format 2) is checked against the salted commitment the chain holds, as long
as it is there; once purged, the commitment alone keeps the hash checkable. A format-1 entry
(made before schema 0005) hashed its personal data itself: after a purge its content cannot be
recomputed, so it is checked by its links (and numbering and copies) only, and the report says
how many entries that was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import DatabaseError

from dor_desktop.domain.registration import Envelope, registration_from_json
from dor_desktop.storage.alert_chain import alert_chain_problem
from dor_desktop.storage.chain import (
    CURRENT_FORMAT,
    GENESIS_HASH,
    ChainFields,
    entry_hash,
    format_register_number,
    personal_commitment,
)
from dor_desktop.storage.copies import ITEM_COLUMNS, item_rows, void_event
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import EntryItem, EntryPersonal, OutboxMessage, RegisterEntry, SyncState
from dor_desktop.storage.personal import merged

_CHAIN_COLUMNS = [getattr(RegisterEntry, name) for name in ChainFields.__dataclass_fields__]
_BATCH = 5000
#: The sync_state key where migration 0005 wrote the first entry id of chain format 2.
FORMAT_2_FROM = "chain_format_2_from_id"


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    problem: str | None = None
    first_broken: str | None = None
    #: Format-1 entries whose personal data was purged: checked by their links only.
    link_only: int = 0

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
            boundary = connection.execute(
                select(SyncState.value).where(SyncState.key == FORMAT_2_FROM)
            ).scalar()
            if boundary is None or not boundary.isdigit():
                return VerifyReport(0, "the register does not say where chain format 2 begins")
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
            personal = stream.execute(
                select(
                    EntryPersonal.entry_id,
                    EntryPersonal.seller_name,
                    EntryPersonal.salt,
                    EntryPersonal.data,
                    EntryPersonal.purged_at,
                ).order_by(EntryPersonal.entry_id)
            )
            report = _walk(entries, _ByEntry(items), _ByEntry(messages), _ByEntry(personal), int(boundary))
            return report if not report.ok else _with_alerts(connection, report)
    except DatabaseError as exc:
        return VerifyReport(0, f"the database file is damaged: {exc.orig}")


def _with_alerts(connection: Connection, report: VerifyReport) -> VerifyReport:
    """The alerts' own chain (schema 0003): a deleted or edited hit fails the register too."""
    problem = alert_chain_problem(connection)
    return replace(report, problem=problem) if problem else report


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


def _walk(rows, items: _ByEntry, messages: _ByEntry, personals: _ByEntry, format_2_from: int) -> VerifyReport:
    previous_hash = GENESIS_HASH
    last_sequence: dict[str, int] = {}
    references: dict[int, str] = {}
    count = link_only = 0
    for row in rows:
        entry_id, prev_hash, stored_hash, *values = row
        fields = ChainFields(*values)
        found = personals.take(entry_id)
        personal = found[0] if found else None
        by_link = fields.chain_format == 1 and personal is not None and personal.purged_at is not None
        entry_items, entry_messages = items.take(entry_id), messages.take(entry_id)
        problem = _format_problem(entry_id, fields, format_2_from) or _problem(
            entry_id, fields, prev_hash, stored_hash, previous_hash, last_sequence, by_link
        )
        if problem is None:
            payload, problem = _personal_problem(fields, personal)
        if problem is None:
            refers_to = references.get(fields.refers_to_id or 0)
            problem = _copies_problem(fields, payload, entry_items, entry_messages, refers_to)
        if problem:
            return VerifyReport(count, problem, fields.register_number, link_only)
        last_sequence[fields.counter_prefix] = fields.sequence
        references[entry_id] = fields.client_reference
        previous_hash = stored_hash
        count += 1
        link_only += by_link
    return VerifyReport(count, link_only=link_only)


def _format_problem(entry_id: int, fields: ChainFields, format_2_from: int) -> str | None:
    """Entries before the upgrade to schema 0005 are format 1, every later one format 2: a new
    entry labelled format 1 would escape the content check once 'purged'."""
    expected = 1 if entry_id < format_2_from else CURRENT_FORMAT
    if fields.chain_format != expected:
        return (
            f"{fields.register_number}: an entry in chain format {fields.chain_format} where the register "
            f"holds format {expected} (an entry in the old chain format after the upgrade)"
        )
    return None


def _personal_problem(fields: ChainFields, personal: Any) -> tuple[dict[str, Any], str | None]:
    """The entry's payload with its personal data (as far as not purged), or what is wrong with it."""
    number = fields.register_number
    try:
        payload = json.loads(fields.payload)
    except ValueError:  # only reachable for a purged format-1 entry, whose hash is not checked
        return {}, f"{number}: its content is no longer readable"
    if personal is None:
        return payload, f"{number}: its personal data record is missing"
    _entry_id, name, salt, data, purged_at = personal
    if purged_at is not None:
        return payload, None
    if fields.chain_format == 1:
        if name != fields.seller_name:
            return payload, f"{number}: its seller name in the search index differs from the entry"
        return payload, None
    if salt is None or data is None or _commitment(salt, data) != fields.personal_commitment:
        return payload, (
            f"{number}: the entry's content was changed after it was committed "
            "(its personal data does not match the commitment in the chain)"
        )
    if json.loads(data).get("name") != name:
        return payload, f"{number}: its seller name in the search index differs from its personal data"
    return merged(payload, data), None


def _commitment(salt: str, data: str) -> str | None:
    try:
        return personal_commitment(salt, data)
    except ValueError:  # the salt is not hex: edited
        return None


def _problem(
    entry_id: int,
    fields: ChainFields,
    prev_hash: str,
    stored_hash: str,
    previous_hash: str,
    last_sequence: dict[str, int],
    by_link: bool = False,
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
    if not by_link and entry_hash(fields, prev_hash) != stored_hash:
        return f"{number}: the entry's content was changed after it was committed"
    if fields.refers_to_id is not None and fields.refers_to_id >= entry_id:
        return f"{number}: refers to a later entry"
    return None


def _copies_problem(
    fields: ChainFields, payload: dict[str, Any], items: list, messages: list, refers_to: str | None
) -> str | None:
    """The item rows and the commit's own DOR message must equal what the entry says.

    A message may be missing (an acknowledged one may be cleaned up); sales and other events the
    sync layer adds later for the entry carry other keys and are not this check's business. Once
    the entry's personal data is purged, ``payload`` has none and neither may the message.
    """
    number = fields.register_number
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
