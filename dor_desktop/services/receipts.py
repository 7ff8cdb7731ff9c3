"""The seller's receipt of a committed entry, as PDF bytes or a PDF file.

Made from the register itself (not from the form), so the receipt shows exactly what the
register holds; one layout (:mod:`dor_desktop.reports.receipt`) for screen, paper and file.
"""

from __future__ import annotations

from pathlib import Path

from dor_desktop.config.files import atomic_write_bytes
from dor_desktop.services.context import AppContext
from dor_desktop.storage.queries import entry_detail


def receipt_pdf(app: AppContext, register_number: str) -> bytes:
    """The receipt of the entry ``register_number`` as a PDF document."""
    from dor_desktop.reports.receipt import render_receipt  # reportlab loads only for a receipt

    with app.db.read() as session:
        detail = entry_detail(session, register_number)
    return render_receipt(detail, app.settings)


def save_receipt_pdf(app: AppContext, register_number: str, target: Path) -> Path:
    """Write the receipt to ``target`` whole or not at all; returns ``target``."""
    atomic_write_bytes(target, receipt_pdf(app, register_number))
    return target
