"""The purchase form's ID scanner: scan from a file, the camera or a drop; what the scan said;
the masked copy.

The scan runs on the OCR lane, so the form stays usable meanwhile. What was read goes to the form
(``document_read``), which fills its fields; this panel only says how the reading went and shows
the masked copy (never the unmasked image), which it keeps until the form is saved or emptied.

Its strings keep the translation context "PurchaseForm": they are the form's words, and one context
keeps the Dutch and English catalogues as they are.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDropEvent, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dor_desktop.domain.clock import SHOP_ZONE
from dor_desktop.services import scanning
from dor_desktop.ui.background import Op
from dor_desktop.ui.fields import restyle
from dor_desktop.ui.id_scan import ScanOutcome, is_scan_file, scan_error_text, scan_image, scan_summary
from dor_desktop.ui.services import Services

translate = QCoreApplication.translate
_log = logging.getLogger(__name__)

#: The masked ID copy is shown as a thumbnail beside the scan buttons (enough to recognise it).
MASKED_WIDTH = 240


class ScanPanel(QWidget):
    document_read = Signal(object)  # the ScanResult of a successful read
    message = Signal(str)  # a calm line for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        #: The masked copy of the last document read (PNG), kept with the entry if the shop keeps copies.
        self.masked_png: bytes | None = None
        self.scan_button = QPushButton(translate("PurchaseForm", "Scan ID from file... (Ctrl+O)"))
        self.scan_button.clicked.connect(self.scan_from_file)
        self.camera_button = QPushButton(translate("PurchaseForm", "Camera (Ctrl+Shift+O)"))
        self.camera_button.clicked.connect(self.scan_from_camera)
        self.camera_button.hide()  # shown once Qt Multimedia has loaded and found a camera
        self.scan_hint = QLabel(translate("PurchaseForm", "Or drop an image of the ID here."))
        self.scan_hint.setObjectName("hint")
        self.scan_status = QLabel()
        self.scan_status.setObjectName("scanStatus")
        self.scan_status.setWordWrap(True)
        self.scan_status.hide()
        self.masked_view = QLabel()
        self.masked_view.setObjectName("maskedImage")
        self.masked_view.setToolTip(translate("PurchaseForm", "Masked copy: photo and BSN made unreadable"))
        self.masked_view.hide()
        #: True once the OCR model is loaded (warm_up, on the OCR lane at start).
        self.warmed_up = False
        self._lay_out()
        self._warm_up()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.camera_button)
        buttons.addStretch(1)
        scanning = QVBoxLayout()
        scanning.addLayout(buttons)
        scanning.addWidget(self.scan_hint)
        scanning.addWidget(self.scan_status)
        scanning.addStretch(1)
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(scanning, 1)
        top.addWidget(self.masked_view)

    def _warm_up(self) -> None:
        """Load the OCR model on the OCR lane now, not at the first scan: a scan queued meanwhile
        simply waits its turn on the same lane."""

        def done(_result: object) -> None:
            self.warmed_up = True

        Op(self.services.lanes.ocr, scanning.warm_up).on_success(done).on_failure(self._warm_up_failed).start(
            self
        )

    def _warm_up_failed(self, error: BaseException) -> None:
        # Not fatal: the first scan loads the model itself, and says so if it cannot.
        _log.warning("OCR warm-up failed: %s", type(error).__name__)

    # -- sources ---------------------------------------------------------------------------------

    def scan_from_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("PurchaseForm", "Choose an image of the ID document"),
            "",
            translate("PurchaseForm", "Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)"),
        )
        if chosen:
            self.scan(Path(chosen))

    def scan_from_camera(self) -> None:
        from dor_desktop.ui.scan_sources import CameraDialog, camera_available

        if not camera_available():
            self.message.emit(translate("PurchaseForm", "No camera found"))
            return
        dialog = CameraDialog(self)
        if dialog.exec() and dialog.image_bytes:
            self.scan(dialog.image_bytes)

    def scan_dropped(self, event: QDropEvent) -> bool:
        """Scan the ID image dropped anywhere on the form; False when the drop holds none."""
        path = dropped_scan_file(event)
        if path is None:
            return False
        event.acceptProposedAction()
        self.scan(path)
        return True

    # -- reading ---------------------------------------------------------------------------------

    def scan(self, source: Path | bytes) -> None:
        """Read an ID image on the OCR lane; the form stays usable meanwhile."""
        self.show_status(translate("PurchaseForm", "Reading the document..."), "")
        settings = self.services.settings
        today = self.services.clock().astimezone(SHOP_ZONE).date()
        Op(
            self.services.lanes.ocr, scan_image, source, settings.keep_id_images, settings.shop_name, today
        ).on_success(self._scanned).on_failure(self._scan_failed).start(self)

    def _scanned(self, outcome: ScanOutcome) -> None:
        text, tone = scan_summary(outcome.result)
        self.show_status(text, tone)
        self._show_masked(outcome.masked_png)
        self.document_read.emit(outcome.result)

    def _scan_failed(self, error: BaseException) -> None:
        code = getattr(error, "reason_code", "")
        self.show_status(scan_error_text(code), "attention")

    def show_status(self, text: str, tone: str) -> None:
        """One line on how the reading went; ``tone`` "ok", "attention" or "" (still reading)."""
        self.scan_status.setText(text)
        self.scan_status.setProperty("tone", tone)
        restyle(self.scan_status)
        self.scan_status.show()

    def _show_masked(self, png: bytes | None) -> None:
        """Only ever the masked copy: the unmasked image is never put on screen or disk."""
        self.masked_png = png
        if not png:
            self.masked_view.hide()
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.masked_view.setPixmap(
            pixmap.scaledToWidth(MASKED_WIDTH, Qt.TransformationMode.SmoothTransformation)
        )
        self.masked_view.show()

    def clear(self) -> None:
        """A new form: no scan message, no masked copy."""
        self.masked_png = None
        self.masked_view.hide()
        self.scan_status.hide()


def dropped_scan_file(event: QDropEvent) -> Path | None:
    """The first local file in the drop that looks like an ID image, or None."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and is_scan_file(Path(url.toLocalFile())):
            return Path(url.toLocalFile())
    return None
