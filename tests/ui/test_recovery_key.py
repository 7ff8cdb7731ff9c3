"""The recovery key is shown once, over the window, when the register gets its key; it can be
printed, and the dialog closes only when the owner says it is written down."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from dor_desktop.config.paths import Paths
from dor_desktop.storage.keys import DbKey, load_key
from dor_desktop.sync.credentials import ENV_SECRET
from dor_desktop.ui import i18n
from dor_desktop.ui.main import Launcher

#: keyrings.alt's encrypted backend calls pycryptodome's PBKDF2 with its old defaults; the warning is
#: about that third-party code, not ours, and the backend exists here only as a test stand-in.
pytestmark = pytest.mark.filterwarnings("ignore:PBKDF2 without:DeprecationWarning")


def opened_launcher(qtbot, home: Path) -> Launcher:
    launcher = Launcher(Paths(home))
    launcher.open()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=15_000)
    return launcher


def test_the_first_start_shows_the_recovery_key_once_printable_in_dutch(
    qtbot, home: Path, os_keyring, monkeypatch, tmp_path: Path
):
    monkeypatch.setenv(ENV_SECRET, "secret")
    (home / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    launcher = opened_launcher(qtbot, home)
    try:
        qtbot.waitUntil(lambda: launcher.recovery_dialog is not None and launcher.recovery_dialog.isVisible())
        dialog = launcher.recovery_dialog
        assert dialog.windowTitle() == "Herstelsleutel van het register"
        assert dialog.done_button.text() == "Ik heb hem opgeschreven"
        shown = dialog.key_label.text()
        key = load_key(launcher.window.services.paths.database)
        assert DbKey.from_recovery_text(shown) == key

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "recovery.pdf"))
        dialog.print_to(printer)
        printed = subprocess.run(
            ["pdftotext", str(tmp_path / "recovery.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        lines = re.findall(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4})+", printed)
        assert len(lines) == 2 and DbKey.from_recovery_text("".join(lines)) == key
        assert "Herstelsleutel van het register" in printed

        dialog.reject()  # Escape: not closed before the owner says so
        assert dialog.isVisible()
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: launcher.recovery_dialog is None)
        assert dialog.key_label.text() == ""  # no copy left on screen
    finally:
        launcher.close()

    again = opened_launcher(qtbot, home)
    try:
        assert again.recovery_dialog is None and again._new_recovery_key is None
    finally:
        again.close()


def test_with_the_headless_key_no_recovery_key_is_shown(qtbot, home: Path, monkeypatch):
    monkeypatch.setenv(ENV_SECRET, "secret")
    (home / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    launcher = opened_launcher(qtbot, home)
    try:
        assert launcher.recovery_dialog is None
    finally:
        launcher.close()
        i18n.install("nl")
