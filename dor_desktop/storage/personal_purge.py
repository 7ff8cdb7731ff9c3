"""Purging the seller's personal data from entries past the retention period; the entries stay.

What a purge does to an entry bought before the cutoff (``retention_years``, by the shop's day):

- ``entry_personal``: the name, salt and data are emptied and ``purged_at`` is set. A format-2
  entry's hash covers only the commitment, so it still verifies.
- a format-1 entry (made before schema 0005) hashed its personal data itself: its ``seller_name``
  and the payload's personal parts are emptied in the entry, and ``verify`` checks it by its
  links only from then on (and says how many such entries there are).
- its registration message for the DOR loses the same parts, once the DOR acknowledged it.

What it leaves: entries on police hold (an active hit not released) keep everything until the
release; an entry whose registration the DOR has not acknowledged (pending, refused, in conflict)
keeps everything too, because that message may still have to be sent or fixed; both are reported.

Purged means gone from the file: the purge runs with ``secure_delete`` (freed space is zeroed) and
ends with a ``wal_checkpoint(TRUNCATE)``, so no old copy stays in the free pages or the WAL.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dor_desktop.domain.clock import local_day_start_utc, to_utc_text, utc_now
from dor_desktop.storage.chain import canonical_json
from dor_desktop.storage.db import Database
from dor_desktop.storage.id_copies import retention_cutoff
from dor_desktop.storage.models import EntryPersonal, OutboxMessage, RegisterEntry
from dor_desktop.storage.personal import without_personal
from dor_desktop.storage.register import held_version

log = logging.getLogger(__name__)

#: Entries purged per write transaction, so the counter never waits long for the register.
BATCH = 500


@dataclass
class PersonalPurge:
    """What a purge did (or, in a dry run, would do), by register number."""

    cutoff: date
    years: int
    purged: list[str] = field(default_factory=list)
    #: Kept: on police hold (an active hit the police have not released).
    held: list[str] = field(default_factory=list)
    #: Kept: the DOR has not acknowledged the entry's registration yet.
    unacknowledged: list[str] = field(default_factory=list)
    dry_run: bool = False
    #: False when readers kept the WAL from being emptied after the purge (see the log).
    wal_truncated: bool = True


def purge_personal_data(db: Database, years: int, today: date, *, dry_run: bool = False) -> PersonalPurge:
    """Remove the seller's personal data from entries bought before the retention cutoff."""
    cutoff = retention_cutoff(today, years)
    result = PersonalPurge(cutoff, years, dry_run=dry_run)
    before = local_day_start_utc(cutoff)
    last_id = 0
    while True:
        with db.read() as session:
            batch = _candidates(session, before, last_id)
        if not batch:
            break
        last_id = batch[-1][0]
        if dry_run:
            with db.read() as session:
                _sort(session, batch, result)
        else:
            with db.write() as session:
                session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
                for entry_id, number, chain_format in _sort(session, batch, result):
                    if _purge_entry(session, entry_id, chain_format):
                        result.purged.append(number)
    if result.purged and not dry_run:
        result.wal_truncated = _truncate_wal(db)
        log.info(
            "purged the personal data of %d entries past the retention of %d years", len(result.purged), years
        )
    return result


def _candidates(session: Session, before: str, after_id: int) -> list[tuple[int, str, int]]:
    """The next batch of entries bought before ``before`` whose personal data is still there."""
    query = (
        select(RegisterEntry.id, RegisterEntry.register_number, RegisterEntry.chain_format)
        .join(EntryPersonal, EntryPersonal.entry_id == RegisterEntry.id)
        .where(
            RegisterEntry.acquired_at < before, EntryPersonal.purged_at.is_(None), RegisterEntry.id > after_id
        )
        .order_by(RegisterEntry.id)
        .limit(BATCH)
    )
    return [(entry_id, number, chain_format) for entry_id, number, chain_format in session.execute(query)]


def _sort(
    session: Session, batch: list[tuple[int, str, int]], result: PersonalPurge
) -> list[tuple[int, str, int]]:
    """The entries of ``batch`` that may be purged now; the others are noted in ``result``."""
    ready = []
    for entry in batch:
        entry_id, number, _format = entry
        if _held(session, entry_id):
            result.held.append(number)
        elif _unacknowledged(session, entry_id):
            result.unacknowledged.append(number)
        elif result.dry_run:
            result.purged.append(number)
        else:
            ready.append(entry)
    return ready


def _held(session: Session, entry_id: int) -> bool:
    """On police hold through any version of the purchase (a hit on a correction holds the
    original too: it names the same seller)."""
    entry = session.get(RegisterEntry, entry_id)
    return entry is not None and held_version(session, entry) is not None


def _unacknowledged(session: Session, entry_id: int) -> bool:
    query = select(OutboxMessage.id).where(
        OutboxMessage.entry_id == entry_id,
        OutboxMessage.kind == "registration",
        OutboxMessage.acknowledged_at.is_(None),
    )
    return session.scalar(query.limit(1)) is not None


def _purge_entry(session: Session, entry_id: int, chain_format: int) -> bool:
    """Purge one entry; False when another program (the window, the command line) just did."""
    # The personal row first: the triggers allow the entry and the message to change only then.
    marked = session.execute(
        update(EntryPersonal)
        .where(EntryPersonal.entry_id == entry_id, EntryPersonal.purged_at.is_(None))
        .values(seller_name="", salt=None, data=None, purged_at=to_utc_text(utc_now()))
        .execution_options(synchronize_session=False)
    )
    if not getattr(marked, "rowcount", 0):
        return False
    if chain_format == 1:
        payload = session.scalar(select(RegisterEntry.payload).where(RegisterEntry.id == entry_id))
        session.execute(
            update(RegisterEntry)
            .where(RegisterEntry.id == entry_id)
            .values(seller_name="", payload=canonical_json(without_personal(json.loads(payload or "{}"))))
        )
    messages = session.execute(
        select(OutboxMessage.id, OutboxMessage.payload).where(
            OutboxMessage.entry_id == entry_id, OutboxMessage.kind == "registration"
        )
    ).all()
    for message_id, message in messages:
        stripped = canonical_json(without_personal(json.loads(message)))
        if stripped != message:
            session.execute(
                update(OutboxMessage).where(OutboxMessage.id == message_id).values(payload=stripped)
            )
    return True


def _truncate_wal(db: Database) -> bool:
    """Copy the purge into the file and empty the WAL, where the old pages would otherwise stay."""
    with db.engine.connect() as connection:
        # On the driver's connection (autocommit): a checkpoint cannot run inside a transaction.
        raw = connection.connection.driver_connection
        assert raw is not None
        busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        log.warning(
            "the register's WAL could not be emptied after the purge (another reader); retried next time"
        )
    return not busy
