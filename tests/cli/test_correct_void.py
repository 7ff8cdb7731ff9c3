"""``register correct`` and ``register void`` from the command line: new entries, reasons, refusals."""

from __future__ import annotations

import json
from contextlib import closing

from tests.conftest import register_connection


def test_correct_then_void_then_show_the_history(cli, run_main, commit, tmp_path, make_purchase):
    commit()
    fixed = make_purchase()
    fixed["items"][0]["price"] = {"value": "110.00", "currency": "EUR"}
    (tmp_path / "fixed.json").write_text(json.dumps(fixed), encoding="utf-8")

    corrected = cli(
        "register", "correct", "K1-000001", "--json", str(tmp_path / "fixed.json"), "--reason", "wrong price"
    )
    assert corrected.returncode == 0, corrected.stderr
    assert corrected.stdout.split()[0] == "K1-000002"

    voided = cli("register", "void", "K1-000002", "--reason", "entered twice")
    assert voided.returncode == 0 and voided.stdout.split()[0] == "K1-000003"

    again = run_main("register", "void", "K1-000002", "--reason", "entered twice")
    assert (again.code, again.err) == (2, "dor-desktop: error: K1-000002 was already voided by K1-000003\n")

    history = run_main("register", "show", "K1-000002")
    assert "refers to K1-000001: wrong price" in history.out
    assert "void by K1-000003" in history.out
    assert "total: EUR 110.00" in history.out


def test_an_invalid_correction_lists_its_problems_and_stores_nothing(
    run_main, commit, tmp_path, make_purchase, home
):
    commit()
    bad = make_purchase()
    bad["items"][0]["price"] = "0"
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    outcome = run_main(
        "register", "correct", "K1-000001", "--json", str(tmp_path / "bad.json"), "--reason", "x"
    )
    assert outcome.code == 1
    assert outcome.err.splitlines() == [
        "the correction rejected, nothing stored:",
        "  error: items[0].price: the amount must be more than zero [invalid_amount]",
    ]
    with closing(register_connection(home / "practice" / "register.sqlite3")) as connection:
        assert connection.execute("SELECT count(*) FROM register_entry").fetchone()[0] == 1


def test_a_void_on_police_hold_is_refused(run_main, commit, home):
    commit()
    with closing(register_connection(home / "practice" / "register.sqlite3")) as connection, connection:
        connection.execute(
            "INSERT INTO alert (entry_id, hit_id, match_type, matched_field, matched_value, source, "
            "instructions, origin, status, received_at, release_note) "
            "VALUES (1, 'H1', 'exact', 'imei', '490154203237518', "
            "'POLITIE', 'keep the item', 'notification', 'active', '2026-11-23T10:00:00.000000Z', '')"
        )
    outcome = run_main("register", "void", "K1-000001", "--reason", "sold elsewhere")
    assert (outcome.code, outcome.err) == (
        2,
        "dor-desktop: error: K1-000001 is on police hold and cannot be voided "
        "until the police release the goods\n",
    )
    shown = run_main("register", "show", "K1-000001")
    assert "HIT (active): imei 490154203237518 (exact)" in shown.out


def test_a_reason_is_required_by_the_parser(run_main, commit):
    commit()
    outcome = run_main("register", "void", "K1-000001")
    assert outcome.code == 2 and "the following arguments are required: --reason" in outcome.err
