"""The window's look: calm and readable at a counter, with no alarm colours.

Problems are dark red or amber text in the normal size, never a banner; values read from the ID
document are tinted blue; a hit is a soft sand colour in the table. Everything is a dynamic
property on a widget, so views only say *what* something is and this sheet says how it looks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QLabel#problem[severity="error"] { color: #9b2c2c; }
QLabel#problem[severity="warning"] { color: #85570a; }
QLabel#problem { color: #9b2c2c; }
QLabel#summary[severity="error"] { color: #9b2c2c; }
QLabel#summary[severity="warning"] { color: #85570a; }
QLineEdit[severity="error"], QComboBox[severity="error"] { border: 1px solid #c48a8a; border-radius: 2px; }
QLineEdit[severity="warning"], QComboBox[severity="warning"] { border: 1px solid #d8b36a; }
QLineEdit[source="document"], QComboBox[source="document"] { background: #eaf2fa; }
QLineEdit[source="doubtful"], QComboBox[source="doubtful"] { background: #fbf0dc; }
QLabel#documentMarker { color: #3b6688; }
QLabel#hint { color: #6b6b6b; }
QLabel[tone="ok"] { color: #2f6b3a; }
QLabel[tone="attention"] { color: #85570a; }
QWidget#draftBar { background: #eaf2fa; border: 1px solid #b9d2e6; border-radius: 4px; }
QWidget#savedBar { background: #ecf6ee; border: 1px solid #b7dbbb; border-radius: 4px; }
QWidget#correctionBar { background: #fbf4e4; border: 1px solid #e4cf9f; border-radius: 4px; }
QLabel#savedText { font-weight: 600; }
QLabel#total { font-weight: 600; }
QToolButton#alertBadge { color: #5b5b5b; padding: 0 6px; }
QToolButton#alertBadge[unread="true"] { color: #7a4b00; font-weight: 600; }
QPushButton#saveButton { font-weight: 600; padding: 4px 18px; }
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
