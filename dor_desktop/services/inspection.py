"""Inspection (art. 552 Sv): verify the register's integrity and export it for the police."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from dor_desktop.errors import UserError
from dor_desktop.services import audit
from dor_desktop.services.access import Permission, require
from dor_desktop.services.context import AppContext
from dor_desktop.storage.verify import VerifyReport
from dor_desktop.storage.verify import verify as _verify
from dor_desktop.sync.anchor_check import AnchorCheck
from dor_desktop.sync.anchor_check import check_anchor as _check_anchor
from dor_desktop.sync.transport import DorTransport

__all__ = ["EXPORT_BY", "AnchorCheck", "VerifyReport", "check_anchor", "dor_not_asked", "export", "verify"]


def verify(app: AppContext) -> VerifyReport:
    """Check the hash chain, the numbering, the alerts' chain and the file's integrity, then the
    audit log's chain."""
    report = _verify(app.db)
    if report.ok:
        chain = audit.verify_chain(app)
        if not chain.ok:
            return replace(report, problem=chain.problem)
    return report


def check_anchor(app: AppContext, transport: DorTransport) -> AnchorCheck:
    """Compare the register with the chain heads the DOR acknowledged (every local counter and
    the configured one, whose entries may all be gone)."""
    try:
        return _check_anchor(app.db, transport, [app.settings.counter_prefix])
    except DatabaseError as exc:  # a damaged file: verify's own line already says so
        return AnchorCheck(
            unreachable=f"the register could not be read to compare it with the DOR ({exc.orig})"
        )


def dor_not_asked(reason: str) -> AnchorCheck:
    """The anchor check's answer when no connection to the DOR could even be set up."""
    return AnchorCheck(
        unreachable=f"the DOR could not be asked what it acknowledged ({reason}); "
        "only the local chain was checked"
    )


#: What an export's period can select on: the purchase time or the registration time.
EXPORT_BY = ("acquired", "registered")


def export(app: AppContext, date_from: date, date_to: date, fmt: str, out: Path, by: str = "acquired") -> int:
    """Write the register of the period as ``csv`` or ``pdf``; returns the number of entries.

    ``by="registered"`` selects the entries registered in the period (a late entry appears in the
    month it was entered) instead of those purchased in it.
    """
    require(app.actor, Permission.EXPORT)
    if date_to < date_from:
        raise UserError("the end of the period is before its start")
    if by not in EXPORT_BY:
        raise UserError(f"an export selects by {' or '.join(EXPORT_BY)}, not {by!r}")
    from dor_desktop.reports.export import export_register  # reportlab loads only when exporting

    count = export_register(app.db, app.settings, date_from, date_to, fmt, out, by)
    if not app.db.read_only:  # a copy on read-only media cannot take a row; the shop's own register does
        audit.record(app, audit.Action.EXPORT, f"{date_from}..{date_to}", f"{fmt}, {count} entries")
    return count
