"""Settings, and the short first-run setup with its "try it with the sandbox" choice.

The settings file holds everything except the DOR client secret, which goes to the OS keyring
through the sync layer's credentials module and is never written to a file. Invalid values are
refused with the settings module's own message, next to the buttons, before anything is saved.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.config.settings import Settings, validated
from dor_desktop.domain.rules import RulePack
from dor_desktop.domain.urls import dor_url_problem
from dor_desktop.errors import UserError
from dor_desktop.ui.fields import combo

#: The counter prefix as the settings module accepts it (checked here to explain it in Dutch).
PREFIX = re.compile(r"^[A-Z0-9]{1,8}$")


class SettingsDialog(QDialog):
    """Edit the shop's settings; ``result_settings`` and ``result_secret`` hold the outcome."""

    def __init__(
        self,
        settings: Settings,
        packs: dict[str, RulePack],
        first_run: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog" if first_run else "settingsDialog")
        self.setWindowTitle(self.tr("Welcome to DOR Desktop") if first_run else self.tr("Settings"))
        self.original = settings
        self.first_run = first_run
        self.result_settings: Settings | None = None
        self.result_secret: str = ""
        layout = QVBoxLayout(self)
        # The dialog grows when the DOR fields appear, instead of squashing them (and never
        # becomes smaller than what it shows).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        if first_run:
            intro = QLabel(
                self.tr(
                    "Three things and you can start: your shop, your counter, and how to reach the DOR. "
                    "You can change all of it later under Settings."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.shop_name = QLineEdit(settings.shop_name)
        self.shop_id = QLineEdit(settings.shop_id)
        self.prefix = QLineEdit(settings.counter_prefix)
        self.prefix.setToolTip(self.tr("Register numbers start with this, e.g. K1-000001"))
        choices = [(p.id, p.name) for p in sorted(packs.values(), key=lambda p: p.name)]
        self.rule_pack = combo(choices)
        self.rule_pack.setCurrentIndex(max(self.rule_pack.findData(settings.rule_pack), 0))
        form.addRow(self.tr("Shop name"), self.shop_name)
        form.addRow(self.tr("Shop id"), self.shop_id)
        form.addRow(self.tr("Counter prefix"), self.prefix)
        form.addRow(self.tr("Municipality rules"), self.rule_pack)
        layout.addLayout(form)
        layout.addWidget(self._dor_section(settings))
        extra = QFormLayout()
        self.language = combo([("nl", self.tr("Dutch")), ("en", self.tr("English"))])
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        extra.addRow(self.tr("Language"), self.language)
        self.scan_folder = QLineEdit(settings.scan_folder)
        self.scan_folder.setPlaceholderText(self.tr("folder where the scanner puts its files"))
        self.scan_folder.setToolTip(
            self.tr(
                "Every scan read from this folder is deleted from it straight away; "
                "only the masked copy may be kept."
            )
        )
        browse = QPushButton(self.tr("Choose..."))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.scan_folder, 1)
        folder_row.addWidget(browse)
        extra.addRow(self.tr("Scan folder"), folder_row)
        self.keep_images = QCheckBox(self.tr("Keep a masked copy of the ID (photo and BSN made unreadable)"))
        self.keep_images.setChecked(settings.keep_id_images)
        extra.addRow("", self.keep_images)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setValue(settings.lock_after_minutes)
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        extra.addRow(self.tr("Lock when idle after"), self.lock_minutes)
        layout.addLayout(extra)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Start") if first_run else self.tr("Save")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._dor_mode_changed()

    def _dor_section(self, settings: Settings) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.use_sandbox = QRadioButton(
            self.tr("Practice with the sandbox (a practice DOR on this computer)")
        )
        self.use_dor = QRadioButton(self.tr("Connect to the DOR (the legal register)"))
        self.mode_note = QLabel(
            self.tr(
                "Practice entries stay in a practice register of their own and never reach the police. "
                "Connecting to the DOR switches to the legal register, which starts empty; switching back "
                "to practice later shows the practice register again. The program reopens to switch."
            )
        )
        self.mode_note.setObjectName("modeNote")
        self.mode_note.setWordWrap(True)
        group = QButtonGroup(self)
        group.addButton(self.use_sandbox)
        group.addButton(self.use_dor)
        (self.use_sandbox if settings.uses_sandbox else self.use_dor).setChecked(True)
        self.use_sandbox.toggled.connect(self._dor_mode_changed)
        self.dor_url = QLineEdit(settings.dor_url)
        self.dor_url.setPlaceholderText("https://")
        self.client_id = QLineEdit(settings.dor_client_id)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("kept in the system keyring; empty keeps the stored one"))
        self.dor_form = QWidget()
        form = QFormLayout(self.dor_form)
        form.addRow(self.tr("DOR address"), self.dor_url)
        form.addRow(self.tr("Client id"), self.client_id)
        form.addRow(self.tr("Client secret"), self.secret)
        layout.addWidget(self.use_sandbox)
        layout.addWidget(self.use_dor)
        layout.addWidget(self.dor_form)
        layout.addWidget(self.mode_note)
        return box

    def _dor_mode_changed(self) -> None:
        self.dor_form.setVisible(self.use_dor.isChecked())
        self.adjustSize()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Scan folder"), self.scan_folder.text())
        if chosen:
            self.scan_folder.setText(chosen)

    def collected(self) -> Settings:
        sandbox = self.use_sandbox.isChecked()
        return replace(
            self.original,
            shop_name=self.shop_name.text().strip(),
            shop_id=self.shop_id.text().strip(),
            counter_prefix=self.prefix.text().strip().upper(),
            rule_pack=self.rule_pack.currentData() or self.original.rule_pack,
            dor_url="" if sandbox else self.dor_url.text().strip(),
            dor_client_id="" if sandbox else self.client_id.text().strip(),
            scan_folder=self.scan_folder.text().strip(),
            language=self.language.currentData(),
            keep_id_images=self.keep_images.isChecked(),
            lock_after_minutes=self.lock_minutes.value(),
            first_run_done=True,
        )

    def _problem(self, settings: Settings) -> str:
        """The first problem in the clerk's language; the settings module checks the rest."""
        if not PREFIX.match(settings.counter_prefix):
            return self.tr("The counter prefix is 1 to 8 capital letters or digits, for example K1")
        if not settings.shop_id or len(settings.shop_id) > 32:
            return self.tr("The shop id is required (at most 32 characters)")
        if not settings.uses_sandbox and dor_url_problem(settings.dor_url.strip()):
            return self.tr("The DOR address must start with https://")
        if not settings.uses_sandbox and not settings.dor_client_id:
            return self.tr("Enter the client id you received for the DOR")
        return ""

    def _accept(self) -> None:
        if self.use_dor.isChecked() and not self.dor_url.text().strip():
            self._refuse(self.tr("Enter the DOR address, or choose the sandbox"))
            return
        problem = self._problem(self.collected())
        if problem:
            self._refuse(problem)
            return
        try:
            settings = validated(self.collected())
        except UserError as error:
            self._refuse(str(error))
            return
        self.result_settings = settings
        self.result_secret = "" if settings.uses_sandbox else self.secret.text()
        self.accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
