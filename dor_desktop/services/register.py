"""Register use cases: commit a purchase, correct or void an entry, read the register.

Thin on purpose: the rules live in :mod:`dor_desktop.domain` and the append-only mechanics in
:mod:`dor_desktop.storage.register`. What this module adds is the one entry point both front ends
use, so the command line and the window cannot drift apart.
"""

from __future__ import annotations

from dataclasses import replace

from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.validation import FieldError
from dor_desktop.services.access import Permission, require
from dor_desktop.services.audit import Action, record, record_in
from dor_desktop.services.context import AppContext
from dor_desktop.storage.queries import EntryDetail, EntryFilter, EntrySummary
from dor_desktop.storage.queries import entry_detail as _entry_detail
from dor_desktop.storage.queries import list_entries as _list_entries
from dor_desktop.storage.register import CommittedEntry, ValidationFailed, find_entry

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
    """Validate and commit a purchase with its outbox message; ValidationFailed lists the errors.

    The entry's ``clerk`` is the actor's name (the logged-in account or ``cli:<os user>``),
    whatever the form or file said.
    """
    return app.register.commit_purchase(_by_actor(app, Permission.REGISTER, purchase))


def correct(app: AppContext, reference: str, purchase: Purchase, reason: str) -> CommittedEntry:
    """Commit a correction of the entry ``reference`` (a new entry pointing at it)."""
    entry = app.register.correct(reference, _by_actor(app, Permission.CORRECT, purchase), reason)
    record(app, Action.CORRECT, _number(app, reference), f"corrected by {entry.register_number}")
    return entry


def void(app: AppContext, reference: str, reason: str) -> CommittedEntry:
    """Void the entry ``reference`` (a new entry); refused on police hold."""
    require(app.actor, Permission.VOID)
    entry = app.register.void(reference, reason)
    record(app, Action.VOID, _number(app, reference), f"voided by {entry.register_number}")
    return entry


def _number(app: AppContext, reference: str) -> str:
    """The register number of ``reference`` (a number or a client reference), as the audit keeps it."""
    with app.db.read() as session:
        return find_entry(session, reference).register_number


def _by_actor(app: AppContext, permission: Permission, purchase: Purchase) -> Purchase:
    """``purchase`` stamped with the clerk who may commit it (refused otherwise)."""
    return replace(purchase, clerk=require(app.actor, permission).name)


def list_entries(app: AppContext, wanted: EntryFilter) -> list[EntrySummary]:
    """Entries with their sellers' names; each entry listed is recorded in the audit log (one
    row per entry, by register number: "who looked at this seller" then also finds a list or a
    search, and the search text itself, perhaps a name, is never logged)."""
    require(app.actor, Permission.VIEW)
    with app.db.read() as session:
        rows = _list_entries(session, wanted)
    if rows:
        with app.db.write() as session:
            connection = session.connection()
            for row in rows:
                detail = "search" if wanted.text else ""
                record_in(connection, app, Action.LIST_ENTRY, row.register_number, detail)
    return rows


def entry_detail(app: AppContext, reference: str) -> EntryDetail:
    """One entry by register number or client reference, with its history, sync state and hits.

    Shows the seller's personal data, so the view is recorded in the audit log.
    """
    require(app.actor, Permission.VIEW)
    with app.db.read() as session:
        detail = _entry_detail(session, reference)
    record(app, Action.VIEW_ENTRY, detail.summary.register_number)
    return detail
