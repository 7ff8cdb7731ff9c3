"""``verify`` and ``config`` from the command line."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from dor_desktop.domain.clock import local_date
from dor_desktop.domain.rules import load_pack


def test_verify_a_good_register(cli, commit):
    commit()
    commit()
    result = cli("verify")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "register OK: 2 entries, hash chain and numbering intact\n"
        "DOR anchor OK: the register holds what the DOR acknowledged (counters K1)\n",
        "",
    )


def test_verify_an_empty_register(run_main):
    assert run_main("verify", "--local").out == "register OK: 0 entries, hash chain and numbering intact\n"


def test_config_show_lists_settings_and_rule_packs(run_main, home):
    outcome = run_main("config", "show")
    assert outcome.code == 0
    assert f"data folder: {home}" in outcome.out
    assert "counter_prefix = K1" in outcome.out
    assert "default (7 calendar days)" in outcome.out and "bill-36036 (5 working days)" in outcome.out


def test_a_new_counter_prefix_and_rule_pack_apply_to_the_next_purchase(
    cli, run_main, tmp_path, make_purchase
):
    assert run_main("config", "set", "counter_prefix", "K2").out == "counter_prefix = K2\n"
    assert run_main("config", "set", "rule_pack", "bill-36036").code == 0
    path = tmp_path / "p.json"
    path.write_text(json.dumps(make_purchase()), encoding="utf-8")
    number = cli("register", "add", "--json", str(path)).stdout.split()[0]
    shown = json.loads(run_main("register", "show", number, "--json").out)
    registered = datetime.fromisoformat(shown["summary"]["committed_at"].replace("Z", "+00:00"))
    five_working_days = load_pack("bill-36036").hold_ends(local_date(registered)).isoformat()
    assert (number, shown["hold_until"]) == ("K2-000001", five_working_days)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("counter_prefix", "k-1", "counter_prefix must be 1-8 capital letters or digits"),
        ("retention_years", "four", "retention_years takes a whole number"),
        ("retention_years", "99", "retention_years must be between 1 and 20"),
        ("keep_id_images", "maybe", "keep_id_images takes true or false"),
        ("rule_pack", "nope", "unknown rule pack 'nope'"),
        ("colour", "blue", "unknown setting 'colour'"),
        ("dor_url", "http://example.org", "dor_url must be https://"),
    ],
)
def test_a_bad_setting_is_refused_and_nothing_is_saved(run_main, home, key, value, message):
    outcome = run_main("config", "set", key, value)
    assert outcome.code == 2 and len(outcome.err.splitlines()) == 1 and message in outcome.err
    assert not (home / "settings.json").exists()


def test_a_bad_setting_through_the_real_process(cli, home):
    result = cli("config", "set", "counter_prefix", "k-1")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("dor-desktop: error: invalid settings: counter_prefix")


def test_a_damaged_settings_file_is_one_clear_line(run_main, home):
    (home / "settings.json").write_text("{not json", encoding="utf-8")
    outcome = run_main("register", "list")
    assert outcome.code == 2 and outcome.err.startswith("dor-desktop: error: cannot read settings")
    assert len(outcome.err.splitlines()) == 1
