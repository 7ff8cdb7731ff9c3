"""Sync health, always in view: online or offline, what waits, since when, the last acknowledgement.

A silent stall is the failure shops report most with offline queues; this line in the status bar
makes one impossible to miss without shouting. Rejected entries get their own button that opens
the rejection list: there the clerk opens an entry, fixes it as a correction, and it is resent.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.domain.clock import SHOP_ZONE, utc_now
from dor_desktop.domain.validation import FieldError
from dor_desktop.services.sync import RejectedEntry, SyncStatus
from dor_desktop.ui.fields import restyle
from dor_desktop.ui.vocabulary import field_problem_text


def clock_text(moment: datetime, now: datetime) -> str:
    local = moment.astimezone(SHOP_ZONE)
    if local.date() == now.astimezone(SHOP_ZONE).date():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m %H:%M")


class SyncStatusWidget(QWidget):
    sync_now = Signal()
    show_rejections = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(self.tr("DOR: starting"))
        self.state.setObjectName("syncState")
        self.details = QLabel()
        self.details.setObjectName("syncDetails")
        self.rejected_button = QPushButton()
        self.rejected_button.setObjectName("rejectedButton")
        self.rejected_button.setFlat(True)
        self.rejected_button.clicked.connect(self.show_rejections)
        self.rejected_button.hide()
        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sync_button.setFlat(True)
        self.sync_button.clicked.connect(self.sync_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.state, self.details, self.rejected_button, self.sync_button):
            row.addWidget(widget)
        self.last: SyncStatus | None = None

    def show_status(self, status: SyncStatus, now: datetime | None = None) -> None:
        self.last = status
        now = now or utc_now()
        if status.online is None:
            state, tone = self.tr("DOR: connecting"), ""
        elif status.online:
            state, tone = self.tr("DOR: online"), "ok"
        else:
            state, tone = self.tr("DOR: offline"), "attention"
        if status.sandbox:
            state += " " + self.tr("(sandbox)")
        self.state.setText(state)
        self.state.setProperty("tone", tone)
        restyle(self.state)
        parts = [self.tr("waiting: %1").replace("%1", str(status.pending))]
        if status.oldest_pending_at is not None:
            parts.append(self.tr("oldest %1").replace("%1", self._age(status.oldest_pending_at, now)))
        if status.last_acknowledged_at is not None:
            parts.append(
                self.tr("last received %1").replace("%1", clock_text(status.last_acknowledged_at, now))
            )
        if status.retry_at is not None and not status.online:
            parts.append(self.tr("retry at %1").replace("%1", clock_text(status.retry_at, now)))
        self.details.setText(" | ".join(parts))
        self.details.setToolTip(status.last_error or "")
        refused = status.rejected + status.conflicts
        self.rejected_button.setText(self.tr("To fix: %1").replace("%1", str(refused)))
        self.rejected_button.setVisible(refused > 0)

    def _age(self, since: datetime, now: datetime) -> str:
        minutes = max(int((now - since).total_seconds() // 60), 0)
        if minutes < 1:
            return self.tr("under a minute")
        if minutes < 120:
            return self.tr("%1 min").replace("%1", str(minutes))
        if minutes < 48 * 60:
            return self.tr("%1 h").replace("%1", str(minutes // 60))
        return self.tr("%1 days").replace("%1", str(minutes // (24 * 60)))

    def show_failure(self, reason: str) -> None:
        self.state.setText(self.tr("DOR: not set up"))
        self.state.setProperty("tone", "attention")
        restyle(self.state)
        self.details.setText(self.tr("see Settings"))
        self.details.setToolTip(reason)


class RejectionsDialog(QDialog):
    """Entries the DOR refused; "Fix" opens one as a correction with the DOR's complaints shown."""

    fix_requested = Signal(str, list)  # register number, [(field path, message)]
    open_requested = Signal(str)

    def __init__(self, rejections: list[RejectedEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refused by the DOR"))
        self.rejections = {r.register_number: r for r in rejections}
        self.list = QListWidget()
        self.list.setObjectName("rejectionList")
        for rejection in rejections:
            lines = [
                field_problem_text(FieldError(e.field, e.code, e.message or e.code)) for e in rejection.errors
            ]
            lines = lines or [rejection.last_error or ""]
            state = self.tr("refused") if rejection.state == "rejected" else self.tr("conflict: call support")
            item = QListWidgetItem(f"{rejection.register_number} ({state})\n  " + "\n  ".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, rejection.register_number)
            self.list.addItem(item)
        if rejections:
            self.list.setCurrentRow(0)
        explanation = QLabel(
            self.tr("Fix opens the entry in the purchase form as a correction; saving it sends it again.")
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.fix_button = buttons.addButton(self.tr("Fix (Enter)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.fix_button.setDefault(True)
        self.fix_button.clicked.connect(self._fix)
        self.open_button = buttons.addButton(
            self.tr("Show in register"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self._open)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._fix())
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _selected(self) -> RejectedEntry | None:
        item = self.list.currentItem()
        return self.rejections.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _fix(self) -> None:
        chosen = self._selected()
        if chosen is not None and chosen.state == "rejected":
            self.fix_requested.emit(
                chosen.register_number, [(e.field, e.message or e.code) for e in chosen.errors]
            )
            self.accept()

    def _open(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.open_requested.emit(chosen.register_number)
            self.accept()
