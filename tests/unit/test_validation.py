"""Validation of a purchase: each check of issue 2, its severity under the rule packs, all at once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from dor_desktop.domain.purchase import Override, Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.domain.rules import load_pack
from dor_desktop.domain.validation import FieldError, errors_only, unacknowledged, validate

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
DEFAULT = load_pack("default")
METAL_CASH_ONLY = load_pack("metal-cash-only")
SHA = "a" * 64


def parsed(data: dict[str, Any]) -> Purchase:
    purchase, problems = purchase_from_json(data, NOW)
    assert problems == [], problems
    assert purchase is not None
    return purchase


def problems_of(data: dict[str, Any], rules=DEFAULT) -> set[tuple[str, str, str]]:
    return {(p.path, p.code, p.severity) for p in validate(parsed(data), rules, NOW)}


def with_item(make_purchase, **fields: Any) -> dict[str, Any]:
    item = {"category": "tool", "description": "drill", "price": "10.00", **fields}
    return make_purchase(items=[item])


def gold(**fields: Any) -> dict[str, Any]:
    return {
        "category": "gold",
        "description": "ring",
        "price": "250.00",
        "weight_grams": "3.2",
        "fineness": 585,
        "hallmark": "585 anchor",
        **fields,
    }


@pytest.mark.parametrize("pack", ["default", "bill-36036", "metal-cash-only"])
def test_the_sample_purchase_is_clean_under_every_shipped_pack(make_purchase, pack):
    assert validate(parsed(make_purchase()), load_pack(pack), NOW) == []


@pytest.mark.parametrize(
    ("path", "mutate"),
    [
        ("seller.family_name", lambda d: d["seller"].pop("family_name")),
        ("seller.given_names", lambda d: d["seller"].update(given_names="  ")),
        ("seller.address.street", lambda d: d["seller"]["address"].pop("street")),
        ("seller.address.house_number", lambda d: d["seller"]["address"].pop("house_number")),
        ("seller.address.postcode", lambda d: d["seller"]["address"].pop("postcode")),
        ("seller.address.city", lambda d: d["seller"]["address"].pop("city")),
        ("items[0].description", lambda d: d["items"][0].pop("description")),
        ("items[0].price", lambda d: d["items"][0].pop("price")),
        ("items[0].category", lambda d: d["items"][0].pop("category")),
        ("payment_method", lambda d: d.pop("payment_method")),
        ("items", lambda d: d.update(items=[])),
    ],
)
def test_art_437_fields_are_required(make_purchase, path, mutate):
    data = make_purchase()
    mutate(data)
    assert (path, "required", "error") in problems_of(data)


def test_every_problem_is_reported_at_once(make_purchase):
    data = make_purchase(
        payment_method="cash",
        id_document={
            "type": "passport",
            "number": "999999990",
            "issuing_country": "NLD",
            "expiry_date": "2020-01-01",
        },
        items=[
            {"category": "phone", "description": "phone", "imei": "490154203237519", "price": "0"},
            {"category": "gold", "description": "", "price": "10.005"},
        ],
    )
    data["seller"]["family_name"] = ""
    data["seller"]["address"]["postcode"] = "0123 AB"
    found = {(p.path, p.code) for p in validate(parsed(data), DEFAULT, NOW)}
    assert found == {
        ("seller.family_name", "required"),
        ("seller.address.postcode", "invalid_postcode"),
        ("id_document.number", "personal_number"),
        ("id_document.expiry_date", "id_expired"),
        ("items[0].price", "invalid_amount"),
        ("items[0].imei", "invalid_check_digit"),
        ("items[1].description", "required"),
        ("items[1].price", "invalid_amount"),
        ("items[1].photo_sha256", "photo_or_number_missing"),
        ("items[1].weight_grams", "required"),
        ("items[1].fineness", "required"),
    }


# --- the ID document -------------------------------------------------------------------------


def test_default_pack_requires_an_id_document_from_every_seller(make_purchase):
    assert problems_of(make_purchase(id_document=None)) == {("id_document", "id_document_missing", "error")}


def test_an_id_document_with_every_field_empty_counts_as_missing(make_purchase):
    data = make_purchase(id_document={"type": None, "number": "", "issuing_country": ""})
    assert problems_of(data) == {("id_document", "id_document_missing", "error")}


def test_metal_cash_only_pack_turns_a_missing_id_into_a_warning_for_other_goods(make_purchase):
    assert problems_of(make_purchase(id_document=None), METAL_CASH_ONLY) == {
        ("id_document", "id_document_missing", "warning")
    }


@pytest.mark.parametrize("pack", [DEFAULT, METAL_CASH_ONLY])
def test_metal_bought_for_cash_always_needs_an_id_document(make_purchase, pack):
    data = make_purchase(payment_method="cash", id_document=None, items=[gold()])
    assert problems_of(data, pack) == {("id_document", "metal_cash_id_required", "error")}


def test_metal_paid_by_transfer_follows_the_pack(make_purchase):
    data = make_purchase(payment_method="bank_transfer", id_document=None, items=[gold()])
    assert problems_of(data, METAL_CASH_ONLY) == {("id_document", "id_document_missing", "warning")}
    assert problems_of(data, DEFAULT) == {("id_document", "id_document_missing", "error")}


def test_a_partial_id_document_names_each_missing_part(make_purchase):
    data = make_purchase(id_document={"number": "NX12AB3C4"})
    assert problems_of(data) == {
        ("id_document.type", "required", "error"),
        ("id_document.issuing_country", "invalid_country", "error"),
    }


@pytest.mark.parametrize(("pack", "severity"), [(DEFAULT, "error"), (METAL_CASH_ONLY, "warning")])
def test_an_expired_id_document(make_purchase, pack, severity):
    data = make_purchase()
    data["id_document"]["expiry_date"] = "2026-11-22"
    assert problems_of(data, pack) == {("id_document.expiry_date", "id_expired", severity)}


def test_an_id_document_expiring_on_the_day_of_purchase_is_still_valid(make_purchase):
    data = make_purchase()
    data["id_document"]["expiry_date"] = "2026-11-23"
    assert problems_of(data) == set()


@pytest.mark.parametrize("number", ["999999990", "999 999 990", "9999.99.990", "9999-99-990"])
def test_a_bsn_as_document_number_is_refused_in_every_spelling(make_purchase, number):
    data = make_purchase()
    data["id_document"]["number"] = number
    assert ("id_document.number", "personal_number", "error") in problems_of(data)


def test_a_bsn_is_refused_even_under_a_lenient_pack_and_cannot_be_overridden(make_purchase):
    data = make_purchase(overrides=[{"code": "personal_number", "field": "id_document.number"}])
    data["id_document"]["number"] = "999999990"
    purchase = parsed(data)
    problems = validate(purchase, METAL_CASH_ONLY, NOW)
    assert [p.code for p in unacknowledged(problems, purchase)] == ["personal_number"]


def test_a_nine_digit_number_failing_the_eleven_test_is_a_plausible_document_number(make_purchase):
    data = make_purchase()
    data["id_document"]["number"] = "123456789"
    assert problems_of(data) == set()


# --- items ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("imei", "code"),
    [
        ("490154203237519", "invalid_check_digit"),
        ("49015420323751", "invalid_imei"),
        ("49015420323751X", "invalid_imei"),
    ],
)
def test_imei_length_and_check_digit(make_purchase, imei, code):
    data = make_purchase()
    data["items"][0]["imei"] = imei
    assert problems_of(data) == {("items[0].imei", code, "error")}


def test_an_imei_typed_with_spaces_is_accepted(make_purchase):
    data = make_purchase()
    data["items"][0]["imei"] = "49015 420323 7518"
    assert problems_of(data) == set()


def test_a_phone_needs_an_imei_or_a_serial_number(make_purchase):
    data = make_purchase()
    del data["items"][0]["imei"]
    assert problems_of(data) == {("items[0].imei", "required", "error")}
    data["items"][0]["serial_number"] = "SN-1"
    assert problems_of(data) == set()


def test_a_bicycle_needs_its_frame_number(make_purchase):
    assert problems_of(with_item(make_purchase, category="bicycle")) == {
        ("items[0].frame_number", "required", "error")
    }
    assert problems_of(with_item(make_purchase, category="e_bike", frame_number="wb1234x")) == set()


@pytest.mark.parametrize("postcode", ["3511 AB", "3511AB", "3511 ab", "9999 ZZ"])
def test_dutch_postcodes_accepted(make_purchase, postcode):
    data = make_purchase()
    data["seller"]["address"]["postcode"] = postcode
    assert problems_of(data) == set()


@pytest.mark.parametrize(
    "postcode", ["0511 AB", "351 AB", "3511 A", "3511 SA", "3511 SS", "3511 SD", "35110", "AB 3511"]
)
def test_bad_dutch_postcodes_refused(make_purchase, postcode):
    data = make_purchase()
    data["seller"]["address"]["postcode"] = postcode
    assert problems_of(data) == {("seller.address.postcode", "invalid_postcode", "error")}


def test_a_foreign_address_keeps_its_own_postcode_format(make_purchase):
    data = make_purchase()
    data["seller"]["address"].update(postcode="10115", city="Berlin", country="DE")
    assert problems_of(data) == set()


def test_the_address_country_is_a_two_letter_code(make_purchase):
    data = make_purchase()
    data["seller"]["address"]["country"] = "Nederland"
    assert problems_of(data) == {("seller.address.country", "invalid_country", "error")}


@pytest.mark.parametrize("category", ["gold", "silver", "platinum", "copper", "other_metal"])
def test_metals_need_weight_and_fineness(make_purchase, category):
    data = with_item(make_purchase, category=category, serial_number="X1")
    assert problems_of(data) == {
        ("items[0].weight_grams", "required", "error"),
        ("items[0].fineness", "required", "error"),
    }


@pytest.mark.parametrize("weight", ["0", "-1", "1.2345", "10000000"])
def test_metal_weight_is_positive_with_at_most_three_decimals(make_purchase, weight):
    data = make_purchase(items=[gold(weight_grams=weight)])
    assert problems_of(data) == {("items[0].weight_grams", "invalid_weight", "error")}


@pytest.mark.parametrize(
    ("fineness", "ok"), [(0, False), (1, True), (999, True), (1000, True), (1001, False)]
)
def test_metal_fineness_is_per_mille(make_purchase, fineness, ok):
    found = problems_of(make_purchase(items=[gold(fineness=fineness)]))
    assert found == (set() if ok else {("items[0].fineness", "invalid_fineness", "error")})


def test_goods_that_are_not_metal_need_no_weight(make_purchase):
    assert problems_of(with_item(make_purchase, category="watch", serial_number="W1")) == set()


@pytest.mark.parametrize("price", ["0", "0.00", "-5.00", "1.005", "1000000000.00"])
def test_amounts_are_more_than_zero_with_at_most_two_decimals(make_purchase, price):
    assert ("items[0].price", "invalid_amount", "error") in problems_of(with_item(make_purchase, price=price))


@pytest.mark.parametrize(
    "price", ["0.01", "12.5", "12,50", "999999999.99", {"value": "3.10", "currency": "EUR"}]
)
def test_valid_amounts(make_purchase, price):
    assert problems_of(with_item(make_purchase, price=price)) == set()


def test_a_total_too_large_for_the_contract(make_purchase):
    items = [{"category": "tool", "description": "lot", "price": "999999999.99"}] * 2
    assert problems_of(make_purchase(items=items)) == {("total_amount", "invalid_amount", "error")}


# --- photo or number, and overrides -------------------------------------------------------


@pytest.mark.parametrize("category", ["jewellery", "gold"])
def test_jewellery_and_gold_without_a_number_or_photo_get_a_warning(make_purchase, category):
    item = gold(category=category, hallmark="")
    assert problems_of(make_purchase(items=[item])) == {
        ("items[0].photo_sha256", "photo_or_number_missing", "warning")
    }


@pytest.mark.parametrize(
    "identifying", [{"hallmark": "750"}, {"serial_number": "R-1"}, {"photo_sha256": [SHA]}]
)
def test_a_hallmark_serial_or_photo_satisfies_the_photo_rule(make_purchase, identifying):
    item = gold(category="jewellery", **{"hallmark": "", **identifying})
    assert problems_of(make_purchase(items=[item])) == set()


def test_a_photo_reference_must_be_a_sha256(make_purchase):
    item = gold(photo_sha256=["not-a-hash"])
    assert problems_of(make_purchase(items=[item])) == {("items[0].photo_sha256", "invalid_format", "error")}


def test_an_override_acknowledges_exactly_its_warning_and_never_an_error(make_purchase):
    override = {
        "code": "photo_or_number_missing",
        "field": "items[0].photo_sha256",
        "note": "customer refused",
    }
    data = make_purchase(items=[gold(category="jewellery", hallmark="")], overrides=[override])
    purchase = parsed(data)
    problems = validate(purchase, DEFAULT, NOW)
    assert [p.code for p in problems] == ["photo_or_number_missing"]
    assert unacknowledged(problems, purchase) == []
    assert purchase.overrides == (
        Override("photo_or_number_missing", "items[0].photo_sha256", "customer refused"),
    )

    elsewhere = Override("photo_or_number_missing", "items[1].photo_sha256")
    assert unacknowledged(problems, _replace_overrides(purchase, elsewhere)) == problems

    data["items"][0]["price"] = "0"
    purchase = parsed(data)
    blocking = unacknowledged(validate(purchase, DEFAULT, NOW), purchase)
    assert [(p.code, p.severity) for p in blocking] == [("invalid_amount", "error")]


def _replace_overrides(purchase: Purchase, *overrides: Override) -> Purchase:
    from dataclasses import replace

    return replace(purchase, overrides=overrides)


def test_errors_only_drops_warnings():
    problems = [FieldError("a", "x", "m", "warning"), FieldError("b", "y", "m")]
    assert errors_only(problems) == [problems[1]]


# --- times, names, lengths -----------------------------------------------------------------


def test_a_purchase_in_the_future_is_refused_but_clock_drift_is_tolerated(make_purchase):
    assert problems_of(make_purchase(acquired_at="2026-11-23T10:30:00+00:00")) == {
        ("acquired_at", "in_future", "error")
    }
    assert problems_of(make_purchase(acquired_at="2026-11-23T10:05:00+00:00")) == set()


def test_a_time_without_a_time_zone_is_refused(make_purchase):
    assert problems_of(make_purchase(acquired_at="2026-11-23T09:00:00")) == {
        ("acquired_at", "invalid_format", "error")
    }


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:30:00+01:00", "0900-06-01T12:00:00+00:00", "1999-12-31T12:00:00+00:00"]
)
def test_an_implausibly_old_purchase_time_is_refused(make_purchase, moment):
    # Regression: year 1 crashed the commit (OverflowError) and year 900 was stored as unsortable text.
    data = make_purchase(acquired_at=moment)
    del data["seller"]["date_of_birth"]
    assert problems_of(data) == {("acquired_at", "out_of_range", "error")}


def test_a_date_of_birth_in_the_future(make_purchase):
    data = make_purchase()
    data["seller"]["date_of_birth"] = "2027-01-01"
    assert problems_of(data) == {("seller.date_of_birth", "in_future", "error")}


@pytest.mark.parametrize(
    ("path", "mutate"),
    [
        ("seller.family_name", lambda d: d["seller"].update(family_name="x" * 121)),
        ("seller.address.city", lambda d: d["seller"]["address"].update(city="x" * 81)),
        ("id_document.number", lambda d: d["id_document"].update(number="X" * 33)),
        ("items[0].description", lambda d: d["items"][0].update(description="x" * 501)),
        ("clerk", lambda d: d.update(clerk="x" * 65)),
    ],
)
def test_contract_length_limits(make_purchase, path, mutate):
    data = make_purchase()
    mutate(data)
    assert problems_of(data) == {(path, "too_long", "error")}


def test_more_than_200_items_is_refused(make_purchase):
    items = [{"category": "tool", "description": "screwdriver", "price": "1.00"}] * 201
    assert ("items", "too_many", "error") in problems_of(make_purchase(items=items))


def test_a_quantity_below_one(make_purchase):
    assert problems_of(with_item(make_purchase, quantity=0)) == {
        ("items[0].quantity", "invalid_quantity", "error")
    }


@pytest.mark.parametrize("born", ["0001-01-01", "1899-12-31"])
def test_an_implausible_date_of_birth_is_refused(make_purchase, born):
    data = make_purchase()
    data["seller"]["date_of_birth"] = born
    assert ("seller.date_of_birth", "out_of_range", "error") in problems_of(data)


def test_a_date_of_birth_after_the_purchase_is_refused(make_purchase):
    data = make_purchase()
    data["seller"]["date_of_birth"] = "2027-01-01"
    assert ("seller.date_of_birth", "in_future", "error") in problems_of(data)


@pytest.mark.parametrize(("quantity", "refused"), [(10**18, True), (100_001, True), (100_000, False)])
def test_an_implausible_quantity_is_refused(make_purchase, quantity, refused):
    found = problems_of(with_item(make_purchase, quantity=quantity))
    assert (("items[0].quantity", "invalid_quantity", "error") in found) is refused


def test_a_purchase_time_beyond_the_clock_skew_is_refused(make_purchase):
    assert ("acquired_at", "in_future", "error") in problems_of(
        make_purchase(acquired_at="2026-11-23T10:11:00+00:00")
    )
    assert problems_of(make_purchase(acquired_at="2026-11-23T10:09:00+00:00")) == set()


def test_a_late_entry_needs_a_reason_under_the_packs_limit(make_purchase):
    from datetime import timedelta

    from dor_desktop.domain.validation import late_entry_problems

    late = parsed(make_purchase(acquired_at=(NOW - timedelta(hours=25)).isoformat()))
    assert [p.code for p in late_entry_problems(late, DEFAULT, NOW)] == ["late_entry_reason_required"]
    explained = parsed(make_purchase(acquired_at=late.acquired_at.isoformat(), late_entry_reason="power cut"))
    assert late_entry_problems(explained, DEFAULT, NOW) == []
    strict = type(DEFAULT)(**{**vars(DEFAULT), "late_entry_hours": 2})
    recent = parsed(make_purchase(acquired_at=(NOW - timedelta(hours=3)).isoformat()))
    assert late_entry_problems(recent, DEFAULT, NOW) == []
    assert late_entry_problems(recent, strict, NOW) != []
