"""The audit log: who saw or changed what, and when; append-only and hash-chained.

What a row holds is deliberately narrow: the actor (an account's name, or ``cli:<os user>``), its
role, an action code, a reference (a register number, an account name, a period) and a short
detail. Never a seller's name, address or document number: the log must stay readable by the
owner after the personal data itself has been purged. The triggers of migration 0004 refuse UPDATE
and DELETE; each row stores the hash of its predecessor, so :func:`verify_audit_chain` finds a row
edited, removed or reordered with the triggers dropped by hand (the newest rows need an outside
anchor, as in the register).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date
from typing import cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.exc import DatabaseError

from dor_desktop.domain.clock import local_day_start_utc, to_utc_text, utc_now
from dor_desktop.storage.chain import GENESIS_HASH, canonical_json
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import AuditRow

_AUDIT = cast(Table, AuditRow.__table__)
_LAST_HASH = select(_AUDIT.c.row_hash).order_by(_AUDIT.c.id.desc()).limit(1)


@dataclass(frozen=True)
class AuditEvent:
    """The hashed content of one audit row."""

    at: str
    actor: str
    actor_role: str
    action: str
    reference: str
    detail: str


@dataclass(frozen=True)
class AuditEntry:
    """An audit row as listed: its number and its content."""

    id: int
    at: str
    actor: str
    actor_role: str
    action: str
    reference: str
    detail: str


@dataclass(frozen=True)
class AuditFilter:
    date_from: date | None = None
    date_to: date | None = None
    #: Only rows about these references (register numbers, account names...); empty: all.
    references: tuple[str, ...] = ()
    action: str = ""
    limit: int = 1000


@dataclass(frozen=True)
class AuditReport:
    rows: int
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def audit_hash(event: AuditEvent, prev_hash: str) -> str:
    canonical = canonical_json({"prev_hash": prev_hash, **asdict(event)})
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append_to(connection: Connection, event: AuditEvent) -> None:
    """Append ``event`` inside the caller's write transaction (linked to the last row)."""
    prev_hash = connection.execute(_LAST_HASH).scalar() or GENESIS_HASH
    row = {**asdict(event), "prev_hash": prev_hash, "row_hash": audit_hash(event, prev_hash)}
    connection.execute(insert(_AUDIT), [row])


def append(
    db: Database, actor: str, actor_role: str, action: str, reference: str = "", detail: str = ""
) -> AuditEvent:
    """Append one row in its own write transaction (BEGIN IMMEDIATE: two writers cannot fork the chain)."""
    event = AuditEvent(to_utc_text(utc_now()), actor, actor_role, action, reference, detail)
    with db.write() as session:
        append_to(session.connection(), event)
    return event


def list_audit(db: Database, wanted: AuditFilter) -> list[AuditEntry]:
    """Rows matching ``wanted``, newest first."""
    query = select(
        AuditRow.id, AuditRow.at, AuditRow.actor, AuditRow.actor_role, AuditRow.action,
        AuditRow.reference, AuditRow.detail,
    )  # fmt: skip
    if wanted.date_from:
        query = query.where(AuditRow.at >= local_day_start_utc(wanted.date_from))
    if wanted.date_to:
        query = query.where(
            AuditRow.at < local_day_start_utc(date.fromordinal(wanted.date_to.toordinal() + 1))
        )
    if wanted.references:
        query = query.where(AuditRow.reference.in_(wanted.references))
    if wanted.action:
        query = query.where(AuditRow.action == wanted.action)
    query = query.order_by(AuditRow.id.desc()).limit(wanted.limit)
    with db.read() as session:
        return [AuditEntry(*row) for row in session.execute(query).all()]


def verify_audit_chain(db: Database) -> AuditReport:
    """Walk the audit log in order; the first row whose link or content does not match is reported."""
    previous = GENESIS_HASH
    count = 0
    columns = [getattr(AuditRow, name) for name in AuditEvent.__dataclass_fields__]
    try:
        with db.engine.connect() as connection:
            rows = connection.execution_options(yield_per=5000).execute(
                select(AuditRow.id, AuditRow.prev_hash, AuditRow.row_hash, *columns).order_by(AuditRow.id)
            )
            for row_id, prev_hash, row_hash, *values in rows:
                if prev_hash != previous:
                    return AuditReport(count, f"audit row {row_id}: the link to the previous row is broken "
                                              "(a row was removed or reordered)")  # fmt: skip
                if audit_hash(AuditEvent(*values), prev_hash) != row_hash:
                    return AuditReport(
                        count, f"audit row {row_id}: its content was changed after it was written"
                    )
                previous = row_hash
                count += 1
    except DatabaseError as exc:
        return AuditReport(count, f"the audit log cannot be read: {exc.orig}")
    return AuditReport(count)
