"""live desk: per-area change counters and kiosk heartbeats

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No rows: a write transaction inserts its area's row the first time it bumps it.
    op.create_table('data_changes',
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('area', name=op.f('pk_data_changes'))
    )
    op.create_table('kiosk_heartbeats',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kiosk_code', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('last_seen_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('started_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('camera', sa.Enum('ok', 'unavailable', 'disabled', 'starting', 'unknown', name='camerahealth', native_enum=False, length=24), nullable=False),
    sa.Column('printer', sa.Enum('ready', 'paper_low', 'paper_out', 'cover_open', 'offline', 'error', 'none', 'unknown', name='printerhealth', native_enum=False, length=24), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=False),
    sa.Column('app_version', sa.String(length=32), nullable=False),
    sa.Column('host', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_kiosk_heartbeats_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_heartbeats')),
    sa.UniqueConstraint('kiosk_code', name=op.f('uq_kiosk_heartbeats_kiosk_code'))
    )
    with op.batch_alter_table('kiosk_heartbeats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_heartbeats_site_id'), ['site_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('kiosk_heartbeats', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_heartbeats_site_id'))

    op.drop_table('kiosk_heartbeats')
    op.drop_table('data_changes')
