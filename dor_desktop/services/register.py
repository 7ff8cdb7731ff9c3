"""Register use cases: commit a purchase, correct or void an entry, read the register.

Thin on purpose: the rules live in :mod:`dor_desktop.domain` and the append-only mechanics in
:mod:`dor_desktop.storage.register`. What this module adds is the one entry point both front ends
use, so the command line and the window cannot drift apart.
"""

from __future__ import annotations

from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.validation import FieldError
from dor_desktop.services.context import AppContext
from dor_desktop.storage.queries import EntryDetail, EntryFilter, EntrySummary
from dor_desktop.storage.queries import entry_detail as _entry_detail
from dor_desktop.storage.queries import list_entries as _list_entries
from dor_desktop.storage.register import CommittedEntry, ValidationFailed

__all__ = [
    "CommittedEntry",
    "EntryDetail",
    "EntryFilter",
    "EntrySummary",
    "ValidationFailed",
    "check",
    "commit_purchase",
    "correct",
    "entry_detail",
    "list_entries",
    "void",
]


def check(app: AppContext, purchase: Purchase) -> list[FieldError]:
    """Every problem with ``purchase`` under the shop's rules, without storing anything.

    Pure validation (no disk), quick enough for a form to call as the clerk types.
    """
    return app.register.check(purchase)


def commit_purchase(app: AppContext, purchase: Purchase) -> CommittedEntry:
    """Validate and commit a purchase with its outbox message; ValidationFailed lists the errors."""
    return app.register.commit_purchase(purchase)


def correct(app: AppContext, reference: str, purchase: Purchase, reason: str) -> CommittedEntry:
    """Commit a correction of the entry ``reference`` (a new entry pointing at it)."""
    return app.register.correct(reference, purchase, reason)


def void(app: AppContext, reference: str, reason: str) -> CommittedEntry:
    """Void the entry ``reference`` (a new entry); refused on police hold."""
    return app.register.void(reference, reason)


def list_entries(app: AppContext, wanted: EntryFilter) -> list[EntrySummary]:
    with app.db.read() as session:
        return _list_entries(session, wanted)


def entry_detail(app: AppContext, reference: str) -> EntryDetail:
    """One entry by register number or client reference, with its history, sync state and hits."""
    with app.db.read() as session:
        return _entry_detail(session, reference)
