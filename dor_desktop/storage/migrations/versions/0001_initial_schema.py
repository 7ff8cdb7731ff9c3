"""Initial schema: the append-only register, its outbox, alerts, sales and sync state.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 04:07:09.686184
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "register_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_number", sa.String(length=32), nullable=False),
        sa.Column("counter_prefix", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("client_reference", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("refers_to_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("committed_at", sa.String(length=32), nullable=False),
        sa.Column("acquired_at", sa.String(length=32), nullable=False),
        sa.Column("hold_until", sa.String(length=10), nullable=False),
        sa.Column("seller_name", sa.String(length=250, collation="NOCASE"), nullable=False),
        sa.Column("total_amount", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["refers_to_id"],
            ["register_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client_reference"),
        sa.UniqueConstraint("counter_prefix", "sequence", name="uq_entry_counter_sequence"),
        sa.UniqueConstraint("entry_hash"),
        sa.UniqueConstraint("register_number"),
    )
    with op.batch_alter_table("register_entry", schema=None) as batch_op:
        batch_op.create_index("ix_entry_acquired_at", ["acquired_at"], unique=False)
        batch_op.create_index("ix_entry_refers_to", ["refers_to_id"], unique=False)
        batch_op.create_index("ix_entry_seller_name", ["seller_name"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("item_line", sa.Integer(), nullable=True),
        sa.Column("hit_id", sa.String(length=64), nullable=False),
        sa.Column("match_type", sa.String(length=16), nullable=False),
        sa.Column("matched_field", sa.String(length=32), nullable=False),
        sa.Column("matched_value", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("reported_stolen_on", sa.String(length=10), nullable=True),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("withdrawn_at", sa.String(length=32), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=32), nullable=True),
        sa.Column("released_at", sa.String(length=32), nullable=True),
        sa.Column("release_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["register_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hit_id"),
    )
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alert_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "entry_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("brand", sa.String(length=80), nullable=False),
        sa.Column("model", sa.String(length=80), nullable=False),
        sa.Column("serial_number", sa.String(length=64), nullable=False),
        sa.Column("imei", sa.String(length=15), nullable=False),
        sa.Column("frame_number", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["register_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id", "line", name="uq_item_entry_line"),
    )
    with op.batch_alter_table("entry_item", schema=None) as batch_op:
        batch_op.create_index("ix_item_frame", ["frame_number"], unique=False)
        batch_op.create_index("ix_item_imei", ["imei"], unique=False)
        batch_op.create_index("ix_item_serial", ["serial_number"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("dor_id", sa.String(length=64), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("acknowledged_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["register_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index("ix_outbox_state_next", ["state", "next_attempt_at"], unique=False)

    op.create_table(
        "sale",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("item_line", sa.Integer(), nullable=False),
        sa.Column("sold_at", sa.String(length=32), nullable=False),
        sa.Column("buyer_name", sa.String(length=250), nullable=False),
        sa.Column("price", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["register_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id", "item_line", name="uq_sale_entry_line"),
    )

    # The register is append-only: corrections and voids are new entries. These triggers make an
    # accidental UPDATE or DELETE fail loudly instead of silently breaking the hash chain.
    op.execute(
        "CREATE TRIGGER register_entry_no_update BEFORE UPDATE ON register_entry "
        "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER register_entry_no_delete BEFORE DELETE ON register_entry "
        "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER entry_item_no_change BEFORE UPDATE ON entry_item "
        "BEGIN SELECT RAISE(ABORT, 'register items are append-only'); END"
    )
    # The payload sent to the DOR is frozen at commit; an unacknowledged message is never deleted.
    op.execute(
        "CREATE TRIGGER outbox_payload_frozen BEFORE UPDATE OF payload, idempotency_key ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'an outbox payload is frozen at commit'); END"
    )
    op.execute(
        "CREATE TRIGGER outbox_keep_unacknowledged BEFORE DELETE ON outbox "
        "WHEN OLD.acknowledged_at IS NULL "
        "BEGIN SELECT RAISE(ABORT, 'an unacknowledged outbox message cannot be deleted'); END"
    )


def downgrade() -> None:
    for trigger in (
        "outbox_keep_unacknowledged",
        "outbox_payload_frozen",
        "entry_item_no_change",
        "register_entry_no_delete",
        "register_entry_no_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("sale")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state_next")
        batch_op.drop_index(batch_op.f("ix_outbox_entry_id"))

    op.drop_table("outbox")
    with op.batch_alter_table("entry_item", schema=None) as batch_op:
        batch_op.drop_index("ix_item_serial")
        batch_op.drop_index("ix_item_imei")
        batch_op.drop_index("ix_item_frame")

    op.drop_table("entry_item")
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alert_entry_id"))

    op.drop_table("alert")
    op.drop_table("sync_state")
    with op.batch_alter_table("register_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_entry_seller_name")
        batch_op.drop_index("ix_entry_refers_to")
        batch_op.drop_index("ix_entry_acquired_at")

    op.drop_table("register_entry")
