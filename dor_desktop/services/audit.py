"""The audit log as a use case: record what an actor did, list it for the owner, check its chain.

:func:`record` is what every other use case calls after it showed personal data or changed
something. It names the actor from the context, so no caller can record on someone else's
behalf, and it takes only codes and references: the register number, never the seller.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Connection

from dor_desktop.domain.clock import to_utc_text, utc_now
from dor_desktop.services.access import Actor, Permission, require
from dor_desktop.services.context import AppContext
from dor_desktop.storage import audit as _audit
from dor_desktop.storage.audit import AuditEntry, AuditEvent, AuditFilter, AuditReport
from dor_desktop.storage.queries import EntryFilter, list_entries

__all__ = [
    "Action",
    "AuditEntry",
    "AuditFilter",
    "AuditReport",
    "listing",
    "record",
    "record_in",
    "seller_references",
    "verify_chain",
]


class Action(StrEnum):
    VIEW_ENTRY = "view_entry"
    #: An entry's seller's name shown in a list or search result (the command line's list).
    LIST_ENTRY = "list_entry"
    EXPORT = "export"
    CORRECT = "correct"
    VOID = "void"
    SALE = "sale"
    POLICE_RELEASE = "police_release"
    SETTINGS_CHANGE = "settings_change"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    ACCOUNT_ADD = "account_add"
    ACCOUNT_ROLE = "account_role"
    ACCOUNT_PIN = "account_pin"
    ACCOUNT_DEACTIVATE = "account_deactivate"
    PURGE_PERSONAL_DATA = "purge_personal_data"
    AUDIT_VIEW = "audit_view"


def _event(actor: Actor | None, action: str, reference: str, detail: str) -> AuditEvent:
    name, role = (actor.name, str(actor.role)) if actor else ("-", "-")  # "-": nobody logged in
    return AuditEvent(to_utc_text(utc_now()), name, role, str(action), reference, detail)


def record(app: AppContext, action: str, reference: str = "", detail: str = "") -> None:
    """Append one row for the context's actor: ``action`` (an :class:`Action`), ``reference`` (a
    register number, account name or period) and a short ``detail``; never personal data."""
    event = _event(app.actor, action, reference, detail)
    with app.db.write() as session:
        _audit.append_to(session.connection(), event)


def record_in(
    connection: Connection, app: AppContext, action: str, reference: str = "", detail: str = ""
) -> None:
    """:func:`record` inside the caller's own write transaction (the row commits with the change)."""
    _audit.append_to(connection, _event(app.actor, action, reference, detail))


def listing(app: AppContext, wanted: AuditFilter) -> list[AuditEntry]:
    """The audit log for the owner, newest first; reading it is itself recorded."""
    require(app.actor, Permission.AUDIT)
    rows = _audit.list_audit(app.db, wanted)
    period = f"{wanted.date_from or ''}..{wanted.date_to or ''}"
    record(app, Action.AUDIT_VIEW, period, f"{len(rows)} rows")
    return rows


def seller_references(app: AppContext, name: str) -> tuple[str, ...]:
    """The register numbers of the entries of sellers whose name starts with ``name``.

    The log keeps register numbers only; this is how "who looked at this seller" is answered
    (while the entries still hold the name: a purged entry cannot be found by it).
    """
    require(app.actor, Permission.AUDIT)
    with app.db.read() as session:
        rows = list_entries(session, EntryFilter(text=name, limit=10_000))
    return tuple(row.register_number for row in rows if _name_matches(row.seller_name, name))


def _name_matches(seller_name: str, wanted: str) -> bool:
    return seller_name.casefold().startswith(wanted.strip().casefold())


def verify_chain(app: AppContext) -> AuditReport:
    return _audit.verify_audit_chain(app.db)
