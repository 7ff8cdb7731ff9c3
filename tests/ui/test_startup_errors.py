"""A settings file the program cannot use: the window says which key to fix, in one message."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dor_desktop.config.paths import Paths
from dor_desktop.ui.main import Launcher


def test_a_setting_of_the_wrong_type_is_named_in_the_startup_message(qtbot, home: Path):
    (home / "settings.json").write_text(json.dumps({"keep_id_images": "false"}), encoding="utf-8")
    shown: list[str] = []

    def answer_the_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, answer_the_message)

    launcher = Launcher(Paths(home))
    try:
        with qtbot.waitSignal(launcher.finished, timeout=20_000) as finished:
            QTimer.singleShot(0, answer_the_message)
            launcher.open()
    finally:
        launcher.close()

    assert finished.args == [2]
    assert len(shown) == 1
    assert "keep_id_images must be true or false (without quotes)" in shown[0]
    assert launcher.window is None
