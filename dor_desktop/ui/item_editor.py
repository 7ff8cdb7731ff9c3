"""One line of goods in the purchase form: the category first, then only what that category needs.

A phone asks for its IMEI (its check digit judged as you type), a bicycle for its frame number,
metal for weight and fineness; goods without a unique number offer a photo. A barcode scanner
"types" into the serial or IMEI field and ends with Enter: Enter moves on to the next field and
never saves the form by accident.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from dor_desktop.domain.checks import imei_valid
from dor_desktop.domain.enums import Category
from dor_desktop.ui.fields import FieldBox, combo, line_edit, restyle
from dor_desktop.ui.form_state import ITEM_KEYS, fields_for, takes_photo
from dor_desktop.ui.vocabulary import CATEGORIES, label

IDENTIFIER_KEYS = ("imei", "serial_number", "frame_number")


def move_on_enter(editor: QLineEdit) -> None:
    """Enter (also the one a barcode scanner sends) moves to the next field."""
    editor.returnPressed.connect(lambda: editor.focusNextChild())


class ItemEditor(QGroupBox):
    edited = Signal(int, str, str)  # item index, key, value
    check_requested = Signal(int)
    photo_requested = Signal(int)
    remove_requested = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.fields: dict[str, FieldBox] = {}
        self._form = QFormLayout(self)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels = self._field_labels()
        for key in ITEM_KEYS:
            self._add_field(key)
        self._add_check_row()
        self._add_photo_row()
        self.remove_button = QPushButton(self.tr("Remove this item"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.index))
        self._form.addRow("", self.remove_button)
        self.set_index(index)
        self.apply_category(None)

    def _field_labels(self) -> dict[str, str]:
        return {
            "category": self.tr("Category"),
            "brand": self.tr("Brand"),
            "model": self.tr("Type or model"),
            "imei": self.tr("IMEI"),
            "serial_number": self.tr("Serial number"),
            "frame_number": self.tr("Frame number"),
            "weight_grams": self.tr("Weight (grams)"),
            "fineness": self.tr("Fineness (per mille)"),
            "hallmark": self.tr("Hallmark or engraving"),
            "description": self.tr("Description"),
            "quantity": self.tr("Quantity"),
            "price": self.tr("Price paid (EUR)"),
        }

    def _editor(self, key: str):
        if key == "category":
            choices = [("", self.tr("Choose a category"))]
            choices += sorted(((c.value, label(CATEGORIES, c)) for c in Category), key=lambda c: c[1])
            return combo(choices)
        placeholders = {
            "imei": self.tr("15 digits (*#06# on the phone)"),
            "weight_grams": self.tr("for example 12,4"),
            "fineness": self.tr("for example 585"),
            "price": self.tr("for example 120,00"),
        }
        editor = line_edit(placeholders.get(key, ""))
        move_on_enter(editor)
        return editor

    def _add_field(self, key: str) -> None:
        box = FieldBox(key, self._editor(key))
        box.edited.connect(lambda _path, value, k=key: self._on_edit(k, value))
        self.fields[key] = box
        self._form.addRow(self._labels[key], box)

    def _add_check_row(self) -> None:
        self.check_button = QPushButton(self.tr("Check for stolen (Ctrl+K)"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(lambda: self.check_requested.emit(self.index))
        self.check_result = QLabel()
        self._checked_identifier = ""
        self.check_result.setObjectName("checkResult")
        self.check_result.setWordWrap(True)
        self._check_row = QWidget()
        row = QHBoxLayout(self._check_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check_button)
        row.addWidget(self.check_result, 1)
        self._form.addRow("", self._check_row)

    def _add_photo_row(self) -> None:
        self.photo_button = QPushButton(self.tr("Add photo..."))
        self.photo_button.clicked.connect(lambda: self.photo_requested.emit(self.index))
        self.photo_count = QLabel()
        self._photo_row = QWidget()
        row = QHBoxLayout(self._photo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.photo_button)
        row.addWidget(self.photo_count, 1)
        self._form.addRow(self.tr("Photo"), self._photo_row)

    # -- state ---------------------------------------------------------------------------------

    def set_index(self, index: int) -> None:
        self.index = index
        self.setTitle(self.tr("Item %1").replace("%1", str(index + 1)))
        for key, box in self.fields.items():
            box.path = f"items[{index}].{key}"
            box.editor.setObjectName(box.path)

    def load(self, item: dict[str, Any]) -> None:
        for key, box in self.fields.items():
            box.set_value(str(item.get(key, "")))
        self.apply_category(self.category())
        self.set_photo_count(len(item.get("photo_sha256") or []))
        self._update_imei_hint(str(item.get("imei", "")))
        self._drop_stale_check_result()

    def category(self) -> Category | None:
        value = self.fields["category"].value()
        return Category(value) if value else None

    def apply_category(self, category: Category | None) -> None:
        """Show exactly the rows this category needs (hidden rows are skipped by Tab)."""
        shown = set(fields_for(category))
        for key, box in self.fields.items():
            self._form.setRowVisible(box, key in shown)
        self._form.setRowVisible(self._check_row, any(k in shown for k in IDENTIFIER_KEYS))
        self._form.setRowVisible(self._photo_row, takes_photo(category))

    def set_removable(self, removable: bool) -> None:
        self._form.setRowVisible(self.remove_button, removable)

    def set_photo_count(self, count: int) -> None:
        self.photo_count.setText(
            self.tr("Photos: %1").replace("%1", str(count)) if count else self.tr("no photo yet")
        )

    def show_check_result(self, text: str, tone: str) -> None:
        """``tone``: "ok", "attention" or "unknown"; shown small and calm, next to the button.

        The result is about the number shown now; it is dropped as soon as the editor shows another
        number (a new item, the next customer's form, another category), so a warning about one
        seller's goods can never sit beside the next seller's."""
        self._checked_identifier = self.identifier() if text else ""
        self.check_result.setText(text)
        self.check_result.setToolTip("")
        self.check_result.setProperty("tone", tone)
        restyle(self.check_result)

    def _drop_stale_check_result(self) -> None:
        if self.check_result.text() and self.identifier() != self._checked_identifier:
            self.show_check_result("", "")

    def identifier(self) -> str:
        """The number to check: IMEI, else serial, else frame number (what is shown and typed)."""
        shown = set(fields_for(self.category()))
        for key in IDENTIFIER_KEYS:
            if key in shown and self.fields[key].value().strip():
                return self.fields[key].value().strip()
        return ""

    def _on_edit(self, key: str, value: str) -> None:
        if key == "category":
            self.apply_category(self.category())
            self._drop_stale_check_result()
        if key == "imei":
            self._update_imei_hint(value)
        if key in IDENTIFIER_KEYS:
            self.show_check_result("", "")
        self.edited.emit(self.index, key, value)

    def _update_imei_hint(self, value: str) -> None:
        digits = value.replace(" ", "")
        if not digits:
            hint = ""
        elif digits.isdigit() and len(digits) < 15:
            hint = self.tr("%1 of 15 digits").replace("%1", str(len(digits)))
        elif imei_valid(digits):
            hint = self.tr("Check digit correct")
        else:
            hint = ""
        self.fields["imei"].set_hint(hint)
