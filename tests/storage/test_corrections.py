"""Corrections and voids are new entries pointing at the old one; the old entry never changes."""

from __future__ import annotations

import json
from contextlib import closing

import pytest
from sqlalchemy import select

from dor_desktop.errors import UserError
from dor_desktop.storage.models import OutboxMessage, RegisterEntry
from dor_desktop.storage.queries import entry_detail
from dor_desktop.storage.register import EntryNotFound

from .conftest import count, raw


@pytest.fixture
def first(register, purchase):
    return register.commit_purchase(purchase())


def _row(db, number):
    with db.read() as session:
        entry = session.scalar(select(RegisterEntry).where(RegisterEntry.register_number == number))
        message = session.scalar(select(OutboxMessage).where(OutboxMessage.entry_id == entry.id))
        return entry, message


def test_a_correction_is_a_new_entry_that_points_at_the_old_one(db, register, purchase, first):
    before, _ = _row(db, "K1-000001")
    fixed = purchase()
    fixed = type(fixed)(**{**vars(fixed), "clerk": "Bert"})
    correction = register.correct("K1-000001", fixed, "wrong clerk")
    entry, message = _row(db, correction.register_number)
    assert (correction.register_number, entry.kind, entry.reason) == (
        "K1-000002",
        "correction",
        "wrong clerk",
    )
    assert entry.refers_to_id == first.entry_id
    assert json.loads(entry.payload)["clerk"] == "Bert"
    assert json.loads(message.payload)["corrects"] == first.client_reference
    after, _ = _row(db, "K1-000001")
    assert (after.payload, after.entry_hash) == (before.payload, before.entry_hash)
    with db.read() as session:
        assert entry_detail(session, "K1-000001").referred_by == [("correction", "K1-000002")]
        assert entry_detail(session, correction.client_reference).refers_to == "K1-000001"


def test_a_void_is_a_new_entry_with_a_voided_event_for_the_dor(db, register, first):
    void = register.void(first.client_reference, "entered twice")
    entry, message = _row(db, void.register_number)
    assert (entry.kind, entry.refers_to_id, entry.reason) == ("void", first.entry_id, "entered twice")
    assert message.kind == "event"
    body = json.loads(message.payload)
    assert body["target"] == first.client_reference
    assert (body["event"]["type"], body["event"]["note"]) == ("voided", "entered twice")


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(db_path, register, purchase, first, reason):
    with pytest.raises(UserError, match="reason is required"):
        register.void("K1-000001", reason)
    with pytest.raises(UserError, match="reason is required"):
        register.correct("K1-000001", purchase(), reason)
    assert count(db_path, "register_entry") == 1


def test_only_the_latest_version_can_change(register, purchase, first):
    register.correct("K1-000001", purchase(), "typo")
    with pytest.raises(UserError, match="already corrected by K1-000002; void that one instead"):
        register.void("K1-000001", "again")
    register.void("K1-000002", "entered twice")
    with pytest.raises(UserError, match="K1-000002 was already voided by K1-000003"):
        register.void("K1-000002", "twice")
    with pytest.raises(UserError, match="already voided"):
        register.correct("K1-000002", purchase(), "after the void")
    with pytest.raises(UserError, match="K1-000003 is itself a void"):
        register.void("K1-000003", "undo")


def _alert(db_path, entry_id: int, status: str = "active", released_at: str | None = None) -> None:
    with closing(raw(db_path)) as connection:
        connection.execute(
            "INSERT INTO alert (entry_id, item_line, hit_id, match_type, matched_field, matched_value, "
            "source, instructions, origin, status, received_at, released_at, release_note) "
            "VALUES (?, 1, ?, 'exact', 'imei', '490154203237518', 'POLITIE', 'keep it', 'submission', ?, "
            "'2026-11-23T10:00:00.000000Z', ?, '')",
            (entry_id, f"hit-{status}-{released_at}", status, released_at),
        )


def test_a_void_is_refused_while_the_goods_are_on_police_hold(db_path, register, first):
    _alert(db_path, first.entry_id)
    with pytest.raises(UserError, match="K1-000001 is on police hold"):
        register.void("K1-000001", "changed my mind")
    assert count(db_path, "register_entry") == 1


@pytest.mark.parametrize(
    ("status", "released_at"), [("active", "2026-11-30T09:00:00.000000Z"), ("withdrawn", None)]
)
def test_a_void_is_allowed_once_the_police_released_the_goods_or_withdrew_the_hit(
    db_path, register, first, status, released_at
):
    _alert(db_path, first.entry_id, status, released_at)
    assert register.void("K1-000001", "mistake").register_number == "K1-000002"


def test_an_entry_with_sold_items_cannot_change(db_path, register, first):
    with closing(raw(db_path)) as connection:
        connection.execute(
            "INSERT INTO sale (entry_id, item_line, sold_at, buyer_name, price, recorded_at) "
            "VALUES (1, 1, '2026-12-02T10:00:00.000000Z', 'B. Uyer', '150.00', '2026-12-02T10:00:00.000000Z')"
        )
    with pytest.raises(UserError, match="sold items"):
        register.void("K1-000001", "mistake")


@pytest.mark.parametrize("reference", ["K1-000009", "k9", "00000000-0000-4000-8000-000000000000"])
def test_an_unknown_reference(register, first, reference):
    with pytest.raises(EntryNotFound, match="no register entry"):
        register.void(reference, "x")


def test_references_are_found_by_number_in_any_case_and_by_uuid(db, first):
    with db.read() as session:
        assert entry_detail(session, " k1-000001 ").summary.client_reference == first.client_reference
        assert entry_detail(session, first.client_reference.upper()).summary.register_number == "K1-000001"
