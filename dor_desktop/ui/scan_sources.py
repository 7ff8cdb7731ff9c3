"""Where ID images come from besides a file chooser: a watched scanner folder and a camera.

Document scanners at a counter usually drop each scan as a file in a folder. The watcher notices
new files there (QFileSystemWatcher), waits until a file stops growing (the scanner may still be
writing it), takes it into memory and deletes it (``services.scanning.take_inbox_scan``: the
unmasked ID must not stay in a folder others can reach), and hands the bytes to the form; files
already there when the window opened are left alone. Listing the folder and taking a file happen
on the files lane, never on the GUI thread.

The camera capture is offered only when Qt Multimedia finds a camera; the picture stays in memory
(QImageCapture.capture, not captureToFile) because an unmasked ID image must never reach a file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QFileSystemWatcher, QIODevice, QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from dor_desktop.services.scanning import InboxScan, take_inbox_scan
from dor_desktop.ui.background import Lanes, Op
from dor_desktop.ui.id_scan import is_scan_file

log = logging.getLogger(__name__)

#: A file whose size did not change over this interval is taken as completely written.
SETTLE_MS = 400


def _sizes(folder: Path) -> dict[str, int]:
    sizes = {}
    try:
        for path in folder.iterdir():
            if path.is_file() and is_scan_file(path):
                sizes[str(path)] = path.stat().st_size
    except OSError as exc:
        log.warning("scan folder %s cannot be read: %s", folder, exc)
    return sizes


class ScanFolderWatcher(QObject):
    """Emits ``scan_taken(image bytes)`` once for every new, completely written image in ``folder``,
    after the file was deleted; ``notice(text)`` when a file could not be deleted or read."""

    scan_taken = Signal(object)
    notice = Signal(str)

    def __init__(self, lanes: Lanes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = lanes
        self._folder: Path | None = None
        self._known: dict[str, int] = {}
        self._handled: set[str] = set()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._schedule())
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._look)

    @property
    def folder(self) -> Path | None:
        return self._folder

    def watch(self, folder: str) -> None:
        """Watch ``folder`` (empty: stop watching). Files already there are not scanned."""
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._folder = Path(folder) if folder else None
        self._known, self._handled = {}, set()
        if self._folder is None:
            return
        Op(self._lanes.files, _sizes, self._folder).on_success(self._baseline).start(self)

    def _baseline(self, sizes: dict[str, int]) -> None:
        self._handled = set(sizes)
        if self._folder is not None and self._folder.is_dir():
            self._watcher.addPath(str(self._folder))

    def _schedule(self) -> None:
        self._settle.start()

    def _look(self) -> None:
        if self._folder is not None:
            Op(self._lanes.files, _sizes, self._folder).on_success(self._compare).start(self)

    def _compare(self, sizes: dict[str, int]) -> None:
        # A scan taken is deleted: a later file under the same name (scanners reuse names) is new.
        self._handled &= set(sizes)
        growing = False
        for path, size in sizes.items():
            if path in self._handled:
                continue
            if size > 0 and self._known.get(path) == size:
                self._handled.add(path)
                self._take(path)
            else:
                growing = True
        self._known = sizes
        if growing:
            self._settle.start()

    def _take(self, path: str) -> None:
        Op(self._lanes.files, take_inbox_scan, Path(path)).on_success(self._taken).on_failure(
            self._not_taken
        ).start(self)

    def _taken(self, scan: InboxScan) -> None:
        if not scan.removed:
            self.notice.emit(
                self.tr("The scan could not be removed from the scan folder; please delete it yourself.")
            )
        self.scan_taken.emit(scan.image)

    def _not_taken(self, error: BaseException) -> None:
        log.warning("a scan in the scan folder could not be read: %s", type(error).__name__)
        self.notice.emit(self.tr("A scan in the scan folder could not be read; please scan again."))


def load_multimedia() -> bool:
    """Import Qt Multimedia (slow: run it on a lane); False where it cannot load (no camera stack)."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError:
        return False
    return True


def camera_available() -> bool:
    """True when Qt Multimedia lists at least one camera (GUI thread, after load_multimedia)."""
    if not load_multimedia():
        return False
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.videoInputs())


class CameraDialog(QDialog):
    """A live view and a capture button; ``image_bytes`` holds the PNG after a capture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a picture of the ID document"))
        self.image_bytes: bytes | None = None
        self._camera = QCamera(self)
        self._capture = QImageCapture(self)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        view = QVideoWidget(self)
        self._session.setVideoOutput(view)
        self._capture.imageCaptured.connect(self._captured)
        hint = QLabel(self.tr("Hold the side with the lines of <<< characters flat and sharp in view."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        take = buttons.addButton(self.tr("Take picture (Space)"), QDialogButtonBox.ButtonRole.AcceptRole)
        take.clicked.connect(self._capture.capture)
        take.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self._camera.start()

    def _captured(self, _request_id: int, image) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        self.image_bytes = bytes(data.data())
        self._camera.stop()
        self.accept()
