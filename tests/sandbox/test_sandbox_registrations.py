"""POST /v1/registrations: per-registration results, validation and idempotency."""

from __future__ import annotations

import copy
import json
import uuid

from dor_desktop.sandbox.registrations import NIL_REFERENCE

SPECIMEN_BSN = "999999990"


def _codes(result):
    return {(error["field"], error["code"]) for error in result["errors"]}


def test_a_batch_gets_one_result_per_registration_in_order(api, make_registration):
    batch = [make_registration() for _ in range(5)]

    results = api.results(*batch)

    assert [r["client_reference"] for r in results] == [r["client_reference"] for r in batch]
    assert {r["status"] for r in results} == {"accepted"}
    assert len({r["dor_id"] for r in results}) == 5
    assert all(r["hits"] == [] for r in results)


def test_same_reference_and_content_is_a_duplicate_with_the_first_outcome(
    api, admin, make_registration, make_item
):
    registration = make_registration(items=[make_item(imei="358410209477958", category="phone")])
    first = api.results(registration)[0]
    reordered = json.loads(json.dumps(registration, sort_keys=True))

    again = api.results(reordered)[0]

    assert first["status"] == "accepted" and first["hits"]
    assert again == {**first, "status": "duplicate"}
    assert admin.registrations(registration["client_reference"])[0]["times_stored"] == 1


def test_same_reference_with_other_content_is_a_conflict_and_keeps_the_original(
    api, admin, make_registration
):
    registration = make_registration()
    first = api.results(registration)[0]
    changed = {**registration, "total_amount": {"value": "999.00", "currency": "EUR"}}

    conflict = api.results(changed)[0]

    assert conflict["status"] == "conflict"
    assert conflict["dor_id"] == first["dor_id"]
    assert ("client_reference", "conflict") in _codes(conflict)
    stored = admin.registrations(registration["client_reference"])[0]
    assert stored["registration"]["total_amount"]["value"] == "250.00"
    assert stored["times_stored"] == 1
    assert stored["times_submitted"] == 2


def test_a_reference_repeated_inside_one_batch_is_stored_once(api, admin, make_registration):
    registration = make_registration()
    other_content = {**registration, "clerk": "someone else"}

    results = api.results(registration, copy.deepcopy(registration), other_content)

    assert [r["status"] for r in results] == ["accepted", "duplicate", "conflict"]
    assert len({r["dor_id"] for r in results}) == 1
    assert admin.stats()["registrations"] == 1


def test_a_rejected_registration_does_not_block_the_others(api, make_registration):
    bad = make_registration(acquisition_type="theft")
    good = [make_registration(), make_registration()]

    results = api.results(good[0], bad, good[1])

    assert [r["status"] for r in results] == ["accepted", "rejected", "accepted"]
    assert _codes(results[1]) == {("acquisition_type", "enum")}
    assert "dor_id" not in results[1]


def test_field_errors_name_the_field_and_a_stable_code(api, make_registration, make_item):
    registration = make_registration(
        total_amount={"value": "12.5", "currency": "USD"},
        acquired_at="2025-03-01 14:30",
        items=[
            make_item(line=1, imei="358410209477959", category="phone"),
            make_item(line=1, quantity=0, weight_grams="1,5", price={"value": "1.00\n", "currency": "EUR"}),
            make_item(line=3, imei="35841020947795", category="phone", fineness=1001),
        ],
    )
    del registration["seller"]["address"]["city"]
    registration["seller"]["address"]["country"] = "nl"

    result = api.results(registration)[0]

    assert result["status"] == "rejected"
    assert _codes(result) == {
        ("total_amount.value", "pattern"),
        ("total_amount.currency", "enum"),
        ("acquired_at", "format"),
        ("items[0].imei", "invalid_check_digit"),
        ("items[1].line", "duplicate_line"),
        ("items[1].quantity", "minimum"),
        ("items[1].weight_grams", "pattern"),
        ("items[1].price.value", "pattern"),
        ("items[2].imei", "pattern"),
        ("items[2].fineness", "maximum"),
        ("seller.address.city", "required"),
        ("seller.address.country", "pattern"),
    }
    assert all(error["message"] for error in result["errors"])


