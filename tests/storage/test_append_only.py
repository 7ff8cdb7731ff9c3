"""The register file refuses changes to what was committed, whoever opens it."""

from __future__ import annotations

from contextlib import closing

import pytest
import sqlcipher3
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from dor_desktop.storage.models import RegisterEntry

from .conftest import raw


@pytest.fixture
def committed(register, purchase):
    return register.commit_purchase(purchase())


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE register_entry SET seller_name = 'Someone, Else'",
        "UPDATE register_entry SET total_amount = '1.00' WHERE id = 1",
        "DELETE FROM register_entry",
        "UPDATE entry_item SET imei = '000000000000000'",
        "UPDATE outbox SET payload = '{}'",
        "UPDATE outbox SET idempotency_key = 'x'",
        "DELETE FROM outbox",
    ],
)
def test_changes_to_committed_rows_are_refused_by_the_file_itself(db_path, committed, statement):
    with (
        closing(raw(db_path)) as connection,
        pytest.raises(sqlcipher3.IntegrityError, match="append-only|frozen|cannot be deleted"),
    ):
        connection.execute(statement)


def test_the_orm_is_refused_too(db, committed):
    with pytest.raises(IntegrityError, match="append-only"), db.write() as session:
        session.execute(update(RegisterEntry).values(reason="edited"))


def test_the_outbox_state_may_change_and_an_acknowledged_message_may_go(db_path, committed):
    with closing(raw(db_path)) as connection:
        connection.execute(
            "UPDATE outbox SET state = 'acknowledged', acknowledged_at = '2026-11-23T10:01:00.000000Z'"
        )
        connection.execute("DELETE FROM outbox WHERE acknowledged_at IS NOT NULL")
        assert connection.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
