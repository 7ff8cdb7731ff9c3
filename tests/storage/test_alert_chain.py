"""Alerts are append-only and hash-chained: deleting or editing a hit fails, or fails ``verify``.

Before schema 0003 deleting an alert's row lifted the police hold and ``verify`` still passed.
"""

from __future__ import annotations

from contextlib import closing

import pytest
import sqlcipher3
from alembic import command

from dor_desktop.domain.registration import purchase_to_json
from dor_desktop.storage import alerts, migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.register import on_police_hold, seller_name
from dor_desktop.storage.verify import verify
from tests.conftest import TEST_DB_KEY
from tests.storage.conftest import NOW, raw

from .test_personal_data import _format_1_entry
from .test_sales_and_release import add_alert

TRIGGERS_0003 = (
    "alert_state_by_event",
    "alert_facts_fixed",
    "alert_no_delete",
    "alert_event_no_update",
    "alert_event_no_delete",
)


@pytest.fixture
def hit(db, register, purchase) -> int:
    """Two purchases, a hit on the first one (acknowledged), and a second hit on the other."""
    first = register.commit_purchase(purchase())
    second = register.commit_purchase(purchase())
    alert_id = add_alert(db, first.entry_id)
    alerts.acknowledge(db, alert_id, NOW)
    with db.write() as session:
        alerts.add_alert(session, {**_facts(second.entry_id), "hit_id": "H-2"})
    return alert_id


def _facts(entry_id: int) -> dict:
    return {
        "entry_id": entry_id,
        "item_line": 1,
        "hit_id": "H-1",
        "match_type": "exact",
        "matched_field": "imei",
        "matched_value": "490154203237518",
        "source": "POLITIE",
        "reported_stolen_on": None,
        "instructions": "keep the item apart",
        "origin": "notification",
        "received_at": "2026-11-23T10:00:00.000000Z",
    }


def _attack(db_path, *statements: str, drop_triggers: bool = True) -> None:
    with closing(raw(db_path)) as connection:
        if drop_triggers:
            for trigger in TRIGGERS_0003:
                connection.execute(f"DROP TRIGGER {trigger}")
        for statement in statements:
            connection.execute(statement)


def test_hits_and_their_changes_verify(db, hit):
    alerts.release(db, hit, "PV 2026-7", NOW)
    report = verify(db)
    assert report.ok, report.problem


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM alert",
        "UPDATE alert SET released_at = '2026-11-24T00:00:00.000000Z', release_note = 'x'",
        "UPDATE alert SET status = 'withdrawn', withdrawn_at = '2026-11-24T00:00:00.000000Z'",
        "UPDATE alert SET matched_value = '000000000000000'",
        "UPDATE alert SET acknowledged_at = NULL",
        "DELETE FROM alert_event",
        "UPDATE alert_event SET at = '2026-11-24T00:00:00.000000Z'",
    ],
)
def test_the_triggers_refuse_to_delete_or_edit_alerts(db_path, db, hit, statement):
    with pytest.raises(sqlcipher3.DatabaseError):
        _attack(db_path, statement, drop_triggers=False)
    with db.read() as session:
        assert on_police_hold(session, 1)
    assert verify(db).ok


@pytest.mark.parametrize(
    ("statements", "found"),
    [
        (["DELETE FROM alert WHERE id = 1"], "alert 1 was removed"),
        (["DELETE FROM alert WHERE id = 2"], "alert 2 was removed"),
        (
            ["UPDATE alert SET released_at = '2026-11-24T00:00:00.000000Z', release_note = 'x' WHERE id = 1"],
            "alert 1 (H-1): its state differs from its recorded events",
        ),
        (
            ["UPDATE alert SET status = 'withdrawn' WHERE id = 1"],
            "alert 1 (H-1): its state differs from its recorded events",
        ),
        (
            ["UPDATE alert SET matched_value = '1' WHERE id = 1"],
            "alert 1 (H-1): the hit's details were changed",
        ),
        (
            ["DELETE FROM alert_event WHERE id = 2"],
            "alert event 3: the link to the previous alert event is broken",
        ),
        (
            ["UPDATE alert_event SET note = 'released' WHERE id = 2"],
            "alert event 2: its content was changed after it was recorded",
        ),
    ],
)
def test_with_the_triggers_dropped_verify_names_the_deleted_or_edited_alert(
    db_path, db, hit, statements, found
):
    _attack(db_path, *statements)
    report = verify(db)
    assert not report.ok
    assert report.problem is not None and report.problem.startswith(found), report.problem


def test_alerts_of_a_0002_register_are_moved_into_the_chain(tmp_path, purchase):
    """An existing register's alerts (one active, one acknowledged and released, one withdrawn)."""
    db_path = tmp_path / "old.sqlite3"
    old = Database(db_path, TEST_DB_KEY)
    config = migrate._config()
    with old.engine.begin() as connection:  # a register as schema 0002 made it
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        _format_1_entry(connection, purchase_to_json(purchase()), seller_name(purchase()))
        for alert_id, status, acknowledged, released in [
            (1, "active", None, None),
            (2, "active", "2026-11-23T11:00:00.000000Z", "2026-11-25T09:00:00.000000Z"),
            (3, "withdrawn", None, None),
        ]:
            connection.exec_driver_sql(
                "INSERT INTO alert (entry_id, item_line, hit_id, match_type, matched_field, matched_value, "
                "source, instructions, origin, status, received_at, withdrawn_at, acknowledged_at, "
                "released_at, release_note) VALUES (1, 1, ?, 'exact', 'imei', '490154203237518', 'POLITIE', "
                "'keep it', 'submission', ?, '2026-11-23T10:00:00.000000Z', NULL, ?, ?, ?)",
                (f"H-{alert_id}", status, acknowledged, released, "PV 9" if released else ""),
            )
    old.close()
    migrated = Database(db_path, TEST_DB_KEY)
    try:
        assert migrate.upgrade(migrated, tmp_path / "backups") is not None
        report = verify(migrated)
        assert report.ok, report.problem
        with migrated.read() as session:
            assert on_police_hold(session, 1)  # alert 1 is still active and not released
        with closing(raw(db_path)) as connection:
            kinds = connection.execute("SELECT alert_id, kind FROM alert_event ORDER BY id").fetchall()
        assert kinds == [
            (1, "received"),
            (2, "received"),
            (2, "acknowledged"),
            (2, "released"),
            (3, "received"),
            (3, "withdrawn"),
        ]
        _attack(db_path, "DELETE FROM alert WHERE id = 1")
        assert verify(migrated).problem == "alert 1 was removed (the alert chain records it)"
    finally:
        migrated.close()
