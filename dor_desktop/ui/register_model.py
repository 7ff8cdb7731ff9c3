"""The register as a Qt table model that stays fast with a million entries.

The paging itself (a window of id ranges over the whole register, or pages of a search) is the
Qt-free read model :mod:`dor_desktop.services.register_reads`; this model asks it for a page on
the database lane and shows what arrived:
- the whole register (no search): the model reports every row at once (the scroll bar is honest),
  requests the page around what is on screen and keeps only the last pages it used;
- a search: a *growing* list, a page at a time as the view scrolls (``canFetchMore``/``fetchMore``).
Rows not loaded yet show "..." for the moment it takes to read them.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from dor_desktop.domain.clock import SHOP_ZONE, from_utc_text
from dor_desktop.domain.money import format_eur, parse_amount
from dor_desktop.services.context import AppContext
from dor_desktop.services.register_reads import (
    PAGE,
    EntryFilter,
    EntrySummary,
    Span,
    is_whole_register,
    register_span,
    search_page,
    seller_label,
    window_page,
)
from dor_desktop.ui.background import Lane, Op
from dor_desktop.ui.vocabulary import ENTRY_KINDS, SYNC_STATES, label

#: Pages kept in memory in window mode (10,000 rows: a few MB whatever the register's size).
CACHE_PAGES = 50
HIT_BACKGROUND = QColor("#f6ead0")

COLUMNS = ("number", "hits", "acquired", "seller", "total", "kind", "sync")


class RegisterModel(QAbstractTableModel):
    loaded = Signal()  # a page arrived (tests and the detail panel wait on it)

    def __init__(self, app: AppContext, lane: Lane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._lane = lane
        self._page_size = PAGE  # read here so a test can make pages small
        self._filter = EntryFilter()
        self._epoch = 0
        self._span = Span(0, 0)
        self._pages: OrderedDict[int, list[EntrySummary]] = OrderedDict()
        self._requested: set[int] = set()
        self._rows: list[EntrySummary] = []  # growing mode
        self._more = False
        self._loading = False
        self._headers = (
            self.tr("Number"),
            self.tr("Hit"),
            self.tr("Acquired"),
            self.tr("Seller"),
            self.tr("Total"),
            self.tr("Kind"),
            self.tr("DOR"),
        )

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def windowed(self) -> bool:
        return is_whole_register(self._filter)

    def set_filter(self, flt: EntryFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Reload from the database (after a save, a sync pass, a new filter)."""
        self._epoch += 1
        epoch = self._epoch
        if self.windowed:
            Op(self._lane, register_span, self._app).on_success(
                lambda span: self._reset_window(epoch, span)
            ).start(self)
        else:
            Op(self._lane, search_page, self._app, self._filter, 0, self._page_size).on_success(
                lambda rows: self._reset_search(epoch, rows)
            ).start(self)

    def _reset_window(self, epoch: int, span: Span) -> None:
        if epoch != self._epoch:
            return
        self.beginResetModel()
        self._span, self._pages, self._requested = span, OrderedDict(), set()
        self._rows, self._more, self._loading = [], False, False
        self.endResetModel()
        self.loaded.emit()

    def _reset_search(self, epoch: int, rows: list[EntrySummary]) -> None:
        if epoch != self._epoch:
            return
        self.beginResetModel()
        self._span, self._pages, self._requested = Span(0, 0), OrderedDict(), set()
        self._rows, self._more, self._loading = rows, len(rows) == self._page_size, False
        self.endResetModel()
        self.loaded.emit()

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt's signature)
        if parent.isValid():
            return 0
        return self._span.rows if self.windowed else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.windowed and self._more and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        epoch, page = self._epoch, len(self._rows) // self._page_size
        Op(self._lane, search_page, self._app, self._filter, page, self._page_size).on_success(
            lambda rows: self._append(epoch, rows)
        ).start(self)

    def _append(self, epoch: int, rows: list[EntrySummary]) -> None:
        if epoch != self._epoch:
            return
        self._loading = False
        self._more = len(rows) == self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def summary(self, row: int) -> EntrySummary | None:
        """The row's entry, or None while its page is still being read (then it is requested)."""
        if not self.windowed:
            return self._rows[row] if 0 <= row < len(self._rows) else None
        page, offset = divmod(row, self._page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def _request(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        epoch = self._epoch
        Op(self._lane, window_page, self._app, self._span, page, self._page_size).on_success(
            lambda rows: self._page_arrived(epoch, page, rows)
        ).start(self)

    def _page_arrived(self, epoch: int, page: int, rows: list[EntrySummary]) -> None:
        if epoch != self._epoch:
            return
        self._requested.discard(page)
        self._pages[page] = rows
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)
        first = page * self._page_size
        last = min(first + self._page_size, self._span.rows) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.loaded.emit()

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.summary(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return "..." if entry is None else self._display(entry, COLUMNS[index.column()])
        if entry is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and entry.active_hits:
            return QBrush(HIT_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and entry.active_hits:
            return self.tr("Hit: keep the goods apart. Open the alerts for what to do.")
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry.register_number
        return None

    def _display(self, entry: EntrySummary, column: str) -> str:
        if column == "number":
            return entry.register_number
        if column == "acquired":
            return from_utc_text(entry.acquired_at).astimezone(SHOP_ZONE).strftime("%d-%m-%Y %H:%M")
        if column == "seller":
            return seller_label(entry, self.tr("(removed)"))
        if column == "total":
            return format_eur(parse_amount(entry.total_amount))
        if column == "kind":
            kind = label(ENTRY_KINDS, entry.kind)
            return self.tr("%1, late entry").replace("%1", kind) if entry.late_entry else kind
        if column == "sync":
            return label(SYNC_STATES, entry.sync_state)
        return self.tr("Hit") if entry.active_hits else ""
