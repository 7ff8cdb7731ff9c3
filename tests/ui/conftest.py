"""Fixtures for the window's tests: offscreen Qt, a private data folder, the real sandbox.

QT_QPA_PLATFORM is set before anything creates a QApplication, so the tests run without a
display. Every test gets its own DOR_DESKTOP_HOME (the root ``home`` fixture); windows are shut
down at the end of the test, which also stops the sync thread and the sandbox server.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit  # noqa: E402

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths  # noqa: E402
from dor_desktop.services.context import AppContext  # noqa: E402
from dor_desktop.ui import i18n  # noqa: E402
from dor_desktop.ui.fields import FieldBox  # noqa: E402
from dor_desktop.ui.main_window import MainWindow, build_services  # noqa: E402
from dor_desktop.ui.sync_worker import open_sync_service  # noqa: E402
from dor_desktop.ui.theme import apply_theme  # noqa: E402
from tests.services.helpers import commit_phone, make_imei  # noqa: E402, F401 (used by the UI tests)

#: A phone whose IMEI passes the Luhn check and is not in the sandbox's stolen list.
CLEAN_IMEI = "490154203237518"


def write_settings(home: Path, **values) -> None:
    data = {"first_run_done": True, "shop_name": "Testwinkel", "shop_id": "TEST-0001", **values}
    (home / "settings.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def context_factory(home: Path) -> Iterator[Callable[..., AppContext]]:
    """Open the test's data folder (settings first), closing every context afterwards."""
    opened: list[AppContext] = []

    def make(**settings) -> AppContext:
        if not (home / "settings.json").exists() or settings:
            write_settings(home, **settings)
        context = open_app(Paths(home))
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def window_factory(qtbot, context_factory) -> Iterator[Callable[..., MainWindow]]:
    """Build, show and start a main window; ``sync=True`` connects it to the real sandbox."""
    windows: list[MainWindow] = []

    def make(sync: bool = False, context: AppContext | None = None, language: str = "nl", **settings):
        app = QApplication.instance()
        apply_theme(app)
        context = context or context_factory(language=language, **settings)
        i18n.install(context.settings.language)
        services = build_services(context, open_sync_service if sync else None)
        window = MainWindow(services)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        window.start()
        return window

    yield make
    for window in windows:
        window.shutdown()


def type_into(box: FieldBox, text: str) -> None:
    """Type as the clerk does (real key events), replacing what the field held."""
    editor = box.editor
    if isinstance(editor, QComboBox):
        index = editor.findData(text)
        assert index >= 0, f"{text!r} is not a choice of {box.path}"
        editor.setCurrentIndex(index)
        editor.activated.emit(index)
        return
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClicks(editor, text)


def fill_seller(form, document: bool = True) -> None:
    values = {
        "seller.family_name": "Jansen",
        "seller.given_names": "Pieter",
        "seller.address.street": "Dorpsstraat",
        "seller.address.house_number": "12a",
        "seller.address.postcode": "3511 AB",
        "seller.address.city": "Utrecht",
    }
    if document:
        values |= {
            "id_document.type": "passport",
            "id_document.number": "NX12AB3C4",
            "id_document.issuing_country": "NLD",
            "id_document.expiry_date": "01-01-2099",
        }
    for path, value in values.items():
        type_into(form.boxes[path], value)


def fill_item(form, index: int, **values: str) -> None:
    editor = form.items[index]
    for key, value in values.items():
        type_into(editor.fields[key], value)
