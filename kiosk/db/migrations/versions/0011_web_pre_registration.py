"""web pre-registration: hosts' sign-in links and sessions, rate-limit hits, a visit's party size

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

The host-reply endpoint grows into a small web app: visitors pre-register ahead on their phones
(a visit of kind "preregistered", pending until the host agrees; a group is one visit with a party
size), and hosts sign in with a one-time link e-mailed to their directory address. Link and session
secrets are stored only as SHA-256; rate-limit hits hold a keyed hash of the client, never its address.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.models.base import UTCDateTime

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_KEEP_AUTOINCREMENT = {'sqlite_autoincrement': True}


def upgrade() -> None:
    op.create_table(
        'host_sign_in_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('host_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('expires_at', UTCDateTime(), nullable=False),
        sa.Column('used_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['host_id'], ['hosts.id'], name=op.f('fk_host_sign_in_links_host_id_hosts'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_host_sign_in_links')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_host_sign_in_links_token_hash')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_host_sign_in_links_host_id'), 'host_sign_in_links', ['host_id'], unique=False)
    op.create_table(
        'host_web_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('host_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('expires_at', UTCDateTime(), nullable=False),
        sa.Column('last_seen_at', UTCDateTime(), nullable=False),
        sa.Column('ended_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['host_id'], ['hosts.id'], name=op.f('fk_host_web_sessions_host_id_hosts'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_host_web_sessions')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_host_web_sessions_token_hash')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_host_web_sessions_host_id'), 'host_web_sessions', ['host_id'], unique=False)
    op.create_table(
        'rate_limit_hits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('bucket', sa.String(length=32), nullable=False),
        sa.Column('subject', sa.String(length=64), nullable=False),
        sa.Column('at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_limit_hits')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_rate_limit_hits_bucket_subject_at', 'rate_limit_hits', ['bucket', 'subject', 'at'],
                    unique=False)
    # A plain ADD COLUMN, not a batch rebuild: a rebuilt table's AUTOINCREMENT mark would fall back to its
    # largest id, handing out again the ids of visits erased before (0009; kiosk/db/migrate.py).
    op.add_column('visits', sa.Column('party_size', sa.Integer(), server_default=sa.text('1'), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None, table_kwargs=_KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('party_size')
    op.drop_index('ix_rate_limit_hits_bucket_subject_at', table_name='rate_limit_hits')
    op.drop_table('rate_limit_hits')
    op.drop_index(op.f('ix_host_web_sessions_host_id'), table_name='host_web_sessions')
    op.drop_table('host_web_sessions')
    op.drop_index(op.f('ix_host_sign_in_links_host_id'), table_name='host_sign_in_links')
    op.drop_table('host_sign_in_links')
