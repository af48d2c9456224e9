"""Meeting rooms, their bookings (with attendees, checklists and inspections) and damage reports."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.rooms import BookingLevel, BookingStatus
from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import str_enum
from kiosk.models.org import Department, Host


class Room(Base):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    floor: Mapped[str] = mapped_column(String(20), default="")
    capacity: Mapped[int] = mapped_column(Integer)
    # Equipment values (kiosk.domain.rooms.Equipment), as a JSON list.
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Lent to outside parties (or at all) only with a supervisor's approval, e.g. a training room.
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    cleaning_minutes: Mapped[int] = mapped_column(Integer, default=10)
    # A booking not confirmed this long after its start is released.
    confirm_within_minutes: Mapped[int] = mapped_column(Integer, default=10)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        # The conflict check: a room's bookings overlapping an interval.
        Index("ix_bookings_room_starts", "room_id", "starts_at"),
        Index("ix_bookings_site_starts", "site_id", "starts_at"),
        Index("ix_bookings_series", "series_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    status: Mapped[BookingStatus] = mapped_column(str_enum(BookingStatus))
    level: Mapped[BookingLevel] = mapped_column(str_enum(BookingLevel))
    organiser_host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    topic: Mapped[str] = mapped_column(String(200), default="")
    attendee_count: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The room is busy until then: the end plus the room's cleaning buffer (kept here, so a conflict
    # check is one indexed comparison).
    busy_until: Mapped[datetime] = mapped_column(UTCDateTime())
    equipment_needed: Mapped[list[str]] = mapped_column(JSON, default=list)
    catering: Mapped[str] = mapped_column(String(200), default="")
    print_material: Mapped[str] = mapped_column(String(200), default="")
    ad_hoc: Mapped[bool] = mapped_column(Boolean, default=False)  # registered by the desk, inside the notice period
    # Weekly recurrence: the bookings of one series share it (their own rows, so each can move or go).
    series_id: Mapped[str] = mapped_column(String(32), default="")
    # Calendar invitations: one UID per booking, the sequence moves with every change.
    ical_uid: Mapped[str] = mapped_column(String(100), unique=True)
    ical_sequence: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[str] = mapped_column(String(64), default="")  # rooms that need a supervisor
    displaced_by_booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)

    room: Mapped[Room] = relationship()
    organiser: Mapped[Host] = relationship()
    department: Mapped[Department | None] = relationship()


class BookingAttendee(Base):
    """Who attends: a host, a visit (an invited visitor), or a name."""

    __tablename__ = "booking_attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"), index=True)
    host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100), default="")


class ChecklistItem(Base):
    """One line of a booking's preparation or after-use checklist, ticked with who and when."""

    __tablename__ = "booking_checklist_items"
    __table_args__ = (Index("ix_booking_checklist_items_booking", "booking_id", "phase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(16))  # prepare | inspect
    key: Mapped[str] = mapped_column(String(32))  # water, copies, projector, tidy, ...
    quantity: Mapped[int | None] = mapped_column(Integer)  # water = attendees, copies = attendees + 2
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class DamageReport(Base):
    """Damage found after use: the room is out of order until the repair is recorded."""

    __tablename__ = "room_damage_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"), index=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"))
    what: Mapped[str] = mapped_column(String(500))
    photo_jpeg: Mapped[bytes | None] = mapped_column(LargeBinary)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reported_by: Mapped[str] = mapped_column(String(64))
    repaired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    repaired_by: Mapped[str] = mapped_column(String(64), default="")
    repair_note: Mapped[str] = mapped_column(String(500), default="")
    out_of_order_from: Mapped[date] = mapped_column(Date)
