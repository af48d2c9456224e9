"""front desk records: phone messages and transfers, complaints with follow-up notes, routine check
templates with the checks done and the problems found, and the monthly reports made

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('monthly_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('made_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_monthly_reports_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monthly_reports')),
    sa.UniqueConstraint('site_id', 'month', 'language', name='one_report_per_month'),
    sqlite_autoincrement=True
    )
    op.create_table('routine_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('area', sa.String(length=100), nullable=False),
    sa.Column('schedule', sa.Enum('daily', 'twice_daily', 'weekly', name='routineschedule', native_enum=False, length=24), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_routine_templates_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routine_templates')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('routine_templates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routine_templates_site_id'), ['site_id'], unique=False)

    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('open', 'in_progress', 'resolved', 'closed', name='complaintstatus', native_enum=False, length=24), nullable=False),
    sa.Column('channel', sa.Enum('in_person', 'phone', 'email', 'web', 'other', name='complaintchannel', native_enum=False, length=24), nullable=False),
    sa.Column('customer_name', sa.String(length=100), nullable=False),
    sa.Column('customer_contact', sa.String(length=320), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('happened_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('assignee_host_id', sa.Integer(), nullable=True),
    sa.Column('due_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('escalated_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('resolved_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('satisfaction_via', sa.String(length=16), nullable=False),
    sa.Column('satisfaction_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('closed_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_complaints_satisfaction_1_to_5')),
    sa.ForeignKeyConstraint(['assignee_host_id'], ['hosts.id'], name=op.f('fk_complaints_assignee_host_id_hosts')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_complaints_department_id_departments')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_complaints_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_site_created', ['site_id', 'created_at'], unique=False)
        batch_op.create_index('ix_complaints_status_due', ['status', 'due_at'], unique=False)

    op.create_table('phone_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('message', 'transfer', name='callkind', native_enum=False, length=24), nullable=False),
    sa.Column('status', sa.Enum('new', 'acknowledged', 'called_back', 'closed', name='messagestatus', native_enum=False, length=24), nullable=False),
    sa.Column('urgency', sa.Enum('normal', 'urgent', name='urgency', native_enum=False, length=24), nullable=False),
    sa.Column('caller_name', sa.String(length=100), nullable=False),
    sa.Column('caller_company', sa.String(length=200), nullable=False),
    sa.Column('caller_phone', sa.String(length=32), nullable=False),
    sa.Column('for_host_id', sa.Integer(), nullable=True),
    sa.Column('for_department_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('answered_in_time', sa.Boolean(), nullable=False),
    sa.Column('callback_promised_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('received_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('acknowledged_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=64), nullable=False),
    sa.Column('reminded_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('escalated_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('called_back_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('closed_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('resolved', sa.Boolean(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['for_department_id'], ['departments.id'], name=op.f('fk_phone_messages_for_department_id_departments')),
    sa.ForeignKeyConstraint(['for_host_id'], ['hosts.id'], name=op.f('fk_phone_messages_for_host_id_hosts')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_phone_messages_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phone_messages')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('phone_messages', schema=None) as batch_op:
        batch_op.create_index('ix_phone_messages_site_received', ['site_id', 'received_at'], unique=False)
        batch_op.create_index('ix_phone_messages_status', ['status'], unique=False)

    op.create_table('routine_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('result', sa.Enum('passed', 'problem', name='routineresult', native_enum=False, length=24), nullable=False),
    sa.Column('failed_items', sa.JSON(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('done_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('done_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['routine_templates.id'], name=op.f('fk_routine_checks_template_id_routine_templates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routine_checks')),
    sa.UniqueConstraint('template_id', 'due_on', 'round', name='one_check_per_slot'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('routine_checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routine_checks_template_id'), ['template_id'], unique=False)

    op.create_table('complaint_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('written_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('written_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_complaint_notes_complaint_id_complaints'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_notes')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('complaint_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_notes_complaint_id'), ['complaint_id'], unique=False)

    op.create_table('routine_problems',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('what', sa.String(length=500), nullable=False),
    sa.Column('photo_jpeg', sa.LargeBinary(), nullable=True),
    sa.Column('reported_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('reported_by', sa.String(length=64), nullable=False),
    sa.Column('fixed_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('fixed_by', sa.String(length=64), nullable=False),
    sa.Column('fix_note', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['check_id'], ['routine_checks.id'], name=op.f('fk_routine_problems_check_id_routine_checks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routine_problems')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('routine_problems', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_routine_problems_check_id'), ['check_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('routine_problems', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routine_problems_check_id'))

    op.drop_table('routine_problems')
    with op.batch_alter_table('complaint_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_notes_complaint_id'))

    op.drop_table('complaint_notes')
    with op.batch_alter_table('routine_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routine_checks_template_id'))

    op.drop_table('routine_checks')
    with op.batch_alter_table('phone_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_phone_messages_status')
        batch_op.drop_index('ix_phone_messages_site_received')

    op.drop_table('phone_messages')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_status_due')
        batch_op.drop_index('ix_complaints_site_created')

    op.drop_table('complaints')
    with op.batch_alter_table('routine_templates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_routine_templates_site_id'))

    op.drop_table('routine_templates')
    op.drop_table('monthly_reports')
