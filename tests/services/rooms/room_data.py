"""Rooms, organisers and booking forms for the booking tests, made through the room and booking services.

The clock starts on Monday 2026-06-15 at 09:00 in Shanghai (the test site's zone); with the default notice
of one day, tomorrow (TOMORROW) is the first day a department may book without the desk's ad-hoc flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.rooms import BookingStatus, Equipment
from kiosk.models import Host
from kiosk.models.rooms import Booking, DamageReport
from kiosk.services.rooms import bookings, rooms
from kiosk.services.rooms.records import BookingForm, BookingMade, BookingRefused, RoomForm
from tests.factories import SITE, add_host

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 6, 15)  # a Monday
TOMORROW = date(2026, 6, 16)


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = SHANGHAI) -> datetime:
    """An aware instant: ``day`` at ``hour:minute`` in ``zone`` (Shanghai unless said)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def add_room(db: Database, name: str = "301", *, capacity: int = 10, floor: str = "3",
             equipment: Iterable[Equipment] = (Equipment.PROJECTOR, Equipment.WHITEBOARD), cleaning_minutes: int = 0,
             needs_approval: bool = False, confirm_within_minutes: int = 10, active: bool = True) -> int:
    """A room through ``rooms.add_room``; no cleaning buffer unless asked (the buffer tests ask)."""
    form = RoomForm(name=name, capacity=capacity, floor=floor, equipment=frozenset(equipment),
                    needs_approval=needs_approval, cleaning_minutes=cleaning_minutes,
                    confirm_within_minutes=confirm_within_minutes, active=active)
    with db.unit_of_work("staff:amy") as uow:
        return rooms.add_room(uow, SITE, form).room_id


def organiser(db: Database, name: str = "李娜", email: str = "li.na@example.com", department: str = "Sales") -> int:
    """The host with this address (added the first time)."""
    with db.unit_of_work("test", write=False) as uow:
        found = uow.session.scalar(select(Host.id).where(Host.email == email))
    return found if found is not None else add_host(db, name=name, email=email, department=department).id


def form(room_id: int, organiser_id: int, starts_at: datetime, ends_at: datetime, *, count: int = 4,
         **extra: object) -> BookingForm:
    """A booking form for ``count`` attendees (``extra``: the other BookingForm fields)."""
    return BookingForm(room_id=room_id, organiser_host_id=organiser_id, starts_at=starts_at, ends_at=ends_at,
                       attendee_count=count, **extra)  # type: ignore[arg-type]


def book(db: Database, booking: BookingForm, *, actor: str = "staff:amy", can_approve: bool = False,
         notice_days: int = 1) -> BookingMade:
    with db.unit_of_work(actor) as uow:
        return bookings.book(uow, SITE, booking, can_approve=can_approve, notice_days=notice_days)


def refusal(db: Database, booking: BookingForm, *, can_approve: bool = False, notice_days: int = 1) -> BookingRefused:
    """The refusal ``book`` gives (and ``check`` gives the same, writing nothing)."""
    with pytest.raises(BookingRefused) as checked, db.unit_of_work("staff:amy", write=False) as uow:
        bookings.check(uow, SITE, booking, can_approve=can_approve, notice_days=notice_days)
    with pytest.raises(BookingRefused) as refused:
        book(db, booking, can_approve=can_approve, notice_days=notice_days)
    assert (checked.value.reason, checked.value.message) == (refused.value.reason, refused.value.message)
    return refused.value


def status_of(db: Database, booking_id: int) -> BookingStatus:
    with db.unit_of_work("test", write=False) as uow:
        return uow.session.get_one(Booking, booking_id).status


def report_damage(db: Database, room_id: int, what: str = "projector lamp broken") -> int:
    """An open damage report as a row (the inspection services are another test's subject)."""
    with db.unit_of_work("test") as uow:
        report = DamageReport(room_id=room_id, what=what, reported_at=uow.now(), reported_by="staff:amy",
                              out_of_order_from=TODAY)
        uow.session.add(report)
        uow.commit()
        return report.id


def repair(db: Database, report_id: int) -> None:
    with db.unit_of_work("test") as uow:
        uow.session.get_one(DamageReport, report_id).repaired_at = uow.now()
        uow.commit()
