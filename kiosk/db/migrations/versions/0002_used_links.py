"""used host-reply links

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('used_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('used_by', sa.String(length=64), nullable=False),
    sa.Column('used_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_used_links')),
    sa.UniqueConstraint('nonce', name=op.f('uq_used_links_nonce'))
    )


def downgrade() -> None:
    op.drop_table('used_links')
