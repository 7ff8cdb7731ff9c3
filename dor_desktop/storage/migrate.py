"""Bring a register file to the current schema, after a backup copy.

Runs at every start (GUI, CLI, sync). A file already at head is left alone and not copied. When a
migration fails, the transaction rolls back, the backup stays next to it, and the caller refuses
to start: the shop's data is never left half-migrated.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from dor_desktop.errors import UserError
from dor_desktop.storage.db import Database

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migrations folder has no head"
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup(db: Database, backup_dir: Path, label: str) -> Path:
    """A consistent copy of the register (SQLite's online backup), named with time and schema."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"register-{stamp}-{label}.sqlite3"
    source = sqlite3.connect(db.path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def upgrade(db: Database, backup_dir: Path) -> Path | None:
    """Migrate ``db`` to head; returns the backup made, or ``None`` when nothing had to change."""
    current = current_revision(db)
    if current == head_revision():
        return None
    made = backup(db, backup_dir, current or "empty") if db.path.stat().st_size > 0 else None
    config = _config()
    try:
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as exc:  # any failure must stop the start, with the data intact
        where = f"; a backup is at {made}" if made else ""
        raise UserError(f"the register could not be upgraded ({exc}){where}") from exc
    return made
