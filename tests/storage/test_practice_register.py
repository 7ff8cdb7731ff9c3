"""Practice mode opens a register of its own; the legal register is opened only with a DOR set."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths
from dor_desktop.services.context import PRACTICE_ENDPOINT, REAL_ENDPOINT
from dor_desktop.storage import migrate
from tests.conftest import KEYED, register_connection


def _settings(home: Path, **values: object) -> None:
    (home / "settings.json").write_text(json.dumps(values), encoding="utf-8")


def test_without_a_dor_the_practice_register_is_opened(tmp_path: Path):
    app = open_app(Paths(tmp_path), environ=KEYED)
    try:
        assert app.practice and app.dor_endpoint == PRACTICE_ENDPOINT
        assert app.paths.database == tmp_path / "practice" / "register.sqlite3"
        assert app.paths.drafts.parent == app.paths.images.parent == tmp_path / "practice"
    finally:
        app.close()
    assert not (tmp_path / "register.sqlite3").exists()


def test_with_a_dor_the_legal_register_is_opened(tmp_path: Path):
    _settings(tmp_path, dor_url="https://dor.example.invalid/api/", dor_client_id="shop-1")
    app = open_app(Paths(tmp_path), environ=KEYED)
    try:
        assert not app.practice and app.dor_endpoint == REAL_ENDPOINT
        assert app.paths.database == tmp_path / "register.sqlite3"
    finally:
        app.close()


def test_the_environment_chooses_the_legal_register_too(tmp_path: Path):
    app = open_app(Paths(tmp_path), environ={**KEYED, "DOR_DESKTOP_DOR_URL": "https://DOR.example.invalid"})
    try:
        assert not app.practice and app.dor_endpoint == REAL_ENDPOINT
    finally:
        app.close()


def test_a_0_1_data_folder_still_in_practice_moves_its_register_to_the_practice_folder(tmp_path: Path):
    """0.1 synced its only register to the sandbox: in practice mode that register is practice data."""
    first = open_app(Paths(tmp_path), environ=KEYED)
    first.close()
    (tmp_path / "practice").rename(tmp_path / "old")  # what 0.1 left: the register in the data folder
    (tmp_path / "old" / "register.sqlite3").rename(tmp_path / "register.sqlite3")
    (tmp_path / "sandbox").mkdir()
    (tmp_path / "sandbox" / "sandbox.sqlite3").write_bytes(b"")

    app = open_app(Paths(tmp_path), environ=KEYED)
    try:
        assert app.practice and app.paths.database.is_file()
    finally:
        app.close()
    assert not (tmp_path / "register.sqlite3").exists()
    assert (tmp_path / "practice" / "sandbox" / "sandbox.sqlite3").exists()


def test_a_register_that_never_talked_to_the_sandbox_is_not_moved(tmp_path: Path):
    """A legal register opened once without its DOR in the environment stays where it is."""
    legal = open_app(Paths(tmp_path), environ={**KEYED, "DOR_DESKTOP_DOR_URL": "https://dor.example.invalid"})
    legal.close()
    practice = open_app(Paths(tmp_path), environ=KEYED)
    practice.close()
    assert (
        tmp_path / "register.sqlite3"
    ).is_file() and practice.paths.database != tmp_path / "register.sqlite3"


def test_a_large_register_reports_progress_while_it_is_backed_up_and_migrated(tmp_path: Path, monkeypatch):
    app = open_app(Paths(tmp_path), environ=KEYED)
    app.close()
    database = tmp_path / "practice" / "register.sqlite3"
    with closing(register_connection(database)) as connection, connection:
        connection.execute("CREATE TABLE ballast (data BLOB)")
        connection.executemany("INSERT INTO ballast VALUES (randomblob(4000))", [()] * 3000)
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
        for trigger in ("register_entry_purge_only", "entry_personal_no_delete", "entry_personal_purge_only"):
            connection.execute(f"DROP TRIGGER {trigger}")  # back from 0005 to 0001
        connection.execute("DROP TRIGGER register_entry_no_update")
        connection.execute(
            "CREATE TRIGGER register_entry_no_update BEFORE UPDATE ON register_entry "
            "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END"
        )
        connection.execute("DROP TRIGGER outbox_payload_frozen")
        connection.execute(
            "CREATE TRIGGER outbox_payload_frozen BEFORE UPDATE OF payload, idempotency_key ON outbox "
            "BEGIN SELECT RAISE(ABORT, 'an outbox payload is frozen at commit'); END"
        )
        connection.execute("DELETE FROM sync_state WHERE key = 'chain_format_2_from_id'")
        connection.execute("DROP TABLE entry_personal")
        connection.execute("ALTER TABLE register_entry DROP COLUMN chain_format")
        connection.execute("ALTER TABLE register_entry DROP COLUMN personal_commitment")
        connection.execute("DROP TRIGGER outbox_endpoint_fixed")
        connection.execute("ALTER TABLE outbox DROP COLUMN dor_endpoint")
        connection.execute("DROP TABLE account")  # made by 0004
        connection.execute("DROP TABLE audit_log")
        for trigger in ("alert_state_by_event", "alert_facts_fixed", "alert_no_delete"):
            connection.execute(f"DROP TRIGGER {trigger}")  # made by 0003
        connection.execute("DROP TABLE alert_event")
        connection.execute("DROP INDEX ix_entry_committed_at")
    monkeypatch.setattr(migrate, "BACKUP_STEP_PAGES", 100)
    heard: list[tuple[str, int, int]] = []

    app = open_app(
        Paths(tmp_path),
        environ=KEYED,
        progress=lambda *step: heard.append(step),
        on_settings=lambda settings: heard.append(("settings", 0, 0)),
    )
    app.close()

    assert heard[0] == ("settings", 0, 0)  # the window knows the shop's language before the wait

    backup = [step for step in heard if step[0] == "backup"]
    assert len(backup) >= 10 and backup[-1][1] == backup[-1][2]  # many steps, the last one complete
    assert heard[-2:] == [("migrate", 0, 1), ("migrate", 1, 1)]


def test_an_unusable_dor_address_in_the_environment_opens_no_register(tmp_path: Path):
    import pytest

    from dor_desktop.errors import UserError

    with pytest.raises(UserError, match="DOR address cannot be used"):
        open_app(Paths(tmp_path), environ={**KEYED, "DOR_DESKTOP_DOR_URL": "http://localhost@evil.example/"})
    assert not (tmp_path / "register.sqlite3").exists()
