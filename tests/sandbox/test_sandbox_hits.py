"""Hits on submission, late hits and withdrawals through the notifications feed, and checks."""

from __future__ import annotations

import uuid

import httpx
import pytest

from dor_desktop.domain.checks import imei_valid
from dor_desktop.sandbox.admin_client import SandboxAdminError
from dor_desktop.sandbox.matching import compare_identifiers, normalise_identifier
from dor_desktop.sandbox.seed import load_seed_rows
from dor_desktop.sandbox.server import run_sandbox

DUTCH_WORDS = ("apart", "verkoop", "politie")


def test_seed_file_has_valid_imeis_and_all_three_kinds_of_number():
    rows = load_seed_rows()

    assert len(rows) >= 30
    assert {row.field for row in rows} == {"imei", "frame_number", "serial_number"}
    assert len({row.stolen_id for row in rows}) == len(rows)
    assert all(imei_valid(row.value) for row in rows if row.field == "imei")
    assert {row.category for row in rows if row.field == "frame_number"} <= {"bicycle", "e_bike"}


def test_identifiers_are_compared_without_case_spaces_or_dashes():
    assert normalise_identifier("wtb-12 34.x") == "WTB1234X"
    assert compare_identifiers("GZ2019NL00451", "GZ2019NL00451") == "exact"
    assert compare_identifiers("GZ2019NL00457", "GZ2019NL00451") == "partial"
    assert compare_identifiers("GZ2019NL00777", "GZ2019NL00451") is None
    assert compare_identifiers("XXC02XK1ZZJG5J", "C02XK1ZZJG5J") == "partial"
    assert compare_identifiers("1234567", "1234568") is None  # too short to be a partial match
    assert compare_identifiers("123", "123") is None  # too short even to match exactly


def test_an_exact_imei_hit_comes_back_in_the_submission_result(api, make_registration, make_item, seed_rows):
    phone = seed_rows["imei"]
    registration = make_registration(
        items=[make_item(line=1), make_item(line=2, category="phone", imei=phone.value, serial_number=None)]
    )

    result = api.results(registration)[0]

    assert result["status"] == "accepted"
    (hit,) = result["hits"]
    assert hit["item_line"] == 2
    assert hit["match_type"] == "exact"
    assert hit["matched_field"] == "imei"
    assert hit["matched_value"] == phone.value
    assert hit["source"] == "POLITIE"
    assert hit["reported_stolen_on"] == phone.reported_stolen_on
    assert all(word in hit["instructions"].lower() for word in DUTCH_WORDS)


def test_frame_numbers_match_whatever_their_formatting(api, make_registration, make_item, seed_rows):
    frame = seed_rows["frame_number"].value
    typed = " - ".join([frame[:4].lower(), frame[4:]])
    registration = make_registration(items=[make_item(category="bicycle", frame_number=typed)])

    (hit,) = api.results(registration)[0]["hits"]

    assert (hit["match_type"], hit["matched_field"], hit["matched_value"]) == ("exact", "frame_number", frame)


def test_a_number_one_character_off_or_with_extra_characters_is_a_partial_hit(
    api, make_registration, make_item, seed_rows
):
    serial = seed_rows["serial_number"].value
    misread = serial[:-1] + ("X" if serial[-1] != "X" else "Y")
    registration = make_registration(
        items=[make_item(line=1, serial_number=misread), make_item(line=2, serial_number=f"SN{serial}/B")]
    )

    hits = api.results(registration)[0]["hits"]

    assert [(h["item_line"], h["match_type"]) for h in hits] == [(1, "partial"), (2, "partial")]
    assert "mogelijk" in hits[0]["instructions"].lower()


def test_numbers_match_only_the_same_kind_of_number(api, make_registration, make_item, seed_rows):
    registration = make_registration(items=[make_item(serial_number=seed_rows["imei"].value)])

    assert api.results(registration)[0]["hits"] == []


