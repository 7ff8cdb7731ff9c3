"""A register from a newer program is refused at once, and no backup is made at every try.

Before, each start copied the whole register into backups/ and only then found Alembic did not
know the revision: a large register and a few restarts filled the disk with identical copies.
"""

from __future__ import annotations

from contextlib import closing

import pytest

from dor_desktop.errors import UserError
from dor_desktop.storage import migrate
from dor_desktop.storage.db import Database
from tests.conftest import TEST_DB_KEY, register_connection


@pytest.fixture
def newer_file(db, register, purchase, db_path):
    register.commit_purchase(purchase())
    db.close()
    with closing(register_connection(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    return db_path


def test_a_newer_schema_is_refused_without_a_backup_at_every_start(newer_file, tmp_path):
    backups = tmp_path / "backups"
    for _start in range(3):
        db = Database(newer_file, TEST_DB_KEY)
        try:
            with pytest.raises(UserError, match=r"newer version of DOR Desktop \(schema 0099\)") as raised:
                migrate.upgrade(db, backups)
        finally:
            db.close()
        assert raised.value.exit_code == 3
    assert not backups.exists() or not any(backups.iterdir())


def test_the_known_revisions_read_from_file_names_are_alembics_own():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config())
    assert migrate.known_revisions() == {s.revision for s in script.walk_revisions()}


def test_a_read_only_open_refuses_a_newer_schema_too(newer_file):
    db = Database(newer_file, TEST_DB_KEY, read_only=True)
    try:
        with pytest.raises(UserError, match="newer version"):
            migrate.at_head(db)
    finally:
        db.close()
