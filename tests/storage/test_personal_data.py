"""Personal data apart from the chain (format 2), purged after the retention while verify passes.

Real register files throughout; the DOR's acknowledgement is stamped on the outbox row the way the
sync layer does (the end-to-end run with the sandbox is in tests/cli/test_purge_personal_data.py).
"""

from __future__ import annotations

import json
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, insert, select

from dor_desktop.domain.registration import Envelope, purchase_to_json, registration_from_json
from dor_desktop.reports.labels import labels
from dor_desktop.reports.rows import export_rows
from dor_desktop.storage import alerts, migrate
from dor_desktop.storage.chain import ChainFields, canonical_json, entry_hash
from dor_desktop.storage.copies import item_rows
from dor_desktop.storage.db import Database
from dor_desktop.storage.keys import DbKey
from dor_desktop.storage.models import RegisterEntry
from dor_desktop.storage.personal_purge import purge_personal_data
from dor_desktop.storage.queries import EntryFilter, entry_detail, list_entries
from dor_desktop.storage.register import seller_name
from dor_desktop.storage.verify import verify
from tests.conftest import TEST_DB_KEY, register_connection

from .conftest import make_register, raw
from .test_sales_and_release import add_alert
from .test_verify import tamper

#: Six years after the purchases (NOW is 23 November 2026): past the default 4 years' retention.
SIX_YEARS_ON = date(2032, 11, 24)
#: What identifies the seller of conftest's purchase, in every form it is stored.
PERSONAL = (b"Jansen", b"Pieter", b"NX12AB3C4", b"Dorpsstraat", b"1980-04-01", b"3511 AB")


def acknowledge(db_path: Path, where: str = "1", key: DbKey | None = TEST_DB_KEY) -> None:
    """Stamp the DOR's acknowledgement on the outbox rows, as the drainer does."""
    with closing(register_connection(db_path, key, isolation_level=None)) as connection:
        connection.execute(
            "UPDATE outbox SET state = 'acknowledged', acknowledged_at = '2026-11-23T10:05:00.000000Z', "
            f"dor_id = 'DOR-' || id WHERE {where}"
        )


def file_bytes(db_path: Path) -> bytes:
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def two(db, register, purchase, db_path):
    """Two acknowledged purchases and a void of the second; entries 1..3."""
    register.commit_purchase(purchase())
    register.commit_purchase(purchase())
    register.void("K1-000002", "entered twice")
    acknowledge(db_path)
    return db


@pytest.fixture
def plain_two(tmp_path, purchase):
    """:func:`two` in a register without a key, so the file's bytes can be read: the purge must
    leave nothing in free pages or the WAL, which SQLCipher would only hide, not remove."""
    path = tmp_path / "plain.sqlite3"
    db = Database(path)
    migrate.upgrade(db, tmp_path / "plain-backups")
    register = make_register(db)
    register.commit_purchase(purchase())
    register.commit_purchase(purchase())
    register.void("K1-000002", "entered twice")
    acknowledge(path, key=None)
    yield db, path
    db.close()


def test_a_purge_six_years_on_leaves_no_personal_data_and_verify_passes(plain_two):
    two, db_path = plain_two
    assert all(word in file_bytes(db_path) for word in PERSONAL)  # there before the purge

    purge = purge_personal_data(two, 4, SIX_YEARS_ON)

    assert (purge.purged, purge.held, purge.unacknowledged) == (
        ["K1-000001", "K1-000002", "K1-000003"],
        [],
        [],
    )
    assert purge.cutoff == date(2028, 11, 24) and purge.wal_truncated
    report = verify(two)
    assert (report.ok, report.entries, report.link_only) == (True, 3, 0), report.problem
    with two.read() as session:
        detail = entry_detail(session, "K1-000001")
        listed = list_entries(session, EntryFilter())
        exported = export_rows(session, date(2026, 11, 1), date(2026, 11, 30), labels("en"))
        found_by_name = list_entries(session, EntryFilter(text="Jansen"))
    assert "seller" not in detail.payload and "id_document" not in detail.payload
    assert detail.payload["items"][0]["imei"] == "490154203237518"  # the goods stay
    assert detail.summary.personal_purged and detail.summary.seller_name == ""
    assert detail.summary.dor_id == "DOR-1" and detail.summary.total_amount == "120.00"
    assert [(s.seller_name, s.personal_purged) for s in listed] == [("", True)] * 3
    assert [(r.seller, r.address, r.id_document) for r in exported] == [
        ("(removed after retention)", "", "")
    ] * 3
    assert found_by_name == []
    leftovers = [word for word in PERSONAL if word in file_bytes(db_path)]
    assert leftovers == [], "purged personal data is still in the file (free pages or WAL)"


def test_before_the_retention_ends_nothing_is_purged(two):
    assert purge_personal_data(two, 4, date(2030, 11, 23)).purged == []  # the anniversary itself
    assert purge_personal_data(two, 4, date(2030, 11, 24)).purged != []  # the day after