def test_missing_and_mistyped_fields_are_reported(api, make_registration):
    registration = make_registration(items=[], payment_method=None, clerk=7)
    del registration["shop_id"]
    registration["id_document"] = "passport"

    result = api.results(registration)[0]

    assert _codes(result) == {
        ("shop_id", "required"),
        ("payment_method", "type"),
        ("clerk", "type"),
        ("id_document", "type"),
        ("items", "min_items"),
    }


def test_a_citizen_service_number_as_dutch_document_number_is_refused_and_not_stored(
    api, admin, make_registration, sandbox_db
):
    registration = make_registration()
    registration["id_document"]["number"] = SPECIMEN_BSN
    dotted = make_registration()
    dotted["id_document"]["number"] = "9999.99.990"

    results = api.results(registration, dotted)

    for result in results:
        assert result["status"] == "rejected"
        assert _codes(result) == {("id_document.number", "personal_number")}
        assert SPECIMEN_BSN not in json.dumps(result)
    assert admin.stats()["registrations"] == 0
    wal = sandbox_db.with_name(sandbox_db.name + "-wal")
    assert SPECIMEN_BSN.encode() not in sandbox_db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_nine_digits_are_only_refused_for_dutch_documents(api, make_registration):
    belgian = make_registration()
    belgian["id_document"].update(number=SPECIMEN_BSN, issuing_country="BEL")
    not_eleven_proof = make_registration()
    not_eleven_proof["id_document"]["number"] = "123456789"

    results = api.results(belgian, not_eleven_proof)

    assert [r["status"] for r in results] == ["accepted", "accepted"]


def test_a_rejected_registration_can_be_fixed_and_sent_again_with_the_same_reference(api, make_registration):
    registration = make_registration(payment_method="cheque")
    assert api.results(registration)[0]["status"] == "rejected"

    registration["payment_method"] = "cash"
    assert api.results(registration)[0]["status"] == "accepted"


def test_a_registration_without_a_usable_reference_is_rejected_under_the_nil_uuid(api, make_registration):
    results = api.results(make_registration(client_reference="K1-000123"), "not an object")

    assert [r["client_reference"] for r in results] == [NIL_REFERENCE, NIL_REFERENCE]
    assert ("client_reference", "format") in _codes(results[0])
    assert _codes(results[1]) == {("", "type")}


def test_references_are_compared_without_regard_to_case(api, make_registration):
    registration = make_registration()
    first = api.results(registration)[0]
    shouting = {**registration, "client_reference": registration["client_reference"].upper()}

    again = api.results(shouting)[0]

    assert again["status"] == "duplicate"
    assert again["dor_id"] == first["dor_id"]
    assert again["client_reference"] == shouting["client_reference"]


def test_malformed_bodies_are_400_problems(api):
    headers = {**api.headers(), "Content-Type": "application/json"}
    bodies = [
        b"{not json",
        b"[]",
        b'{"registrations": {}}',
        b'{"registrations": []}',
        b'{"registrations": [NaN]}',
    ]
    for body in bodies:
        response = api.http.post("/v1/registrations", content=body, headers=headers)
        assert response.status_code == 400, body
        assert response.headers["content-type"] == "application/problem+json"
    text = api.http.post(
        "/v1/registrations", content=b"{}", headers={**api.headers(), "Content-Type": "text/plain"}
    )
    assert text.status_code == 400


def test_more_than_500_registrations_is_413_and_nothing_is_stored(api, admin, make_registration):
    registration = make_registration()
    batch = [{**registration, "client_reference": str(uuid.uuid4())} for _ in range(501)]

    response = api.submit(*batch)

    assert response.status_code == 413
    assert response.json()["status"] == 413
    assert admin.stats()["registrations"] == 0


def test_a_full_batch_of_500_is_stored_in_one_go(api, admin, make_registration):
    batch = [make_registration() for _ in range(500)]

    results = api.results(*batch)

    assert [r["status"] for r in results] == ["accepted"] * 500
    stats = admin.stats()
    assert stats["registrations"] == 500
    assert stats["outcomes"]["accepted"] == 500
    assert stats["stored_more_than_once"] == 0


def test_stats_count_every_outcome(api, admin, make_registration):
    registration = make_registration()
    api.results(registration, registration, {**registration, "clerk": "x"}, make_registration(items=[]))

    outcomes = admin.stats()["outcomes"]

    assert outcomes == {"accepted": 1, "duplicate": 1, "conflict": 1, "rejected": 1}
