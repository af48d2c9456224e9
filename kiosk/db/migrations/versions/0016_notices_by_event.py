"""notices by event and time: the index the manager's figures read the outbox through

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain CREATE INDEX: no batch rebuild of the (large) notifications table on SQLite.
    op.create_index('ix_notifications_event_created', 'notifications', ['event', 'created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_notifications_event_created', table_name='notifications')
