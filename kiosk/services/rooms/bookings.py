"""Booking a room at the desk: book, change, cancel, confirm, add an attendee; releasing the bookings nobody
confirmed in time (housekeeping, every minute).

Each call is one transaction. ``book`` and ``edit`` lock the room's row before the conflict check (PostgreSQL;
SQLite's write transaction is exclusive anyway), so of two desks booking one slot at once exactly one wins
and the other is told whose booking is in the way. A company booking displaces the department bookings in
its slot ("the part yields to the whole"): each becomes DISPLACED, its organiser told, with the free rooms
that fit offered for the same time. Every change moves the booking's ``version`` (the desk's edit form sends
the one it saw) and, when the calendar entry changes, its ``ical_sequence``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from uuid import uuid4

from sqlalchemy import delete, func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus, Equipment
from kiosk.models import Department, Host, Site
from kiosk.models.rooms import Booking, BookingAttendee, Room
from kiosk.services import audit
from kiosk.services.directory.sites import SiteInfo
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.rooms import checklists, notices
from kiosk.services.rooms.booking_checks import Verdict, assess
from kiosk.services.rooms.booking_form import checked_attendees
from kiosk.services.rooms.booking_rows import booking_detail, booking_row, list_bookings, site_of
from kiosk.services.rooms.records import (
    AttendeeForm,
    BookingDetail,
    BookingForm,
    BookingMade,
    BookingRow,
    Displacement,
)
from kiosk.services.rooms.rooms import LIVE_STATUSES, equipment_of, free_rooms_at
from kiosk.services.text import clean_text, normalise_email

__all__ = [
    "add_attendee",
    "book",
    "booking_detail",
    "booking_row",
    "cancel",
    "cancel_booking",
    "check",
    "confirm",
    "edit",
    "list_bookings",
    "live_statuses",
    "make",
    "organiser_id_for",
    "release_unconfirmed",
]

ICAL_DOMAIN = "lobby-kiosk"


def live_statuses() -> frozenset[BookingStatus]:
    """Bookings that hold their slot: booked and confirmed (a DONE booking took place but is over)."""
    return LIVE_STATUSES


def organiser_id_for(uow: UnitOfWork, email: str) -> int:
    """The active host with this e-mail address, whatever its case (NotFound)."""
    try:
        address = normalise_email(email, "organiser", required=True)
    except ValidationFailed:
        address = None
    host_id = None if address is None else uow.session.scalar(
        select(Host.id).where(func.lower(Host.email) == address.lower(), Host.active.is_(True)))
    if host_id is None:
        raise NotFound(f"no active host with the e-mail address {email.strip()!r}")
    return int(host_id)


def _lock_booking(uow: UnitOfWork, booking_id: int) -> Booking:
    booking = uow.session.scalars(select(Booking).where(Booking.id == booking_id).with_for_update()
                                  .execution_options(populate_existing=True)).one_or_none()
    if booking is None:
        raise NotFound(f"no booking {booking_id}")
    return booking


def _state(booking: Booking) -> dict[str, Any]:
    return {"status": booking.status.value, "room_id": booking.room_id, "level": booking.level.value,
            "starts_at": booking.starts_at.isoformat(), "ends_at": booking.ends_at.isoformat(),
            "attendee_count": booking.attendee_count, "version": booking.version}


# -- check and book ------------------------------------------------------------------------------------------


def check(uow: UnitOfWork, site_code: str, form: BookingForm, *, can_approve: bool, notice_days: int,
          exclude_booking_id: int | None = None) -> None:
    """BookingRefused (or ValidationFailed) when ``book`` would refuse the form; nothing written. A company
    booking over department bookings passes (it would displace them)."""
    existing = None
    if exclude_booking_id is not None:
        existing = uow.session.get(Booking, exclude_booking_id)
        if existing is None:
            raise NotFound(f"no booking {exclude_booking_id}")
    assess(uow, site_code, form, can_approve=can_approve, notice_days=notice_days, existing=existing)


def _write(uow: UnitOfWork, booking: Booking, verdict: Verdict, form: BookingForm) -> None:
    """The form's values into the booking (new or changed) and its attendees replaced."""
    clean = verdict.clean
    booking.room, booking.site_id = verdict.room, verdict.room.site_id
    booking.organiser = uow.session.get_one(Host, form.organiser_host_id)
    booking.department = None if clean.department_id is None else uow.session.get(Department, clean.department_id)
    booking.level, booking.topic, booking.attendee_count = clean.level, clean.topic, form.attendee_count
    booking.starts_at, booking.ends_at, booking.busy_until = clean.starts_at, clean.ends_at, verdict.busy_until
    booking.equipment_needed = [e.value for e in Equipment if e in clean.equipment]
    booking.catering, booking.print_material = clean.catering, clean.print_material
    booking.ad_hoc, booking.approved_by = verdict.ad_hoc, verdict.approved_by
    if booking.id is not None:
        uow.session.execute(delete(BookingAttendee).where(BookingAttendee.booking_id == booking.id))
    else:
        uow.session.add(booking)
    uow.session.flush()
    uow.session.add_all(BookingAttendee(booking_id=booking.id, host_id=a.host_id, visit_id=a.visit_id, name=a.name)
                        for a in clean.attendees)
    uow.session.flush()


