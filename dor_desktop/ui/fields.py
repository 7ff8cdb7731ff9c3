"""One form field: its editor, the problems shown right under it, and where its value came from.

Every problem sits next to the field it concerns (not in a dialog), all of them at once, in
plain small text: the clerk fixes them in any order without losing sight of the seller. A value
read from the ID document is marked as such until the clerk changes it; a value the scan doubts
is marked "check against the document", with the scan's reason and other reading under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dor_desktop.domain.validation import FieldError
from dor_desktop.ui.vocabulary import problem_text


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def notice_bar(name: str) -> tuple[QWidget, QHBoxLayout, QLabel]:
    """A hidden, styled bar (style sheet object ``name``) with a wrapping text; buttons go in the row."""
    bar = QWidget()
    bar.setObjectName(name)
    bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    row = QHBoxLayout(bar)
    text = QLabel()
    text.setWordWrap(True)
    row.addWidget(text, 1)
    bar.hide()
    return bar, row, text


class FieldBox(QWidget):
    """An editor (line edit or combo box) with a problem line and a document marker."""

    edited = Signal(str, str)  # path, new value (only for changes the clerk made)

    def __init__(self, path: str, editor: QLineEdit | QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.editor = editor
        editor.setObjectName(path)
        self.marker = QLabel()
        self.marker.setObjectName("documentMarker")
        self.marker.hide()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.hide()
        #: Why the scan doubts this value, and its other reading (shown while it is "doubtful").
        self.note = QLabel()
        self.note.setObjectName("scanNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        row.addWidget(self.marker)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.hint)
        column.addWidget(self.note)
        column.addWidget(self.problem)
        self.setFocusProxy(editor)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self._typed)
        else:
            editor.activated.connect(lambda _index: self._typed(self.value()))

    # -- value ---------------------------------------------------------------------------------

    def value(self) -> str:
        if isinstance(self.editor, QComboBox):
            data = self.editor.currentData()
            return "" if data is None else str(data)
        return self.editor.text()

    def set_value(self, value: str) -> None:
        """Set without emitting ``edited`` (restores and scans are not the clerk's edits)."""
        self.editor.blockSignals(True)
        try:
            if isinstance(self.editor, QComboBox):
                index = self.editor.findData(value)
                self.editor.setCurrentIndex(max(index, 0))
            else:
                self.editor.setText(value)
        finally:
            self.editor.blockSignals(False)

    def _typed(self, value: str) -> None:
        self.set_source(None)
        self.edited.emit(self.path, value)

    # -- decorations ---------------------------------------------------------------------------

    def set_source(self, source: str | None, note: str = "") -> None:
        """``"document"``, ``"doubtful"`` or None (typed by the clerk). ``note``: why the scan
        doubts the value and its other reading, shown under the field and as the marker's tooltip."""
        self.editor.setProperty("source", source or "")
        restyle(self.editor)
        if source == "document":
            self.marker.setText(self.tr("from document"))
            self.marker.setToolTip(self.tr("Read from the ID document; changes when you edit it"))
        elif source == "doubtful":
            self.marker.setText(self.tr("check against the document"))
            self.marker.setToolTip(
                note or self.tr("The scan is not sure of this value: compare with the document")
            )
        self.marker.setVisible(source is not None)
        shown = note if source == "doubtful" else ""
        self.note.setText(shown)
        self.note.setVisible(bool(shown))

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def show_problems(self, problems: list[FieldError], accepted: set[tuple[str, str]] | None = None) -> None:
        accepted = accepted or set()
        if not problems:
            self.problem.hide()
            self.editor.setProperty("severity", "")
            restyle(self.editor)
            return
        lines = []
        for problem in problems:
            text = problem_text(problem)
            if (problem.code, problem.path) in accepted:
                text = self.tr("%1 (accepted)").replace("%1", text)
            lines.append(text)
        worst = "error" if any(p.severity == "error" for p in problems) else "warning"
        self.problem.setText("\n".join(lines))
        self.problem.setProperty("severity", worst)
        self.editor.setProperty("severity", worst)
        restyle(self.problem)
        restyle(self.editor)
        self.problem.show()

    @property
    def problem_text(self) -> str:
        return "" if self.problem.isHidden() else self.problem.text()


def line_edit(placeholder: str = "", max_length: int = 0) -> QLineEdit:
    editor = QLineEdit()
    if placeholder:
        editor.setPlaceholderText(placeholder)
    if max_length:
        editor.setMaxLength(max_length)
    return editor


def combo(choices: list[tuple[str, str]]) -> QComboBox:
    """A non-editable combo box; typing the first letters of a choice selects it (keyboard-first)."""
    box = QComboBox()
    for value, text in choices:
        box.addItem(text, value)
    return box
