"""Verification of the register: the hash chain, the gap-free numbering, the file's integrity.

An inspector (art. 552 Sv) must be able to trust that the register is complete and unaltered;
``verify`` proves it for every entry, and names the first one that breaks the proof.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from dor_desktop.storage.chain import GENESIS_HASH, ChainFields, entry_hash, format_register_number
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import RegisterEntry

_CHAIN_COLUMNS = [getattr(RegisterEntry, name) for name in ChainFields.__dataclass_fields__]


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    problem: str | None = None
    first_broken: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(db: Database) -> VerifyReport:
    """Walk the whole register in order; stop at the first broken entry."""
    try:
        with db.engine.connect() as connection:
            integrity = connection.execute(text("PRAGMA quick_check")).scalar()
            if integrity != "ok":
                return VerifyReport(0, f"the database file is damaged: {integrity}")
            rows = connection.execution_options(yield_per=5000).execute(
                select(
                    RegisterEntry.id, RegisterEntry.prev_hash, RegisterEntry.entry_hash, *_CHAIN_COLUMNS
                ).order_by(RegisterEntry.id)
            )
            return _walk(rows)
    except DatabaseError as exc:
        return VerifyReport(0, f"the database file is damaged: {exc.orig}")


def _walk(rows) -> VerifyReport:
    previous_hash = GENESIS_HASH
    last_sequence: dict[str, int] = {}
    count = 0
    for row in rows:
        entry_id, prev_hash, stored_hash, *values = row
        fields = ChainFields(*values)
        problem = _problem(entry_id, fields, prev_hash, stored_hash, previous_hash, last_sequence)
        if problem:
            return VerifyReport(count, problem, fields.register_number)
        last_sequence[fields.counter_prefix] = fields.sequence
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
