"""The kept ID copies: one masked image per register entry, removed once the retention has passed.

A shop that keeps ID copies (``keep_id_images``) may keep each one as long as the register entry it
belongs to must be kept, and no longer (``retention_years``, default 4: bill 36036; the GDPR's
storage limitation). The entries themselves stay: the register is an append-only hash chain, and
removing personal data from old entries is not done yet (README, known limits).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from dor_desktop.domain.clock import local_day_start_utc
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import RegisterEntry

log = logging.getLogger(__name__)

#: Register numbers are looked up this many at a time (SQLite limits bound parameters).
LOOKUP_CHUNK = 500


def id_copy_path(images: Path, register_number: str) -> Path:
    """Where the masked ID copy of the entry ``register_number`` is kept."""
    return images / "id" / f"{register_number}.png"


def retention_cutoff(today: date, years: int) -> date:
    """The first purchase day whose copies are still kept on ``today``.

    A copy is kept through the anniversary of its purchase and removed the day after. Anniversaries
    of 29 February fall on 28 February, so that day's purchases go on 1 March.
    """
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # today is 29 February, the year ``years`` back had none
        return date(today.year - years, 3, 1)


def expired_id_copies(images: Path, db: Database, years: int, today: date) -> list[Path]:
    """The kept copies whose entries were bought before the retention cutoff, oldest number first.

    A file that belongs to no entry of this register is left alone: it was not made by the window,
    and removing what we cannot date is not ours to decide.
    """
    by_number = {path.stem: path for path in (images / "id").glob("*.png")}
    before = local_day_start_utc(retention_cutoff(today, years))
    numbers = sorted(by_number)
    expired: list[str] = []
    with db.read() as session:
        for start in range(0, len(numbers), LOOKUP_CHUNK):
            chunk = numbers[start : start + LOOKUP_CHUNK]
            query = select(RegisterEntry.register_number).where(
                RegisterEntry.register_number.in_(chunk), RegisterEntry.acquired_at < before
            )
            expired.extend(session.scalars(query))
    return [by_number[number] for number in sorted(expired)]


@dataclass
class Purge:
    """What a purge removed, and what it could not remove (with the reason, for the log and the clerk)."""

    removed: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def purge_expired_id_copies(images: Path, db: Database, years: int, today: date) -> Purge:
    """Remove the copies past their retention; one that cannot be removed does not stop the rest."""
    purge = Purge()
    for path in expired_id_copies(images, db, years, today):
        try:
            path.unlink()
        except FileNotFoundError:
            continue  # removed meanwhile (a second window, the command line)
        except OSError as exc:
            log.warning("could not remove the expired ID copy %s: %s", path.name, exc.strerror)
            purge.failed.append((path, exc.strerror or str(exc)))
            continue
        purge.removed.append(path)
    if purge.removed:
        log.info("removed %d ID copies past the retention of %d years", len(purge.removed), years)
    return purge
