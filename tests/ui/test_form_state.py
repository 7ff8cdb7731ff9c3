"""The form's plain data: parsing what clerks type, hiding what a category does not need, round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from dor_desktop.domain.enums import Category, ReadFrom
from dor_desktop.domain.registration import purchase_to_json
from dor_desktop.ui.form_state import FormState, build_purchase, fields_for, parse_day, state_from_payload

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["31-12-1990", "31.12.1990", "31/12/1990", "31121990", "1990-12-31"])
def test_dates_as_clerks_type_them(text):
    assert parse_day(text) == date(1990, 12, 31)


def test_unreadable_values_become_field_problems():
    state = FormState()
    state.values["seller.date_of_birth"] = "31-02-1990"
    state.items[0].update(category="gold", price="twaalf", weight_grams="4,2", fineness="veel")
    purchase, problems = build_purchase(state, NOW)
    assert {(p.path, p.code) for p in problems} == {
        ("seller.date_of_birth", "invalid_date"),
        ("items[0].price", "invalid_amount"),
        ("items[0].fineness", "invalid_fineness"),
    }
    assert purchase.items[0].weight_grams == Decimal("4.2")


def test_fields_a_category_does_not_show_are_not_registered():
    state = FormState()
    state.items[0].update(category="gold", imei="490154203237518", weight_grams="3", price="10,50")
    purchase, _ = build_purchase(state, NOW)
    assert purchase.items[0].imei == "" and purchase.items[0].price == Decimal("10.50")
    assert "imei" in fields_for(Category.PHONE) and "frame_number" in fields_for(Category.E_BIKE)
    assert fields_for(None) == ("category",)


def test_document_counts_as_read_from_the_mrz_only_when_scanned_and_untouched():
    state = FormState()
    state.values.update({"id_document.number": "NX12AB3C4", "id_document.issuing_country": "NLD"})
    assert build_purchase(state, NOW)[0].id_document.read_from == ReadFrom.MANUAL
    state.from_document = {"id_document.number": "document", "id_document.issuing_country": "document"}
    assert build_purchase(state, NOW)[0].id_document.read_from == ReadFrom.MRZ


def test_stored_purchase_comes_back_into_the_form_for_a_correction(make_purchase):
    from dor_desktop.domain.registration import purchase_from_json

    original, problems = purchase_from_json({**make_purchase(), "acquired_at": NOW.isoformat()}, NOW)
    assert not problems
    state = state_from_payload(purchase_to_json(original))
    rebuilt, problems = build_purchase(state, datetime.fromisoformat(state.acquired_at))
    assert not problems
    assert purchase_to_json(rebuilt) == purchase_to_json(original)


def test_draft_json_round_trip_and_blank_detection():
    state = FormState()
    assert state.is_blank()
    state.items[0]["category"] = "phone"
    state.accepted_warnings.add(("photo_or_number_missing", "items[0].photo_sha256"))
    again = FormState.from_json(state.to_json())
    assert not again.is_blank() and again.to_json() == state.to_json()
