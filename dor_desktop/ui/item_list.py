"""The purchase form's goods: one editor per item, add and remove, the stolen-goods check, photos.

The list edits the form state's item dicts in place (``load`` hands it ``FormState.items``) and
tells the form what changed, so the form keeps one state object that its draft, validation and save
all read. The serial check asks the DOR on the network lane; a photo is copied into the data folder
on the files lane (:func:`dor_desktop.services.purchase_session.store_photo`).

Its strings keep the translation context "PurchaseForm": they are the form's words, and one context
keeps the Dutch and English catalogues as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from dor_desktop.services import purchase_session
from dor_desktop.services.sync import CheckOutcome, CheckResult
from dor_desktop.ui.background import Op
from dor_desktop.ui.fields import FieldBox
from dor_desktop.ui.form_state import empty_item
from dor_desktop.ui.item_editor import ItemEditor
from dor_desktop.ui.services import Services

translate = QCoreApplication.translate


class ItemList(QGroupBox):
    edited = Signal(int, str, str)  # item index, key, value typed by the clerk
    changed = Signal()  # an item was added, or a photo attached
    removed = Signal(int)  # the item at this index was removed
    editors_changed = Signal()  # editors were added or removed: the form's tab order needs redoing
    message = Signal(str)  # a calm line for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(translate("PurchaseForm", "Goods"), parent)
        self.services = services
        self.items: list[dict[str, Any]] = [empty_item()]
        self.editors: list[ItemEditor] = []
        layout = QVBoxLayout(self)
        self.editors_layout = QVBoxLayout()
        layout.addLayout(self.editors_layout)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.add_item_button = QPushButton(translate("PurchaseForm", "Add another item (Ctrl+Shift+A)"))
        self.add_item_button.clicked.connect(self.add_item)
        layout.addWidget(self.add_item_button)

    # -- the editors -----------------------------------------------------------------------------

    def load(self, items: list[dict[str, Any]]) -> None:
        """Show ``items`` (the form state's list, edited in place from now on)."""
        self.items = items
        self._sync_editors()

    def _make_editor(self, index: int) -> ItemEditor:
        editor = ItemEditor(index)
        editor.edited.connect(self._item_edited)
        editor.check_requested.connect(self.check_item)
        editor.photo_requested.connect(self.add_photo)
        editor.remove_requested.connect(self.remove_item)
        return editor

    def _sync_editors(self) -> None:
        while len(self.editors) < len(self.items):
            editor = self._make_editor(len(self.editors))
            self.editors.append(editor)
            self.editors_layout.addWidget(editor)
        while len(self.editors) > len(self.items):
            editor = self.editors.pop()
            editor.setParent(None)
            editor.deleteLater()
        for index, (editor, item) in enumerate(zip(self.editors, self.items, strict=True)):
            editor.set_index(index)
            editor.load(item)
            editor.set_removable(len(self.editors) > 1)
        self.editors_changed.emit()

    def add_item(self) -> None:
        self.items.append(empty_item())
        self._sync_editors()
        self.editors[-1].fields["category"].editor.setFocus()
        self.changed.emit()

    def remove_item(self, index: int) -> None:
        if len(self.items) <= 1:
            return
        del self.items[index]
        self._sync_editors()
        self.editors[min(index, len(self.editors) - 1)].fields["category"].editor.setFocus()
        self.removed.emit(index)

    def _item_edited(self, index: int, key: str, value: str) -> None:
        self.items[index][key] = value
        self.edited.emit(index, key, value)

    def boxes(self) -> dict[str, FieldBox]:
        """Every item field by its contract path (``items[0].imei``), for showing problems."""
        return {box.path: box for editor in self.editors for box in editor.fields.values()}

    def tab_chain(self) -> list[QWidget]:
        """Per item the category first, then its fields and buttons; then "Add another item"."""
        chain: list[QWidget] = []
        for editor in self.editors:
            chain += [box.editor for box in editor.fields.values()]
            chain += [editor.check_button, editor.photo_button, editor.remove_button]
        return [*chain, self.add_item_button]

    def show_problems(self, texts: list[str]) -> None:
        """Problems about the goods as a whole (none at all, too many), under the editors."""
        self.problem.setText("\n".join(texts))
        self.problem.setVisible(bool(texts))

    # -- serial check ----------------------------------------------------------------------------

    def check_focused_item(self, focus: QWidget | None) -> None:
        """Ctrl+K: check the item holding ``focus`` (the form's focus), else the first with a number."""
        for editor in self.editors:
            if focus is not None and editor.isAncestorOf(focus):
                self.check_item(editor.index)
                return
        for editor in self.editors:
            if editor.identifier():
                self.check_item(editor.index)
                return

    def check_item(self, index: int) -> None:
        editor = self.editors[index]
        serial = editor.identifier()
        if not serial:
            message = translate("PurchaseForm", "Type the IMEI, serial or frame number first")
            editor.show_check_result(message, "unknown")
            return
        service = self.services.sync.service if self.services.sync is not None else None
        if service is None:
            message = translate("PurchaseForm", "Could not check: not connected to the DOR")
            editor.show_check_result(message, "unknown")
            return
        category = editor.category()
        editor.show_check_result(translate("PurchaseForm", "Checking..."), "unknown")
        Op(
            self.services.lanes.network, service.check_serial, serial, category.value if category else None
        ).on_success(lambda result: self._checked(editor, serial, result)).on_failure(
            lambda _e: editor.show_check_result(_offline(), "unknown")
        ).start(editor)

    def _checked(self, editor: ItemEditor, serial: str, result: CheckResult) -> None:
        if editor.identifier() != serial:
            return  # the number changed meanwhile; this answer is about another number
        if result.outcome == CheckOutcome.KNOWN_STOLEN:
            stolen = translate("PurchaseForm", "Known as stolen. Do not buy; keep the conversation calm.")
            editor.show_check_result(stolen, "attention")
        elif result.outcome == CheckOutcome.NOT_KNOWN:
            editor.show_check_result(translate("PurchaseForm", "Not known as stolen"), "ok")
        else:
            editor.show_check_result(_offline(), "unknown")
            editor.check_result.setToolTip(result.reason)

    # -- photos ----------------------------------------------------------------------------------

    def add_photo(self, index: int) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("PurchaseForm", "Choose a photo of the item"),
            "",
            translate("PurchaseForm", "Images (*.png *.jpg *.jpeg *.webp)"),
        )
        if chosen:
            self.attach_photo(index, Path(chosen))

    def attach_photo(self, index: int, path: Path) -> None:
        Op(self.services.lanes.files, purchase_session.store_photo, self.services.context, path).on_success(
            lambda digest: self._photo_stored(index, digest)
        ).on_failure(
            lambda e: self.message.emit(
                translate("PurchaseForm", "The photo could not be read: %1").replace("%1", str(e))
            )
        ).start(self)

    def _photo_stored(self, index: int, digest: str) -> None:
        if index >= len(self.items):
            return
        photos = self.items[index].setdefault("photo_sha256", [])
        if digest not in photos:
            photos.append(digest)
        self.editors[index].set_photo_count(len(photos))
        self.changed.emit()


def _offline() -> str:
    return translate("PurchaseForm", "Could not check: offline")
