"""Settings and first-run setup: the sandbox choice, and the DOR secret in the keyring, never a file."""

from __future__ import annotations

import json

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtTest import QTest

from dor_desktop.sync.credentials import SERVICE_NAME
from dor_desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def test_keyring(tmp_path, monkeypatch):
    """A file keyring inside the test's folder instead of the machine's real one (chosen on
    purpose, as the program requires of a file keyring)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    previous = keyring.get_keyring()
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def saved_settings(window) -> dict:
    return json.loads(window.services.paths.settings.read_text(encoding="utf-8"))


def test_first_start_offers_the_sandbox_and_saves_the_choice(window_factory, qtbot):
    window = window_factory(first_run_done=False)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=5000)
    dialog = window.findChild(SettingsDialog)
    assert dialog.objectName() == "firstRunDialog" and dialog.use_sandbox.isChecked()
    dialog.shop_name.setText("Goudhandel Zuid")
    dialog._accept()
    qtbot.waitUntil(lambda: saved_settings(window).get("shop_name") == "Goudhandel Zuid", timeout=5000)
    data = saved_settings(window)
    assert data["first_run_done"] is True and data["dor_url"] == ""
    qtbot.waitUntil(lambda: "Goudhandel Zuid" in window.windowTitle(), timeout=5000)


def test_dor_secret_goes_to_the_keyring_and_never_to_the_settings_file(window_factory, qtbot, test_keyring):
    window = window_factory()
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    dialog.use_dor.setChecked(True)
    assert not dialog.dor_form.isHidden()
    QTest.keyClicks(dialog.dor_url, "https://dor.example.nl")
    QTest.keyClicks(dialog.client_id, "winkel-42")
    QTest.keyClicks(dialog.secret, "s3cr3t-waarde")
    dialog._accept()
    qtbot.waitUntil(lambda: saved_settings(window).get("dor_client_id") == "winkel-42", timeout=5000)
    assert test_keyring.get_password(SERVICE_NAME, "winkel-42") == "s3cr3t-waarde"
    for path in window.services.paths.home.rglob("*"):
        if path.is_file():
            assert b"s3cr3t-waarde" not in path.read_bytes(), path


def test_invalid_settings_are_refused_in_the_dialog(window_factory, qtbot):
    window = window_factory()
    before = window.services.paths.settings.read_text(encoding="utf-8")
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    dialog.prefix.setText("kassa 1!")
    dialog._accept()
    assert not dialog.problem.isHidden() and dialog.result_settings is None
    assert window.services.paths.settings.read_text(encoding="utf-8") == before


def test_new_counter_prefix_numbers_the_next_entry(window_factory, qtbot):
    window = window_factory()
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    dialog.prefix.setText("K2")
    dialog._accept()
    qtbot.waitUntil(lambda: window.services.context.register.context.counter_prefix == "K2", timeout=5000)


def test_the_dor_fields_are_not_squashed_when_they_appear(window_factory, qtbot):
    window = window_factory()
    window.open_settings()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=5000)
    dialog = window.findChild(SettingsDialog)
    qtbot.waitExposed(dialog)
    dialog.use_dor.setChecked(True)
    qtbot.waitUntil(lambda: dialog.dor_url.isVisible(), timeout=5000)
    for field in (dialog.dor_url, dialog.client_id, dialog.secret):
        assert field.height() >= field.minimumSizeHint().height()
    dialog.reject()