def test_a_dry_run_changes_nothing(two, db_path):
    before = file_bytes(db_path)
    purge = purge_personal_data(two, 4, SIX_YEARS_ON, dry_run=True)
    assert purge.dry_run and purge.purged == ["K1-000001", "K1-000002", "K1-000003"]
    assert file_bytes(db_path) == before
    with two.read() as session:
        assert entry_detail(session, "K1-000001").payload["seller"]["family_name"] == "Jansen"


def test_an_entry_on_police_hold_keeps_its_data_until_released(db, register, purchase, db_path):
    register.commit_purchase(purchase())
    register.commit_purchase(purchase())
    acknowledge(db_path)
    alert_id = add_alert(db, 1)

    purge = purge_personal_data(db, 4, SIX_YEARS_ON)
    assert (purge.purged, purge.held) == (["K1-000002"], ["K1-000001"])
    with db.read() as session:
        assert entry_detail(session, "K1-000001").summary.seller_name == "Jansen, Pieter"

    alerts.release(db, alert_id, "released by the police, report 2032-17")
    assert purge_personal_data(db, 4, SIX_YEARS_ON).purged == ["K1-000001"]
    assert verify(db).ok


def test_a_hit_on_a_correction_keeps_the_data_of_every_version(db, register, purchase, db_path):
    register.commit_purchase(purchase())
    register.correct("K1-000001", purchase(), "typo in the street")
    acknowledge(db_path)
    add_alert(db, 2)  # the hit is on the correction; the original holds the same seller's data
    purge = purge_personal_data(db, 4, SIX_YEARS_ON)
    assert (purge.purged, sorted(purge.held)) == ([], ["K1-000001", "K1-000002"])
    assert verify(db).ok


def test_an_unacknowledged_registration_is_kept_and_reported(db, register, purchase, db_path):
    register.commit_purchase(purchase())
    register.commit_purchase(purchase())
    acknowledge(db_path, "entry_id = 2")
    purge = purge_personal_data(db, 4, SIX_YEARS_ON)
    assert (purge.purged, purge.unacknowledged) == (["K1-000002"], ["K1-000001"])
    with closing(raw(db_path)) as connection:
        message = connection.execute("SELECT payload FROM outbox WHERE entry_id = 1").fetchone()[0]
    assert json.loads(message)["seller"]["family_name"] == "Jansen"  # still to be sent as it was
    assert verify(db).ok


def test_the_purged_dor_message_keeps_everything_but_the_personal_parts(two, db_path):
    with closing(raw(db_path)) as connection:
        before = json.loads(connection.execute("SELECT payload FROM outbox WHERE id = 1").fetchone()[0])
    purge_personal_data(two, 4, SIX_YEARS_ON)
    with closing(raw(db_path)) as connection:
        after = json.loads(connection.execute("SELECT payload FROM outbox WHERE id = 1").fetchone()[0])
    personal = {"seller", "id_document"}
    assert personal <= before.keys() and not personal & after.keys()
    assert after == {k: v for k, v in before.items() if k not in personal}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE entry_personal SET data = replace(data, 'Jansen', 'Jansem') WHERE entry_id = 2",
        "UPDATE entry_personal SET salt = '00000000000000000000000000000000' WHERE entry_id = 2",
        "UPDATE entry_personal SET salt = 'not hex' WHERE entry_id = 2",
        "UPDATE register_entry SET personal_commitment = '" + "0" * 64 + "' WHERE id = 2",
    ],
)
def test_tampering_with_unpurged_personal_data_or_its_commitment_fails_verify(two, db_path, statement):
    tamper(db_path, statement)
    report = verify(two)
    assert (report.ok, report.first_broken) == (False, "K1-000002")
    assert "content was changed" in report.problem


def test_a_changed_name_in_the_search_index_fails_verify(two, db_path):
    tamper(db_path, "UPDATE entry_personal SET seller_name = 'Pietersen, Jan' WHERE entry_id = 2")
    report = verify(two)
    assert report.first_broken == "K1-000002" and "search index" in report.problem


def test_a_missing_personal_record_fails_verify(two, db_path):
    tamper(db_path, "DELETE FROM entry_personal WHERE entry_id = 2")
    assert verify(two).first_broken == "K1-000002"


def test_only_a_purge_can_change_personal_data(two, db_path):
    refused = [
        "DELETE FROM entry_personal WHERE entry_id = 1",
        "UPDATE entry_personal SET seller_name = 'Someone, Else' WHERE entry_id = 1",
        "UPDATE entry_personal SET data = NULL WHERE entry_id = 1",
        "UPDATE register_entry SET seller_name = '' WHERE id = 1",  # not format 1, not purged
        "UPDATE register_entry SET personal_commitment = NULL WHERE id = 1",
    ]
    with closing(raw(db_path)) as connection:
        for statement in refused:
            with pytest.raises(Exception, match="append-only|purged|only be purged"):
                connection.execute(statement)


def test_an_unacknowledged_dor_message_stays_frozen(db, register, purchase, db_path):
    register.commit_purchase(purchase())
    with closing(raw(db_path)) as connection, pytest.raises(Exception, match="frozen"):
        connection.execute("UPDATE outbox SET payload = '{}'")


# -- entries of chain format 1 (made before schema 0005) --------------------------------------


