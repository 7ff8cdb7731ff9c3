"""Inspection (art. 552 Sv): verify the register's integrity and export it for the police."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from dor_desktop.errors import UserError
from dor_desktop.services import audit
from dor_desktop.services.access import Permission, require
from dor_desktop.services.context import AppContext
from dor_desktop.storage.verify import VerifyReport
from dor_desktop.storage.verify import verify as _verify

__all__ = ["VerifyReport", "export", "verify"]


def verify(app: AppContext) -> VerifyReport:
    """Check the hash chain, the numbering and the file's integrity, then the audit log's chain."""
    report = _verify(app.db)
    if report.ok:
        chain = audit.verify_chain(app)
        if not chain.ok:
            return replace(report, problem=chain.problem)
    return report


def export(app: AppContext, date_from: date, date_to: date, fmt: str, out: Path) -> int:
    """Write the register of the period as ``csv`` or ``pdf``; returns the number of entries."""
    require(app.actor, Permission.EXPORT)
    if date_to < date_from:
        raise UserError("the end of the period is before its start")
    from dor_desktop.reports.export import export_register  # reportlab loads only when exporting

    count = export_register(app.db, app.settings, date_from, date_to, fmt, out)
    audit.record(app, audit.Action.EXPORT, f"{date_from}..{date_to}", f"{fmt}, {count} entries")
    return count
