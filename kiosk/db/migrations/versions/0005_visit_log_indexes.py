"""visit log indexes: visitors by company

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

The desk's visitor log matches the start of a visitor's company; without an index that is a scan
of every visitor (40-90 ms at 300,000 visitors), with it an index range (under 1 ms). Measured on
1,000,000 visits with benchmarks/bench_visitor_log.py; the other filters and the default sort are
served by the indexes visits already has.
"""

from __future__ import annotations

from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visitors', schema=None) as batch_op:
        batch_op.create_index('ix_visitors_company', ['company'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visitors', schema=None) as batch_op:
        batch_op.drop_index('ix_visitors_company')
