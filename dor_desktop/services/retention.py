"""Retention: what the shop may keep, and for how long (``retention_years`` in the settings).

Both purges run at every start of the window and from the command line (``purge-id-copies``,
``purge-personal-data``); ``today`` is the shop's local day, or the ``--as-of`` day of an audit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dor_desktop.services.access import Permission, require
from dor_desktop.services.audit import Action, record
from dor_desktop.services.context import AppContext
from dor_desktop.storage import id_copies
from dor_desktop.storage.personal_purge import PersonalPurge
from dor_desktop.storage.personal_purge import purge_personal_data as _purge_personal_data

__all__ = ["IdCopyPurge", "PersonalPurge", "id_copy_path", "purge_id_copies", "purge_personal_data"]


@dataclass(frozen=True)
class IdCopyPurge:
    """What a purge of kept ID copies did (or, in a dry run, would do)."""

    cutoff: date
    years: int
    removed: list[Path]
    failed: list[tuple[Path, str]] = field(default_factory=list)
    dry_run: bool = False


def purge_id_copies(app: AppContext, today: date, *, dry_run: bool = False) -> IdCopyPurge:
    """Remove kept ID copies of purchases older than the retention (``dry_run``: only list them)."""
    years, images = app.settings.retention_years, app.paths.images
    cutoff = id_copies.retention_cutoff(today, years)
    if dry_run:
        return IdCopyPurge(
            cutoff, years, id_copies.expired_id_copies(images, app.db, years, today), dry_run=True
        )
    purge = id_copies.purge_expired_id_copies(images, app.db, years, today)
    return IdCopyPurge(cutoff, years, list(purge.removed), list(purge.failed))


def id_copy_path(app: AppContext, register_number: str) -> Path:
    """Where the masked ID copy of an entry is kept (when the shop keeps them)."""
    return id_copies.id_copy_path(app.paths.images, register_number)


def purge_personal_data(
    app: AppContext, today: date, *, dry_run: bool = False, at_start: bool = False
) -> PersonalPurge:
    """Remove the seller's personal data from entries bought before the retention cutoff; the
    entries stay (goods, numbers, dates, DOR ids) and ``verify`` still passes. Entries on police
    hold, or whose registration the DOR has not acknowledged, are kept and listed (``dry_run``:
    only list what would be purged).

    Asked for by someone, it needs the owner's retention permission; the window's purge
    ``at_start`` is the law's own deadline, run before anyone logs in. Either way a purge that
    removed data is recorded in the audit log (by its cutoff and count, never by name)."""
    if not at_start:
        require(app.actor, Permission.RETENTION)
    purge = _purge_personal_data(app.db, app.settings.retention_years, today, dry_run=dry_run)
    if purge.purged and not dry_run:
        record(app, Action.PURGE_PERSONAL_DATA, f"before {purge.cutoff}", f"{len(purge.purged)} entries")
    return purge
