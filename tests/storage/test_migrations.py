"""Migrations: empty file to head, a backup before changing an existing file, failures keep the data."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from dor_desktop.errors import UserError
from dor_desktop.storage import migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.verify import verify
from tests.conftest import TEST_DB_KEY, register_connection

from .conftest import count, make_register

#: The head this package ships (read before a test adds a newer revision).
SHIPPED_HEAD = migrate.HEAD_REVISION
TABLES = {
    "alembic_version",
    "register_entry",
    "entry_item",
    "outbox",
    "alert",
    "alert_event",
    "sale",
    "sync_state",
    "account",
    "audit_log",
    "entry_personal",
}
TRIGGERS = {
    "register_entry_no_update",
    "register_entry_no_delete",
    "entry_item_no_change",
    "outbox_payload_frozen",
    "outbox_keep_unacknowledged",
    "outbox_endpoint_fixed",
    "account_no_delete",
    "audit_log_no_update",
    "audit_log_no_delete",
    "register_entry_purge_only",
    "entry_personal_no_delete",
    "entry_personal_purge_only",
    "alert_event_no_update",
    "alert_event_no_delete",
    "alert_no_delete",
    "alert_facts_fixed",
    "alert_state_by_event",
}

NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op
from tests.conftest import TEST_DB_KEY, register_connection

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO test_extra (id) VALUES (1)")
    if {fail}:
        raise RuntimeError("simulated failure half-way")


def downgrade() -> None:
    op.drop_table("test_extra")
"""


def schema(path: Path) -> tuple[set[str], set[str], str | None]:
    with closing(register_connection(path)) as connection:
        names = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    tables = {n for t, n in names if t == "table"}
    return tables, {n for t, n in names if t == "trigger"}, version[0] if version else None


@pytest.fixture
def newer_migrations(tmp_path, monkeypatch):
    """A copy of the shipped migrations plus one newer revision; ``install(fail=...)`` activates it."""

    def install(fail: bool) -> None:
        folder = tmp_path / f"migrations-{fail}"
        shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
        code = NEXT_REVISION.format(head=migrate.head_revision(), fail=fail)
        (folder / "versions" / "9001_test_extra.py").write_text(code, encoding="utf-8")
        monkeypatch.setattr(migrate, "MIGRATIONS", folder)
        monkeypatch.setattr(migrate, "HEAD_REVISION", "9001")

    return install


@pytest.fixture
def older_file(db, register, purchase, db_path):
    """A register at today's head with two entries, closed so that only the file remains."""
    register.commit_purchase(purchase())
    register.commit_purchase(purchase())
    db.close()
    return db_path


def test_an_empty_file_migrates_to_head_without_a_pointless_backup(tmp_path):
    db = Database(tmp_path / "new" / "register.sqlite3", TEST_DB_KEY)
    try:
        assert migrate.current_revision(db) is None
        assert migrate.upgrade(db, tmp_path / "backups") is None
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.close()
    tables, triggers, version = schema(tmp_path / "new" / "register.sqlite3")
    assert tables == TABLES and triggers == TRIGGERS and version == migrate.head_revision()
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_a_new_file_another_program_migrates_meanwhile_is_not_backed_up(tmp_path):
    # Regression: the revision and "has it any tables" were read in two transactions, so a new
    # file that another program migrated in between looked like an old one and was copied.
    path = tmp_path / "register.sqlite3"
    db, other = Database(path, TEST_DB_KEY), Database(path, TEST_DB_KEY)

    def other_program_migrates(_conn, _cursor, statement, *_args) -> None:
        if "sqlite_master" in statement and migrate.current_revision(other) is None:
            migrate.upgrade(other, tmp_path / "other-backups")

    event.listen(db.engine, "after_cursor_execute", other_program_migrates)
    try:
        assert migrate.upgrade(db, tmp_path / "backups") is None
        assert migrate.current_revision(other) == migrate.HEAD_REVISION
    finally:
        db.close()
        other.close()
    assert not (tmp_path / "backups").exists() and not (tmp_path / "other-backups").exists()


def test_a_file_at_head_is_neither_migrated_nor_copied(older_file, tmp_path):
    db = Database(older_file, TEST_DB_KEY)
    try:
        assert migrate.upgrade(db, tmp_path / "more-backups") is None
    finally:
        db.close()
    assert not (tmp_path / "more-backups").exists()


def test_an_older_file_is_backed_up_then_migrated_with_its_data(older_file, tmp_path, newer_migrations):
    newer_migrations(fail=False)
    db = Database(older_file, TEST_DB_KEY)
    try:
        made = migrate.upgrade(db, tmp_path / "backups")
        assert migrate.current_revision(db) == "9001"
        assert verify(db).entries == 2
    finally:
        db.close()
    head = SHIPPED_HEAD  # the shipped head the file was made at
    assert made is not None and made.parent == tmp_path / "backups" and head in made.name
    backup_tables, _, backup_version = schema(made)
    assert backup_version == head and "test_extra" not in backup_tables
    assert count(made, "register_entry") == 2
    assert "test_extra" in schema(older_file)[0]


def test_a_failed_migration_refuses_to_start_and_keeps_the_data(
    older_file, tmp_path, newer_migrations, purchase
):
    newer_migrations(fail=True)
    for _attempt in range(2):  # every start refuses, none half-migrates
        db = Database(older_file, TEST_DB_KEY)
        try:
            with pytest.raises(UserError, match="could not be upgraded .*simulated failure.*a backup is at"):
                migrate.upgrade(db, tmp_path / "backups")
        finally:
            db.close()
    tables, triggers, version = schema(older_file)
    assert version == SHIPPED_HEAD and "test_extra" not in tables and triggers == TRIGGERS
    assert count(older_file, "register_entry") == 2
    db = Database(older_file, TEST_DB_KEY)
    try:
        assert verify(db).entries == 2
        assert make_register(db).commit_purchase(purchase()).register_number == "K1-000003"
    finally:
        db.close()


@pytest.mark.parametrize("content", [b"this is a text file, not a register\n" * 200, bytes(range(256)) * 64])
def test_a_file_that_is_not_a_database_is_a_clear_error_and_is_left_alone(tmp_path, content):
    path = tmp_path / "register.sqlite3"
    path.write_bytes(content)
    db = Database(path, TEST_DB_KEY)
    try:
        with pytest.raises(UserError, match="damaged or is not a register"):
            migrate.upgrade(db, tmp_path / "backups")
    finally:
        db.close()
    assert path.read_bytes() == content
