"""The recovery key, shown once: when the register was just encrypted with a new key.

The key itself stays in the OS keyring; the recovery key is the one way back when the PC is lost
(``dor-desktop restore BACKUP``). The program never stores it, so this dialog is the only time it
is on screen: it can be printed, and it closes only when the owner says it is written down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class RecoveryKeyDialog(QDialog):
    """Shows ``recovery_key`` with Print and "I have written it down"; Escape does not close it."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recovery_key = recovery_key
        self.setWindowTitle(self.tr("Recovery key of the register"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        explanation = QLabel(
            self.tr(
                "The register is encrypted. Its key is kept in this computer's keyring. If this computer "
                "is lost or broken, the register can only be restored from a backup with the recovery "
                "key below.\n\nWrite it down or print it, and keep it in a safe place away from this "
                "computer. It is shown only this once."
            )
        )
        explanation.setWordWrap(True)
        self.key_label = QLabel(self._lines())
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("Print..."))
        self.print_button.clicked.connect(self._print)
        self.done_button = QPushButton(self.tr("I have written it down"))
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch()
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)

    def _lines(self) -> str:
        """Seven groups of four per line: easy to copy by hand and to read back."""
        groups = self._recovery_key.split("-")
        return "\n".join("-".join(groups[i : i + 7]) for i in range(0, len(groups), 7))

    def document(self) -> QTextDocument:
        """What is printed: the title, the key and where to keep it."""
        document = QTextDocument()
        document.setPlainText(
            "\n\n".join(
                [
                    self.windowTitle(),
                    self._lines(),
                    self.tr("Keep this paper in a safe place away from the computer."),
                ]
            )
        )
        return document

    def print_to(self, printer) -> None:
        """Print the key on ``printer`` (a QPrinter: a real printer or a PDF file)."""
        self.document().print_(printer)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def accept(self) -> None:
        self._recovery_key = ""
        self.key_label.clear()
        super().accept()

    def reject(self) -> None:
        """Escape or the close box: not before the owner says the key is written down."""