def test_a_late_stolen_report_notifies_the_registrations_already_stored(
    api, admin, make_registration, make_item
):
    registration = make_registration(items=[make_item(serial_number="LATE-2025-XQ-0042")])
    stored = api.results(registration)[0]
    assert stored["hits"] == [] and api.notifications()["notifications"] == []

    added = admin.add_stolen(
        serial_number="late2025xq0042", category="laptop", reported_stolen_on="2025-06-01"
    )

    assert added["late_hits"] == 1
    page = api.notifications()
    (notification,) = page["notifications"]
    assert notification["type"] == "hit"
    assert notification["dor_id"] == stored["dor_id"]
    assert notification["client_reference"] == registration["client_reference"]
    assert notification["hit"]["item_line"] == 1
    assert notification["hit"]["match_type"] == "exact"
    assert notification["hit"]["reported_stolen_on"] == "2025-06-01"
    assert page["next_cursor"] == notification["cursor"]
    # The late report also counts for registrations that come later.
    later = api.results(make_registration(items=[make_item(serial_number="LATE2025XQ0042")]))[0]
    assert later["hits"][0]["hit_id"] != notification["hit"]["hit_id"]


def test_withdrawing_a_report_notifies_every_hit_it_caused(
    api, admin, make_registration, make_item, seed_rows
):
    phone = seed_rows["imei"]
    on_time = api.results(make_registration(items=[make_item(category="phone", imei=phone.value)]))[0]
    stored = api.results(make_registration(items=[make_item(serial_number="WITHDRAW-ME-778899")]))[0]
    late = admin.add_stolen(serial_number="WITHDRAWME778899")
    seen = api.notifications()

    first = admin.withdraw_stolen(phone.stolen_id)
    second = admin.withdraw_stolen(late["stolen_id"])

    assert (first["withdrawn_hits"], second["withdrawn_hits"]) == (1, 1)
    withdrawn = api.notifications(after=seen["next_cursor"])["notifications"]
    assert [n["type"] for n in withdrawn] == ["hit_withdrawn", "hit_withdrawn"]
    assert withdrawn[0]["hit"]["hit_id"] == on_time["hits"][0]["hit_id"]
    assert withdrawn[0]["dor_id"] == on_time["dor_id"]
    assert withdrawn[1]["dor_id"] == stored["dor_id"]
    assert "ingetrokken" in withdrawn[0]["hit"]["instructions"]
    # A withdrawn report no longer produces hits.
    assert (
        api.results(make_registration(items=[make_item(category="phone", imei=phone.value)]))[0]["hits"] == []
    )
    assert admin.stats()["hits"] == {"active": 0, "withdrawn": 2}


def test_withdrawing_twice_or_an_unknown_report_is_refused(admin, seed_rows):
    admin.withdraw_stolen(seed_rows["imei"].stolen_id)

    with pytest.raises(SandboxAdminError, match="HTTP 409"):
        admin.withdraw_stolen(seed_rows["imei"].stolen_id)
    with pytest.raises(SandboxAdminError, match="HTTP 404"):
        admin.withdraw_stolen("PV-NOPE")


def test_the_feed_pages_oldest_first_with_cursors(api, admin, make_registration, make_item):
    numbers = [f"FEED{uuid.uuid4().hex[:12].upper()}" for _ in range(5)]
    api.results(*[make_registration(items=[make_item(serial_number=number)]) for number in numbers])
    for number in numbers:
        admin.add_stolen(serial_number=number)

    first = api.notifications(limit=2)
    second = api.notifications(after=first["next_cursor"], limit=2)
    third = api.notifications(after=second["next_cursor"], limit=2)
    caught_up = api.notifications(after=third["next_cursor"], limit=2)

    pages = [first, second, third]
    assert [len(p["notifications"]) for p in pages] == [2, 2, 1]
    values = [n["hit"]["matched_value"] for p in pages for n in p["notifications"]]
    assert values == numbers
    assert caught_up == {"notifications": [], "next_cursor": third["next_cursor"]}
    # At-least-once: asking again after an older cursor delivers the same notifications again.
    assert api.notifications(after=first["next_cursor"], limit=2) == second


def test_the_feed_starts_empty_and_an_unknown_cursor_reads_from_the_beginning(api, admin, make_registration):
    assert api.notifications() == {"notifications": [], "next_cursor": None}
    api.results(
        make_registration(items=[{**make_registration()["items"][0], "serial_number": "CURSOR-TEST-01"}])
    )
    admin.add_stolen(serial_number="CURSORTEST01")

    assert len(api.notifications(after="garbage")["notifications"]) == 1


