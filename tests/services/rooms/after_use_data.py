"""Rooms and bookings for the checklist, inspection, board and report tests, written as rows (as ``book``
leaves them, its checklist included), so these tests do not depend on the booking rules."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.rooms import BookingLevel, BookingStatus, Equipment
from kiosk.models import Host, Site
from kiosk.models.rooms import Booking, Room
from kiosk.services.rooms.checklists import sync_checklist
from tests.factories import SITE, add_host

_uids = itertools.count(1)


def room(db: Database, name: str = "松山厅", *, floor: str = "3F", capacity: int = 20,
         equipment: Iterable[Equipment] = (Equipment.PROJECTOR, Equipment.WHITEBOARD), cleaning_minutes: int = 10,
         active: bool = True) -> int:
    with db.unit_of_work("test") as uow:
        site_id = uow.session.scalar(select(Site.id).where(Site.code == SITE))
        row = Room(site_id=site_id, name=name, floor=floor, capacity=capacity,
                   equipment=[item.value for item in equipment], needs_approval=False,
                   cleaning_minutes=cleaning_minutes, confirm_within_minutes=10, active=active, created_at=uow.now())
        uow.session.add(row)
        uow.commit()
        return row.id


def organiser(db: Database, email: str = "zhang.wei@example.com", name: str = "张伟") -> int:
    with db.unit_of_work("test", write=False) as uow:
        found = uow.session.scalar(select(Host.id).where(Host.email == email))
    return found if found is not None else add_host(db, name=name, email=email, department="Sales").id


def booking(db: Database, room_id: int, starts_at: datetime, ends_at: datetime, *, attendees: int = 8,
            status: BookingStatus = BookingStatus.BOOKED, equipment: Iterable[Equipment] = (), catering: str = "",
            print_material: str = "", topic: str = "周例会", organiser_id: int | None = None) -> int:
    host_id = organiser_id if organiser_id is not None else organiser(db)
    with db.unit_of_work("test") as uow:
        host = uow.session.get(Host, host_id)
        place = uow.session.get(Room, room_id)
        assert host is not None and place is not None
        row = Booking(site_id=place.site_id, room_id=room_id, status=status, level=BookingLevel.DEPARTMENT,
                      organiser_host_id=host_id, department_id=host.department_id, topic=topic,
                      attendee_count=attendees, starts_at=starts_at, ends_at=ends_at,
                      busy_until=ends_at + timedelta(minutes=place.cleaning_minutes),
                      equipment_needed=[item.value for item in equipment], catering=catering,
                      print_material=print_material, ad_hoc=False, series_id="", ical_uid=f"test-{next(_uids)}",
                      ical_sequence=0, created_at=uow.now(), created_by="test", version=1)
        uow.session.add(row)
        uow.session.flush()
        sync_checklist(uow, row)
        uow.commit()
        return row.id


def edit(db: Database, booking_id: int, **changes: object) -> None:
    """Change a booking's fields and bring its checklist up to date, as an edit does."""
    with db.unit_of_work("test") as uow:
        row = uow.session.get(Booking, booking_id)
        assert row is not None
        for field, value in changes.items():
            setattr(row, field, value)
        uow.session.flush()
        sync_checklist(uow, row)
        uow.commit()
