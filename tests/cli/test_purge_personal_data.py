"""``dor-desktop purge-personal-data``: sellers' personal data gone after the retention, verify passes.

End to end: the entries are sent to the real sandbox DOR (which acknowledges them), then purged as
of six years later, then read back by every command that shows an entry.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

PERSONAL = ("Jansen", "Pieter", "NX12AB3C4", "Dorpsstraat", "1980-04-01")


def test_after_a_purge_six_years_on_no_command_shows_personal_data(
    cli, commit, run_main, home: Path, tmp_path
):
    old = commit(acquired_at="2026-01-05T10:00:00+01:00")
    synced = cli("sync", "--until-empty", "--max-wait", "60")
    assert synced.returncode == 0, synced.stderr

    dry = run_main("purge-personal-data", "--dry-run", "--as-of", "2032-01-06")
    assert dry.code == 0 and dry.out.startswith(
        "would purge the personal data of 1 entries bought before 2028-01-06"
    )
    assert "Jansen" in run_main("register", "show", old).out  # a dry run changes nothing

    done = run_main("purge-personal-data", "--as-of", "2032-01-06")
    assert done.code == 0 and done.out.startswith("purged the personal data of 1 entries"), done.out

    verified = run_main("verify")
    assert verified.code == 0 and verified.out.startswith("register OK: 1 entries"), verified.err
    shown = run_main("register", "show", old)
    shown_json = run_main("register", "show", old, "--json")
    listed = run_main("register", "list")
    listed_json = run_main("register", "list", "--json")
    out = tmp_path / "register.csv"
    exported = run_main(
        "export", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--out", str(out)
    )
    assert exported.code == 0
    for text in (shown.out, shown_json.out, listed.out, listed_json.out, out.read_text(encoding="utf-8")):
        assert [word for word in PERSONAL if word in text] == [], text
    assert "seller: (removed)" in shown.out and "(removed)" in listed.out
    assert json.loads(shown_json.out)["summary"]["personal_purged"] is True
    assert json.loads(shown_json.out)["payload"]["items"][0]["imei"] == "490154203237518"  # the goods stay
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines(), delimiter=";"))
    assert any("(verwijderd na bewaartermijn)" in cell for row in rows for cell in row), rows
    assert run_main("register", "list", "--search", "Jansen").out == ""


def test_an_entry_not_yet_acknowledged_by_the_dor_is_kept_and_named(commit, run_main):
    number = commit(acquired_at="2026-01-05T10:00:00+01:00")
    outcome = run_main("purge-personal-data", "--as-of", "2032-01-06")
    assert outcome.code == 0
    assert f"kept {number}: the DOR has not acknowledged its registration yet" in outcome.out
    assert "Jansen" in run_main("register", "show", number).out


def test_a_bad_as_of_date_is_a_usage_error(run_main):
    outcome = run_main("purge-personal-data", "--as-of", "6 years on")
    assert outcome.code == 2 and "is not a date" in outcome.err


def test_verify_says_how_many_old_format_entries_it_could_check_by_their_links_only(run_main, monkeypatch):
    from dor_desktop.services import inspection
    from dor_desktop.storage.verify import VerifyReport

    # The register side is tested in tests/storage/test_personal_data.py; here only what is printed.
    monkeypatch.setattr(inspection, "verify", lambda _app: VerifyReport(3, link_only=2))
    outcome = run_main("verify")
    assert outcome.code == 0
    assert outcome.out.splitlines()[1].startswith("2 entries from before chain format 2 had their personal data")
    assert "checked by their links only" in outcome.out


def test_a_purge_is_the_owners_and_is_in_the_audit_log(cli, commit, run_main, monkeypatch):
    commit(acquired_at="2026-01-05T10:00:00+01:00")
    assert cli("sync", "--until-empty", "--max-wait", "60").returncode == 0
    monkeypatch.setenv("DOR_DESKTOP_PIN", "2468")
    run_main("accounts", "add", "Bram", "--role", "manager")
    refused = run_main("--as", "Bram", "purge-personal-data", "--as-of", "2032-01-06")
    assert refused.code == 1 and "may not purge personal data" in refused.err

    assert run_main("purge-personal-data", "--as-of", "2032-01-06").code == 0
    logged = json.loads(run_main("audit", "list", "--action", "purge_personal_data", "--json").out)
    assert [(row["reference"], row["detail"]) for row in logged] == [("before 2028-01-06", "1 entries")]
