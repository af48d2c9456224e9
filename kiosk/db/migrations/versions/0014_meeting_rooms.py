"""meeting rooms: rooms with their equipment, bookings (company or department level, weekly series,
calendar UID and sequence), attendees, preparation and after-use checklists, damage reports

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

A booking keeps ``busy_until`` (its end plus the room's cleaning buffer), so a conflict check is a range
on the index (room_id, starts_at) compared with busy_until, the buffer already in it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('floor', sa.String(length=20), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('equipment', sa.JSON(), nullable=False),
    sa.Column('needs_approval', sa.Boolean(), nullable=False),
    sa.Column('cleaning_minutes', sa.Integer(), nullable=False),
    sa.Column('confirm_within_minutes', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_rooms_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rooms')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rooms_site_id'), ['site_id'], unique=False)

    op.create_table('bookings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('booked', 'confirmed', 'released', 'displaced', 'cancelled', 'done', name='bookingstatus', native_enum=False, length=24), nullable=False),
    sa.Column('level', sa.Enum('company', 'department', name='bookinglevel', native_enum=False, length=24), nullable=False),
    sa.Column('organiser_host_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('attendee_count', sa.Integer(), nullable=False),
    sa.Column('starts_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('ends_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('busy_until', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('equipment_needed', sa.JSON(), nullable=False),
    sa.Column('catering', sa.String(length=200), nullable=False),
    sa.Column('print_material', sa.String(length=200), nullable=False),
    sa.Column('ad_hoc', sa.Boolean(), nullable=False),
    sa.Column('series_id', sa.String(length=32), nullable=False),
    sa.Column('ical_uid', sa.String(length=100), nullable=False),
    sa.Column('ical_sequence', sa.Integer(), nullable=False),
    sa.Column('confirmed_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('approved_by', sa.String(length=64), nullable=False),
    sa.Column('displaced_by_booking_id', sa.Integer(), nullable=True),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_bookings_ends_after_start')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_bookings_department_id_departments')),
    sa.ForeignKeyConstraint(['displaced_by_booking_id'], ['bookings.id'], name=op.f('fk_bookings_displaced_by_booking_id_bookings')),
    sa.ForeignKeyConstraint(['organiser_host_id'], ['hosts.id'], name=op.f('fk_bookings_organiser_host_id_hosts')),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_bookings_room_id_rooms')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_bookings_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookings')),
    sa.UniqueConstraint('ical_uid', name=op.f('uq_bookings_ical_uid')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.create_index('ix_bookings_room_starts', ['room_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_bookings_series', ['series_id'], unique=False)
        batch_op.create_index('ix_bookings_site_starts', ['site_id', 'starts_at'], unique=False)

    op.create_table('booking_attendees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('host_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_booking_attendees_booking_id_bookings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['host_id'], ['hosts.id'], name=op.f('fk_booking_attendees_host_id_hosts')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_booking_attendees_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking_attendees')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('booking_attendees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booking_attendees_booking_id'), ['booking_id'], unique=False)

    op.create_table('booking_checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('phase', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('done_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('done_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_booking_checklist_items_booking_id_bookings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking_checklist_items')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('booking_checklist_items', schema=None) as batch_op:
        batch_op.create_index('ix_booking_checklist_items_booking', ['booking_id', 'phase'], unique=False)

    op.create_table('room_damage_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=True),
    sa.Column('what', sa.String(length=500), nullable=False),
    sa.Column('photo_jpeg', sa.LargeBinary(), nullable=True),
    sa.Column('reported_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('reported_by', sa.String(length=64), nullable=False),
    sa.Column('repaired_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('repaired_by', sa.String(length=64), nullable=False),
    sa.Column('repair_note', sa.String(length=500), nullable=False),
    sa.Column('out_of_order_from', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_room_damage_reports_booking_id_bookings')),
    sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_room_damage_reports_room_id_rooms')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_damage_reports')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('room_damage_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_damage_reports_room_id'), ['room_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('room_damage_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_damage_reports_room_id'))

    op.drop_table('room_damage_reports')
    with op.batch_alter_table('booking_checklist_items', schema=None) as batch_op:
        batch_op.drop_index('ix_booking_checklist_items_booking')

    op.drop_table('booking_checklist_items')
    with op.batch_alter_table('booking_attendees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_booking_attendees_booking_id'))

    op.drop_table('booking_attendees')
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_index('ix_bookings_site_starts')
        batch_op.drop_index('ix_bookings_series')
        batch_op.drop_index('ix_bookings_room_starts')

    op.drop_table('bookings')
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rooms_site_id'))

    op.drop_table('rooms')
