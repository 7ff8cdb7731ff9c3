"""Contract 1.1 end to end: the DOR anchors the chain, so lost or reused entries are found."""

from __future__ import annotations

import json

import pytest

from dor_desktop.services.context import AppContext
from dor_desktop.storage.anchor import AcknowledgedHead, AnchorProblem, check_against_head
from dor_desktop.storage.verify import verify
from dor_desktop.sync.anchor_check import check_anchor
from dor_desktop.sync.errors import BadResponse
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncService
from tests.storage.test_verify import tamper
from tests.sync.canned import CannedServer
from tests.sync.conftest import demo_credentials
from tests.sync.helpers import commit, entry_hashes, outbox


def _delete_newest(app: AppContext, count: int) -> None:
    newest = f"(SELECT id FROM register_entry ORDER BY id DESC LIMIT {count})"
    tamper(
        app.db.path,
        f"DELETE FROM entry_item WHERE entry_id IN {newest}",
        f"DELETE FROM outbox WHERE entry_id IN {newest}",
        f"DELETE FROM register_entry WHERE id IN {newest}",
    )


def test_the_dor_holds_the_head_of_what_it_acknowledged(app: AppContext, service: SyncService) -> None:
    assert service.transport.fetch_chain_head("K1") == AcknowledgedHead("K1", 0)
    commit(app, 3)
    service.run_once()

    head = service.transport.fetch_chain_head("K1")

    assert head == AcknowledgedHead("K1", 3, entry_hashes(app)["K1-000003"], "K1-000003")
    assert check_against_head(app.db, head) == []


def test_deleted_entries_and_reused_numbers_are_refused_and_found(
    app: AppContext, service: SyncService
) -> None:
    commit(app, 3)
    service.run_once()
    head = service.transport.fetch_chain_head("K1")

    _delete_newest(app, 2)
    assert verify(app.db).ok
    assert [f.problem for f in check_against_head(app.db, head)] == [AnchorProblem.ENTRIES_MISSING]

    commit(app, 2)  # K1-000002 and K1-000003 handed out again
    report = service.run_once()

    assert (report.accepted, report.conflicts) == (0, 2)
    conflicts = [row for row in outbox(app) if row.state == "conflict"]
    assert [json.loads(row.result or "")["errors"][0]["code"] for row in conflicts] == [
        "register_number_reused"
    ] * 2
    assert all("lost or the register was replaced" in (row.last_error or "") for row in conflicts)
    assert service.transport.fetch_chain_head("K1") == head  # the DOR's anchor did not move
    assert [f.problem for f in check_against_head(app.db, head)] == [AnchorProblem.CHAIN_REWRITTEN]


@pytest.mark.parametrize(
    ("answer", "complaint"),
    [
        ({"counter": "K2", "sequence": 1}, "counter is 'K2' where 'K1' was asked for"),
        ({"counter": "K1", "sequence": -1}, "sequence is missing or negative"),
        ({"counter": "K1", "sequence": "3"}, "sequence is not a whole number"),
        ({"counter": "K1", "sequence": 3, "entry_hash": "ABC"}, "entry_hash is not a SHA-256 hash"),
        ([], "the answer is not an object"),
    ],
)
def test_a_malformed_head_is_a_bad_response(answer, complaint: str) -> None:
    with CannedServer() as server:
        server.answer("GET", "/v1/chain-head", 200, answer)
        transport = HttpTransport(demo_credentials(server.url))
        try:
            with pytest.raises(BadResponse, match=complaint):
                transport.fetch_chain_head("K1")
        finally:
            transport.close()


def test_check_anchor_compares_every_counter_and_the_configured_one(
    app: AppContext, service: SyncService
) -> None:
    commit(app, 2)
    service.run_once()
    _delete_newest(app, 2)  # every K1 entry gone: K1 is then only known from the settings

    assert check_anchor(app.db, service.transport).checked == ()
    result = check_anchor(app.db, service.transport, ["K1", "K9"])

    assert result.checked == ("K1", "K9") and result.unreachable is None and not result.ok
    assert [f.problem for f in result.findings] == [AnchorProblem.ENTRIES_MISSING]


def test_check_anchor_says_when_the_dor_could_not_be_asked(app: AppContext) -> None:
    commit(app)
    with CannedServer() as server:
        server.answer("GET", "/v1/chain-head", 503, {"title": "maintenance"})
        transport = HttpTransport(demo_credentials(server.url))
        try:
            result = check_anchor(app.db, transport, ["K1"])
        finally:
            transport.close()

    assert not result.ok and result.findings == () and result.checked == ()
    assert result.unreachable is not None and "only the local chain was checked" in result.unreachable
    assert "maintenance" in result.unreachable
