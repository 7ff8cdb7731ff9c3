"""Reading the register for a screen: pages of a million-entry register, and one entry's detail.

Why a read model of its own: the window's table pages lazily (a page at a time, on the database
lane) and must stay as fast at row 900,000 as at row 10. The two ways of paging live here, free
of Qt, so the table model only asks for "page n" and never builds a query:

- the whole register (no search): a *window* over the entry ids. The register is append-only, so
  ids are dense and row ``r`` (newest first) is entry ``max_id - r``; a page is an id range (an
  index seek, equally fast anywhere);
- a search: pages of :func:`dor_desktop.storage.queries.list_entries` by offset.

The detail of one entry is read in one go, with whether each item may be sold today, so a screen
never offers a sale the register would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select

from dor_desktop.services.access import Permission, require
from dor_desktop.services.audit import Action, record
from dor_desktop.services.context import AppContext
from dor_desktop.storage.models import RegisterEntry
from dor_desktop.storage.queries import EntryDetail, EntryFilter, EntrySummary, list_entries, summary_select
from dor_desktop.storage.queries import entry_detail as _entry_detail
from dor_desktop.storage.register import find_entry
from dor_desktop.storage.sales import SaleBlocked, sale_blocker

__all__ = [
    "PAGE",
    "REMOVED",
    "DetailView",
    "EntryDetail",
    "EntryFilter",
    "EntrySummary",
    "SaleBlocked",
    "Span",
    "detail_view",
    "is_whole_register",
    "register_span",
    "search_page",
    "seller_label",
    "window_page",
]

#: Shown instead of the seller of an entry whose personal data was purged (the window translates it).
REMOVED = "(removed)"

#: Rows per page: one screen's worth several times over, read in a few milliseconds.
PAGE = 200


@dataclass(frozen=True)
class Span:
    """The id range of the whole register (window mode); ``rows`` is 0 for an empty register."""

    max_id: int
    min_id: int

    @property
    def rows(self) -> int:
        return self.max_id - self.min_id + 1 if self.max_id else 0


def is_whole_register(wanted: EntryFilter) -> bool:
    """True when the filter selects nothing: the whole register is shown, paged by id range."""
    return not (wanted.text.strip() or wanted.date_from or wanted.date_to or wanted.kind or wanted.sync_state)


def seller_label(summary: EntrySummary, removed: str = REMOVED) -> str:
    """The seller as a list or a detail shows it: the name, or ``removed`` once it was purged."""
    return removed if summary.personal_purged else summary.seller_name


def register_span(app: AppContext) -> Span:
    with app.db.read() as session:
        high, low = session.execute(select(func.max(RegisterEntry.id), func.min(RegisterEntry.id))).one()
    return Span(high or 0, low or 0)


def window_page(app: AppContext, span: Span, page: int, size: int = PAGE) -> list[EntrySummary]:
    """Rows ``page * size ...`` of the whole register, newest first, read by an id range."""
    high = span.max_id - page * size
    low = max(high - size + 1, span.min_id)
    query = (
        summary_select()
        .where(RegisterEntry.id <= high, RegisterEntry.id >= low)
        .order_by(RegisterEntry.id.desc())
    )
    with app.db.read() as session:
        return [EntrySummary(*row) for row in session.execute(query).all()]


def search_page(app: AppContext, wanted: EntryFilter, page: int, size: int = PAGE) -> list[EntrySummary]:
    """Page ``page`` (of ``size`` rows) of a search, newest first."""
    with app.db.read() as session:
        return list_entries(session, replace(wanted, limit=size, offset=page * size))


@dataclass(frozen=True)
class DetailView:
    """One entry as the detail panel shows it: the entry, the shop's day, and per item line why
    it cannot be sold today (None: it can)."""

    detail: EntryDetail
    today: date
    sale_blockers: dict[int, SaleBlocked | None] = field(default_factory=dict)

    @property
    def number(self) -> str:
        return self.detail.summary.register_number

    @property
    def is_current_purchase(self) -> bool:
        """A purchase or correction that no later entry replaced or voided: it can be changed."""
        return self.detail.summary.kind != "void" and not self.detail.referred_by

    @property
    def hold_running(self) -> bool:
        return self.today < date.fromisoformat(self.detail.hold_until)

    @property
    def police_hold(self) -> bool:
        return any(b is not None and b.code == "police_hold" for b in self.sale_blockers.values())


def detail_view(app: AppContext, reference: str, today: date) -> DetailView:
    """The entry ``reference`` (register number or client reference) and its items' sale blockers.

    Shows the seller's personal data: the view is recorded in the audit log.
    """
    require(app.actor, Permission.VIEW)
    with app.db.read() as session:
        detail = _entry_detail(session, reference)
        entry = find_entry(session, reference)
        blockers: dict[int, SaleBlocked | None] = {}
        if detail.summary.kind != "void":
            for item in detail.payload.get("items", []):
                line = int(item.get("line", 0))
                blockers[line] = sale_blocker(session, entry, line, today)
    record(app, Action.VIEW_ENTRY, detail.summary.register_number)
    return DetailView(detail, today, blockers)
