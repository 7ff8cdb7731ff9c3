"""The outbox records which DOR each message is for.

A message made in practice (for the bundled sandbox) must never reach the real DOR, and a message
for the real DOR never the sandbox. Rows from before this revision get no endpoint (NULL): they were
never told apart, and the drainer claims an unsent one for the DOR it serves at its first send.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 08:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: a batch (copy) migration would drop the outbox's triggers.
    op.add_column("outbox", sa.Column("dor_endpoint", sa.String(length=300), nullable=True))
    op.execute(
        "CREATE TRIGGER outbox_endpoint_fixed BEFORE UPDATE OF dor_endpoint ON outbox "
        "WHEN OLD.dor_endpoint IS NOT NULL AND NEW.dor_endpoint IS NOT OLD.dor_endpoint "
        "BEGIN SELECT RAISE(ABORT, 'an outbox message cannot change its DOR'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS outbox_endpoint_fixed")
    op.drop_column("outbox", "dor_endpoint")
