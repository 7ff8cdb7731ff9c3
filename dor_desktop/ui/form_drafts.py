"""The purchase form's draft: kept on disk as the clerk types, and offered back after a crash.

:class:`DraftWriter` writes the form on the files lane, at most one write in flight: a fast typist
causes one write and then one more with the newest state, never a queue of stale ones.
:class:`DraftOffer` is the bar that offers the purchases found at start, one at a time, to restore
or discard; what the clerk does with a restored one is the form's business.

Strings keep the translation context "PurchaseForm": they are the form's words, and one context
keeps the Dutch and English catalogues as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QPushButton

from dor_desktop.domain.clock import SHOP_ZONE
from dor_desktop.services.drafts import Draft
from dor_desktop.ui.background import Op
from dor_desktop.ui.fields import notice_bar
from dor_desktop.ui.form_state import FormState
from dor_desktop.ui.services import Services

translate = QCoreApplication.translate


class DraftWriter(QObject):
    """Keeps the form on disk; one write in flight at a time, the newest state always last."""

    written = Signal()  # the newest state is on disk
    failed = Signal(str)  # a line for the clerk

    def __init__(
        self, services: Services, current: Callable[[], tuple[FormState, int]], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._current = current  # the form's state and generation, read when a write starts
        self._busy = False
        self._dirty = False

    def write(self) -> None:
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        state, generation = self._current()
        lane, drafts = self._services.lanes.files, self._services.drafts
        if state.is_blank():
            job = Op(lane, drafts.clear, generation)
        else:
            job = Op(lane, drafts.save, state.to_json(), generation)
        job.on_success(self._done).on_failure(self._failed).start(self)

    def _done(self, _result: object) -> None:
        self._busy = False
        if self._dirty:
            self._dirty = False
            self.write()
        else:
            self.written.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        text = translate("PurchaseForm", "The draft could not be kept on disk: %1")
        self.failed.emit(text.replace("%1", str(error)))


class DraftOffer(QObject):
    """The bar "a purchase that was not saved was found": Restore hands it to the form, Discard
    forgets it; then the next one, if any, is offered."""

    restore_requested = Signal()

    def __init__(self, services: Services, parent: QObject) -> None:
        super().__init__(parent)
        self._services = services
        self._offers: list[Draft] = []
        self.bar, row, self.text = notice_bar("draftBar")
        self.restore_button = QPushButton(translate("PurchaseForm", "Restore (Ctrl+Shift+R)"))
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit())
        self.discard_button = QPushButton(translate("PurchaseForm", "Discard"))
        self.discard_button.clicked.connect(self.discard)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)

    def offer(self, drafts: list[Draft]) -> None:
        self._offers = list(drafts)
        self._show()

    def add(self, draft: Draft) -> None:
        """Offer ``draft`` after the others (what the clerk typed before restoring another)."""
        self._offers.append(draft)
        self._show()

    def take(self) -> Draft | None:
        """The draft on offer, now removed from disk and from the bar (None: nothing offered)."""
        if not self._offers:
            return None
        draft = self._offers.pop(0)
        self._forget(draft)
        return draft

    def discard(self) -> None:
        if self._offers:
            self._forget(self._offers.pop(0))

    def _forget(self, draft: Draft) -> None:
        Op(self._services.lanes.files, self._services.drafts.forget, draft).start(self)
        self._show()

    def _show(self) -> None:
        if not self._offers:
            self.bar.hide()
            return
        draft = self._offers[0]
        form = FormState.from_json(draft.data)
        name = " ".join(v for v in (form.get("seller.given_names"), form.get("seller.family_name")) if v)
        text = translate("PurchaseForm", "A purchase that was not saved was found (%1, %2). Restore it?")
        when = _local_time(draft.saved_at)
        self.text.setText(
            text.replace("%1", when).replace("%2", name or translate("PurchaseForm", "no name yet"))
        )
        self.bar.show()


def _local_time(iso: str) -> str:
    """The time a draft was saved, as the clerk reads it: today only the hour."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    local = moment.astimezone(SHOP_ZONE)
    if local.date() == date.today():
        return local.strftime("%H:%M")
    return local.strftime("%d-%m-%Y %H:%M")
