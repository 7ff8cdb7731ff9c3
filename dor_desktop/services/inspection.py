"""Inspection (art. 552 Sv): verify the register's integrity and export it for the police."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dor_desktop.errors import UserError
from dor_desktop.services.context import AppContext
from dor_desktop.storage.verify import VerifyReport
from dor_desktop.storage.verify import verify as _verify

__all__ = ["VerifyReport", "export", "verify"]


def verify(app: AppContext) -> VerifyReport:
    """Check the hash chain, the numbering and the file's integrity."""
    return _verify(app.db)


def export(app: AppContext, date_from: date, date_to: date, fmt: str, out: Path) -> int:
    """Write the register of the period as ``csv`` or ``pdf``; returns the number of entries."""
    if date_to < date_from:
        raise UserError("the end of the period is before its start")
    from dor_desktop.reports.export import export_register  # reportlab loads only when exporting

    return export_register(app.db, app.settings, date_from, date_to, fmt, out)
