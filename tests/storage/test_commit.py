"""Committing purchases: gap-free numbers per counter, UUID references, entry and outbox together."""

from __future__ import annotations

import json
import uuid
from contextlib import closing

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dor_desktop.storage.chain import GENESIS_HASH
from dor_desktop.storage.models import EntryItem, EntryPersonal, OutboxMessage, RegisterEntry
from dor_desktop.storage.register import ValidationFailed

from .conftest import count, make_register, raw


def test_numbers_are_gap_free_and_references_are_fresh_uuids(register, purchase):
    entries = [register.commit_purchase(purchase()) for _ in range(5)]
    assert [e.register_number for e in entries] == [f"K1-00000{n}" for n in range(1, 6)]
    references = [uuid.UUID(e.client_reference) for e in entries]
    assert len(set(references)) == 5 and all(r.version == 4 for r in references)


def test_numbering_is_per_counter_and_the_chain_spans_all_counters(db, purchase):
    k1, k2 = make_register(db, "K1"), make_register(db, "K2")
    numbers = [r.commit_purchase(purchase()).register_number for r in (k1, k1, k2, k1, k2)]
    assert numbers == ["K1-000001", "K1-000002", "K2-000001", "K1-000003", "K2-000002"]
    with db.read() as session:
        rows = session.execute(
            select(RegisterEntry.prev_hash, RegisterEntry.entry_hash).order_by(RegisterEntry.id)
        )
        links = list(rows)
    assert links[0].prev_hash == GENESIS_HASH
    assert all(
        later.prev_hash == earlier.entry_hash for earlier, later in zip(links, links[1:], strict=False)
    )


def test_a_commit_stores_the_entry_its_items_and_its_frozen_outbox_message(db, register, purchase):
    committed = register.commit_purchase(purchase())
    with db.read() as session:
        entry = session.scalar(select(RegisterEntry))
        message = session.scalar(select(OutboxMessage))
        items = session.scalars(select(EntryItem)).all()
        personal = session.scalar(select(EntryPersonal))
    # Chain format 2: the seller's personal data is kept apart, the chain holds its commitment.
    assert (entry.kind, entry.seller_name, entry.total_amount) == ("purchase", "", "120.00")
    assert (entry.chain_format, len(entry.personal_commitment or "")) == (2, 64)
    assert personal.seller_name == "Jansen, Pieter" and len(personal.salt or "") == 32
    assert "seller" not in json.loads(entry.payload) and "id_document" not in json.loads(entry.payload)
    assert entry.hold_until == "2026-12-01"  # 7 calendar days after Monday 23 November
    assert [(i.line, i.category, i.imei) for i in items] == [(1, "phone", "490154203237518")]
    assert (message.entry_id, message.kind, message.state) == (committed.entry_id, "registration", "pending")
    assert message.idempotency_key == committed.client_reference
    body = json.loads(message.payload)
    assert (body["client_reference"], body["register_number"], body["shop_id"]) == (
        committed.client_reference,
        "K1-000001",
        "SHOP-1",
    )
    assert body["seller"] == json.loads(personal.data or "")["seller"]
    assert body["id_document"]["number"] == "NX12AB3C4"  # the DOR gets the personal data


def test_a_rejected_purchase_stores_nothing_and_uses_no_number(db_path, register, purchase):
    bad = purchase(payment_method=None)
    with pytest.raises(ValidationFailed) as failed:
        register.commit_purchase(bad)
    assert [(p.path, p.code) for p in failed.value.problems] == [("payment_method", "required")]
    assert count(db_path, "register_entry") == count(db_path, "outbox") == 0
    assert register.commit_purchase(purchase()).register_number == "K1-000001"


def test_a_warning_blocks_until_the_clerk_overrides_it_and_the_override_is_kept(db, register, purchase):
    ring = {"category": "jewellery", "description": "ring", "price": "80.00"}
    with pytest.raises(ValidationFailed) as failed:
        register.commit_purchase(purchase(items=[ring]))
    assert [(p.code, p.severity) for p in failed.value.problems] == [("photo_or_number_missing", "warning")]

    override = {
        "code": "photo_or_number_missing",
        "field": "items[0].photo_sha256",
        "note": "seller declined",
    }
    committed = register.commit_purchase(purchase(items=[ring], overrides=[override]))
    with db.read() as session:
        entry = session.get(RegisterEntry, committed.entry_id)
        message = session.scalar(select(OutboxMessage).where(OutboxMessage.entry_id == entry.id))
    assert json.loads(entry.payload)["overrides"] == [override]
    assert "overrides" not in json.loads(message.payload)  # ours, not the DOR's


def test_the_entry_and_its_outbox_row_are_one_transaction(db_path, register, purchase):
    # Make the outbox insert fail inside the commit's transaction, as a full disk would.
    with closing(raw(db_path)) as connection:
        connection.execute(
            "CREATE TRIGGER test_outbox_fails BEFORE INSERT ON outbox "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    with pytest.raises(IntegrityError, match="disk full"):
        register.commit_purchase(purchase())
    assert count(db_path, "register_entry") == count(db_path, "entry_item") == count(db_path, "outbox") == 0

    with closing(raw(db_path)) as connection:
        connection.execute("DROP TRIGGER test_outbox_fails")
    assert register.commit_purchase(purchase()).register_number == "K1-000001"
    assert count(db_path, "register_entry") == count(db_path, "outbox") == 1
