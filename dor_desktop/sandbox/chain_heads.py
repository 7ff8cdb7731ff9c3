"""The DOR as the shop register's outside anchor (contract 1.1): register numbers and chain heads.

Per shop (the token's client) the sandbox remembers which ``client_reference`` used each register
number and, when the registration carried its ``chain`` position, which counter and sequence with
which entry hash. A shop that lost its newest entries (or rewrote its chain) and hands out those
numbers again is refused with ``register_number_reused``, and ``GET /v1/chain-head`` tells the
client the highest position the DOR acknowledged, so the client's ``verify`` can see the loss.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from dor_desktop.sandbox.database import select_for_keys
from dor_desktop.sandbox.fieldcheck import is_integer

REUSED_CODE = "register_number_reused"
#: SQLite's largest integer: a bigger sequence could not even be stored (validation refuses it).
MAX_SEQUENCE = 2**63 - 1


@dataclass(frozen=True)
class Position:
    """A registration's claim on a register number and (when it carried ``chain``) a position."""

    register_number: str
    counter: str | None = None
    sequence: int | None = None
    entry_hash: str | None = None

    @classmethod
    def of(cls, registration: dict[str, Any]) -> Position:
        """The claim of an already validated registration."""
        chain = registration.get("chain")
        if not isinstance(chain, dict):
            return cls(registration["register_number"])
        return cls(
            registration["register_number"], chain["counter"], int(chain["sequence"]), chain["entry_hash"]
        )


class NumberBook:
    """The register numbers and positions one client holds, loaded for one batch and kept current."""

    def __init__(self, conn: sqlite3.Connection, client_id: str, registrations: list[Any]) -> None:
        self.client_id = client_id
        numbers = [r.get("register_number") for r in registrations if isinstance(r, dict)]
        self.numbers = _load_numbers(conn, client_id, sorted({n for n in numbers if isinstance(n, str)}))
        self.positions = _load_positions(conn, client_id, registrations)
        self.hashes: dict[str, str] = {}
        self._conn = conn
        self.new_rows: list[tuple[Any, ...]] = []

    def reuse_error(self, reference: str, claim: Position) -> dict[str, str] | None:
        """The FieldError refusing ``claim`` when another reference already holds its number or place."""
        holder = self.numbers.get(claim.register_number)
        if holder is not None and holder != reference:
            return _reused("register_number", "this register number was already used for another entry")
        if claim.counter is None or claim.sequence is None:
            return None
        holder = self._position_holder(claim.counter, claim.sequence)
        if holder is not None and holder != reference:
            return _reused("chain.sequence", "this chain position was already used for another entry")
        return None

    def claim(self, reference: str, claim: Position, now: str) -> None:
        self.numbers[claim.register_number] = reference
        if claim.counter is not None and claim.sequence is not None:
            self.positions[(claim.counter, claim.sequence)] = reference
        if claim.entry_hash is not None:
            self.hashes[reference] = claim.entry_hash
        self.new_rows.append(
            (
                self.client_id,
                claim.register_number,
                reference,
                claim.counter,
                claim.sequence,
                claim.entry_hash,
                now,
            )
        )

    def acknowledged_hash(self, reference: str) -> str | None:
        """The entry hash the DOR holds for ``reference`` (None when it came without ``chain``)."""
        if reference in self.hashes:
            return self.hashes[reference]
        row = self._conn.execute(
            "SELECT entry_hash FROM register_numbers WHERE client_id = ? AND client_reference = ?",
            (self.client_id, reference),
        ).fetchone()
        return row[0] if row else None

    def write(self) -> None:
        self._conn.executemany(
            "INSERT INTO register_numbers (client_id, register_number, client_reference, counter,"
            " sequence, entry_hash, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.new_rows,
        )

    def _position_holder(self, counter: str, sequence: int) -> str | None:
        return self.positions.get((counter, sequence))


def _reused(field: str, message: str) -> dict[str, str]:
    return {"field": field, "code": REUSED_CODE, "message": message}


def _load_numbers(conn: sqlite3.Connection, client_id: str, numbers: list[str]) -> dict[str, str]:
    select = "SELECT register_number, client_reference FROM register_numbers"
    rows = select_for_keys(conn, select, client_id, "register_number", numbers)
    return {row[0]: row[1] for row in rows}


def _load_positions(
    conn: sqlite3.Connection, client_id: str, registrations: list[Any]
) -> dict[tuple[str, int], str]:
    """The stored holders of the chain positions this batch claims (one query per batch)."""
    claimed = (_claimed_sequence(r) for r in registrations)
    sequences = sorted({sequence for sequence in claimed if sequence is not None})
    select = "SELECT counter, sequence, client_reference FROM register_numbers"
    rows = select_for_keys(conn, select, client_id, "sequence", sequences)
    return {(row[0], row[1]): row[2] for row in rows}


def _claimed_sequence(registration: Any) -> int | None:
    """The chain sequence a (not yet validated) registration claims, if it is a storable one."""
    chain = registration.get("chain") if isinstance(registration, dict) else None
    sequence = chain.get("sequence") if isinstance(chain, dict) else None
    if sequence is None or not is_integer(sequence) or not 0 < sequence <= MAX_SEQUENCE:
        return None
    return int(sequence)


def chain_head(conn: sqlite3.Connection, client_id: str, counter: str) -> dict[str, Any]:
    """The contract's chain-head answer: the highest acknowledged sequence of ``counter``, or 0."""
    row = conn.execute(
        "SELECT sequence, entry_hash, register_number, acknowledged_at FROM register_numbers"
        " WHERE client_id = ? AND counter = ? ORDER BY sequence DESC LIMIT 1",
        (client_id, counter),
    ).fetchone()
    if row is None:
        return {"counter": counter, "sequence": 0}
    return {
        "counter": counter,
        "sequence": row[0],
        "entry_hash": row[1],
        "register_number": row[2],
        "acknowledged_at": row[3],
    }
