"""Invitations meet rooms: the meeting an invited visitor comes to, for their e-mail, their badge and the
host's arrival notice.

A visit is at a meeting when a live booking on the visit's day lists it as an attendee
(``BookingAttendee.visit_id``): the invitation form names the booking, or the desk adds the visit to the
booking. A booking cancelled, displaced or released, or a visit moved to another day, no longer puts the
visitor in that room.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus
from kiosk.models import Site, Visit
from kiosk.models.rooms import Booking, BookingAttendee, Room
from kiosk.services.directory.sites import SiteInfo
from kiosk.services.errors import FieldError, ValidationFailed

# The statuses that hold a slot: ``bookings.live_statuses()``, kept here so that a check-in or a badge does
# not import the booking services.
_LIVE = (BookingStatus.BOOKED, BookingStatus.CONFIRMED)


class MeetingPlace(NamedTuple):
    room_name: str
    floor: str
    starts_at: datetime  # aware


def meeting_of_visit(uow: UnitOfWork, visit_id: int) -> MeetingPlace | None:
    """The room, floor and start of the visit's meeting on its day (the earliest, if it is at several)."""
    found = uow.session.execute(
        select(Room.name, Room.floor, Booking.starts_at, Visit.visit_date, Site.timezone)
        .select_from(BookingAttendee)
        .join(Booking, Booking.id == BookingAttendee.booking_id)
        .join(Room, Room.id == Booking.room_id)
        .join(Visit, Visit.id == BookingAttendee.visit_id)
        .join(Site, Site.id == Visit.site_id)
        .where(BookingAttendee.visit_id == visit_id, Booking.status.in_(_LIVE), Booking.site_id == Visit.site_id)
        .order_by(Booking.starts_at, Booking.id)
    ).all()
    for name, floor, starts_at, visit_date, timezone in found:
        if starts_at.astimezone(ZoneInfo(timezone)).date() == visit_date:
            return MeetingPlace(name, floor, starts_at)
    return None


def meeting_payload(uow: UnitOfWork, visit_id: int) -> dict[str, Any]:
    """The fields a notice shows the meeting from (``notify/templates.py``: ``meeting_line``); {} for none."""
    place = meeting_of_visit(uow, visit_id)
    if place is None:
        return {}
    return {"room_name": place.room_name, "room_floor": place.floor, "meeting_starts_at": place.starts_at.isoformat()}


def booking_for_invitation(uow: UnitOfWork, booking_id: int, site: SiteInfo, day: date | None) -> Booking:
    """The booking an invitation names: live, at the site, and on the visit's day (``day``; None: any day,
    the visit takes the booking's). ValidationFailed (field ``booking``) otherwise."""
    booking = uow.session.get(Booking, booking_id)
    if booking is None or booking.site_id != site.id:
        raise ValidationFailed([FieldError("booking", "not_found", f"there is no booking {booking_id}")])
    if booking.status not in _LIVE:
        raise ValidationFailed([FieldError("booking", "not_live", f"booking {booking_id} is {booking.status.value}; "
                                                                  "a visitor cannot be invited to it")])
    meeting_day = site.local_date(booking.starts_at)
    if day is not None and day != meeting_day:
        raise ValidationFailed([FieldError(
            "booking", "other_day", f"booking {booking_id} is on {meeting_day.isoformat()}, not on the visit's day "
                                    f"{day.isoformat()}")])
    return booking


def add_visit_to_booking(uow: UnitOfWork, booking: Booking, visit_id: int) -> None:
    """The invited visit attends the booking (once); the caller commits."""
    known = uow.session.scalar(select(BookingAttendee.id).where(
        BookingAttendee.booking_id == booking.id, BookingAttendee.visit_id == visit_id))
    if known is None:
        uow.session.add(BookingAttendee(booking_id=booking.id, visit_id=visit_id))
        uow.session.flush()
