"""Languages: Dutch by default, English selectable, and no visible string left untranslated."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from dor_desktop.domain.rules import available_packs
from dor_desktop.storage.keys import DbKey
from dor_desktop.sync.api import RejectedEntry, SyncFieldError
from dor_desktop.ui import i18n
from dor_desktop.ui.entry_detail import ReasonDialog, SaleDialog
from dor_desktop.ui.recovery_key import RecoveryKeyDialog
from dor_desktop.ui.settings_dialog import SettingsDialog
from dor_desktop.ui.sync_status import RejectionsDialog

UI_SOURCES = Path(i18n.__file__).parent
#: Visible values that are not words of ours: codes, a URL scheme, shortcuts, amounts.
NOT_WORDS = re.compile(r"^[^a-z]*$|^https://$")


def catalogue(language: str) -> tuple[set[str], list[re.Pattern]]:
    """The English source strings and a matcher for every translation of ``language``."""
    root = ET.parse(i18n.ts_path(language)).getroot()
    sources, patterns = set(), []
    for message in root.iter("message"):
        sources.add(message.findtext("source"))
        text = message.findtext("translation") or ""
        assert text, f"no {language} translation for {message.findtext('source')!r}"
        text = text.replace("&", "")  # menu mnemonics are not shown as such
        patterns.append(re.compile("^" + re.escape(text).replace("%1", ".*").replace("%2", ".*") + "$", re.S))
    return sources, patterns


def visible_strings(widget: QWidget) -> set[str]:
    found: set[str] = {widget.windowTitle(), widget.toolTip()}
    for child in [widget, *widget.findChildren(QWidget)]:
        found.add(child.toolTip())
        if isinstance(child, QLabel | QAbstractButton):
            found.add(child.text())
        elif isinstance(child, QGroupBox | QDockWidget):
            found.add(child.title() if isinstance(child, QGroupBox) else child.windowTitle())
        elif isinstance(child, QLineEdit):
            found.add(child.placeholderText())
        elif isinstance(child, QComboBox) and child.objectName() != "rule_pack":
            found.update(child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QTabWidget):
            found.update(child.tabText(i) for i in range(child.count()))
        elif isinstance(child, QMenu):
            found.add(child.title())
            found.update(action.text() for action in child.actions())
    return {text.replace("&", "") for text in found if text and "<" not in text}


def untranslated(strings: set[str], language: str) -> list[str]:
    _sources, patterns = catalogue(language)
    return sorted(s for s in strings if not NOT_WORDS.match(s) and not any(p.match(s) for p in patterns))


def open_dialogs(window) -> list[QWidget]:
    packs = available_packs(window.services.paths.rulepacks)
    rejection = RejectedEntry(
        1, "K1-000001", "ref", "registration", "rejected", (SyncFieldError("id_document", "required", "x"),)
    )
    dialogs = [
        SettingsDialog(window.services.settings, packs, first_run=True, parent=window),
        SettingsDialog(window.services.settings, packs, first_run=False, parent=window),
        RejectionsDialog([rejection], window),
        ReasonDialog("K1-000001", window),
        SaleDialog("K1-000001", [1], window),
        RecoveryKeyDialog(DbKey.generate().recovery_text(), window),
    ]
    dialogs[0].rule_pack.setObjectName("rule_pack")
    dialogs[1].rule_pack.setObjectName("rule_pack")
    return dialogs


def test_every_visible_string_is_dutch_by_default(window_factory, qtbot):
    window = window_factory()
    form = window.form
    form.save()  # every "required" message and the summary
    form.add_item()
    for index, category in enumerate(("phone", "gold")):
        editor = form.items[index].fields["category"].editor
        editor.setCurrentIndex(editor.findData(category))
        editor.activated.emit(editor.currentIndex())
    window.show_alerts()
    strings = visible_strings(window)
    for dialog in open_dialogs(window):
        strings |= visible_strings(dialog)
    missing = untranslated(strings, "nl")
    assert missing == [], f"shown but not in the Dutch translation: {missing}"
    assert "Opslaan (Ctrl+S)" in strings and "Nieuwe inkoop (Ctrl+N)" in strings


def test_english_can_be_chosen(window_factory):
    window = window_factory(language="en")
    assert window.form.save_button.text() == "Save (Ctrl+S)"
    assert window.tabs.tabText(1) == "Register (Ctrl+R)"
    i18n.install("nl")


def test_both_catalogues_translate_every_source_string():
    nl_sources, _ = catalogue("nl")
    en_sources, _ = catalogue("en")
    assert nl_sources == en_sources and len(nl_sources) > 200


def test_compile_builds_both_catalogues():
    assert i18n.main(["--compile"]) == 0
    for language in i18n.LANGUAGES:
        assert i18n.qm_path(language).stat().st_mtime >= i18n.ts_path(language).stat().st_mtime


UI_SETTERS = {
    "setText",
    "setWindowTitle",
    "setPlaceholderText",
    "setToolTip",
    "addTab",
    "addMenu",
    "setTitle",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "showMessage",
    "addButton",
    "addRow",
    "line_edit",
}


def test_no_literal_ui_text_bypasses_translation():
    """A string literal handed straight to a widget would never be translated: refuse it."""
    offenders = []
    for path in sorted(UI_SOURCES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value
            if name in UI_SETTERS and literal and not NOT_WORDS.match(first.value):
                offenders.append(f"{path.name}:{node.lineno} {first.value!r}")
    assert offenders == []


TRANSLATING_CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}


def test_every_string_marked_for_translation_is_in_the_catalogue():
    """Catches strings lupdate cannot see (a tr() inside an f-string) or a forgotten --update."""
    sources, _ = catalogue("nl")
    missing = []
    for path in sorted(UI_SOURCES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = TRANSLATING_CALLS.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value not in sources:
                missing.append(f"{path.name}:{node.lineno} {text.value!r}")
    assert missing == [], "run python -m dor_desktop.ui.i18n --update and translate"


def test_a_missing_catalogue_falls_back_to_english_without_writing_into_the_program(
    qapp, tmp_path, monkeypatch
):
    """An installed program's folder may be read-only: nothing is compiled or written at run time."""
    (tmp_path / "dor_desktop_nl.ts").write_text("<TS/>", encoding="utf-8")
    monkeypatch.setattr(i18n, "i18n_dir", lambda: tmp_path)
    assert i18n.install("nl") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dor_desktop_nl.ts"]
    monkeypatch.undo()
    assert i18n.install("nl") is True
