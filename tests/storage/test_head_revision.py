"""The start-up shortcut (no Alembic import on an up-to-date file) must name the real head."""

from dor_desktop.storage import migrate


def test_head_constant_matches_the_migrations_folder():
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_a_migrated_file_reports_head_without_alembic(tmp_path):
    from dor_desktop.storage.db import Database

    db = Database(tmp_path / "register.sqlite3")
    assert migrate.current_revision(db) is None
    migrate.upgrade(db, tmp_path / "backups")
    assert migrate.current_revision(db) == migrate.HEAD_REVISION
    assert migrate.upgrade(db, tmp_path / "backups") is None
    db.close()
