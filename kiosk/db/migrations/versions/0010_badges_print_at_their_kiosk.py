"""a badge prints at its own kiosk: print jobs and visits remember the kiosk

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10

With several kiosks on one database every print loop took any queued badge, so a visitor who
checked in at one lobby's kiosk could have their badge printed in another lobby. A job now names
the kiosk whose printer prints it; a visit names the kiosk the visitor registered or scanned in at,
where a badge queued later (a walk-in let in by the host or the desk) prints. Jobs written before
this revision name no kiosk: any kiosk of the visit's site prints them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# Dropping a column rebuilds the table on SQLite: keep the AUTOINCREMENT revision 0009 gave it.
_KEEP_AUTOINCREMENT = {'sqlite_autoincrement': True}


def upgrade() -> None:
    with op.batch_alter_table('badge_print_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kiosk_code', sa.String(length=64), nullable=True))
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kiosk_code', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None, table_kwargs=_KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('kiosk_code')
    with op.batch_alter_table('badge_print_jobs', schema=None, table_kwargs=_KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('kiosk_code')
