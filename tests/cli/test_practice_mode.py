"""Practice is not the register: a shop practises, then connects to the DOR (issue 9).

Two real sandboxes on loopback play the two DORs: the bundled one the app starts itself in practice
mode, and another one started here as the "real" DOR. Everything goes through the real command line.
"""

from __future__ import annotations

import json
from pathlib import Path

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.sandbox.server import run_sandbox
from dor_desktop.sync.credentials import ENV_SECRET


def _add(cli, make_purchase, tmp_path: Path, family_name: str) -> str:
    data = make_purchase()
    data["seller"]["family_name"] = family_name
    path = tmp_path / f"{family_name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = cli("register", "add", "--json", str(path))
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[0]


def _listed_names(cli) -> list[str]:
    done = cli("register", "list", "--json")
    assert done.returncode == 0, done.stderr
    return [row["seller_name"] for row in json.loads(done.stdout)]


def test_practice_then_connect_keeps_the_legal_register_clean_and_sends_each_real_entry_once(
    cli, home: Path, make_purchase, tmp_path: Path, monkeypatch
):
    # Day one: practice against the bundled sandbox.
    _add(cli, make_purchase, tmp_path, "Oefening")
    practised = cli("sync", "--until-empty", "--max-wait", "30")
    assert practised.returncode == 0, practised.stderr
    assert "the bundled sandbox" in practised.stdout
    assert "register in use: the practice register" in cli("config", "show").stdout
    assert (home / "practice" / "register.sqlite3").is_file()
    assert not (home / "register.sqlite3").exists()

    # Day two: the shop connects to "the real DOR".
    with run_sandbox(tmp_path / "real-dor.sqlite3") as real_url, SandboxAdmin(real_url) as real_dor:
        monkeypatch.setenv(ENV_SECRET, "sandbox-secret")  # the headless way to give the secret
        assert cli("config", "set", "dor_client_id", "sandbox-shop").returncode == 0
        switched = cli("config", "set", "dor_url", real_url)
        assert switched.returncode == 0, switched.stderr
        assert "legal register is in use" in switched.stdout

        assert "register in use: the legal register" in cli("config", "show").stdout
        assert _listed_names(cli) == []  # the legal register starts empty of practice entries
        first = _add(cli, make_purchase, tmp_path, "Echt")
        assert first.endswith("-000001")  # numbering of the legal register starts afresh
        for _ in range(2):  # a second sync finds nothing more to send
            synced = cli("sync", "--until-empty", "--max-wait", "30")
            assert synced.returncode == 0, synced.stderr
            assert real_url in synced.stdout and "sandbox" not in synced.stdout.split("\n")[0]

        sent = real_dor.registrations()
        assert [r["times_stored"] for r in sent] == [1]
        assert [name.split(",")[0] for name in _listed_names(cli)] == ["Echt"]

    # Back to practice: the practice register is there again, untouched by the legal one.
    assert cli("config", "set", "dor_url", "").returncode == 0
    assert [name.split(",")[0] for name in _listed_names(cli)] == ["Oefening"]


def test_a_practice_register_copied_over_the_legal_one_is_never_sent_and_sync_says_so(
    cli, home: Path, make_purchase, tmp_path: Path, monkeypatch
):
    import shutil

    _add(cli, make_purchase, tmp_path, "Oefening")
    shutil.copy(home / "practice" / "register.sqlite3", home / "register.sqlite3")  # a hand-made mistake
    with run_sandbox(tmp_path / "real-dor.sqlite3") as real_url, SandboxAdmin(real_url) as real_dor:
        monkeypatch.setenv("DOR_DESKTOP_DOR_URL", real_url)
        monkeypatch.setenv("DOR_DESKTOP_CLIENT_ID", "sandbox-shop")
        monkeypatch.setenv(ENV_SECRET, "sandbox-secret")
        done = cli("sync", "--until-empty", "--max-wait", "30")
        assert done.returncode == 1, done.stdout + done.stderr
        assert "1 messages in this register are for another DOR" in done.stdout
        assert real_dor.registrations() == []
