"""departments may have an English name, for visitors reading English

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02

The kiosk's English host picker told two 张伟 apart only by Chinese department names. HR's host
file may now carry ``department_en``; departments written before this revision have none (NULL)
and are shown by their name as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

# Dropping a column rebuilds the table on SQLite: keep the AUTOINCREMENT revision 0009 gave it.
_KEEP_AUTOINCREMENT = {'sqlite_autoincrement': True}


def upgrade() -> None:
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_en', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('departments', schema=None, table_kwargs=_KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('name_en')
