"""notices at the front desk: what the kiosk's welcome screen tells visitors

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('front_desk_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('title_zh', sa.String(length=100), nullable=False),
    sa.Column('title_en', sa.String(length=100), nullable=False),
    sa.Column('body_zh', sa.String(length=400), nullable=False),
    sa.Column('body_en', sa.String(length=400), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('withdrawn_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.CheckConstraint('starts_on <= ends_on', name=op.f('ck_front_desk_notices_dates_ordered')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_front_desk_notices_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_front_desk_notices'))
    )
    with op.batch_alter_table('front_desk_notices', schema=None) as batch_op:
        batch_op.create_index('ix_front_desk_notices_site_ends', ['site_id', 'ends_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('front_desk_notices', schema=None) as batch_op:
        batch_op.drop_index('ix_front_desk_notices_site_ends')

    op.drop_table('front_desk_notices')