def displace(uow: UnitOfWork, site: SiteInfo, by: Booking, victims: Sequence[Booking]) -> tuple[Displacement, ...]:
    """The department bookings ``by`` (a company booking) takes the slot of: DISPLACED, each organiser told
    with the free rooms that fit for its own slot."""
    before = {victim.id: victim.status.value for victim in victims}
    for victim in victims:
        victim.status, victim.displaced_by_booking_id = BookingStatus.DISPLACED, by.id
        victim.version += 1
        victim.ical_sequence += 1
    uow.session.flush()
    made: list[Displacement] = []
    for victim in victims:
        offers = tuple(free_rooms_at(uow, site, victim.starts_at, victim.ends_at, victim.attendee_count,
                                     frozenset(equipment_of(victim.equipment_needed)),
                                     exclude_room_ids=frozenset({by.room_id})))
        notices.displaced(uow, victim, by, offers)
        audit.record(uow, "booking.displaced", "booking", victim.id,
                     before={"status": before[victim.id]}, after={"status": victim.status.value,
                                                                  "displaced_by": by.id})
        made.append(Displacement(booking=booking_row(uow, victim), offers=offers))
    return tuple(made)


def make(uow: UnitOfWork, form: BookingForm, verdict: Verdict, *,
         series_id: str = "") -> tuple[Booking, tuple[Displacement, ...]]:
    """Write a booking the verdict allows, displace what it displaces, its checklist and notices (no commit)."""
    now = uow.now()
    booking = Booking(status=BookingStatus.BOOKED, series_id=series_id, ical_uid=f"{uuid4().hex}@{ICAL_DOMAIN}",
                      ical_sequence=0, created_at=now, created_by=uow.actor, version=1)
    _write(uow, booking, verdict, form)
    displaced = displace(uow, verdict.site, booking, verdict.displace)
    checklists.sync_checklist(uow, booking)
    notices.booked(uow, booking)
    audit.record(uow, "booking.made", "booking", booking.id,
                 after=_state(booking) | {"ad_hoc": booking.ad_hoc, "series_id": series_id or None})
    return booking, displaced


def book(uow: UnitOfWork, site_code: str, form: BookingForm, *, can_approve: bool, notice_days: int) -> BookingMade:
    """Book the room (ValidationFailed, BookingRefused: nothing written)."""
    verdict = assess(uow, site_code, form, can_approve=can_approve, notice_days=notice_days, lock=True)
    booking, displaced = make(uow, form, verdict)
    row = booking_row(uow, booking)
    uow.commit()
    return BookingMade(booking=row, displaced=displaced)


# -- change ----------------------------------------------------------------------------------------------------


def _live(booking: Booking, doing: str) -> None:
    if booking.status not in LIVE_STATUSES:
        raise Conflict(f"booking #{booking.id} is {booking.status.value}: it cannot be {doing}",
                       code="booking_not_live")


def edit(uow: UnitOfWork, booking_id: int, version: int, form: BookingForm, *, can_approve: bool,
         notice_days: int) -> BookingMade:
    """Change a live booking: the checks of ``book``, itself not in its way (the notice period only when its
    start moves to another date inside it). Conflict ``stale_version`` when someone changed it since."""
    seen = uow.session.get(Booking, booking_id)
    if seen is None:
        raise NotFound(f"no booking {booking_id}")
    # Rooms first, then the booking: the order ``book`` locks in (room, then the bookings in the way).
    for room_id in sorted({seen.room_id, form.room_id}):
        uow.session.scalars(select(Room.id).where(Room.id == room_id).with_for_update()).all()
    booking = _lock_booking(uow, booking_id)
    if booking.version != version:
        raise Conflict(f"booking #{booking.id} was changed by someone else meanwhile; look at it again",
                       code="stale_version")
    _live(booking, "changed")
    site = site_of(uow, booking.site_id)
    verdict = assess(uow, site.code, form, can_approve=can_approve, notice_days=notice_days, existing=booking,
                     lock=True)
    before = _state(booking)
    _write(uow, booking, verdict, form)
    booking.version += 1
    booking.ical_sequence += 1
    uow.session.flush()
    displaced = displace(uow, site, booking, verdict.displace)
    checklists.sync_checklist(uow, booking)
    notices.changed(uow, booking)
    audit.record(uow, "booking.changed", "booking", booking.id, before=before, after=_state(booking))
    row = booking_row(uow, booking)
    uow.commit()
    return BookingMade(booking=row, displaced=displaced)


