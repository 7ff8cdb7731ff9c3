"""The register at rest: encrypted file, WAL and backups; its key in the keyring; plain files encrypted.

Everything runs the real start-up path (``open_app``) on real files, with the tests' keyring.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths
from dor_desktop.errors import UserError
from dor_desktop.services import backup
from dor_desktop.storage import migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.keys import ENV_DB_KEY, DbKey, FileState, file_state, load_key
from dor_desktop.storage.verify import verify
from tests.conftest import TEST_DB_KEY, register_connection

from .conftest import NOW, make_register

NAME = b"Zwartkopf"
DOCUMENT = b"NX12AB3C4"

#: keyrings.alt's encrypted backend calls pycryptodome's PBKDF2 with its old defaults; the warning is
#: about that third-party code, not ours, and the backend exists here only as a test stand-in.
pytestmark = pytest.mark.filterwarnings("ignore:PBKDF2 without:DeprecationWarning")


@pytest.fixture
def zwartkopf(purchase):
    """Bought now: ``open_app``'s register runs on the real clock (a purchase dated days back is a
    late entry that needs a reason)."""
    return purchase(
        acquired_at=datetime.now(UTC).isoformat(),
        seller={
            "family_name": NAME.decode(),
            "given_names": "Pieter",
            "date_of_birth": "1980-04-01",
            "address": {
                "street": "Dorpsstraat",
                "house_number": "12a",
                "postcode": "3511 AB",
                "city": "Utrecht",
            },
        }
    )


def readable(data: bytes) -> bool:
    return NAME in data or NAME.lower() in data or DOCUMENT in data


def test_the_register_its_wal_and_its_backups_hold_no_name_or_document_number(
    tmp_path: Path, zwartkopf, os_keyring
):
    with open_app(Paths(tmp_path), on_recovery_key=lambda _text: None) as app:
        for _ in range(3):
            app.register.commit_purchase(zwartkopf)
        database = app.paths.database
        wal = database.with_name(database.name + "-wal")
        assert wal.stat().st_size > 0  # the app is open: the entries are still in the WAL
        copies = {"register": database.read_bytes(), "wal": wal.read_bytes()}
        copies["backup"] = backup.backup(app, tmp_path / "backup.sqlite3").read_bytes()
        copies["migration backup"] = migrate.backup(app.db, tmp_path / "b", "0002").read_bytes()
        with register_connection(database, app.db.key) as reader:  # the key does read them
            assert reader.execute("SELECT count(*) FROM register_entry").fetchone()[0] == 3
    assert {name: readable(data) for name, data in copies.items()} == dict.fromkeys(copies, False)
    assert readable(_plain_register(tmp_path / "control", zwartkopf).read_bytes())  # the check itself works


def _plain_register(folder: Path, purchase) -> Path:
    """A register as the version before encryption made it (the same code, no key)."""
    path = folder / "practice" / "register.sqlite3"
    db = Database(path)
    try:
        migrate.upgrade(db, folder / "practice" / "backups")
        for _ in range(2):  # make_register's clock is the tests' NOW
            make_register(db).commit_purchase(replace(purchase, acquired_at=NOW))
    finally:
        db.close()
    return path


def test_the_first_start_makes_a_key_keeps_it_in_the_keyring_and_shows_the_recovery_key_once(
    tmp_path: Path, os_keyring
):
    shown: list[str] = []
    with open_app(Paths(tmp_path), on_recovery_key=shown.append) as app:
        database = app.paths.database
    with open_app(Paths(tmp_path), on_recovery_key=shown.append):
        pass
    assert len(shown) == 1
    assert DbKey.from_recovery_text(shown[0]) == load_key(database)
    assert file_state(database) is FileState.ENCRYPTED
    assert shown[0].encode() not in b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_the_headless_key_is_used_as_given_and_never_stored(tmp_path: Path, os_keyring, monkeypatch):
    monkeypatch.setenv(ENV_DB_KEY, TEST_DB_KEY.raw.hex())
    shown: list[str] = []
    with open_app(Paths(tmp_path), on_recovery_key=shown.append) as app:
        database = app.paths.database
    assert shown == [] and load_key(database) is None
    with register_connection(database, TEST_DB_KEY) as reader:
        assert reader.execute("SELECT count(*) FROM register_entry").fetchone()[0] == 0


def test_a_wrong_key_is_one_clear_error_and_the_register_is_left_alone(tmp_path: Path, monkeypatch):
    with open_app(Paths(tmp_path)) as app:  # the tests' key
        database = app.paths.database
    before = database.read_bytes()
    monkeypatch.setenv(ENV_DB_KEY, "ab" * 32)
    with pytest.raises(UserError, match="cannot be opened with DOR_DESKTOP_DB_KEY.*restore") as refused:
        open_app(Paths(tmp_path))
    assert refused.value.exit_code == 3 and "\n" not in str(refused.value)
    assert database.read_bytes() == before


def test_an_encrypted_register_without_its_key_is_refused_never_given_a_new_one(tmp_path: Path, os_keyring):
    shown: list[str] = []
    with open_app(Paths(tmp_path), environ={ENV_DB_KEY: TEST_DB_KEY.raw.hex()}) as app:
        database = app.paths.database
    before = database.read_bytes()
    for _ in range(2):
        with pytest.raises(
            UserError, match="encrypted and its key is not in this PC's keyring.*restore"
        ) as refused:
            open_app(Paths(tmp_path), on_recovery_key=shown.append)
        assert refused.value.exit_code == 3
    assert shown == [] and load_key(database) is None and database.read_bytes() == before


def test_a_bad_headless_key_is_a_clear_usage_error(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(ENV_DB_KEY, "not-hex")
    with pytest.raises(UserError, match="DOR_DESKTOP_DB_KEY must be 64 hex characters"):
        open_app(Paths(tmp_path))


def test_a_plain_register_is_encrypted_at_the_first_start_with_its_data_and_chain(
    tmp_path: Path, zwartkopf, os_keyring
):
    database = _plain_register(tmp_path, zwartkopf)
    backups = database.parent / "backups"
    backups.mkdir(exist_ok=True)
    plain = Database(database)
    old_backup = migrate.backup(plain, backups, "0001")  # a plain backup an old version left
    plain.close()
    assert readable(database.read_bytes()) and readable(old_backup.read_bytes())

    shown: list[str] = []
    with open_app(Paths(tmp_path), on_recovery_key=shown.append) as app:
        report = verify(app.db)
        listed = app.register.commit_purchase(zwartkopf).register_number
    assert report.ok and report.entries == 2 and listed == "K1-000003"
    assert len(shown) == 1
    files = [p for p in database.parent.rglob("*") if p.is_file()]
    assert {p.name for p in files if p.name.startswith(".")} == set()  # no temporary copy left
    assert [p for p in files if readable(p.read_bytes())] == []  # nothing plain lies around
    with register_connection(old_backup, DbKey.from_recovery_text(shown[0])) as reader:
        assert reader.execute("SELECT count(*) FROM register_entry").fetchone()[0] == 2


def test_two_programs_making_a_new_register_at_once_agree_on_one_key(tmp_path: Path, os_keyring):
    """The window and the command line started together on a new data folder: one key, one file."""
    code = "from dor_desktop.bootstrap.app import open_app; open_app().close()"
    env = {k: v for k, v in os.environ.items() if k != ENV_DB_KEY}
    env["DOR_DESKTOP_HOME"] = str(tmp_path / "home")
    starts = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outcomes = [(p.communicate(timeout=60)[1], p.returncode) for p in starts]
    assert [code for _, code in outcomes] == [0, 0, 0], outcomes
    assert sum("RECOVERY KEY" in err for err, _ in outcomes) == 1
