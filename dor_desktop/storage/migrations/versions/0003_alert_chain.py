"""Alerts are append-only and hash-chained: every hit and each change of its state is an event.

Deleting an alert's row used to lift a police hold without a trace. From this revision the
``alert`` rows cannot be deleted, their facts cannot change, and their state (withdrawn,
acknowledged, released) changes only together with an ``alert_event`` row; the events are
append-only and linked by hash, and ``verify`` compares the alerts with them. An index on the
entries' registration time serves the export by registration date.

Existing alerts are moved into the chain in their order: a ``received`` event with the hit's
facts, then the state changes they already had, by time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 16:45:00
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
FACTS = (
    "entry_id",
    "item_line",
    "hit_id",
    "match_type",
    "matched_field",
    "matched_value",
    "source",
    "reported_stolen_on",
    "instructions",
    "origin",
    "received_at",
)
_REFUSE = "BEGIN SELECT RAISE(ABORT, '{}'); END"
_EVENT_EXISTS = "EXISTS (SELECT 1 FROM alert_event e WHERE e.alert_id = OLD.id AND e.kind = '{}' AND {})"


def _canonical(data: object) -> str:
    # Frozen copy of storage.chain.canonical_json: a migration must not change with the app.
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _hash(prev_hash: str, alert_id: int, kind: str, at: str, note: str, data: str) -> str:
    # Frozen copy of storage.alert_chain.event_hash.
    content = {
        "prev_hash": prev_hash,
        "alert_id": alert_id,
        "kind": kind,
        "at": at,
        "note": note,
        "data": data,
    }
    return hashlib.sha256(_canonical(content).encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "alert_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["alert.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("row_hash"),
    )
    op.create_index("ix_alert_event_alert_id", "alert_event", ["alert_id"], unique=False)
    # The export can select by registration date (late entries show in the month they were entered).
    op.create_index("ix_entry_committed_at", "register_entry", ["committed_at"], unique=False)
    _chain_existing_alerts()
    _create_triggers()


def _events_of(row: dict) -> list[tuple[str, str, str, str]]:
    """(kind, at, note, data) of one existing alert, in the order they happened."""
    events = [("received", row["received_at"], "", _canonical({name: row[name] for name in FACTS}))]
    later = []
    if row["status"] == "withdrawn":
        later.append(("withdrawn", row["withdrawn_at"] or row["received_at"], "", ""))
    if row["acknowledged_at"]:
        later.append(("acknowledged", row["acknowledged_at"], "", ""))
    if row["released_at"]:
        later.append(("released", row["released_at"], row["release_note"] or "", ""))
    return events + sorted(later, key=lambda event: event[1])


def _chain_existing_alerts() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT * FROM alert ORDER BY id")).mappings().all()
    previous = GENESIS
    for row in rows:
        if row["status"] == "withdrawn" and not row["withdrawn_at"]:
            # The chain records the state as the row has it; give the withdrawal its time.
            connection.execute(
                sa.text("UPDATE alert SET withdrawn_at = received_at WHERE id = :id"), {"id": row["id"]}
            )
        for kind, at, note, data in _events_of(dict(row)):
            row_hash = _hash(previous, row["id"], kind, at, note, data)
            connection.execute(
                sa.text(
                    "INSERT INTO alert_event (alert_id, kind, at, note, data, prev_hash, row_hash) "
                    "VALUES (:alert_id, :kind, :at, :note, :data, :prev_hash, :row_hash)"
                ),
                {
                    "alert_id": row["id"],
                    "kind": kind,
                    "at": at,
                    "note": note,
                    "data": data,
                    "prev_hash": previous,
                    "row_hash": row_hash,
                },
            )
            previous = row_hash


def _create_triggers() -> None:
    op.execute(
        "CREATE TRIGGER alert_event_no_update BEFORE UPDATE ON alert_event "
        + _REFUSE.format("alert events are append-only")
    )
    op.execute(
        "CREATE TRIGGER alert_event_no_delete BEFORE DELETE ON alert_event "
        + _REFUSE.format("alert events are append-only")
    )
    op.execute(
        "CREATE TRIGGER alert_no_delete BEFORE DELETE ON alert " + _REFUSE.format("alerts are never deleted")
    )
    facts_changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in ("id", *FACTS))
    op.execute(
        f"CREATE TRIGGER alert_facts_fixed BEFORE UPDATE ON alert WHEN {facts_changed} "
        + _REFUSE.format("the details of a hit never change")
    )
    unrecorded = " OR ".join(
        [
            "(NEW.status IS NOT OLD.status AND NOT (OLD.status = 'active' AND NEW.status = 'withdrawn' AND "
            + _EVENT_EXISTS.format("withdrawn", "e.at = NEW.withdrawn_at")
            + "))",
            *(
                f"(NEW.{column} IS NOT OLD.{column} AND NOT (OLD.{column} IS NULL AND "
                + _EVENT_EXISTS.format(kind, f"e.at = NEW.{column}")
                + "))"
                for column, kind in (
                    ("withdrawn_at", "withdrawn"),
                    ("acknowledged_at", "acknowledged"),
                    ("released_at", "released"),
                )
            ),
            "(NEW.release_note IS NOT OLD.release_note AND NOT "
            + _EVENT_EXISTS.format("released", "e.note = NEW.release_note")
            + ")",
        ]
    )
    op.execute(
        f"CREATE TRIGGER alert_state_by_event BEFORE UPDATE ON alert WHEN {unrecorded} "
        + _REFUSE.format("an alert changes state only with an alert event")
    )


def downgrade() -> None:
    for trigger in (
        "alert_state_by_event",
        "alert_facts_fixed",
        "alert_no_delete",
        "alert_event_no_delete",
        "alert_event_no_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_index("ix_entry_committed_at", table_name="register_entry")
    op.drop_index("ix_alert_event_alert_id", table_name="alert_event")
    op.drop_table("alert_event")
