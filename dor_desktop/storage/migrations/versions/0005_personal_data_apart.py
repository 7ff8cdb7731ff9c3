"""Personal data apart from the chained facts, so it can be purged after the retention period.

Entries committed from now on are chain format 2: their hash covers a salted commitment of the
seller's personal data, which lives in ``entry_personal`` (see ``storage.chain``). Entries already
in the register stay format 1: their hashed columns are not touched (the DOR acknowledged their
hashes); only a copy of each seller's name is made into ``entry_personal``, the one search key for
names from now on.

The triggers change so that a purge, and only a purge, can empty personal data:
``entry_personal`` rows can only go from holding data to purged; a format-1 entry's ``seller_name``
and ``payload`` may be rewritten once its ``entry_personal`` row is marked purged (every other
column stays frozen); an outbox payload may be rewritten only when the DOR acknowledged it and the
entry's personal data is purged.

Revision ID: 0005
Revises: 0002 (relinked to the newest revision when merged)
Create Date: 2026-12-02 16:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The sync_state key holding the first entry id of chain format 2 (storage.verify reads it).
FORMAT_2_FROM = "chain_format_2_from_id"

#: Every column of register_entry but the two a format-1 purge may empty.
_FROZEN_COLUMNS = (
    "id, register_number, counter_prefix, sequence, client_reference, kind, refers_to_id, reason, "
    "committed_at, acquired_at, hold_until, total_amount, prev_hash, entry_hash, chain_format, "
    "personal_commitment"
)
_PURGED = (
    "EXISTS (SELECT 1 FROM entry_personal p WHERE p.entry_id = OLD.{column} AND p.purged_at IS NOT NULL)"
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch (copy) migration would drop the table's triggers.
    op.add_column(
        "register_entry", sa.Column("chain_format", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column("register_entry", sa.Column("personal_commitment", sa.String(length=64), nullable=True))
    op.create_table(
        "entry_personal",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("seller_name", sa.String(length=250, collation="NOCASE"), nullable=False),
        sa.Column("salt", sa.String(length=32), nullable=True),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("purged_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["register_entry.id"]),
        sa.PrimaryKeyConstraint("entry_id"),
    )
    op.execute(
        "INSERT INTO entry_personal (entry_id, seller_name) SELECT id, seller_name FROM register_entry"
    )
    op.create_index("ix_personal_seller_name", "entry_personal", ["seller_name"], unique=False)
    # Where format 2 begins: verify holds every entry from this id on to the new format, so a new
    # entry cannot be passed off as an old one (whose purged content is checked by its links only).
    op.execute(
        f"INSERT INTO sync_state (key, value) "
        f"SELECT '{FORMAT_2_FROM}', CAST(coalesce(max(id), 0) + 1 AS TEXT) "
        "FROM register_entry"
    )

    op.execute("DROP TRIGGER register_entry_no_update")
    op.execute(
        f"CREATE TRIGGER register_entry_no_update BEFORE UPDATE OF {_FROZEN_COLUMNS} ON register_entry "
        "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER register_entry_purge_only BEFORE UPDATE OF seller_name, payload ON register_entry "
        f"WHEN NOT (OLD.chain_format = 1 AND NEW.seller_name = '' AND {_PURGED.format(column='id')}) "
        "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER entry_personal_no_delete BEFORE DELETE ON entry_personal "
        "BEGIN SELECT RAISE(ABORT, 'personal data is purged, never deleted'); END"
    )
    op.execute(
        "CREATE TRIGGER entry_personal_purge_only BEFORE UPDATE ON entry_personal "
        "WHEN NOT (OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL AND NEW.entry_id = OLD.entry_id "
        "AND NEW.seller_name = '' AND NEW.salt IS NULL AND NEW.data IS NULL) "
        "BEGIN SELECT RAISE(ABORT, 'personal data can only be purged'); END"
    )
    op.execute("DROP TRIGGER outbox_payload_frozen")
    op.execute(
        "CREATE TRIGGER outbox_payload_frozen BEFORE UPDATE OF payload, idempotency_key ON outbox "
        "WHEN NEW.idempotency_key IS NOT OLD.idempotency_key OR NOT ("
        f"OLD.acknowledged_at IS NOT NULL AND {_PURGED.format(column='entry_id')}) "
        "BEGIN SELECT RAISE(ABORT, 'an outbox payload is frozen at commit'); END"
    )


def downgrade() -> None:
    for trigger in ("outbox_payload_frozen", "entry_personal_purge_only", "entry_personal_no_delete",
                    "register_entry_purge_only", "register_entry_no_update"):  # fmt: skip
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(
        "CREATE TRIGGER outbox_payload_frozen BEFORE UPDATE OF payload, idempotency_key ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'an outbox payload is frozen at commit'); END"
    )
    op.execute(
        "CREATE TRIGGER register_entry_no_update BEFORE UPDATE ON register_entry "
        "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END"
    )
    op.execute(f"DELETE FROM sync_state WHERE key = '{FORMAT_2_FROM}'")
    op.drop_index("ix_personal_seller_name", table_name="entry_personal")
    op.drop_table("entry_personal")
    op.drop_column("register_entry", "personal_commitment")
    op.drop_column("register_entry", "chain_format")