def cancel_booking(uow: UnitOfWork, booking: Booking, reason: str) -> None:
    """Cancel a live booking (locked by the caller) and tell its people; no commit."""
    _live(booking, "cancelled")
    before = _state(booking)
    booking.status = BookingStatus.CANCELLED
    booking.version += 1
    booking.ical_sequence += 1
    uow.session.flush()
    notices.cancelled(uow, booking, reason)
    audit.record(uow, "booking.cancelled", "booking", booking.id, before=before, after=_state(booking))


def cancel(uow: UnitOfWork, booking_id: int, reason: str = "") -> BookingRow:
    """The organiser and every attendee with an address told (the calendar entry cancelled)."""
    reason = clean_text(reason, "reason", max_len=200)
    booking = _lock_booking(uow, booking_id)
    cancel_booking(uow, booking, reason)
    row = booking_row(uow, booking)
    uow.commit()
    return row


def confirm(uow: UnitOfWork, booking_id: int) -> BookingRow:
    """BOOKED -> CONFIRMED (not released); confirming again changes nothing."""
    booking = _lock_booking(uow, booking_id)
    if booking.status is BookingStatus.CONFIRMED:
        return booking_row(uow, booking)
    if booking.status is not BookingStatus.BOOKED:
        raise Conflict(f"booking #{booking.id} is {booking.status.value}: it cannot be confirmed",
                       code="booking_not_live")
    booking.status, booking.confirmed_at = BookingStatus.CONFIRMED, uow.now()
    booking.version += 1
    audit.record(uow, "booking.confirmed", "booking", booking.id, before={"status": "booked"},
                 after={"status": "confirmed"})
    row = booking_row(uow, booking)
    uow.commit()
    return row


def add_attendee(uow: UnitOfWork, booking_id: int, attendee: AttendeeForm) -> BookingDetail:
    """A host, an invited visit or a name; the invitation goes out again (a higher sequence)."""
    booking = _lock_booking(uow, booking_id)
    _live(booking, "changed")
    errors: list[FieldError] = []
    (clean,) = checked_attendees(uow, [attendee], errors)
    if errors:
        raise ValidationFailed(errors)
    present = list(uow.session.scalars(select(BookingAttendee).where(BookingAttendee.booking_id == booking.id)))
    if any((clean.host_id is not None and a.host_id == clean.host_id)
           or (clean.visit_id is not None and a.visit_id == clean.visit_id) for a in present):
        return booking_detail(uow, booking.id)
    if len(present) + 1 > booking.attendee_count:
        raise ValidationFailed([FieldError("attendees", "too_many",
                                           f"booking #{booking.id} is for {booking.attendee_count} attendees, "
                                           "all named already")])
    row = BookingAttendee(booking_id=booking.id, host_id=clean.host_id, visit_id=clean.visit_id, name=clean.name)
    uow.session.add(row)
    booking.version += 1
    booking.ical_sequence += 1
    uow.session.flush()
    notices.changed(uow, booking)
    audit.record(uow, "booking.attendee_added", "booking", booking.id,
                 after={"attendee_id": row.id, "host_id": clean.host_id, "visit_id": clean.visit_id})
    detail = booking_detail(uow, booking.id)
    uow.commit()
    return detail


# -- release ---------------------------------------------------------------------------------------------------


def release_unconfirmed(uow: UnitOfWork) -> list[int]:
    """Release the booked (unconfirmed) meetings ``confirm_within_minutes`` after their start (after their
    registration, for one registered once it had begun): RELEASED, the organiser told. Commits; the ids."""
    now = uow.now()
    released: list[int] = []
    for site_id in uow.session.scalars(select(Site.id).order_by(Site.id)).all():
        due = uow.session.scalars(select(Booking).where(
            Booking.site_id == site_id, Booking.status == BookingStatus.BOOKED,
            Booking.starts_at > now - timedelta(days=1), Booking.starts_at <= now - timedelta(minutes=1),
        ).order_by(Booking.id).with_for_update().execution_options(populate_existing=True)).all()
        for booking in due:
            if notices.release_time(booking) > now:
                continue
            booking.status = BookingStatus.RELEASED
            booking.version += 1
            booking.ical_sequence += 1
            uow.session.flush()
            notices.released(uow, booking)
            audit.record(uow, "booking.released", "booking", booking.id, before={"status": "booked"},
                         after={"status": "released"})
            released.append(booking.id)
    uow.commit()
    return released
