"""``dor-desktop accounts`` and ``audit list``: the command line acts as the OS account's owner, and
``--as NAME`` as a clerk, who is refused what the clerk's role does not allow (exit 1)."""

from __future__ import annotations

import getpass
import json
from datetime import date, timedelta

import pytest

CLI_ACTOR = f"cli:{getpass.getuser()}"


@pytest.fixture
def pin(monkeypatch):
    monkeypatch.setenv("DOR_DESKTOP_PIN", "2468")
    return "2468"


def test_the_owner_manages_accounts_from_the_command_line(run_main, pin):
    assert run_main("accounts", "add", "Anna", "--role", "clerk").out == "added Anna (clerk)\n"
    assert run_main("accounts", "set-role", "anna", "manager").out == "Anna is now manager\n"
    assert run_main("accounts", "reset-pin", "Anna").out == "Anna has a new PIN\n"
    assert run_main("accounts", "deactivate", "Anna").out == "Anna is deactivated\n"
    listed = json.loads(run_main("accounts", "list", "--json").out)
    assert [(a["name"], a["role"], a["active"]) for a in listed] == [("Anna", "manager", False)]
    again = run_main("accounts", "add", "ANNA", "--role", "clerk")
    assert (again.code, again.err) == (2, "dor-desktop: error: there is already an account named 'ANNA'\n")


def test_a_clerk_acting_from_the_command_line_is_refused_with_one_line(run_main, pin, commit):
    number = commit()
    run_main("accounts", "add", "Anna", "--role", "clerk")
    void = run_main("--as", "Anna", "register", "void", number, "--reason", "withdrawn")
    assert (void.code, void.err) == (
        1,
        "dor-desktop: error: Anna (clerk) may not void entries: that needs the manager role\n",
    )
    listing = run_main("--as", "Anna", "audit", "list")
    assert listing.code == 1 and "needs the owner role" in listing.err
    wrong = run_main("--as", "Anna", "register", "list")
    assert wrong.code == 0  # a clerk may look the register up
    run_main("accounts", "deactivate", "Anna")
    gone = run_main("--as", "Anna", "register", "list")
    assert (gone.code, gone.err) == (1, "dor-desktop: error: wrong name or PIN\n")


def test_audit_list_shows_who_exported_and_who_looked_at_a_seller(run_main, pin, commit, tmp_path):
    jansen = commit()
    address = {"street": "Laan", "house_number": "1", "postcode": "1234 AB", "city": "Ede"}
    other = commit(seller={"family_name": "Bakker", "given_names": "Els", "address": address})
    run_main("accounts", "add", "Anna", "--role", "manager")
    today = date.today().isoformat()
    assert run_main("--as", "Anna", "export", "--from", today, "--to", today, "--format", "csv",
                    "--out", str(tmp_path / "r.csv")).code == 0  # fmt: skip
    assert run_main("--as", "Anna", "register", "show", jansen).code == 0
    assert run_main("register", "show", other).code == 0

    exports = json.loads(
        run_main("audit", "list", "--from", today, "--to", today, "--action", "export", "--json").out
    )
    assert [(r["actor"], r["actor_role"], r["reference"], r["detail"]) for r in exports] == [
        ("Anna", "manager", f"{today}..{today}", "csv, 2 entries")
    ]
    looked = run_main("audit", "list", "--seller", "Jansen").out.splitlines()
    assert len(looked) == 1 and "Anna" in looked[0] and "view_entry" in looked[0] and jansen in looked[0]
    by_entry = json.loads(run_main("audit", "list", "--entry", other.lower(), "--json").out)
    assert [(r["actor"], r["action"]) for r in by_entry] == [(CLI_ACTOR, "view_entry")]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    empty = run_main("audit", "list", "--from", tomorrow)
    assert (empty.code, empty.out, empty.err) == (0, "", "no audit rows\n")
    unknown = run_main("audit", "list", "--seller", "Nobody")
    assert (unknown.code, unknown.err) == (
        2,
        "dor-desktop: error: no entries of a seller whose name starts with 'Nobody'\n",
    )


def test_the_command_line_records_itself_as_the_os_owner_and_stamps_the_entries(cli, make_purchase, home):
    added = cli("register", "add", "--json", "-", stdin=json.dumps(make_purchase(clerk="Typed")))
    assert added.returncode == 0, added.stderr
    shown = json.loads(cli("register", "show", "K1-000001", "--json").stdout)
    assert shown["payload"]["clerk"] == CLI_ACTOR
    assert cli("config", "set", "language", "en").returncode == 0
    rows = json.loads(cli("audit", "list", "--json").stdout)
    assert [(r["actor"], r["actor_role"], r["action"]) for r in rows] == [
        (CLI_ACTOR, "owner", "settings_change"),
        (CLI_ACTOR, "owner", "view_entry"),
    ]
    assert cli("verify").returncode == 0
