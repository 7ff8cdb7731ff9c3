"""The outbox drainer against the real sandbox: batches, frozen payloads, outcomes, events."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import update

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import AppContext
from dor_desktop.storage.chain import canonical_json
from dor_desktop.storage.models import OutboxMessage
from dor_desktop.storage.verify import verify
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncService
from tests.sync.canned import CannedServer
from tests.sync.conftest import demo_credentials
from tests.sync.helpers import (
    bulk_commit,
    commit,
    entry_hashes,
    outbox,
    purchase_data,
    states,
    to_purchase,
)


def test_every_entry_is_sent_once_and_acknowledged_with_its_dor_id(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    entries = bulk_commit(app, 603)

    report = service.run_once()

    assert (report.sent, report.accepted, report.error) == (603, 603, None)
    rows = outbox(app)
    assert {row.state for row in rows} == {"acknowledged"}
    server = {r["client_reference"]: r for r in admin.registrations()}
    assert len(server) == 603
    hashes = entry_hashes(app)
    for entry, row in zip(entries, rows, strict=True):
        assert server[entry.client_reference]["dor_id"] == row.dor_id
        assert server[entry.client_reference]["times_stored"] == 1
        assert row.acknowledged_at is not None and row.attempts == 1
        assert json.loads(row.result) == {
            "status": "accepted",
            "dor_id": row.dor_id,
            "chain_acknowledged": hashes[entry.register_number],
        }
    assert verify(app.db).ok


def test_batches_go_in_commit_order_and_respect_the_batch_size(
    app: AppContext, sandbox_url: str, make_service, admin: SandboxAdmin
) -> None:
    entries = bulk_commit(app, 25)
    service = make_service(app, sandbox_url, batch_size=10)

    report = service.run_once()

    assert report.accepted == 25
    assert admin.stats()["outcomes"]["accepted"] == 25
    # The sandbox numbers dor_ids in the order it stores them: commit order.
    server_order = [r["client_reference"] for r in admin.registrations()]
    assert server_order == [e.client_reference for e in entries]


def test_the_payload_reaches_the_dor_exactly_as_frozen_at_commit(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    (entry,) = commit(app)
    service.run_once()

    (row,) = outbox(app)
    (stored,) = admin.registrations(entry.client_reference)
    received = stored["registration"]
    chain = received.pop("chain")
    assert received == json.loads(row.payload)
    # Contract 1.1: each registration carries the entry's place in the hash chain.
    assert chain == {
        "counter": "K1",
        "sequence": 1,
        "previous_hash": "0" * 64,
        "entry_hash": entry_hashes(app)[entry.register_number],
    }


def test_a_rejected_entry_does_not_block_the_others_and_is_not_resent(
    lenient_app: AppContext, sandbox_url: str, make_service, admin: SandboxAdmin
) -> None:
    app = lenient_app
    good = to_purchase(purchase_data())
    without_id = purchase_data(overrides=[{"code": "id_document_missing", "field": "id_document"}])
    del without_id["id_document"]
    first = app.register.commit_purchase(good)
    bad = app.register.commit_purchase(to_purchase(without_id))
    last = app.register.commit_purchase(good)
    service = make_service(app, sandbox_url)

    report = service.run_once()

    assert (report.sent, report.accepted, report.rejected) == (3, 2, 1)
    assert states(app) == ["acknowledged", "rejected", "acknowledged"]
    rejected = outbox(app)[1]
    assert rejected.dor_id is None and rejected.acknowledged_at is None
    assert "id_document" in rejected.last_error
    (listed,) = service.rejections()
    assert listed.register_number == bad.register_number
    assert any(error.field == "id_document" for error in listed.errors)
    assert service.status().rejected == 1

    again = service.run_once()
    assert again.sent == 0
    assert sum(admin.stats()["outcomes"].values()) == 3
    assert {first.client_reference, last.client_reference} == {
        r["client_reference"] for r in admin.registrations()
    }


def test_a_correction_of_a_rejected_entry_resolves_it(
    lenient_app: AppContext, sandbox_url: str, make_service, admin: SandboxAdmin
) -> None:
    app = lenient_app
    without_id = purchase_data(overrides=[{"code": "id_document_missing", "field": "id_document"}])
    del without_id["id_document"]
    bad = app.register.commit_purchase(to_purchase(without_id))
    service = make_service(app, sandbox_url)
    service.run_once()

    fixed = app.register.correct(bad.register_number, to_purchase(purchase_data()), "ID document added")
    report = service.run_once()

    assert report.accepted == 1
    assert service.rejections() == [] and service.status().rejected == 0
    (stored,) = admin.registrations(fixed.client_reference)
    assert stored["registration"]["corrects"] == bad.client_reference


def test_the_same_reference_with_other_content_is_flagged_as_conflict(
    app: AppContext, service: SyncService, sandbox_url: str
) -> None:
    commit(app)
    (row,) = outbox(app)
    other = json.loads(row.payload)
    other["clerk"] = "someone else"
    squatter = HttpTransport(demo_credentials(sandbox_url))
    try:
        (first,) = squatter.submit_registrations([json.dumps(other)])
    finally:
        squatter.close()
    assert first.status == "accepted"

    report = service.run_once()

    assert (report.sent, report.conflicts, report.accepted) == (1, 1, 0)
    assert states(app) == ["conflict"]
    assert service.status().conflicts == 1
    (listed,) = service.rejections()
    assert listed.state == "conflict"
    assert service.run_once().sent == 0


def test_events_wait_for_their_registration_and_carry_the_idempotency_key(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    (entry,) = commit(app)
    void = app.register.void(entry.register_number, "entered twice")

    report = service.run_once()

    assert report.accepted == 2
    (event,) = outbox(app, "event")
    (registration,) = outbox(app)
    assert event.state == "acknowledged"
    assert event.dor_id == registration.dor_id
    assert json.loads(event.result)["event_id"].startswith("EVT-")
    assert event.entry_id == void.entry_id
    assert admin.stats()["events"] == 1

    # Re-sending the same event (as after a lost acknowledgement) does not record it twice.
    with service.db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == event.id).values(state="pending"))
    assert service.run_once().accepted == 1
    assert admin.stats()["events"] == 1


def test_an_event_whose_target_was_rejected_is_not_sent_and_says_why(
    lenient_app: AppContext, sandbox_url: str, make_service, admin: SandboxAdmin
) -> None:
    app = lenient_app
    without_id = purchase_data(overrides=[{"code": "id_document_missing", "field": "id_document"}])
    del without_id["id_document"]
    bad = app.register.commit_purchase(to_purchase(without_id))
    app.register.void(bad.register_number, "wrong customer")
    service = make_service(app, sandbox_url)

    service.run_once()

    (event,) = outbox(app, "event")
    assert event.state == "rejected"
    assert "target_not_registered" in event.result
    assert admin.stats()["events"] == 0
    assert service.waiting_count() == 0


def test_a_batch_refused_as_a_whole_is_split_until_the_bad_registration_is_found(
    app: AppContext, make_service
) -> None:
    """A server refusing a whole batch (HTTP 400) for one registration it cannot read at all."""
    entries = commit(app, 8)
    poison = entries[5].client_reference

    def registrations(body: bytes) -> tuple[int, dict]:
        batch = json.loads(body)["registrations"]
        if any(r["client_reference"] == poison for r in batch):
            return 400, {"title": "unreadable registration"}
        results = [
            {
                "client_reference": r["client_reference"],
                "status": "accepted",
                "dor_id": f"D-{r['register_number']}",
            }
            for r in batch
        ]
        return 200, {"results": results}

    with CannedServer() as server:
        server.respond("POST", "/v1/registrations", registrations)
        report = make_service(app, server.url).run_once(poll=False)

    assert (report.sent, report.accepted, report.rejected, report.error) == (8, 7, 1, None)
    rows = outbox(app)
    assert [r.state for r in rows] == ["acknowledged"] * 5 + ["rejected"] + ["acknowledged"] * 2
    assert "HTTP 400" in rows[5].last_error and "unreadable registration" in rows[5].last_error
    assert json.loads(rows[5].result)["errors"][0]["code"] == "http_400"
    assert server.requests["/v1/registrations"] == 7  # 8 -> 4+4 -> 2+2 -> 1+1


def test_an_event_the_dor_refuses_is_rejected_and_does_not_block_the_others(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    first, second = commit(app, 2)
    with app.db.write() as session:  # a sale of an item line the registration does not have
        session.add(
            OutboxMessage(
                entry_id=first.entry_id,
                kind="event",
                idempotency_key=str(uuid.uuid4()),
                payload=canonical_json(
                    {
                        "target": first.client_reference,
                        "event": {"type": "sold", "occurred_at": "2026-11-23T10:00:00+01:00", "item_line": 9},
                    }
                ),
                state="pending",
                attempts=0,
                created_at="2026-11-23T09:00:00.000000Z",
            )
        )
    app.register.void(second.register_number, "wrong entry")

    report = service.run_once()

    refused, void = outbox(app, "event")
    assert refused.state == "rejected" and "HTTP 422" in refused.last_error
    assert void.state == "acknowledged"
    assert (report.sent, report.rejected, report.error) == (4, 1, None)
    assert admin.stats()["events"] == 1
    assert [r.message_kind for r in service.rejections()] == ["event"]
