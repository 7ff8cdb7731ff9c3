"""POST /v1/registrations/{dor_id}/events with Idempotency-Key."""

from __future__ import annotations

import uuid

import pytest

from dor_desktop.sandbox.server import run_sandbox

SOLD = {
    "type": "sold",
    "occurred_at": "2025-04-02T11:00:00+02:00",
    "item_line": 1,
    "price": {"value": "300.00", "currency": "EUR"},
    "note": "verkocht aan de balie",
}


@pytest.fixture
def dor_id(api, make_registration):
    return api.results(make_registration())[0]["dor_id"]


def test_an_event_is_recorded_with_an_event_id(api, dor_id):
    response = api.post_event(dor_id, SOLD, str(uuid.uuid4()))

    assert response.status_code == 201
    assert response.json()["event_id"].startswith("EVT-")


def test_the_same_key_and_body_return_the_same_event_id(api, admin, dor_id):
    key = str(uuid.uuid4())
    first = api.post_event(dor_id, SOLD, key)
    again = api.post_event(dor_id, dict(reversed(list(SOLD.items()))), key.upper())

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert admin.stats()["events"] == 1


def test_the_same_key_with_another_body_or_registration_is_a_conflict(api, make_registration, dor_id):
    key = str(uuid.uuid4())
    api.post_event(dor_id, SOLD, key)
    other_dor_id = api.results(make_registration())[0]["dor_id"]

    changed = api.post_event(dor_id, {**SOLD, "type": "voided"}, key)
    elsewhere = api.post_event(other_dor_id, SOLD, key)

    assert (changed.status_code, elsewhere.status_code) == (409, 409)
    assert changed.headers["content-type"] == "application/problem+json"


def test_an_unknown_registration_is_404(api):
    response = api.post_event("DOR-9999999999", SOLD, str(uuid.uuid4()))

    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_invalid_events_are_422_with_field_errors(api, dor_id):
    cases = [
        ({**SOLD, "type": "stolen"}, {("type", "enum")}),
        ({**SOLD, "occurred_at": "yesterday"}, {("occurred_at", "format")}),
        ({**SOLD, "item_line": 7}, {("item_line", "unknown_line")}),
        ({**SOLD, "price": {"value": "3", "currency": "EUR"}}, {("price.value", "pattern")}),
        ({"type": "sold"}, {("occurred_at", "required")}),
        (
            {**SOLD, "buyer": {"family_name": "Bakker"}},
            {("buyer.given_names", "required"), ("buyer.address", "required")},
        ),
    ]
    for event, expected in cases:
        response = api.post_event(dor_id, event, str(uuid.uuid4()))
        assert response.status_code == 422, event
        assert {(e["field"], e["code"]) for e in response.json()["errors"]} == expected


def test_a_missing_or_malformed_key_or_body_is_422(api, dor_id):
    assert api.post_event(dor_id, SOLD, None).status_code == 422
    assert api.post_event(dor_id, SOLD, "not-a-uuid").status_code == 422
    headers = {**api.headers(), "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"}
    response = api.http.post(f"/v1/registrations/{dor_id}/events", content=b"{oops", headers=headers)
    assert response.status_code == 422


def test_another_shops_registration_is_not_found(tmp_path, make_registration, open_session):
    with run_sandbox(tmp_path / "shops.sqlite3", clients={"a": "1", "b": "2"}) as url:
        shop_a, shop_b = open_session(url, "a", "1"), open_session(url, "b", "2")
        dor_id = shop_a.results(make_registration())[0]["dor_id"]

        response = shop_b.post_event(dor_id, SOLD, str(uuid.uuid4()))

    assert response.status_code == 404
