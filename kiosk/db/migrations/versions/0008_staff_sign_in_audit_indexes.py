"""staff accounts: last sign-in; audit log indexes by actor and by action

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

The desk's staff list shows when each person last signed in. The desk's audit log filters by
person and by action, newest first (by time, then id), often within dates, and lists the people
and actions recorded for its filters: without an index on each, those reads walk the whole trail
and sort what they find (measured on 1,000,000 events with benchmarks/bench_audit_log.py; the
figures are in that script's docstring).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_sign_in_at', kiosk.models.base.UTCDateTime(), nullable=True))
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_actor', ['actor', 'at', 'id'], unique=False)
        batch_op.create_index('ix_audit_action', ['action', 'at', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_action')
        batch_op.drop_index('ix_audit_actor')
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('last_sign_in_at')
