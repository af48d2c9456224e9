"""parcels and outgoing mail at the front desk: parcels, their photos, signatures and shelf labels,
outgoing mail, and the carriers (seeded with the common ones)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.models.base import UTCDateTime

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# How the common carriers' tracking numbers look. A number is guessed only when exactly one pattern
# matches it whole (a 12-digit number may be ZTO or FedEx: then nobody is guessed). Editable later.
CARRIERS = [
    ("SF", "顺丰速运", "SF Express", r"SF\d{12,13}"),
    ("JD", "京东物流", "JD Logistics", r"JD[A-Z0-9]{13,18}"),
    ("EMS", "EMS/中国邮政", "EMS / China Post", r"[A-Z]{2}\d{9}CN"),
    ("ZTO", "中通快递", "ZTO Express", r"(?:73|75|76|78)\d{10}"),
    ("YTO", "圆通速递", "YTO Express", r"YT\d{13,15}"),
    ("STO", "申通快递", "STO Express", r"77\d{11}"),
    ("YUNDA", "韵达快递", "Yunda Express", r"(?:31|43|46|53|54)\d{11}"),
    ("DHL", "DHL", "DHL Express", r"\d{10}"),
    ("FEDEX", "联邦快递", "FedEx", r"\d{12}|\d{15}"),
    ("UPS", "UPS", "UPS", r"1Z[0-9A-Z]{16}"),
]


def upgrade() -> None:
    carriers = op.create_table(
        'carriers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('name_zh', sa.String(length=100), nullable=False),
        sa.Column('name_en', sa.String(length=100), nullable=False),
        sa.Column('tracking_pattern', sa.String(length=200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_carriers')),
        sa.UniqueConstraint('code', name=op.f('uq_carriers_code')),
        sqlite_autoincrement=True,
    )
    op.bulk_insert(carriers, [
        {"code": code, "name_zh": zh, "name_en": en, "tracking_pattern": pattern, "active": True}
        for code, zh, en, pattern in CARRIERS
    ])
    op.create_table(
        'parcels',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum('announced', 'waiting', 'picked_up', 'returned', 'cancelled',
                                    name='parcelstatus', native_enum=False, create_constraint=False,
                                    length=24), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('tracking_no', sa.String(length=64), nullable=False),
        sa.Column('carrier_code', sa.String(length=16), nullable=False),
        sa.Column('recipient_kind', sa.Enum('host', 'department', 'reception', name='recipientkind',
                                            native_enum=False, create_constraint=False, length=24), nullable=False),
        sa.Column('host_id', sa.Integer(), nullable=True),
        sa.Column('department_id', sa.Integer(), nullable=True),
        sa.Column('sender_name', sa.String(length=100), nullable=False),
        sa.Column('sender_company', sa.String(length=200), nullable=False),
        sa.Column('pieces', sa.Integer(), nullable=False),
        sa.Column('cod_cents', sa.Integer(), nullable=False),
        sa.Column('cod_paid_by', sa.String(length=100), nullable=False),
        sa.Column('cod_reimbursed', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('condition', sa.Enum('intact', 'damaged', 'wet', name='parcelcondition', native_enum=False,
                                       create_constraint=False, length=24), nullable=False),
        sa.Column('condition_note', sa.String(length=500), nullable=False),
        sa.Column('shelf', sa.String(length=32), nullable=False),
        sa.Column('pickup_code_hash', sa.String(length=64), nullable=True),
        sa.Column('pickup_code_sealed', sa.String(length=64), nullable=False),
        sa.Column('batch_id', sa.String(length=32), nullable=False),
        sa.Column('announced_at', UTCDateTime(), nullable=True),
        sa.Column('received_at', UTCDateTime(), nullable=True),
        sa.Column('received_by', sa.String(length=64), nullable=False),
        sa.Column('reminded_at', UTCDateTime(), nullable=True),
        sa.Column('picked_up_at', UTCDateTime(), nullable=True),
        sa.Column('picked_up_by', sa.String(length=100), nullable=False),
        sa.Column('on_behalf_of', sa.String(length=100), nullable=False),
        sa.Column('proxy_phone', sa.String(length=32), nullable=False),
        sa.Column('identity_checked', sa.String(length=100), nullable=False),
        sa.Column('handed_over_by', sa.String(length=64), nullable=False),
        sa.Column('returned_at', UTCDateTime(), nullable=True),
        sa.Column('return_receipt', sa.String(length=64), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['department_id'], ['departments.id'],
                                name=op.f('fk_parcels_department_id_departments')),
        sa.ForeignKeyConstraint(['host_id'], ['hosts.id'], name=op.f('fk_parcels_host_id_hosts')),
        sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_parcels_site_id_sites')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_parcels')),
        sa.UniqueConstraint('pickup_code_hash', name=op.f('uq_parcels_pickup_code_hash')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_parcels_site_status_received', 'parcels', ['site_id', 'status', 'received_at'])
    op.create_index('ix_parcels_tracking_no', 'parcels', ['tracking_no'],
                    postgresql_ops={'tracking_no': 'text_pattern_ops'})
    op.create_index('ix_parcels_host_status', 'parcels', ['host_id', 'status'])
    op.create_index('ix_parcels_received', 'parcels', ['received_at'])
    op.create_table(
        'label_print_jobs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('parcel_id', sa.Integer(), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('status', sa.Enum('queued', 'sent', 'done', 'failed', name='printjobstatus', native_enum=False,
                                    create_constraint=False, length=24), nullable=False),
        sa.Column('requested_by', sa.String(length=64), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.Column('next_attempt_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_label_print_jobs_parcel_id_parcels'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_label_print_jobs')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_label_print_jobs_status', 'label_print_jobs', ['status', 'next_attempt_at'])
    op.create_index(op.f('ix_label_print_jobs_parcel_id'), 'label_print_jobs', ['parcel_id'])
    for table, signer in (('parcel_photos', False), ('parcel_signatures', True)):
        columns = [
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('parcel_id', sa.Integer(), nullable=False),
        ]
        if signer:
            columns.append(sa.Column('signer_name', sa.String(length=100), nullable=False))
        columns += [
            sa.Column('png' if signer else 'jpeg', sa.LargeBinary(), nullable=False),
            sa.Column('created_at', UTCDateTime(), nullable=False),
        ]
        op.create_table(
            table, *columns,
            sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f(f'fk_{table}_parcel_id_parcels'),
                                    ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
            sqlite_autoincrement=True,
        )
        op.create_index(op.f(f'ix_{table}_parcel_id'), table, ['parcel_id'])
    op.create_table(
        'outgoing_mail',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum('logged', 'sent', 'cancelled', name='mailstatus', native_enum=False,
                                    create_constraint=False, length=24), nullable=False),
        sa.Column('sender_host_id', sa.Integer(), nullable=True),
        sa.Column('department_id', sa.Integer(), nullable=True),
        sa.Column('recipient_name', sa.String(length=100), nullable=False),
        sa.Column('recipient_company', sa.String(length=200), nullable=False),
        sa.Column('address', sa.String(length=500), nullable=False),
        sa.Column('phone', sa.String(length=32), nullable=False),
        sa.Column('carrier_code', sa.String(length=16), nullable=False),
        sa.Column('weight_grams', sa.Integer(), nullable=False),
        sa.Column('fee_cents', sa.Integer(), nullable=False),
        sa.Column('tracking_no', sa.String(length=64), nullable=False),
        sa.Column('postage_receipt_no', sa.String(length=64), nullable=False),
        sa.Column('note', sa.String(length=500), nullable=False),
        sa.Column('logged_at', UTCDateTime(), nullable=False),
        sa.Column('logged_by', sa.String(length=64), nullable=False),
        sa.Column('sent_at', UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['department_id'], ['departments.id'],
                                name=op.f('fk_outgoing_mail_department_id_departments')),
        sa.ForeignKeyConstraint(['sender_host_id'], ['hosts.id'], name=op.f('fk_outgoing_mail_sender_host_id_hosts')),
        sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_outgoing_mail_site_id_sites')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_mail')),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_outgoing_mail_site_logged', 'outgoing_mail', ['site_id', 'logged_at'])
    op.create_index('ix_outgoing_mail_department_logged', 'outgoing_mail', ['department_id', 'logged_at'])


def downgrade() -> None:
    for table in ('outgoing_mail', 'parcel_signatures', 'parcel_photos', 'label_print_jobs', 'parcels', 'carriers'):
        op.drop_table(table)