def test_feed_limit_must_be_1_to_500(api):
    for limit in ("0", "501", "ten"):
        assert api.get("/v1/notifications", limit=limit).status_code == 400
    assert api.get("/v1/notifications", limit="500").status_code == 200


def test_each_shop_sees_only_its_own_notifications(tmp_path, make_registration, make_item):
    clients = {"shop-a": "a", "shop-b": "b"}
    with run_sandbox(tmp_path / "two.sqlite3", clients=clients) as url, httpx.Client(base_url=url) as http:
        tokens = {
            shop: http.post(
                "/oauth/token",
                data={"grant_type": "client_credentials", "client_id": shop, "client_secret": secret},
            ).json()["access_token"]
            for shop, secret in clients.items()
        }
        registration = make_registration(items=[make_item(serial_number="ONLY-SHOP-A-123")])
        http.post(
            "/v1/registrations",
            json={"registrations": [registration]},
            headers={"Authorization": f"Bearer {tokens['shop-a']}"},
        )
        http.post(f"{url}/_admin/stolen", json={"field": "serial_number", "value": "ONLYSHOPA123"})

        feeds = {
            shop: http.get("/v1/notifications", headers={"Authorization": f"Bearer {token}"}).json()
            for shop, token in tokens.items()
        }

    assert len(feeds["shop-a"]["notifications"]) == 1
    assert feeds["shop-b"]["notifications"] == []


def test_check_finds_exact_and_partial_matches_in_any_field(api, seed_rows):
    frame = seed_rows["frame_number"]
    exact = api.get("/v1/checks", serial=frame.value.lower()).json()["matches"]
    partial = api.get("/v1/checks", serial=frame.value[:-1] + "9").json()["matches"]
    clean = api.get("/v1/checks", serial="NOTHING-KNOWN-777").json()["matches"]

    assert [(m["hit_id"], m["match_type"], m["matched_field"]) for m in exact] == [
        (frame.stolen_id, "exact", "frame_number")
    ]
    assert "niet kopen" in exact[0]["instructions"].lower()
    assert "item_line" not in exact[0]
    assert [m["match_type"] for m in partial] == ["partial"]
    assert clean == []


def test_check_category_and_brand_narrow_partial_matches_only(api, seed_rows):
    frame = seed_rows["frame_number"]
    near = frame.value[:-1] + "9"

    assert api.get("/v1/checks", serial=near, category="camera").json()["matches"] == []
    assert api.get("/v1/checks", serial=near, brand="Nobrand").json()["matches"] == []
    assert len(api.get("/v1/checks", serial=near, brand=frame.brand.upper()).json()["matches"]) == 1
    assert len(api.get("/v1/checks", serial=frame.value, category="camera").json()["matches"]) == 1


def test_check_ignores_withdrawn_reports_and_refuses_bad_queries(api, admin, seed_rows):
    camera = seed_rows["serial_number"]
    admin.withdraw_stolen(camera.stolen_id)

    assert api.get("/v1/checks", serial=camera.value).json()["matches"] == []
    assert api.get("/v1/checks", serial="ab").status_code == 400
    assert api.get("/v1/checks", serial="x" * 65).status_code == 400
    assert api.get("/v1/checks", serial="ABCDEF", category="spaceship").status_code == 400
    assert api.http.get("/v1/checks", params={"serial": "ABCDEF"}).status_code == 401


def test_admin_refuses_bad_stolen_reports(admin):
    admin.add_stolen(serial_number="UNIQUE-REPORT-1", stolen_id="PV-X-1")

    with pytest.raises(SandboxAdminError, match="HTTP 409"):
        admin.add_stolen(serial_number="ANOTHER-ONE-22", stolen_id="PV-X-1")
    with pytest.raises(SandboxAdminError, match="value: needs at least 4"):
        admin.add_stolen(frame_number="a-b")
    with pytest.raises(SandboxAdminError, match="reported_stolen_on: must be a valid date"):
        admin.add_stolen(imei="356938035643809", reported_stolen_on="gisteren")
    with pytest.raises(SandboxAdminError, match="exactly one of"):
        admin.add_stolen(imei="356938035643809", serial_number="ABCDEFGH")
