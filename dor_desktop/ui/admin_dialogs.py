"""The owner's dialogs: the clerks' accounts and the audit log.

Both only call :mod:`dor_desktop.services.accounts` and :mod:`dor_desktop.services.audit` on the
database lane; the services refuse anyone but an owner, the menu only hides what would be refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.domain.clock import SHOP_ZONE, from_utc_text
from dor_desktop.services import accounts, audit
from dor_desktop.services.access import Role
from dor_desktop.services.audit import AuditEntry, AuditFilter
from dor_desktop.services.context import AppContext
from dor_desktop.ui.background import Op
from dor_desktop.ui.services import Services

_REGISTER_NUMBER = re.compile(r"^[A-Z0-9]{1,8}-\d{6}$", re.IGNORECASE)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class AccountsDialog(QDialog):
    """Add an account, change its role, reset its PIN or deactivate it (never delete: the audit
    log names it)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(640, 420)
        self.table = _table([self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.table.itemSelectionChanged.connect(self._selected)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role, text in self._role_names().items():
            self.role.addItem(text, role)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("for a new account or a new PIN"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Add"), self.add),
            ("role", self.tr("Change role"), self.change_role),
            ("pin", self.tr("Reset PIN"), self.reset_pin),
            ("deactivate", self.tr("Deactivate"), self.deactivate),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.reload()

    def _role_names(self) -> dict[str, str]:
        return {
            str(Role.CLERK): self.tr("clerk"),
            str(Role.MANAGER): self.tr("manager"),
            str(Role.OWNER): self.tr("owner"),
        }

    def reload(self) -> None:
        Op(self.services.lanes.db, accounts.list_accounts, self.services.context).on_success(
            self._show
        ).on_failure(self._failed).start(self)

    def _show(self, found: list[accounts.AccountView]) -> None:
        self.found = found
        active, inactive = self.tr("active"), self.tr("deactivated")
        roles = self._role_names()
        _fill(
            self.table, [[a.name, roles.get(a.role, a.role), active if a.active else inactive] for a in found]
        )

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            account = self.found[rows[0].row()]
            self.name.setText(account.name)
            self.role.setCurrentIndex(self.role.findData(account.role))

    def _run(self, function: Callable[..., object], *args: object, done: str) -> None:
        self.pin.clear()

        def finished(_result: object) -> None:
            self.status.setText(done)
            self.reload()

        Op(self.services.lanes.db, function, self.services.context, *args).on_success(finished).on_failure(
            self._failed
        ).start(self)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(str(error))

    def add(self) -> None:
        name = self.name.text()
        self._run(
            accounts.add, name, self.role.currentData(), self.pin.text(), done=self.tr("Account added.")
        )

    def change_role(self) -> None:
        self._run(accounts.set_role, self.name.text(), self.role.currentData(), done=self.tr("Role changed."))

    def reset_pin(self) -> None:
        self._run(accounts.reset_pin, self.name.text(), self.pin.text(), done=self.tr("PIN changed."))

    def deactivate(self) -> None:
        self._run(accounts.deactivate, self.name.text(), done=self.tr("Account deactivated."))


class AuditDialog(QDialog):
    """The audit log of a period, optionally about one register number or one seller's entries."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 520)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.about = QLineEdit()
        self.about.setPlaceholderText(self.tr("register number or seller's name (optional)"))
        self.about.returnPressed.connect(self.reload)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("To")))
        bar.addWidget(self.date_to)
        bar.addWidget(self.about, 1)
        bar.addWidget(show)
        headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Role"),
            self.tr("What"),
            self.tr("About"),
            self.tr("Detail"),
        ]
        self.table = _table(headers)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        Op(
            self.services.lanes.db, _audit_rows, self.services.context, start, end, self.about.text()
        ).on_success(self._show).on_failure(lambda e: self.status.setText(str(e))).start(self)

    def _show(self, rows: list[AuditEntry]) -> None:
        def when(text: str) -> str:
            return from_utc_text(text).astimezone(SHOP_ZONE).strftime("%d-%m-%Y %H:%M:%S")

        _fill(
            self.table, [[when(r.at), r.actor, r.actor_role, r.action, r.reference, r.detail] for r in rows]
        )
        self.status.setText(self.tr("%1 rows").replace("%1", str(len(rows))))


def _audit_rows(context: AppContext, start: date, end: date, about: str) -> list[AuditEntry]:
    """The rows of the period; ``about`` is a register number, or the start of a seller's name."""
    about = about.strip()
    references: tuple[str, ...] = ()
    if _REGISTER_NUMBER.match(about):
        references = (about.upper(),)
    elif about:
        references = audit.seller_references(context, about) or ("-",)  # no entries: no rows
    return audit.listing(context, AuditFilter(start, end, references))
