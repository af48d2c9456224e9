"""ids are never reused on SQLite (AUTOINCREMENT); wrong maintenance PINs kept per kiosk

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-09

SQLite gives a deleted row's id to the next insert unless the table says AUTOINCREMENT, and ids
leave the database (host-reply links, the audit trail, exports): an erased visit's id then named
the next walk-in, and the first host's unused link approved them. SQLite cannot add AUTOINCREMENT
to a table, so each table is rebuilt (batch "recreate", data copied); ``kiosk.db.migrate`` runs
migrations with foreign keys off on SQLite, so dropping the old copy of a parent table does not
cascade into its children. PostgreSQL's sequences never hand out a value twice: nothing to do there.

The sequences of visits and visitors start above every id the database still mentions (audit
trail, used links, notices), so an id erased before this upgrade is not handed out again either.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# The tables of revision 0008 with an integer id, parents before children (frozen: later tables are
# created with AUTOINCREMENT by their own migrations).
TABLES = (
    'sites', 'departments', 'staff_users', 'agreements', 'deny_list', 'audit_events', 'notifications',
    'used_links', 'kiosks', 'hosts', 'visitors', 'kiosk_heartbeats', 'front_desk_notices', 'visits',
    'access_tokens', 'agreement_signatures', 'badge_print_jobs', 'feedback', 'visit_photos',
)
# Where an erased row's id may still be mentioned: (table, sequence floor query).
ID_MENTIONS = {
    'visits': (
        "SELECT MAX(entity_id) FROM audit_events WHERE entity = 'visit'",
        "SELECT MAX(visit_id) FROM used_links",
        "SELECT MAX(visit_id) FROM notifications",
    ),
    'visitors': ("SELECT MAX(entity_id) FROM audit_events WHERE entity = 'visitor'",),
}


def _rebuild(autoincrement: bool) -> None:
    for name in TABLES:
        with op.batch_alter_table(
            name, recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}
        ):
            pass


def _raise_sequences() -> None:
    connection = op.get_bind()
    for name, queries in ID_MENTIONS.items():
        highest = max((connection.exec_driver_sql(q).scalar() or 0 for q in queries), default=0)
        current = connection.exec_driver_sql(f"SELECT seq FROM sqlite_sequence WHERE name = '{name}'").scalar()
        if current is None:
            connection.exec_driver_sql(f"INSERT INTO sqlite_sequence (name, seq) VALUES ('{name}', {int(highest)})")
        elif current < highest:
            connection.exec_driver_sql(f"UPDATE sqlite_sequence SET seq = {int(highest)} WHERE name = '{name}'")


def upgrade() -> None:
    op.create_table('kiosk_pin_locks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kiosk_code', sa.String(length=64), nullable=False),
    sa.Column('wrong_pins', sa.Integer(), nullable=False),
    sa.Column('locked_until', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('updated_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kiosk_pin_locks')),
    sa.UniqueConstraint('kiosk_code', name=op.f('uq_kiosk_pin_locks_kiosk_code')),
    sqlite_autoincrement=True,
    )
    if op.get_bind().dialect.name == 'sqlite':
        _rebuild(autoincrement=True)
        _raise_sequences()


def downgrade() -> None:
    op.drop_table('kiosk_pin_locks')
    if op.get_bind().dialect.name == 'sqlite':
        _rebuild(autoincrement=False)
