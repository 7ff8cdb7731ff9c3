"""The window's scan from a file and by drop read only regular files of sensible size.

Before, a pipe named ``id.jpg`` held the OCR lane forever and a link to ``/dev/zero`` filled the
memory; now each is refused at once and the clerk reads why the scan failed.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from dor_desktop.ui.id_scan import message


def _drop(form, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    form.dropEvent(event)


def test_a_pipe_chosen_as_a_scan_is_refused_and_the_form_stays_usable(window_factory, qtbot, tmp_path):
    form = window_factory().form
    pipe = tmp_path / "id.jpg"
    os.mkfifo(pipe)

    form.scan(pipe)

    qtbot.waitUntil(lambda: form.scan_panel.scan_status.property("tone") == "attention", timeout=20_000)
    assert form.scan_panel.scan_status.text() == message("bad_image")
    assert form.boxes["seller.family_name"].editor.isEnabled()


def test_a_dropped_link_to_a_device_is_refused(window_factory, qtbot, tmp_path):
    form = window_factory().form
    device = tmp_path / "scan.png"
    device.symlink_to("/dev/zero")

    _drop(form, device)

    qtbot.waitUntil(lambda: form.scan_panel.scan_status.property("tone") == "attention", timeout=20_000)
    assert form.scan_panel.scan_status.text() == message("bad_image")
