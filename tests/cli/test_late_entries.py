"""Late entries from the command line: a reason is required, the register and the export mark them,
and the export finds them by registration date too (issue 10: back-dating skipped the hold period
and hid the entry from the export of the month it was entered)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta

from dor_desktop.domain.clock import local_date


def _add(cli, make_purchase, tmp_path, **changes):
    path = tmp_path / "purchase.json"
    path.write_text(json.dumps(make_purchase(**changes)), encoding="utf-8")
    return cli("register", "add", "--json", str(path))


def test_a_late_entry_needs_a_reason_and_is_marked(cli, make_purchase, tmp_path):
    three_days_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    refused = _add(cli, make_purchase, tmp_path, acquired_at=three_days_ago)
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "the purchase rejected, nothing stored:",
        "  error: late_entry_reason: the purchase is dated more than 24 hours before its registration "
        "(a late entry); say why it is entered late [late_entry_reason_required]",
    ]

    added = _add(cli, make_purchase, tmp_path, acquired_at=three_days_ago, late_entry_reason="stroomstoring")
    assert added.returncode == 0, added.stderr
    listed = cli("register", "list").stdout
    assert listed.rstrip().endswith("LATE ENTRY")
    assert json.loads(cli("register", "list", "--json").stdout)[0]["late_entry"] is True
    shown = cli("register", "show", "K1-000001")
    assert "  LATE ENTRY: registered after the fact; reason: stroomstoring" in shown.stdout.splitlines()
    detail = json.loads(cli("register", "show", "K1-000001", "--json").stdout)
    today = local_date(datetime.now(UTC))
    assert detail["hold_until"] == (today + timedelta(days=8)).isoformat()  # from the registration


def test_the_export_marks_late_entries_and_selects_by_registration_date(cli, make_purchase, tmp_path):
    now = datetime.now(UTC)
    forty_days_ago = (now - timedelta(days=40)).isoformat()
    assert _add(
        cli, make_purchase, tmp_path, acquired_at=forty_days_ago, late_entry_reason="papieren notities"
    )
    today = local_date(now)
    week = [(today - timedelta(days=7)).isoformat(), today.isoformat()]

    def export(*extra: str) -> list[list[str]]:
        out = tmp_path / "export.csv"
        result = cli(
            "export", "--from", week[0], "--to", week[1], "--format", "csv", "--out", str(out), *extra
        )
        assert result.returncode == 0, result.stderr
        with open(out, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle, delimiter=";"))

    by_purchase = export()
    by_registration = export("--by", "registered")

    assert not any("K1-000001" in row for row in by_purchase)
    entry = next(row for row in by_registration if row and row[0] == "K1-000001")
    assert "late invoer, ingevoerd " in entry[9] and entry[9].endswith(": papieren notities")
    assert any("op datum van invoer" in row[0] for row in by_registration[:3])
    bad = cli("export", "--from", week[0], "--to", week[1], "--format", "csv", "--out", "x", "--by", "sold")
    assert bad.returncode == 2 and "invalid choice: 'sold'" in bad.stderr
