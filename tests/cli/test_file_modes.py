"""Another account on the PC cannot read the data folder: folders 0700, every file 0600.

The session test runs the real command line (subprocesses) through a day's work and walks the
whole folder. The others check each kind of file on its own under the common umask 022, so the
umask the program sets at start-up (belt and braces) is not what makes them pass.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from datetime import date

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.files import secure_data_folder
from dor_desktop.config.logs import setup_logging
from dor_desktop.config.paths import Paths
from dor_desktop.sandbox.database import connect as sandbox_connect
from dor_desktop.storage.db import Database
from dor_desktop.storage.migrate import backup
from dor_desktop.sync.owner_lock import SyncOwnerLock
from tests.file_modes import common_umask, loose_modes

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows uses an access list (README)")


def test_a_days_work_on_the_command_line_leaves_only_private_files(cli, home, tmp_path, make_purchase):
    purchase = tmp_path / "purchase.json"
    purchase.write_text(json.dumps([make_purchase(), make_purchase()]), encoding="utf-8")
    assert cli("register", "add", "--json", str(purchase)).returncode == 0
    assert cli("sync", "--until-empty", "--max-wait", "30").returncode == 0
    for fmt in ("csv", "pdf"):
        out = home / "exports" / f"register.{fmt}"
        done = cli("export", "--from", "2000-01-01", "--to", "2099-12-31", "--format", fmt, "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 0
    assert cli("verify").returncode == 0
    assert cli("register", "list").returncode == 0

    written = {p.relative_to(home).as_posix() for p in home.rglob("*")}
    assert {
        "practice/register.sqlite3",
        "practice/sandbox/sandbox.sqlite3",
        "logs/dor-desktop.log",
    } <= written
    assert loose_modes(home) == []


def test_an_old_world_readable_data_folder_is_narrowed_at_start(cli, home):
    (home / "practice" / "drafts").mkdir(parents=True)
    for folder in (home, home / "practice", home / "practice" / "drafts"):
        folder.chmod(0o755)
    old = home / "practice" / "drafts" / "current.json"
    old.write_text("{}", encoding="utf-8")
    old.chmod(0o644)
    assert cli("config", "show").returncode == 0
    assert loose_modes(home) == []


def test_the_register_and_its_wal_and_shm_files_are_private(tmp_path):
    with common_umask():
        db = Database(tmp_path / "data" / "register.sqlite3")
        with db.write() as session:
            session.connection().exec_driver_sql("CREATE TABLE t (x)")
            session.connection().exec_driver_sql("INSERT INTO t VALUES (1)")
        with db.read() as session:  # a reader keeps -wal and -shm in place
            session.connection().exec_driver_sql("SELECT * FROM t").all()
            names = {p.name for p in (tmp_path / "data").iterdir()}
            assert {"register.sqlite3-wal", "register.sqlite3-shm"} <= names
            assert loose_modes(tmp_path / "data") == []
        db.close()


def test_a_register_an_older_version_left_readable_is_narrowed_with_its_wal(tmp_path):
    path = tmp_path / "register.sqlite3"
    with common_umask():
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (x)")
        wal = tmp_path / "register.sqlite3-wal"
        assert wal.exists() and (path.stat().st_mode & 0o777) == 0o644
        db = Database(path)
        assert (path.stat().st_mode & 0o777) == 0o600 and (wal.stat().st_mode & 0o777) == 0o600
        db.close()
        connection.close()


def test_backups_before_a_migration_are_private(tmp_path):
    with common_umask():
        db = Database(tmp_path / "register.sqlite3")
        with db.write() as session:
            session.connection().exec_driver_sql("CREATE TABLE t (x)")
        made = backup(db, tmp_path / "backups", "test")
        db.close()
    assert (made.stat().st_mode & 0o777) == 0o600
    assert (made.parent.stat().st_mode & 0o777) == 0o700


def test_the_sandbox_database_is_private(tmp_path):
    with common_umask():
        connection = sandbox_connect(tmp_path / "sandbox" / "sandbox.sqlite3")
        connection.close()
    assert loose_modes(tmp_path / "sandbox") == []


def test_every_log_file_is_private_also_after_rotation(tmp_path):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        with common_umask():
            path = setup_logging(tmp_path / "logs")
            handler = root.handlers[-1]
            handler.maxBytes = 200  # type: ignore[attr-defined]
            for number in range(20):
                logging.getLogger("dor_desktop.test").warning("line %d %s", number, "x" * 50)
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert (path.parent / "dor-desktop.log.1").exists()
    assert loose_modes(tmp_path / "logs") == []


def test_the_queue_lock_file_is_private(tmp_path):
    with common_umask():
        lock = SyncOwnerLock(tmp_path / "register.sqlite3")
        lock.acquire()
        lock.release()
    assert loose_modes(tmp_path) == []


def test_an_export_is_private_and_the_practice_folder_too(home, make_purchase, commit):
    commit()
    with common_umask():
        app = open_app(Paths(home))
        try:
            from dor_desktop.services.inspection import export

            export(app, date(2000, 1, 1), date(2099, 12, 31), "csv", home / "export.csv")
        finally:
            app.close()
    assert (home / "export.csv").stat().st_mode & 0o777 == 0o600
    assert loose_modes(home / "practice") == []


def test_secure_data_folder_makes_a_new_folder_private(tmp_path):
    with common_umask():
        secure_data_folder(tmp_path / "new" / "DOR Desktop")
    assert loose_modes(tmp_path / "new") == []


def test_a_folder_that_is_not_a_data_folder_is_not_narrowed(tmp_path):
    """A mistyped DOR_DESKTOP_HOME pointing at someone's documents leaves their modes alone."""
    documents = tmp_path / "documents"
    documents.mkdir()
    documents.chmod(0o755)
    letter = documents / "letter.txt"
    letter.write_text("x", encoding="utf-8")
    letter.chmod(0o644)
    secure_data_folder(documents)
    assert documents.stat().st_mode & 0o777 == 0o755 and letter.stat().st_mode & 0o777 == 0o644
