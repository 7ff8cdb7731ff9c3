"""verify() proves the register complete and unaltered, and names the first entry that is not.

Each attack first drops the append-only triggers, as someone editing the file with a SQLite tool
would; the triggers stop accidents, the hash chain catches the rest.
"""

from __future__ import annotations

import json
from contextlib import closing

import pytest

from dor_desktop.storage.chain import ChainFields, entry_hash
from dor_desktop.storage.verify import verify

from .conftest import make_register, raw

TRIGGERS = (
    "register_entry_no_update",
    "register_entry_no_delete",
    "entry_item_no_change",
    "outbox_payload_frozen",
    "outbox_keep_unacknowledged",
    "register_entry_purge_only",
    "entry_personal_no_delete",
    "entry_personal_purge_only",
)


@pytest.fixture
def five(db, register, purchase):
    """Five purchases on counter K1 and a void of the third; entries 1..6."""
    for _ in range(5):
        register.commit_purchase(purchase())
    register.void("K1-000003", "entered twice")
    return db


def tamper(db_path, *statements: str) -> None:
    with closing(raw(db_path)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        for trigger in TRIGGERS:
            connection.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for statement in statements:
            connection.execute(statement)


def test_an_empty_register_verifies(db):
    assert verify(db).ok and verify(db).entries == 0


def test_a_good_register_verifies_across_counters(five, purchase):
    make_register(five, "K2").commit_purchase(purchase())
    report = verify(five)
    assert (report.ok, report.entries, report.problem) == (True, 7, None)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("seller_name", "'Pietersen, Jan'"),
        ("total_amount", "'12.00'"),
        ("payload", "replace(payload, 'Fairphone', 'Fairfone')"),
        ("reason", "'x'"),
    ],
)
def test_an_edited_entry_is_named(five, db_path, column, value):
    tamper(db_path, f"UPDATE register_entry SET {column} = {value} WHERE register_number = 'K1-000002'")
    report = verify(five)
    assert (report.ok, report.entries, report.first_broken) == (False, 1, "K1-000002")
    assert "content was changed" in report.problem


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(five, db_path):
    with closing(raw(db_path)) as connection:
        columns = ", ".join(ChainFields.__dataclass_fields__)
        row = connection.execute(f"SELECT {columns}, prev_hash FROM register_entry WHERE id = 2").fetchone()
    fields = ChainFields(*row[:-1])
    forged = ChainFields(**{**vars(fields), "total_amount": "1.00"})
    tamper(
        db_path,
        f"UPDATE register_entry SET total_amount = '1.00', entry_hash = '{entry_hash(forged, row[-1])}' "
        "WHERE id = 2",
    )
    report = verify(five)
    assert report.first_broken == "K1-000003" and "link to the previous entry is broken" in report.problem


def test_a_removed_entry_is_found(five, db_path):
    tamper(
        db_path,
        "DELETE FROM entry_item WHERE entry_id = 2",
        "DELETE FROM outbox WHERE entry_id = 2",
        "DELETE FROM register_entry WHERE id = 2",
    )
    report = verify(five)
    assert report.first_broken == "K1-000003" and "numbering gap" in report.problem


def test_a_removed_entry_with_the_later_numbers_shifted_is_found(five, db_path):
    # Renumbering the later entries hides the gap but not the changed content.
    tamper(
        db_path,
        "DELETE FROM entry_item WHERE entry_id = 2",
        "DELETE FROM outbox WHERE entry_id = 2",
        "DELETE FROM register_entry WHERE id = 2",
        "UPDATE register_entry SET sequence = sequence - 1, "
        "register_number = printf('K1-%06d', sequence - 1) WHERE id > 2",
    )
    assert verify(five).first_broken == "K1-000002"


def test_reordered_entries_are_found(five, db_path):
    tamper(
        db_path,
        "UPDATE register_entry SET id = 100 WHERE id = 2",
        "UPDATE register_entry SET id = 2 WHERE id = 3",
        "UPDATE register_entry SET id = 3 WHERE id = 100",
    )
    report = verify(five)
    assert report.first_broken == "K1-000003" and "numbering gap or reorder" in report.problem


def test_an_inserted_entry_is_found(five, db_path):
    tamper(
        db_path,
        "INSERT INTO register_entry (id, register_number, counter_prefix, sequence, client_reference, kind, "
        "reason, committed_at, acquired_at, hold_until, seller_name, total_amount, payload, prev_hash, "
        "entry_hash) "
        "SELECT 99, 'K1-000007', counter_prefix, 7, 'c0ffee00-0000-4000-8000-000000000000', kind, reason, "
        "committed_at, acquired_at, hold_until, seller_name, total_amount, payload, entry_hash, 'f00d' "
        "FROM register_entry WHERE id = 6",
    )
    assert verify(five).first_broken == "K1-000007"


def test_an_edited_outbox_message_is_found(five, db_path):
    # The frozen message is what the DOR receives: a changed copy would report other goods.
    tamper(
        db_path,
        "UPDATE outbox SET payload = replace(payload, '490154203237518', '356938035643809') "
        "WHERE entry_id = 4",
    )
    report = verify(five)
    assert (report.ok, report.first_broken) == (False, "K1-000004")
    assert "outbox" in report.problem


def test_an_edited_void_event_is_found(five, db_path):
    tamper(
        db_path, "UPDATE outbox SET payload = replace(payload, 'entered twice', 'stolen') WHERE entry_id = 6"
    )
    assert verify(five).first_broken == "K1-000006"


def test_an_acknowledged_message_cleaned_up_by_the_sync_layer_is_not_a_problem(five, db_path):
    with closing(raw(db_path)) as connection:
        connection.execute(
            "UPDATE outbox SET acknowledged_at = '2026-11-23T11:00:00.000000Z' WHERE entry_id = 5"
        )
        connection.execute("DELETE FROM outbox WHERE entry_id = 5")
    assert verify(five).ok


def test_an_edited_item_index_row_is_found(five, db_path):
    # entry_item is the search index for serials: a changed IMEI there hides the goods from a search.
    tamper(db_path, "UPDATE entry_item SET imei = '356938035643809' WHERE entry_id = 2")
    report = verify(five)
    assert (report.first_broken, "item rows" in report.problem) == ("K1-000002", True)


def test_the_stored_payload_is_canonical_json(five, db_path):
    with closing(raw(db_path)) as connection:
        payload = connection.execute("SELECT payload FROM register_entry WHERE id = 1").fetchone()[0]
    assert payload == json.dumps(
        json.loads(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
