"""The register tab: search, the lazy table, and the detail of the chosen entry.

Search covers register number, seller name (its start), serial number, IMEI and frame number in
one box, plus a date range and the entry's kind or DOR state. Typing waits a moment before it
searches (a barcode scanner types fast); Enter searches at once.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.services.register_reads import EntryFilter
from dor_desktop.ui.entry_detail import EntryDetailPanel
from dor_desktop.ui.fields import combo
from dor_desktop.ui.form_state import parse_day
from dor_desktop.ui.register_model import RegisterModel
from dor_desktop.ui.services import Services
from dor_desktop.ui.vocabulary import ENTRY_KINDS, SYNC_STATES, label

SEARCH_DELAY_MS = 250


class RegisterView(QWidget):
    correct_requested = Signal(str, dict)
    open_alerts = Signal()
    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = RegisterModel(services.context, services.lanes.db, self)
        self._pending_select: str | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.model.loaded.connect(self._after_load)
        for keys, slot in (
            ("Ctrl+F", self.focus_search),
            ("Ctrl+E", self.detail.correct),
            ("Ctrl+Shift+V", self.detail.void),
            ("Ctrl+Shift+S", self.detail.record_sale),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F): number, name, IMEI, serial or frame number"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.search_now)
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(self.tr("from dd-mm-yyyy"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(self.tr("to dd-mm-yyyy"))
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(130)
            edit.editingFinished.connect(self.search_now)
        kinds = [("", self.tr("All kinds"))] + [(k, label(ENTRY_KINDS, k)) for k in ENTRY_KINDS]
        self.kind = combo(kinds)
        self.kind.activated.connect(lambda _i: self.search_now())
        states = [("", self.tr("Every DOR state"))]
        states += [(s, label(SYNC_STATES, s)) for s in ("pending", "acknowledged", "rejected", "conflict")]
        self.sync_state = combo(states)
        self.sync_state.activated.connect(lambda _i: self.search_now())
        self.filter_problem = QLabel()
        self.filter_problem.setObjectName("problem")
        self.filter_problem.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(self.kind)
        bar.addWidget(self.sync_state)
        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((100, 40, 125, 200, 90, 90, 160)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = EntryDetailPanel(self.services)
        self.detail.correct_requested.connect(self.correct_requested)
        self.detail.open_alerts.connect(self.open_alerts)
        self.detail.message.connect(self.message)
        self.detail.changed.connect(self.refresh)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filter_problem)
        layout.addWidget(splitter, 1)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_filter(self) -> EntryFilter | None:
        days = []
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            try:
                days.append(parse_day(text) if text else None)
            except ValueError:
                self.filter_problem.setText(self.tr("Not a date: type dd-mm-yyyy"))
                self.filter_problem.show()
                edit.setFocus()
                return None
        self.filter_problem.hide()
        return EntryFilter(
            text=self.search.text().strip(),
            date_from=days[0],
            date_to=days[1],
            kind=self.kind.currentData() or None,
            sync_state=self.sync_state.currentData() or None,
        )

    def search_now(self) -> None:
        self._timer.stop()
        flt = self.current_filter()
        if flt is not None:
            self.model.set_filter(flt)

    def refresh(self) -> None:
        """New data (a save, a sync pass, a hit): reload rows and the open detail."""
        current = self.table.currentIndex()
        self._pending_select = (
            self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        )
        self.model.refresh()
        self.detail.reload()

    def show_entry(self, number: str) -> None:
        """Find one entry (from an alert or the rejection list) and open its detail."""
        self.search.setText(number)
        self.date_from.clear()
        self.date_to.clear()
        self.kind.setCurrentIndex(0)
        self.sync_state.setCurrentIndex(0)
        self._pending_select = number
        self.search_now()
        self.detail.load(number)

    def _after_load(self) -> None:
        if not self._pending_select:
            return
        for row in range(min(self.model.rowCount(), 400)):
            if self.model.data(self.model.index(row, 0), Qt.ItemDataRole.UserRole) == self._pending_select:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._pending_select = None
                return

    def _row_changed(self, current, _previous) -> None:
        number = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if number:
            self.detail.load(number)
