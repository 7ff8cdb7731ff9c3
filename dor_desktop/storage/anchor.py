"""The local register compared with the chain head the DOR acknowledged (contract 1.1).

``verify`` proves the register consistent with itself; it cannot see the newest entries deleted by
hand, nor a whole chain rewritten consistently. The DOR holds, per counter, the highest sequence
it acknowledged and that entry's hash: a register that ends below that sequence has lost
acknowledged entries, and one holding another hash there was rewritten up to that point. What
this cannot see: entries the DOR has not acknowledged yet (not sent, or refused).

The comparison itself is a pure function of two small values, so it is tested without a network;
reading the local side is one indexed look-up per counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select

from dor_desktop.storage.chain import format_register_number
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import RegisterEntry


@dataclass(frozen=True)
class AcknowledgedHead:
    """What the DOR answers at ``GET /v1/chain-head`` for one counter."""

    counter: str
    sequence: int  # 0: nothing acknowledged yet
    entry_hash: str | None = None
    register_number: str | None = None


@dataclass(frozen=True)
class LocalPosition:
    """The local side of one counter, read at the sequence the DOR acknowledged."""

    counter: str
    last_sequence: int  # 0: no entry on this counter
    hash_at_head: str | None  # the stored entry_hash at the head's sequence; None: no such entry


class AnchorProblem(StrEnum):
    ENTRIES_MISSING = "entries_missing"
    CHAIN_REWRITTEN = "chain_rewritten"


@dataclass(frozen=True)
class AnchorFinding:
    problem: AnchorProblem
    counter: str
    register_number: str  # the entry the DOR acknowledged last
    message: str


def compare_with_head(local: LocalPosition, head: AcknowledgedHead) -> list[AnchorFinding]:
    """Findings when ``local`` has lost or rewritten what the DOR acknowledged; empty when it agrees."""
    if head.sequence <= 0:
        return []
    number = head.register_number or format_register_number(head.counter, head.sequence)
    if local.last_sequence < head.sequence:
        missing = head.sequence - local.last_sequence
        last = local.last_sequence
        ends = format_register_number(local.counter, last) if last else "nothing"
        return [
            AnchorFinding(
                AnchorProblem.ENTRIES_MISSING,
                head.counter,
                number,
                f"counter {head.counter}: the DOR acknowledged entries up to {number}, but the register "
                f"ends at {ends}: {missing} acknowledged entr{'y is' if missing == 1 else 'ies are'} missing",
            )
        ]
    if head.entry_hash is not None and local.hash_at_head != head.entry_hash:
        return [
            AnchorFinding(
                AnchorProblem.CHAIN_REWRITTEN,
                head.counter,
                number,
                f"counter {head.counter}: {number} is not the entry the DOR acknowledged; the register "
                "was rewritten up to there (entries changed, or removed and their numbers used again)",
            )
        ]
    return []


def read_local_position(db: Database, counter: str, sequence: int) -> LocalPosition:
    """The highest local sequence of ``counter`` and the stored hash at ``sequence``."""
    with db.read() as session:
        last = session.scalar(
            select(func.max(RegisterEntry.sequence)).where(RegisterEntry.counter_prefix == counter)
        )
        stored = session.scalar(
            select(RegisterEntry.entry_hash).where(
                RegisterEntry.counter_prefix == counter, RegisterEntry.sequence == sequence
            )
        )
    return LocalPosition(counter, last or 0, stored)


def local_counters(db: Database) -> list[str]:
    """The counter prefixes the register holds entries for (ask the DOR about these, and the
    configured one: a counter whose every entry was deleted is no longer listed here)."""
    with db.read() as session:
        return sorted(session.scalars(select(RegisterEntry.counter_prefix).distinct()))


def check_against_head(db: Database, head: AcknowledgedHead) -> list[AnchorFinding]:
    """:func:`compare_with_head` for the register in ``db``."""
    return compare_with_head(read_local_position(db, head.counter, head.sequence), head)
