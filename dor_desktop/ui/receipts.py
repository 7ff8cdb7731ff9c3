"""The seller's receipt: print it, or save it as a PDF, after the entry is safely committed.

The PDF comes from :mod:`dor_desktop.services.receipts` (one layout for screen, paper and file);
it is made on the database lane from the committed entry, so the receipt shows exactly what the
register holds. Printing renders that PDF's pages with QtPdf onto the chosen printer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QRectF, QSizeF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from dor_desktop.services.receipts import receipt_pdf, save_receipt_pdf
from dor_desktop.ui.background import Op
from dor_desktop.ui.services import Services


def print_pdf(pdf: bytes, printer) -> int:
    """Render every page of ``pdf`` onto ``printer`` (a QPrinter); returns the page count."""
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = QRectF(painter.viewport())
            size = document.pagePointSize(page).scaled(QSizeF(target.size()), _keep_aspect())
            image = document.render(page, size.toSize())
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()
    return document.pageCount()


def _keep_aspect():
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


class ReceiptActions(QObject):
    """Print or save the receipt of a committed entry; ``done`` carries a message for the clerk."""

    done = Signal(str)

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent

    def save_pdf(self, register_number: str, target: Path | None = None) -> None:
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self._parent,
                self.tr("Save receipt as PDF"),
                str(Path.home() / f"{register_number}.pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return
            target = Path(chosen)
        Op(
            self._services.lanes.db, save_receipt_pdf, self._services.context, register_number, target
        ).on_success(
            lambda path: self.done.emit(self.tr("Receipt saved as %1").replace("%1", str(path)))
        ).on_failure(self._failed).start(self)

    def print(self, register_number: str) -> None:
        Op(self._services.lanes.db, receipt_pdf, self._services.context, register_number).on_success(
            self._print_dialog
        ).on_failure(self._failed).start(self)

    def _print_dialog(self, pdf: bytes) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._parent)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_pdf(pdf, printer)
            self.done.emit(self.tr("Receipt sent to the printer"))

    def _failed(self, error: BaseException) -> None:
        self.done.emit(self.tr("The receipt could not be made: %1").replace("%1", str(error)))
