"""Hits, told discreetly: a quiet badge in the status bar and a side panel the clerk opens.

The seller may still be at the counter and may see the screen: no pop-up, no red capitals, no
sound. The badge says only "Notices: 1"; the panel, opened when the clerk chooses (Ctrl+Shift+H),
gives the item, the match and what to do. A late hit (goods reported stolen after the purchase)
arrives the same way, and stays in the badge across restarts until the clerk marks it as read.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.domain.clock import SHOP_ZONE, from_utc_text
from dor_desktop.services import alerts
from dor_desktop.services.alerts import AlertView
from dor_desktop.ui.background import Op
from dor_desktop.ui.fields import restyle
from dor_desktop.ui.services import Services
from dor_desktop.ui.vocabulary import MATCH_TYPES, MATCHED_FIELDS, label


class AlertBadge(QToolButton):
    """A small, calm marker; visible only while there is something to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBadge")
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Open the notices (Ctrl+Shift+H)"))
        self.hide()

    def show_count(self, unread: int, active: int) -> None:
        if unread:
            self.setText(self.tr("Notices: %1").replace("%1", str(unread)))
        elif active:
            self.setText(self.tr("Goods on hold: %1").replace("%1", str(active)))
        self.setProperty("unread", bool(unread))
        restyle(self)
        self.setVisible(bool(unread or active))


class AlertPanel(QDockWidget):
    """The hits with their instructions; "Mark as read" takes one out of the badge."""

    open_entry = Signal(str)
    changed = Signal()
    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertPanel")
        self.setWindowTitle(self.tr("Notices from the DOR"))
        self.services = services
        self.alerts: list[AlertView] = []
        self.list = QListWidget()
        self.list.setObjectName("alertList")
        self.list.currentRowChanged.connect(self._show_current)
        self.text = QTextBrowser()
        self.text.setObjectName("alertText")
        self.read_button = QPushButton(self.tr("Mark as read"))
        self.read_button.clicked.connect(self.acknowledge_current)
        self.entry_button = QPushButton(self.tr("Show entry"))
        self.entry_button.clicked.connect(self._open_current)
        self.release_button = QPushButton(self.tr("Released by the police..."))
        self.release_button.setObjectName("releaseButton")
        self.release_button.clicked.connect(self.release_current)
        self.empty = QLabel(self.tr("No open notices."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.entry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.release_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text, 2)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self._render()

    def reload(self) -> None:
        Op(self.services.lanes.db, alerts.open_alerts, self.services.context).on_success(self._loaded).start(
            self
        )

    def _loaded(self, found: list[AlertView]) -> None:
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.alerts = found
        self.list.blockSignals(True)
        self.list.clear()
        for alert in found:
            mark = "" if alert.acknowledged else "* "
            item = QListWidgetItem(f"{mark}{alert.register_number}  {alert.item_text}")
            item.setData(Qt.ItemDataRole.UserRole, alert.alert_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [a.alert_id for a in found]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if found else -1))
        self._render()
        self.loaded.emit()

    def _render(self) -> None:
        has = bool(self.alerts)
        self.empty.setVisible(not has)
        self.list.setVisible(has)
        self.text.setVisible(has)
        self.read_button.setVisible(has)
        self.entry_button.setVisible(has)
        self.release_button.setVisible(has)
        self._show_current(self.list.currentRow())

    def _current(self) -> AlertView | None:
        row = self.list.currentRow()
        return self.alerts[row] if 0 <= row < len(self.alerts) else None

    def _show_current(self, _row: int) -> None:
        alert = self._current()
        if alert is None:
            self.text.clear()
            return
        self.read_button.setEnabled(not alert.acknowledged)
        self.text.setHtml(self._html(alert))

    def _html(self, alert: AlertView) -> str:
        e = html.escape
        field_name = label(MATCHED_FIELDS, alert.matched_field)
        received = from_utc_text(alert.received_at).astimezone(SHOP_ZONE).strftime("%d-%m-%Y %H:%M")
        late = alert.origin == "notification"
        rows = [
            (self.tr("Entry"), alert.register_number),
            (self.tr("Item"), f"{alert.item_line or '-'}: {alert.item_text}"),
            (
                self.tr("Match"),
                f"{field_name} {alert.matched_value} ({label(MATCH_TYPES, alert.match_type)})",
            ),
            (self.tr("Reported by"), alert.source or "-"),
            (self.tr("Reported stolen on"), alert.reported_stolen_on or "-"),
            (self.tr("Received"), received + (" " + self.tr("(after the purchase)") if late else "")),
        ]
        steps = [
            self.tr("Keep the item apart. Do not sell, alter or return it."),
            self.tr("Do not confront the seller; there is no need to say anything now."),
            self.tr("The police will contact the shop about this item."),
        ]
        parts = ["<table cellspacing='4'>"]
        parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows]
        title = self.tr("What to do")
        parts.append(f"</table><h3>{e(title)}</h3><ol>")
        parts += [f"<li>{e(step)}</li>" for step in steps]
        parts.append("</ol>")
        if alert.instructions:
            source = self.tr("From the DOR:")
            parts.append(f"<p><b>{e(source)}</b> {e(alert.instructions)}</p>")
        return "".join(parts)

    def acknowledge_current(self) -> None:
        alert = self._current()
        if alert is None or alert.acknowledged:
            return
        Op(self.services.lanes.db, alerts.acknowledge, self.services.context, alert.alert_id).on_success(
            self._stored
        ).start(self)

    def release_current(self, note: str | None = None) -> None:
        """The police released the goods: ask who and how (kept with the alert), then end the hold."""
        alert = self._current()
        if alert is None:
            return
        if note is None:
            note, accepted = QInputDialog.getText(
                self,
                self.tr("Released by the police"),
                self.tr("Who released the goods, and how (e.g. police report number)?"),
            )
            if not accepted:
                return
        if not note.strip():
            return
        Op(self.services.lanes.db, alerts.release, self.services.context, alert.alert_id, note).on_success(
            self._stored
        ).start(self)

    def _stored(self, _result: object) -> None:
        """An alert changed on disk: show the new state, and let the badge count again."""
        self.reload()
        self.changed.emit()

    def _open_current(self) -> None:
        alert = self._current()
        if alert is not None:
            self.open_entry.emit(alert.register_number)
