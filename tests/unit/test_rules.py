"""Rule packs: the shipped packs, a shop's own pack, malformed packs, and the hold period."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.domain.rules import CONFIGURABLE_CHECKS, RulePack, available_packs, load_pack
from dor_desktop.domain.validation import validate
from dor_desktop.errors import UserError

MONDAY = date(2026, 11, 23)


def write_pack(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def pack_data(**changes: object) -> dict:
    return {"id": "my-town", "name": "My town", "hold_days": 3, **changes}


def test_the_shipped_packs():
    packs = available_packs()
    assert set(packs) >= {"default", "bill-36036", "metal-cash-only"}
    assert (packs["default"].hold_days, packs["default"].hold_day_kind) == (7, "calendar")
    assert (packs["bill-36036"].hold_days, packs["bill-36036"].hold_day_kind) == (5, "working")
    assert packs["metal-cash-only"].id_document_required == "metal_cash"
    assert packs["metal-cash-only"].severity_of("id_expired") == "warning"


def test_a_shops_own_pack_is_found_and_wins_over_a_shipped_one_with_the_same_id(tmp_path):
    folder = tmp_path / "rulepacks"
    write_pack(folder, "town.json", pack_data())
    write_pack(folder, "default.json", pack_data(id="default", name="Our default", hold_days=10))
    packs = available_packs(folder)
    assert packs["my-town"].hold_days == 3
    assert load_pack("default", folder).name == "Our default"


def test_an_unknown_pack_names_the_available_ones():
    with pytest.raises(UserError, match="unknown rule pack 'nope'; available: .*default"):
        load_pack("nope")


@pytest.mark.parametrize(
    "content",
    [
        "not json {",
        "[1, 2]",
        {"id": "x", "name": "missing hold days"},
        pack_data(hold_days="seven"),
        pack_data(hold_days=61),
        pack_data(hold_day_kind="fortnights"),
        pack_data(id_document_required="nobody"),
        pack_data(severity={"id_expired": "fatal"}),
        pack_data(severity=["id_expired"]),
    ],
)
def test_a_malformed_pack_is_one_clear_user_error(tmp_path, content):
    write_pack(tmp_path / "rulepacks", "bad.json", content)
    with pytest.raises(UserError, match="rule pack .*bad.json"):
        available_packs(tmp_path / "rulepacks")


@pytest.mark.parametrize(
    "code", ["personal_number", "metal_cash_id_required", "invalid_check_digit", "required"]
)
def test_a_pack_cannot_soften_a_check_that_is_not_configurable(tmp_path, code):
    # Regression: any code in a pack's "severity" was honoured, so a shop's file could turn the BSN
    # refusal or the legal ID duty for cash metal into an overridable warning.
    write_pack(tmp_path / "rulepacks", "soft.json", pack_data(severity={code: "warning"}))
    with pytest.raises(UserError, match=f"{code}.*cannot be changed"):
        available_packs(tmp_path / "rulepacks")


def test_a_pack_may_make_a_configurable_check_stricter(tmp_path, make_purchase):
    folder = tmp_path / "rulepacks"
    write_pack(folder, "strict.json", pack_data(severity={"photo_or_number_missing": "error"}))
    item = {"category": "jewellery", "description": "ring", "price": "50.00"}
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    purchase, _ = purchase_from_json(make_purchase(items=[item]), now)
    problems = validate(purchase, load_pack("my-town", folder), now)
    assert [(p.code, p.severity) for p in problems] == [("photo_or_number_missing", "error")]
    assert set(CONFIGURABLE_CHECKS) == {"id_expired", "photo_or_number_missing", "id_document_missing"}


# --- the hold period: hold_ends() is the first day on which the goods may be sold ------------


def test_calendar_hold_days_count_the_days_after_the_day_of_purchase():
    pack = RulePack("t", "t", hold_days=7, hold_day_kind="calendar")
    # Bought Monday 23 Nov: held on the 7 days 24..30 Nov, free from Tuesday 1 Dec.
    assert pack.hold_ends(MONDAY) == date(2026, 12, 1)


def test_working_hold_days_skip_the_weekend():
    pack = RulePack("t", "t", hold_days=5, hold_day_kind="working")
    assert pack.hold_ends(MONDAY) == date(2026, 12, 1)  # Tue..Fri and Mon held
    assert pack.hold_ends(date(2026, 11, 26)) == date(2026, 12, 4)  # Thursday: Fri, Mon..Thu held
    assert pack.hold_ends(date(2026, 11, 28)) == date(2026, 12, 5)  # Saturday: Mon..Fri held


@given(st.integers(0, 520), st.integers(0, 4))
def test_calendar_and_working_days_agree_when_no_weekend_falls_in_the_hold(week, days):
    # Regression: the calendar count ended one day earlier than the working-day count for the same
    # span of weekdays, so one of them let goods be sold on the last day of the hold period.
    monday = MONDAY + timedelta(weeks=week)
    calendar = RulePack("c", "c", hold_days=days, hold_day_kind="calendar")
    working = RulePack("w", "w", hold_days=days, hold_day_kind="working")
    assert calendar.hold_ends(monday) == working.hold_ends(monday)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 60))
def test_working_hold_covers_exactly_the_requested_number_of_weekdays(acquired, days):
    ends = RulePack("w", "w", hold_days=days, hold_day_kind="working").hold_ends(acquired)
    held = [acquired + timedelta(days=n) for n in range(1, (ends - acquired).days)]
    assert sum(1 for day in held if day.weekday() < 5) == days
    assert ends > acquired


def test_the_late_entry_limit_defaults_to_a_day_and_is_checked(tmp_path):
    assert {pack.late_entry_hours for pack in available_packs().values()} == {24}
    (tmp_path / "odd.json").write_text(
        '{"id": "odd", "name": "Odd", "hold_days": 3, "late_entry_hours": 0}', encoding="utf-8"
    )
    with pytest.raises(UserError, match="late_entry_hours"):
        load_pack("odd", tmp_path)
