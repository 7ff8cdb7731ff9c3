"""Issue 10, reproduced from the command line: the police hold escaped through supported commands,
deleted alerts lifted it unnoticed, and deleted or rewritten acknowledged entries passed ``verify``.

Every step runs the real ``dor-desktop`` against the practice sandbox (started in-process by the
command, on loopback), on a real register file.
"""

from __future__ import annotations

import json
from contextlib import closing

import pytest
import sqlcipher3

from tests.conftest import register_connection
from tests.storage.test_anchor import _rewrite_whole_chain
from tests.storage.test_verify import tamper

STOLEN_IMEI = "358410209477958"  # resources/sandbox/README.md: an exact hit
CLEAN_IMEI = "490154203237518"


def _register(home):
    return home / "practice" / "register.sqlite3"


def _add(cli, make_purchase, imei: str = CLEAN_IMEI) -> str:
    data = make_purchase()
    data["items"][0]["imei"] = imei
    result = cli("register", "add", "--json", "-", stdin=json.dumps(data))
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[0]


def _sync(cli) -> None:
    synced = cli("sync", "--until-empty", "--max-wait", "60")
    assert synced.returncode == 0, synced.stderr


@pytest.fixture
def on_hold(cli, make_purchase, home, tmp_path):
    """K1-000001 holds the sandbox's stolen phone; the DOR's hit is stored. Returns clean.json."""
    assert _add(cli, make_purchase, STOLEN_IMEI) == "K1-000001"
    _sync(cli)
    listed = json.loads(cli("alerts", "list", "--json").stdout)
    assert [(a["register_number"], a["matched_value"]) for a in listed] == [("K1-000001", STOLEN_IMEI)]
    clean = make_purchase()
    clean["items"][0]["imei"] = CLEAN_IMEI
    (tmp_path / "clean.json").write_text(json.dumps(clean), encoding="utf-8")
    return tmp_path / "clean.json"


def _entries(home) -> int:
    with closing(register_connection(_register(home))) as connection:
        return connection.execute("SELECT count(*) FROM register_entry").fetchone()[0]


def test_goods_on_police_hold_cannot_be_corrected_away_voided_or_sold(cli, home, on_hold):
    corrected = cli("register", "correct", "K1-000001", "--json", str(on_hold), "--reason", "typo")
    assert corrected.returncode == 2
    assert corrected.stderr == (
        "dor-desktop: error: K1-000001 is on police hold and cannot be corrected "
        "until the police release the goods\n"
    )
    voided = cli("register", "void", "K1-000001", "--reason", "seller withdrew")
    assert voided.returncode == 2 and "on police hold and cannot be voided" in voided.stderr
    sold = cli("sell", "K1-000001", "--line", "1", "--price", "50.00")
    assert sold.returncode == 2 and "police hold" in sold.stderr
    assert _entries(home) == 1


def test_after_the_police_release_the_correction_goes_through(cli, on_hold):
    alert_id = str(json.loads(cli("alerts", "list", "--json").stdout)[0]["alert_id"])
    assert cli("alerts", "release", alert_id, "--note", "PV 2026-0001, agent 4411").returncode == 0
    corrected = cli("register", "correct", "K1-000001", "--json", str(on_hold), "--reason", "typo")
    assert corrected.returncode == 0, corrected.stderr
    assert corrected.stdout.split()[0] == "K1-000002"
    assert cli("verify").returncode == 0


def test_deleting_the_hit_is_refused_and_with_the_triggers_dropped_verify_fails(cli, home, on_hold):
    with closing(register_connection(_register(home))) as connection, pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("DELETE FROM alert")
    tamper(
        _register(home),
        "DROP TRIGGER alert_no_delete",
        "DROP TRIGGER alert_event_no_delete",
        "DELETE FROM alert",
    )
    result = cli("verify")
    assert result.returncode == 1
    assert "verify FAILED after 1 good entries: alert 1 was removed" in result.stderr
    assert "Traceback" not in result.stderr


def test_deleted_acknowledged_entries_are_found_by_the_dors_anchor(cli, make_purchase, home):
    for _ in range(3):
        _add(cli, make_purchase)
    _sync(cli)
    assert cli("verify").returncode == 0
    newest = "(SELECT id FROM register_entry ORDER BY id DESC LIMIT 2)"
    tamper(
        _register(home),
        f"DELETE FROM entry_item WHERE entry_id IN {newest}",
        f"DELETE FROM outbox WHERE entry_id IN {newest}",
        f"DELETE FROM register_entry WHERE id IN {newest}",
    )

    result = cli("verify")

    assert result.returncode == 1
    assert result.stdout == "register OK: 1 entries, hash chain and numbering intact\n"
    assert result.stderr == (
        "dor-desktop: verify FAILED against the DOR: counter K1: the DOR acknowledged entries up to "
        "K1-000003, but the register ends at K1-000001: 2 acknowledged entries are missing\n"
    )
    assert cli("verify", "--local").returncode == 0  # what the local chain alone could say


def test_a_consistently_rewritten_chain_is_found_by_the_dors_anchor(cli, make_purchase, home):
    for _ in range(2):
        _add(cli, make_purchase)
    _sync(cli)
    _rewrite_whole_chain(_register(home))

    result = cli("verify")

    assert result.returncode == 1
    assert "register OK: 2 entries" in result.stdout
    assert "verify FAILED against the DOR: counter K1: K1-000002 is not the entry the DOR acknowledged" in (
        result.stderr
    )


def test_verify_says_plainly_when_the_dor_could_not_be_asked(cli_at, home, commit):
    import socket

    commit()  # a practice entry; the legal register below is empty
    with socket.socket() as closed:  # a loopback port with nobody listening
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    environment = {
        "DOR_DESKTOP_DOR_URL": f"http://127.0.0.1:{port}",
        "DOR_DESKTOP_CLIENT_ID": "shop",
        "DOR_DESKTOP_CLIENT_SECRET": "secret",
    }
    with pytest.MonkeyPatch.context() as patch:
        for key, value in environment.items():
            patch.setenv(key, value)
        result = cli_at(home, "verify")
        without_secret = _without_secret(cli_at, home, patch)

    assert result.returncode == 0
    assert result.stdout == "register OK: 0 entries, hash chain and numbering intact\n"
    assert result.stderr.startswith("dor-desktop: warning: the DOR could not be asked what it acknowledged (")
    assert result.stderr.endswith("); only the local chain was checked\n")
    assert len(result.stderr.splitlines()) == 1
    assert without_secret.returncode == 0 and "could not be asked" in without_secret.stderr


def _without_secret(cli_at, home, patch):
    patch.delenv("DOR_DESKTOP_CLIENT_SECRET")
    return cli_at(home, "verify")
