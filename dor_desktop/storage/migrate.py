"""Bring a register file to the current schema, after a backup copy.

Runs at every start (GUI, CLI, sync). A file already at head is left alone and not copied. When a
migration fails, the transaction rolls back, the backup stays next to it, and the caller refuses
to start: the shop's data is never left half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, OperationalError

from dor_desktop.config.files import private_database
from dor_desktop.errors import UserError
from dor_desktop.storage import encryption
from dor_desktop.storage.db import Database

MIGRATIONS = Path(__file__).parent / "migrations"
#: The newest migration. Kept here so a start on an up-to-date file never imports Alembic (it
#: costs a noticeable part of the start-up time); a test checks it against the migrations folder.
HEAD_REVISION = "0005"
#: ``progress(step, done, total)``: step is "backup" (pages copied) or "migrate" (0 of 1, then 1 of 1).
Progress = Callable[[str, int, int], None]
#: Pages copied between two progress reports during a backup (4 MB with 4 KiB pages).
BACKUP_STEP_PAGES = 1024


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The head according to Alembic's own reading of the migrations folder."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations folder has no head"
    return head


def _schema_state(db: Database) -> tuple[str | None, bool]:
    """The file's schema revision (``None`` for a new file) and whether it holds any table.

    Both come from one read transaction: read apart, another program's migration could commit in
    between, and a brand-new file would look like an old one that needs a backup first.
    """
    with db.engine.connect() as connection:
        query = text("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = set(connection.execute(query).scalars())
        if "alembic_version" not in tables:
            return None, bool(tables)
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar(), True


def current_revision(db: Database) -> str | None:
    """The file's schema revision from Alembic's version table (``None`` for a new file)."""
    return _schema_state(db)[0]


def backup(db: Database, backup_dir: Path, label: str, progress: Progress | None = None) -> Path:
    """A consistent copy of the register (SQLite's online backup), named with time and schema.

    An encrypted register's backup is encrypted with the same key (``storage.encryption.copy``).
    Copied in steps so that ``progress`` can show a large register is not hung.
    """
    target = backup_dir / encryption.backup_name(label)
    if db.key is not None:  # written 0600 and encrypted with the register's key
        pages = None if progress is None else lambda done, total: progress("backup", done, total)
        return encryption.copy(db.path, target, db.key, pages, BACKUP_STEP_PAGES)
    private_database(target)  # the copy holds every seller's data: 0600 like the register
    source = sqlite3.connect(db.path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            if progress is None:
                source.backup(destination)
            else:
                source.backup(
                    destination,
                    pages=BACKUP_STEP_PAGES,
                    progress=lambda _status, remaining, total: progress("backup", total - remaining, total),
                )
        destination.close()
    finally:
        source.close()
    return target


def _state_of_register(db: Database) -> tuple[str | None, bool]:
    """:func:`_schema_state`, or a clear UserError when the file is not a readable SQLite database."""
    try:
        return _schema_state(db)
    except OperationalError:
        raise  # cannot open or locked: reported as such by the caller
    except DatabaseError as exc:
        raise UserError(
            f"the register file {db.path} is damaged or is not a register ({exc.orig}); it was left unchanged"
        ) from None


def known_revisions() -> set[str]:
    """The revisions this program ships, from the migration files' names (``0002_outbox_endpoint.py``).

    Read from the names, not through Alembic, so a start on a register from a newer program is
    refused at once, before any backup is made (it used to copy the whole file at every start).
    """
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


def _newer_schema(db: Database, current: str) -> UserError:
    return UserError(
        f"the register file {db.path} was made by a newer version of DOR Desktop (schema {current}); "
        "install that version or newer to use it; the file was left unchanged",
        exit_code=3,
    )


def at_head(db: Database) -> bool:
    """Whether the register is at this program's schema (for a read-only open, which cannot
    migrate); a register from a newer program is refused, as :func:`upgrade` refuses it."""
    current, _ = _state_of_register(db)
    if current is not None and current != HEAD_REVISION and current not in known_revisions():
        raise _newer_schema(db, current)
    return current == HEAD_REVISION


def upgrade(db: Database, backup_dir: Path, progress: Progress | None = None) -> Path | None:
    """Migrate ``db`` to head; returns the backup made, or ``None`` when nothing had to change.

    A brand-new file has nothing to back up. The migration holds the write lock from its first
    statement (BEGIN IMMEDIATE), so two processes starting on a new file at once queue up and the
    second finds the schema already at head instead of failing half-way.
    """
    current, has_tables = _state_of_register(db)
    if current == HEAD_REVISION:
        return None
    if current is not None and current not in known_revisions():
        raise _newer_schema(db, current)
    made = backup(db, backup_dir, current or "empty", progress) if has_tables else None
    if progress is not None:
        progress("migrate", 0, 1)
    from alembic import command

    config = _config()
    try:
        with db.engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as exc:  # any failure must stop the start, with the data intact
        where = f"; a backup is at {made}" if made else ""
        raise UserError(f"the register could not be upgraded ({exc}){where}") from exc
    if progress is not None:
        progress("migrate", 1, 1)
    return made
