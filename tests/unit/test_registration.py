"""The Registration JSON shape: parsing with every problem at once, and the way back."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from dor_desktop.domain.enums import AcquisitionType, Category, IdDocumentType, PaymentMethod
from dor_desktop.domain.registration import (
    CLIENT_FILLED,
    Envelope,
    purchase_from_json,
    purchase_to_json,
    to_registration,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_the_sample_parses_into_typed_values(make_purchase):
    purchase, problems = purchase_from_json(make_purchase(), NOW)
    assert problems == []
    assert purchase.acquired_at == NOW  # defaults to now
    assert purchase.acquisition_type is AcquisitionType.PURCHASE
    assert purchase.payment_method is PaymentMethod.BANK_TRANSFER
    assert purchase.id_document.type is IdDocumentType.PASSPORT
    assert purchase.items[0].category is Category.PHONE
    assert purchase.items[0].price == Decimal("120.00")
    assert purchase.items[0].line == 1
    assert purchase.seller.date_of_birth.isoformat() == "1980-04-01"


def test_json_round_trip(make_purchase):
    data = make_purchase(
        acquired_at="2026-11-20T15:30:00+01:00",
        overrides=[{"code": "photo_or_number_missing", "field": "items[1].photo_sha256", "note": "ok"}],
        items=[
            make_purchase()["items"][0],
            {
                "category": "gold",
                "description": "chain",
                "price": "99.5",
                "weight_grams": "12.345",
                "fineness": 750,
            },
        ],
    )
    first, problems = purchase_from_json(data, NOW)
    assert problems == []
    again, problems = purchase_from_json(json.loads(json.dumps(purchase_to_json(first))), NOW)
    assert problems == []
    assert again == first


def test_the_acquisition_type_defaults_to_purchase_and_acquired_at_to_now(make_purchase):
    data = make_purchase()
    data.pop("acquisition_type")
    purchase, problems = purchase_from_json(data, NOW)
    assert (purchase.acquisition_type, purchase.acquired_at, problems) == (AcquisitionType.PURCHASE, NOW, [])


@pytest.mark.parametrize("key", CLIENT_FILLED)
def test_a_field_the_client_fills_itself_is_refused(make_purchase, key):
    _, problems = purchase_from_json(make_purchase(**{key: "K1-000001"}), NOW)
    assert [(p.path, p.code) for p in problems] == [(key, "client_filled")]


def test_every_parse_problem_is_reported_at_once(make_purchase):
    data = make_purchase(
        acquired_at="yesterday",
        payment_method="bitcoin",
        overrides="none",
        total_amount="1.00",
        items=[
            "a drill",
            {
                "category": "spaceship",
                "description": 5,
                "price": 12.5,
                "quantity": "two",
                "weight_grams": "heavy",
                "photo_sha256": "abc",
            },
        ],
    )
    data["seller"]["address"] = ["Dorpsstraat"]
    data["seller"]["date_of_birth"] = "01-04-1980"
    data["id_document"]["expiry_date"] = "soon"
    purchase, problems = purchase_from_json(data, NOW)
    assert purchase is not None
    assert {(p.path, p.code) for p in problems} == {
        ("acquired_at", "invalid_format"),
        ("payment_method", "invalid_value"),
        ("overrides", "invalid_type"),
        ("total_amount", "total_mismatch"),
        ("items[0]", "invalid_type"),
        ("items[1].category", "invalid_value"),
        ("items[1].description", "invalid_type"),
        ("items[1].price", "invalid_type"),
        ("items[1].quantity", "invalid_type"),
        ("items[1].weight_grams", "invalid_format"),
        ("items[1].photo_sha256", "invalid_type"),
        ("seller.address", "invalid_type"),
        ("seller.date_of_birth", "invalid_format"),
        ("id_document.expiry_date", "invalid_format"),
    }


def test_a_total_that_is_not_the_sum_of_the_items(make_purchase):
    _, problems = purchase_from_json(make_purchase(total_amount={"value": "99.00", "currency": "EUR"}), NOW)
    assert [(p.path, p.code) for p in problems] == [("total_amount", "total_mismatch")]
    _, problems = purchase_from_json(make_purchase(total_amount={"value": "120.00", "currency": "EUR"}), NOW)
    assert problems == []


def test_amounts_in_another_currency_are_refused(make_purchase):
    data = make_purchase()
    data["items"][0]["price"] = {"value": "120.00", "currency": "USD"}
    _, problems = purchase_from_json(data, NOW)
    assert [(p.path, p.code) for p in problems] == [("items[0].price", "invalid_currency")]


@pytest.mark.parametrize("price", ["1e30", "1" + "0" * 40, 10**40])
def test_an_absurdly_large_amount_is_a_field_error_not_a_crash(make_purchase, price):
    data = make_purchase(total_amount=price)
    data["items"][0]["price"] = price
    _, problems = purchase_from_json(data, NOW)
    assert {(p.path, p.code) for p in problems} == {
        ("items[0].price", "invalid_amount"),
        ("total_amount", "invalid_amount"),
    }


def test_not_an_object():
    assert purchase_from_json([1, 2], NOW) == (None, purchase_from_json("x", NOW)[1])
    _, problems = purchase_from_json(None, NOW)
    assert [(p.path, p.code) for p in problems] == [("", "invalid_type")]


def test_to_registration_adds_the_envelope_and_keeps_overrides_local(make_purchase):
    data = make_purchase(overrides=[{"code": "x", "field": "y"}])
    purchase, _ = purchase_from_json(data, NOW)
    envelope = Envelope(
        "0b0e7c4e-6d0c-4d55-9d56-0d1f1f1f1f1f",
        "SHOP-1",
        "K1-000007",
        corrects="c0ffee00-0000-4000-8000-000000000000",
    )
    body = to_registration(purchase, envelope)
    assert body["client_reference"] == envelope.client_reference
    assert (body["shop_id"], body["register_number"], body["corrects"]) == (
        "SHOP-1",
        "K1-000007",
        envelope.corrects,
    )
    assert "overrides" not in body
    assert body["total_amount"] == {"value": "120.00", "currency": "EUR"}
    assert body["items"][0]["price"] == {"value": "120.00", "currency": "EUR"}
    assert "corrects" not in to_registration(purchase, Envelope("r", "s", "n"))