def _format_1_entry(connection, purchase_json: dict, name: str) -> None:
    """Write an entry as the register did before schema 0005: personal data in the hashed fields."""
    payload = canonical_json(purchase_json)
    fields = ChainFields(
        register_number="K1-000001", counter_prefix="K1", sequence=1,
        client_reference="0f0e0d0c-0000-4000-8000-000000000001", kind="purchase", refers_to_id=None,
        reason="", committed_at="2026-11-23T10:00:00.000000Z", acquired_at="2026-11-23T10:00:00.000000Z",
        hold_until="2026-12-01", seller_name=name, total_amount="120.00", payload=payload,
    )  # fmt: skip
    old_columns = {k: v for k, v in vars(fields).items() if k not in ("chain_format", "personal_commitment")}
    genesis = "0" * 64
    row = {**old_columns, "prev_hash": genesis, "entry_hash": entry_hash(fields, genesis)}
    connection.execute(insert(_table(connection, "register_entry")), [row])
    items = [{"entry_id": 1, **item} for item in item_rows(purchase_json)]
    connection.execute(insert(_table(connection, "entry_item")), items)
    envelope = Envelope(fields.client_reference, "SHOP-1", "K1-000001")
    message = {
        "entry_id": 1, "kind": "registration", "idempotency_key": fields.client_reference,
        "payload": canonical_json(registration_from_json(purchase_json, envelope)), "state": "pending",
        "attempts": 0, "created_at": fields.committed_at, "dor_endpoint": "practice-sandbox",
    }  # fmt: skip
    connection.execute(insert(_table(connection, "outbox")), [message])


def _table(connection, name: str) -> Table:
    return Table(name, MetaData(), autoload_with=connection)


@pytest.fixture
def old_path(tmp_path: Path) -> Path:
    return tmp_path / "old.sqlite3"


@pytest.fixture
def old_and_new(old_path, tmp_path, purchase):
    """A register made at schema 0002 with one format-1 entry, upgraded, then a format-2 entry."""
    old = Database(old_path, TEST_DB_KEY)
    config = migrate._config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        _format_1_entry(connection, purchase_to_json(purchase()), seller_name(purchase()))
    old.close()
    db = Database(old_path, TEST_DB_KEY)
    migrate.upgrade(db, tmp_path / "backups")
    make_register(db).commit_purchase(purchase())
    acknowledge(old_path)
    yield db
    db.close()


def test_format_1_entries_verify_in_full_until_purged(old_and_new):
    with old_and_new.read() as session:
        assert [s.seller_name for s in list_entries(session, EntryFilter(text="jansen"))] == [
            "Jansen, Pieter"
        ] * 2
        chain_formats = (
            session.execute(select(RegisterEntry.chain_format).order_by(RegisterEntry.id)).scalars().all()
        )
    assert chain_formats == [1, 2]
    report = verify(old_and_new)
    assert (report.ok, report.entries, report.link_only) == (True, 2, 0), report.problem


def test_a_purged_format_1_entry_is_honestly_checked_by_its_links_only(old_and_new, old_path):
    purge = purge_personal_data(old_and_new, 4, SIX_YEARS_ON)
    assert purge.purged == ["K1-000001", "K1-000002"]
    report = verify(old_and_new)
    assert (report.ok, report.entries, report.link_only) == (True, 2, 1), report.problem
    with old_and_new.read() as session:
        detail = entry_detail(session, "K1-000001")
    assert detail.summary.personal_purged and "seller" not in detail.payload
    assert [word for word in PERSONAL if word in file_bytes(old_path)] == []


def test_a_new_entry_relabelled_as_format_1_is_found(old_and_new, old_path):
    tamper(
        old_path,
        "UPDATE entry_personal SET purged_at = 'x', seller_name = '', salt = NULL, data = NULL WHERE entry_id = 2",
        "UPDATE register_entry SET chain_format = 1, total_amount = '1.00' WHERE id = 2",
    )
    report = verify(old_and_new)
    assert report.first_broken == "K1-000002" and "old chain format after the upgrade" in report.problem


def test_a_purged_format_1_entry_made_unreadable_is_reported_not_a_traceback(old_and_new, old_path):
    purge_personal_data(old_and_new, 4, SIX_YEARS_ON)
    tamper(old_path, "UPDATE register_entry SET payload = '{not json' WHERE id = 1")
    report = verify(old_and_new)
    assert report.first_broken == "K1-000001" and "no longer readable" in report.problem


def test_an_unreadable_payload_is_a_changed_entry_not_a_traceback(two, db_path):
    tamper(db_path, "UPDATE register_entry SET payload = '{not json' WHERE id = 2")
    report = verify(two)
    assert report.first_broken == "K1-000002" and "content was changed" in report.problem


def test_an_entry_another_program_purged_meanwhile_is_skipped_not_an_error(two):
    from dor_desktop.storage.personal_purge import _purge_entry

    purge_personal_data(two, 4, SIX_YEARS_ON)  # the window did it first; the command line read before
    with two.write() as session:
        assert _purge_entry(session, 1, 2) is False
    assert verify(two).ok
