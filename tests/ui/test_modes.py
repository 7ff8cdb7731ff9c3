"""The window always says which register it is in, and changing the DOR never freezes it (issue 9)."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

from dor_desktop.config.paths import Paths
from dor_desktop.services.context import AppContext
from dor_desktop.sync.credentials import ENV_SECRET
from dor_desktop.ui.main import Launcher
from dor_desktop.ui.sync_worker import open_sync_service

UNREACHABLE_DOR = "http://127.0.0.1:9"


def test_practice_mode_shows_a_banner_and_says_so_in_the_title(window_factory):
    window = window_factory()
    assert window.services.context.practice
    assert window.mode_banner.isVisible() and "OEFENEN" in window.mode_banner.text()
    assert "(OEFENEN)" in window.windowTitle()


def test_the_legal_register_shows_no_practice_banner(window_factory, monkeypatch):
    monkeypatch.setenv(ENV_SECRET, "secret")
    window = window_factory(dor_url=UNREACHABLE_DOR, dor_client_id="shop-1")
    assert not window.services.context.practice
    assert not window.mode_banner.isVisible() and "OEFENEN" not in window.windowTitle()
    assert window.windowTitle().endswith("wettelijk register")


def test_a_dor_change_restarts_sync_without_freezing_the_window_and_sync_works_after(window_factory, qtbot):
    """The old worker closes its service (queue lock, sandbox) in its own thread, however slowly."""
    released = threading.Event()
    closed_in: list[str] = []

    def slow_closing_service(context: AppContext):
        service = open_sync_service(context)
        close = service.close

        def slow_close() -> None:
            closed_in.append(threading.current_thread().name)
            released.wait(10)
            close()

        service.close = slow_close  # type: ignore[method-assign]
        return service

    window = window_factory(sync=True)
    window.services.sync.factory = slow_closing_service
    window._restart_sync()  # the first worker gets the slow service too
    qtbot.waitUntil(lambda: window.services.sync.service is not None, timeout=10_000)
    old = window.services.sync

    window._save_settings(replace(window.services.settings, dor_client_id="other-id"), "")
    qtbot.waitUntil(lambda: window.message_label.text() == "Instellingen opgeslagen", timeout=3000)
    assert window.services.sync is not old
    qtbot.waitUntil(lambda: bool(closed_in), timeout=5000)
    assert old.running and closed_in[0] != threading.main_thread().name  # closing, the window answers

    released.set()
    new = window.services.sync
    qtbot.waitUntil(lambda: new.service is not None, timeout=10_000)
    qtbot.waitUntil(
        lambda: new.last_status is not None and new.last_status.online is not False, timeout=10_000
    )
    assert not old.running


def test_connecting_to_the_dor_asks_for_the_legal_register(window_factory, qtbot, monkeypatch):
    monkeypatch.setenv(ENV_SECRET, "secret")
    window = window_factory()
    new = replace(window.services.settings, dor_url=UNREACHABLE_DOR, dor_client_id="shop-1")
    with qtbot.waitSignal(window.reopen_requested, timeout=5000):
        window._save_settings(new, "")


def test_the_launcher_opens_in_the_background_and_reopens_on_the_other_register(
    qtbot, home: Path, monkeypatch
):
    monkeypatch.setenv(ENV_SECRET, "secret")
    (home / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    launcher = Launcher(Paths(home))
    try:
        launcher.open()
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
        first = launcher.window
        assert first.services.context.practice and first.mode_banner.isVisible()

        settings = json.loads((home / "settings.json").read_text(encoding="utf-8"))
        settings.update(dor_url=UNREACHABLE_DOR, dor_client_id="shop-1")
        (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        first.reopen_requested.emit()

        qtbot.waitUntil(lambda: launcher.window not in (None, first), timeout=10_000)
        second = launcher.window
        assert not second.services.context.practice and not second.mode_banner.isVisible()
        assert second.services.paths.database == home / "register.sqlite3"
    finally:
        launcher.close()


def test_switching_registers_while_a_sync_pass_hangs_neither_freezes_nor_waits(
    qtbot, home: Path, monkeypatch
):
    """The new register opens at once; the old one closes when its worker has finished its pass."""
    monkeypatch.setenv(ENV_SECRET, "secret")
    (home / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    released = threading.Event()

    def hanging_service(context: AppContext):
        service = open_sync_service(context)
        close = service.close

        def slow_close() -> None:
            released.wait(20)  # a pass still waiting on a slow DOR
            close()

        service.close = slow_close  # type: ignore[method-assign]
        return service

    launcher = Launcher(Paths(home), sync_factory=hanging_service)
    try:
        launcher.open()
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
        first = launcher.window
        qtbot.waitUntil(lambda: first.services.sync.service is not None, timeout=10_000)
        settings = json.loads((home / "settings.json").read_text(encoding="utf-8"))
        settings.update(dor_url=UNREACHABLE_DOR, dor_client_id="shop-1")
        (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")

        first.reopen_requested.emit()
        qtbot.waitUntil(lambda: launcher.window not in (None, first), timeout=5000)
        assert not launcher.window.services.context.practice
        assert len(launcher._retiring) == 1  # the practice register waits for its worker

        released.set()
        qtbot.waitUntil(lambda: not launcher._retiring, timeout=10_000)
    finally:
        released.set()
        assert launcher.close()


def test_the_start_up_progress_speaks_the_shops_language_before_the_register_is_open(qtbot, home: Path):
    (home / "settings.json").write_text(
        json.dumps({"first_run_done": True, "language": "nl"}), encoding="utf-8"
    )
    launcher = Launcher(Paths(home), sync_factory=open_sync_service)
    try:
        launcher._language("en")
        launcher._progress("migrate", 0, 1)  # without a dialog nothing is shown, nothing fails
        from dor_desktop.ui.main import _progress_dialog

        launcher.dialog = _progress_dialog()
        launcher._language("nl")
        assert launcher.dialog.labelText() == "Register openen..."
        launcher._progress("backup", 5, 10)
        assert launcher.dialog.labelText().startswith("Reservekopie") and launcher.dialog.value() == 5
    finally:
        launcher._close_dialog()
        launcher.close()
