"""The connection settings the register relies on are really in force, on every kind of session."""

from __future__ import annotations

from contextlib import closing

import pytest
import sqlcipher3
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from dor_desktop.storage.db import BUSY_TIMEOUT_MS
from tests.conftest import register_connection


def pragmas(connection) -> tuple:
    return tuple(
        connection.execute(text(f"PRAGMA {name}")).scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "cell_size_check")
    )


EXPECTED = ("wal", 2, 1, BUSY_TIMEOUT_MS, 1)  # synchronous 2 = FULL


def test_wal_full_sync_foreign_keys_busy_timeout_and_page_checks_on_every_session(db):
    with db.engine.connect() as connection:
        assert pragmas(connection) == EXPECTED
    with db.read() as session:
        assert pragmas(session) == EXPECTED
    with db.write() as session:
        assert pragmas(session) == EXPECTED


def test_the_file_itself_is_in_wal_mode(db, db_path):
    with closing(register_connection(db_path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.write() as session:
        session.execute(
            text(
                "INSERT INTO entry_item (entry_id, line, category, description, brand, model, "
                "serial_number, imei, frame_number) VALUES (42, 1, 'tool', 'drill', '', '', '', '', '')"
            )
        )


def test_a_write_session_takes_the_write_lock_at_once_and_a_read_session_does_not(db, db_path):
    other = register_connection(db_path, isolation_level=None, timeout=0)
    try:
        with db.read() as session:
            session.execute(text("SELECT count(*) FROM register_entry"))
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        with db.write() as session:
            session.execute(text("SELECT count(*) FROM register_entry"))  # a read, yet the lock is held
            with pytest.raises(sqlcipher3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_a_missing_data_folder_is_created(tmp_path):
    from dor_desktop.storage.db import Database

    db = Database(tmp_path / "a" / "b" / "register.sqlite3")
    try:
        with db.write() as session:
            session.execute(text("CREATE TABLE t (x)"))
    finally:
        db.close()
    assert (tmp_path / "a" / "b" / "register.sqlite3").is_file()


def _open_each_at_the_same_moment(paths: list[str], barrier) -> list[str]:
    """In a separate process: open each new register right when the other process does."""
    from pathlib import Path

    from dor_desktop.storage.db import Database

    outcomes = []
    for path in paths:
        barrier.wait()
        database = Database(Path(path))
        try:
            with database.engine.connect() as connection:
                outcomes.append(connection.execute(text("PRAGMA journal_mode")).scalar())
        except Exception as exc:  # reported to the test, which names it
            outcomes.append(repr(exc))
        finally:
            database.close()
    return outcomes


@pytest.mark.slow
def test_two_programs_opening_a_new_register_at_the_same_moment_both_get_it_in_wal_mode(tmp_path):
    # Regression: switching a new file to WAL does not wait for the busy handler, so one of the two
    # failed at once with "database is locked" (more than half of the rounds, measured).
    import multiprocessing

    spawn = multiprocessing.get_context("spawn")  # no fork of a process that may hold Qt threads
    paths = [str(tmp_path / f"register-{n}.sqlite3") for n in range(12)]
    barrier = spawn.Manager().Barrier(2)
    with spawn.Pool(2) as pool:
        results = [pool.apply_async(_open_each_at_the_same_moment, (paths, barrier)) for _ in range(2)]
        outcomes = [result.get(timeout=120) for result in results]
    assert outcomes == [["wal"] * len(paths)] * 2


def test_every_connection_to_an_encrypted_register_is_keyed_and_keeps_a_larger_page_cache(db, db_path):
    from dor_desktop.storage.db import ENCRYPTED_CACHE_KIB

    assert db.key is not None and db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    with db.engine.connect() as first, db.engine.connect() as second:  # two pooled connections
        for connection in (first, second):
            assert connection.execute(text("PRAGMA cache_size")).scalar() == -ENCRYPTED_CACHE_KIB
            assert connection.execute(text("SELECT count(*) FROM register_entry")).scalar() == 0
