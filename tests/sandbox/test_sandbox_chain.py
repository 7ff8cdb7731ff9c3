"""Contract 1.1: the sandbox anchors the shop's chain and refuses reused register numbers."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from dor_desktop.sandbox.server import run_sandbox


def _chain(sequence: int, counter: str = "K1", fill: str | None = None) -> dict[str, Any]:
    digit = fill or f"{sequence % 10}"
    return {
        "counter": counter,
        "sequence": sequence,
        "previous_hash": "a" * 64,
        "entry_hash": digit * 64,
    }


def _head(api, counter: str = "K1") -> dict[str, Any]:
    response = api.get("/v1/chain-head", counter=counter)
    assert response.status_code == 200, response.text
    return response.json()


def test_an_accepted_position_is_acknowledged_and_becomes_the_head(api, make_registration):
    assert _head(api) == {"counter": "K1", "sequence": 0}

    result = api.results(make_registration(register_number="K1-000001", chain=_chain(1)))[0]

    assert result["status"] == "accepted"
    assert result["chain_acknowledged"] == "1" * 64
    head = _head(api)
    assert (head["sequence"], head["entry_hash"], head["register_number"]) == (1, "1" * 64, "K1-000001")
    assert head["acknowledged_at"].endswith("Z") or "+" in head["acknowledged_at"]
    assert _head(api, "K2") == {"counter": "K2", "sequence": 0}


def test_the_head_is_the_highest_sequence_not_the_last_one_sent(api, make_registration):
    api.results(make_registration(register_number="K1-000005", chain=_chain(5)))
    api.results(make_registration(register_number="K1-000003", chain=_chain(3)))

    assert _head(api)["sequence"] == 5


def test_a_register_number_used_again_by_another_entry_is_refused(api, admin, make_registration):
    api.results(make_registration(register_number="K1-000007", chain=_chain(7)))

    again = api.results(make_registration(register_number="K1-000007", chain=_chain(7, fill="e")))[0]

    assert again["status"] == "conflict"
    assert again["errors"][0]["code"] == "register_number_reused"
    assert again["errors"][0]["field"] == "register_number"
    assert admin.stats()["registrations"] == 1
    assert _head(api)["entry_hash"] == "7" * 64


def test_a_chain_position_used_again_under_another_number_is_refused(api, make_registration):
    api.results(make_registration(register_number="K1-000002", chain=_chain(2)))

    again = api.results(make_registration(register_number="X-2", chain=_chain(2, fill="f")))[0]

    assert again["status"] == "conflict"
    assert (again["errors"][0]["field"], again["errors"][0]["code"]) == (
        "chain.sequence",
        "register_number_reused",
    )


def test_a_number_claimed_twice_in_one_batch_is_refused_the_second_time(api, make_registration):
    first, second = (make_registration(register_number="K1-000009") for _ in range(2))

    results = api.results(first, second)

    assert [r["status"] for r in results] == ["accepted", "conflict"]
    assert results[1]["errors"][0]["code"] == "register_number_reused"


def test_the_same_registration_sent_again_is_a_duplicate_with_or_without_its_chain(api, make_registration):
    registration = make_registration(register_number="K1-000011")
    first = api.results(registration)[0]

    again = api.results({**registration, "chain": _chain(11)})[0]

    assert again["status"] == "duplicate" and again["dor_id"] == first["dor_id"]
    assert "chain_acknowledged" not in again  # the DOR keeps the first outcome: no position
    anchored = make_registration(register_number="K1-000012", chain=_chain(12))
    api.results(anchored)
    assert api.results(anchored)[0]["chain_acknowledged"] == "2" * 64


def test_a_malformed_chain_is_a_field_error(api, make_registration):
    chain = {**_chain(1), "entry_hash": "XYZ", "sequence": 0}

    result = api.results(make_registration(chain=chain))[0]

    assert result["status"] == "rejected"
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("chain.entry_hash", "pattern"),
        ("chain.sequence", "minimum"),
    }


def test_the_head_needs_a_counter_and_a_token(api, sandbox_url):
    assert api.get("/v1/chain-head").status_code == 400
    assert api.get("/v1/chain-head", counter="K" * 17).status_code == 400
    assert api.http.get("/v1/chain-head", params={"counter": "K1"}).status_code == 401


def test_each_shop_has_its_own_numbers_and_head(tmp_path, open_session, make_registration):
    clients = {"shop-a": "secret-a", "shop-b": "secret-b"}
    with run_sandbox(tmp_path / "two.sqlite3", clients=clients) as url:
        shop_a, shop_b = open_session(url, "shop-a", "secret-a"), open_session(url, "shop-b", "secret-b")
        shop_a.results(make_registration(register_number="K1-000001", chain=_chain(1)))

        result = shop_b.results(make_registration(register_number="K1-000001"))[0]

        assert result["status"] == "accepted"
        assert _head(shop_b)["sequence"] == 0


def test_numbers_stored_before_contract_1_1_are_not_handed_out_again(
    sandbox_db, open_session, make_registration
):
    with run_sandbox(sandbox_db) as url:
        open_session(url).results(make_registration(register_number="K1-000004"))
    with sqlite3.connect(sandbox_db) as conn:  # as a sandbox file from before 1.1 looked
        conn.execute("DELETE FROM register_numbers")
        conn.execute("DELETE FROM meta WHERE key = 'register_numbers_backfilled'")
    conn.close()

    with run_sandbox(sandbox_db) as url:
        reused = make_registration(register_number="K1-000004", client_reference=str(uuid.uuid4()))
        result = open_session(url).results(reused)[0]

    assert result["status"] == "conflict"
    assert result["errors"][0]["code"] == "register_number_reused"


def test_a_position_written_as_a_float_is_the_same_position(api, make_registration):
    api.results(make_registration(register_number="K1-000021", chain=_chain(21)))

    again = api.results(
        make_registration(register_number="X-21", chain={**_chain(21, fill="c"), "sequence": 21.0})
    )[0]

    assert again["status"] == "conflict" and again["errors"][0]["field"] == "chain.sequence"
