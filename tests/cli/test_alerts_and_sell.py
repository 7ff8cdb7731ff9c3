"""`dor-desktop alerts` and `dor-desktop sell` end to end, with their refusals as one clear line."""

from __future__ import annotations

import json

from tests.conftest import register_connection


def committed_number(cli, make_purchase, **changes) -> str:
    result = cli("register", "add", "--json", "-", stdin=json.dumps(make_purchase(**changes)))
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[0]


def test_sell_during_the_hold_period_is_refused(cli, make_purchase):
    number = committed_number(cli, make_purchase)
    result = cli("sell", number, "--line", "1", "--price", "99.00")
    assert result.returncode == 2
    assert "hold period runs until" in result.stderr
    assert "Traceback" not in result.stderr


def test_sell_after_the_hold_period_is_recorded(cli, commit):
    number = commit(acquired_at="2026-01-05T10:00:00+01:00")  # bought and registered in January
    result = cli("sell", number, "--line", "1", "--price", "99,50", "--buyer", "K. Koper")
    assert result.returncode == 0, result.stderr
    shown = json.loads(cli("register", "show", number, "--json").stdout)
    assert shown["sales"][0]["price"] == "99.50"
    again = cli("sell", number, "--line", "1", "--price", "99.50")
    assert again.returncode == 2 and "already sold" in again.stderr


def test_alerts_list_is_empty_and_unknown_release_is_clear(cli, make_purchase):
    committed_number(cli, make_purchase)
    assert cli("alerts", "list").stdout.strip() == "no open hits"
    assert json.loads(cli("alerts", "list", "--json").stdout) == []
    result = cli("alerts", "release", "42", "--note", "PV 1")
    assert result.returncode == 2 and "no alert 42" in result.stderr


def test_a_recorded_sale_reaches_the_dor_as_an_event(cli, commit, home):
    from contextlib import closing

    number = commit(acquired_at="2026-01-05T10:00:00+01:00")
    assert cli("sell", number, "--line", "1", "--price", "120.00").returncode == 0
    synced = cli("sync", "--until-empty", "--max-wait", "60")
    assert synced.returncode == 0, synced.stderr

    with closing(register_connection(home / "practice" / "register.sqlite3")) as connection:
        states = dict(connection.execute("SELECT kind, state FROM outbox").fetchall())
    assert states == {"registration": "acknowledged", "event": "acknowledged"}


def test_a_back_dated_purchase_cannot_be_sold_before_the_hold_from_its_registration(cli, make_purchase):
    """Issue 10: a purchase entered today, dated 20 days back, was sellable at once."""
    from datetime import UTC, datetime, timedelta

    twenty_days_ago = (datetime.now(UTC) - timedelta(days=20)).isoformat()
    number = committed_number(
        cli, make_purchase, acquired_at=twenty_days_ago, late_entry_reason="stroomstoring"
    )
    result = cli("sell", number, "--line", "1", "--price", "99.00")
    assert result.returncode == 2 and "hold period runs until" in result.stderr
