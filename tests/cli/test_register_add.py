"""``dor-desktop register add``: one purchase or a list, committed one by one, rejections listed."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from dor_desktop.bootstrap.app import open_app
from dor_desktop.storage.queries import EntryFilter, list_entries


def write(tmp_path, data, name="purchase.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def stored_numbers() -> list[str]:
    app = open_app()
    try:
        with app.db.read() as session:
            return [row.register_number for row in list_entries(session, EntryFilter(limit=1000))]
    finally:
        app.close()


def test_add_one_purchase_then_list_and_show_it(cli, run_main, tmp_path, make_purchase):
    before = datetime.now(UTC)
    added = cli("register", "add", "--json", write(tmp_path, make_purchase()))
    after = datetime.now(UTC)
    assert (added.returncode, added.stderr) == (0, "")
    number, reference = added.stdout.split()
    assert number == "K1-000001" and uuid.UUID(reference).version == 4

    listed = run_main("register", "list", "--json")
    rows = json.loads(listed.out)
    assert [(r["register_number"], r["client_reference"], r["sync_state"]) for r in rows] == [
        (number, reference, "pending")
    ]

    shown = json.loads(cli("register", "show", reference, "--json").stdout)
    assert shown["summary"]["register_number"] == number
    assert shown["payload"]["seller"]["family_name"] == "Jansen"
    acquired = datetime.fromisoformat(shown["payload"]["acquired_at"])
    assert before <= acquired <= after  # acquired_at defaults to now

    text = run_main("register", "show", number)
    assert text.code == 0
    assert "K1-000001  (purchase)" in text.out and "Jansen, Pieter" in text.out
    assert "490154203237518" in text.out and "hold until:" in text.out


def test_a_list_commits_each_good_purchase_and_lists_every_error_of_the_bad_one(cli, tmp_path, make_purchase):
    bad = make_purchase(payment_method="bitcoin")
    bad["seller"]["address"]["postcode"] = "0000 AA"
    bad["items"][0]["imei"] = "490154203237519"
    added = cli("register", "add", "--json", write(tmp_path, [make_purchase(), bad, make_purchase()]))
    assert added.returncode == 1
    assert [line.split()[0] for line in added.stdout.splitlines()] == ["K1-000001", "K1-000002"]
    assert added.stderr.splitlines() == [
        "purchase 2 rejected, nothing stored:",
        "  error: payment_method: must be one of: cash, bank_transfer, card, none [invalid_value]",
    ]
    # Parse errors come first; once the file parses, validation lists all of its problems at once.
    bad["payment_method"] = "cash"
    again = cli("register", "add", "--json", write(tmp_path, bad))
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.splitlines() == [
        "the purchase rejected, nothing stored:",
        "  error: seller.address.postcode: a Dutch postcode looks like 1234 AB [invalid_postcode]",
        "  error: items[0].imei: the IMEI's check digit is wrong; retype it [invalid_check_digit]",
    ]
    assert stored_numbers() == ["K1-000002", "K1-000001"]


def test_a_purchase_from_standard_input(cli, make_purchase):
    added = cli("register", "add", "--json", "-", stdin=json.dumps(make_purchase()))
    assert added.returncode == 0 and added.stdout.startswith("K1-000001 ")


def test_a_file_with_a_utf8_byte_order_mark_is_read(run_main, tmp_path, make_purchase):
    # Regression: Windows Notepad saves UTF-8 with a BOM, which json.loads refused.
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(make_purchase()).encode("utf-8"))
    outcome = run_main("register", "add", "--json", str(path))
    assert (outcome.code, outcome.err) == (0, "") and outcome.out.startswith("K1-000001 ")


def test_a_warning_the_file_overrides_is_committed_and_one_it_does_not_is_rejected(
    run_main, tmp_path, make_purchase
):
    ring = {"category": "jewellery", "description": "ring", "price": "45.00"}
    rejected = run_main("register", "add", "--json", write(tmp_path, make_purchase(items=[ring])))
    assert rejected.code == 1
    assert "warning: items[0].photo_sha256: goods without a unique number need a photo" in rejected.err
    override = {"code": "photo_or_number_missing", "field": "items[0].photo_sha256", "note": "no marks"}
    accepted = run_main(
        "register", "add", "--json", write(tmp_path, make_purchase(items=[ring], overrides=[override]))
    )
    assert accepted.code == 0 and accepted.out.startswith("K1-000001 ")


def test_list_filters_and_text_output(run_main, commit):
    commit()
    commit(
        items=[{"category": "bicycle", "description": "Gazelle", "frame_number": "GZ123", "price": "200.00"}]
    )
    found = run_main("register", "list", "--search", "gz123", "--json")
    assert [row["register_number"] for row in json.loads(found.out)] == ["K1-000002"]
    text = run_main("register", "list")
    assert [line.split()[0] for line in text.out.splitlines()] == ["K1-000002", "K1-000001"]
    empty = run_main("register", "list", "--search", "nobody")
    assert (empty.code, empty.out, empty.err) == (0, "", "no entries\n")
