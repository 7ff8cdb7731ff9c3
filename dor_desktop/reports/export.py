"""Export of the register for inspection (art. 552 Sv): CSV for spreadsheets, PDF for paper.

Both carry every entry of the period, corrections and voids included, and state whether the hash
chain verified at the moment of export, so an inspector knows the copy is complete and unaltered.
"""

from __future__ import annotations

import contextlib
import csv
import os
from datetime import date, datetime
from pathlib import Path

from dor_desktop.config.files import private_file
from dor_desktop.config.settings import Settings
from dor_desktop.domain.clock import SHOP_ZONE
from dor_desktop.errors import UserError
from dor_desktop.reports.labels import labels
from dor_desktop.reports.rows import COLUMNS, ExportRow, export_rows
from dor_desktop.storage.db import Database
from dor_desktop.storage.verify import verify

# A spreadsheet runs a cell starting with one of these as a formula: defuse it (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_register(
    db: Database,
    settings: Settings,
    date_from: date,
    date_to: date,
    fmt: str,
    out: Path,
    by: str = "acquired",
) -> int:
    """Write the register of the period to ``out``; returns the number of entries written.

    ``by``: ``acquired`` selects the period by purchase time, ``registered`` by registration time.
    """
    text = labels(settings.language)
    report = verify(db)
    check = (
        text["verified"].format(n=report.entries)
        if report.ok
        else text["verify_failed"].format(problem=report.problem)
    )
    with db.read() as session:
        rows = export_rows(session, date_from, date_to, text, by)
    title = f"{text['register_title']} {settings.shop_name} ({settings.shop_id})"
    period = f"{text['period']}: {date_from.isoformat()} - {date_to.isoformat()}"
    if by == "registered":
        period += f" ({text['by_registered']})"
    generated = f"{text['generated']}: {datetime.now(SHOP_ZONE).strftime('%Y-%m-%d %H:%M')}"
    temporary = out.with_name(out.name + ".part")
    try:
        private_file(temporary)  # the register's personal data: 0600, wherever it is written
        if fmt == "csv":
            _write_csv(temporary, rows, text, [title, period, generated, check])
        else:
            from dor_desktop.reports.pdf import write_register_pdf

            write_register_pdf(temporary, rows, text, title, [period, generated, check])
        os.replace(temporary, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    return len(rows)


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _write_csv(path: Path, rows: list[ExportRow], text: dict, header: list[str]) -> None:
    """Semicolon-separated UTF-8 with a byte-order mark: what Dutch spreadsheet programs open as is."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        for line in header:
            writer.writerow([_safe(line)])
        writer.writerow([text[c] for c in COLUMNS])
        for row in rows:
            writer.writerow([_safe(v) for v in row.cells(" | ")])
        handle.flush()
        os.fsync(handle.fileno())
