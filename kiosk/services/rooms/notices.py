"""Telling organisers, attendees, the desk and the supervisors about bookings, through the outbox.

The booking services call these inside their transaction; each queues rows (never sends) and returns how
many. The organiser is a host (e-mail, and chat when they have it); host attendees get the calendar
invitation and its changes; invited visitors with an address get the cancellation (their rows carry the
visit, so erasing the visitor erases them). Damage goes to the supervisors and reception, an unprepared
meeting to reception.

The calendar invitation (.ics) is built by the e-mail composer from the payload: the booking's ``ical_uid``
and ``ical_sequence``, start, end, room, floor, and ``ical_method`` REQUEST or CANCEL. The booking services
raise the sequence with every change, cancellation, displacement and release before they call these, so
each message outranks the one before. Idempotency keys hold the booking's id and sequence: a changed booking
is told again, a retried job is not. Payloads hold ids and the booking's own fields, no visitor data beyond names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.domain.rooms import BookingStatus, ChecklistPhase
from kiosk.domain.visits import VisitStatus
from kiosk.models import Host, Visit
from kiosk.models.org import Site
from kiosk.models.rooms import Booking, BookingAttendee, ChecklistItem, DamageReport, Room
from kiosk.services import outbox
from kiosk.services.directory.sites import get_site
from kiosk.services.rooms.records import RoomOffer

BOOKED = "booking_created"
CHANGED = "booking_changed"
CANCELLED = "booking_cancelled"
DISPLACED = "booking_displaced"
RELEASED = "booking_released"
REMINDER = "booking_reminder"
INSPECTED = "booking_inspected"
DAMAGE = "room_damage_reported"
PREPARE_ALERT = "booking_prepare_alert"
REQUEST, CANCEL = "REQUEST", "CANCEL"
# Visits that may still come to the meeting: they hear that it is off.
COMING = (VisitStatus.INVITED, VisitStatus.PENDING_APPROVAL, VisitStatus.APPROVED, VisitStatus.CHECKED_IN)
# The longest a room waits for a confirmation (RoomForm: 1-120 minutes): how far back reminders look.
LONGEST_CONFIRM_WAIT = timedelta(minutes=120)


def booking_key(booking: Booking) -> str:
    """What tells this booking from any other that might carry its id: confirm links are bound to it."""
    created = booking.created_at.astimezone(UTC).isoformat()
    identity = f"booking:{booking.id}:{booking.ical_uid}:{created}"
    return hashlib.sha256(identity.encode()).hexdigest()[:24]


def release_time(booking: Booking) -> datetime:
    """When an unconfirmed booking is released: the room's wait after the start (after the booking was made,
    for one made once the meeting had begun), as ``bookings.release_unconfirmed`` counts it."""
    return max(booking.starts_at, booking.created_at) + timedelta(minutes=booking.room.confirm_within_minutes)


def payload_of(uow: UnitOfWork, booking: Booking, *, method: str = REQUEST, **extra: Any) -> dict[str, Any]:
    """What every booking notice says: the booking's own fields, its room, its organiser, its calendar entry."""
    site = uow.session.get(Site, booking.site_id)
    room, organiser = booking.room, booking.organiser
    return {
        "booking_id": booking.id, "ical_uid": booking.ical_uid, "ical_method": method,
        "ical_sequence": booking.ical_sequence,
        "topic": booking.topic, "level": booking.level.value, "room_name": room.name, "floor": room.floor,
        "starts_at": booking.starts_at.isoformat(), "ends_at": booking.ends_at.isoformat(),
        "attendee_count": booking.attendee_count, "organiser_name": organiser.name,
        "organiser_email": organiser.email, "department": booking.department.name if booking.department else "",
        "confirm_minutes": room.confirm_within_minutes,
        "site_name": site.name if site else "", "site_timezone": site.timezone if site else "",
        **extra,
    }


def _subject(booking: Booking) -> str:
    return f"booking:{booking.id}:{booking.ical_sequence}"


def _tell_host(uow: UnitOfWork, host: Host, event: str, payload: dict[str, Any], subject_key: str) -> int:
    return outbox.notify_host(uow, host, event=event, payload={**payload, "recipient_name": host.name},
                              subject_key=subject_key, visit_id=None)


def _host_attendees(uow: UnitOfWork, booking: Booking) -> list[Host]:
    """The attendees who are hosts, the organiser left out (told already), each once, active ones only."""
    hosts = uow.session.scalars(
        select(Host).join(BookingAttendee, BookingAttendee.host_id == Host.id)
        .where(BookingAttendee.booking_id == booking.id, Host.active.is_(True), Host.id != booking.organiser_host_id)
        .order_by(Host.id).distinct()
    ).all()
    return list(hosts)


def _coming_visits(uow: UnitOfWork, booking: Booking) -> list[Visit]:
    visits = uow.session.scalars(
        select(Visit).join(BookingAttendee, BookingAttendee.visit_id == Visit.id)
        .where(BookingAttendee.booking_id == booking.id, Visit.status.in_(COMING)).order_by(Visit.id).distinct()
    ).all()
    return [visit for visit in visits if visit.visitor.email]


def _invite(uow: UnitOfWork, booking: Booking, event: str, method: str, **extra: Any) -> int:
    """The organiser and the host attendees: the calendar entry (REQUEST or CANCEL)."""
    payload = payload_of(uow, booking, method=method, **extra)
    key = _subject(booking)
    queued = _tell_host(uow, booking.organiser, event, payload, key)
    for host in _host_attendees(uow, booking):
        queued += _tell_host(uow, host, event, payload, key)
    return queued


def booked(uow: UnitOfWork, booking: Booking) -> int:
    """The organiser and host attendees get the calendar invitation (REQUEST, its sequence)."""
    return _invite(uow, booking, BOOKED, REQUEST)


def changed(uow: UnitOfWork, booking: Booking) -> int:
    """The invitation again: same UID, the booking's new (higher) sequence."""
    return _invite(uow, booking, CHANGED, REQUEST)


def cancelled(uow: UnitOfWork, booking: Booking, reason: str = "") -> int:
    """The organiser and every attendee with an address (hosts, invited visitors): CANCEL."""
    queued = _invite(uow, booking, CANCELLED, CANCEL, reason=reason)
    payload = payload_of(uow, booking, method=CANCEL, reason=reason)
    for visit in _coming_visits(uow, booking):
        assert visit.visitor.email is not None  # _coming_visits keeps only those with one
        queued += outbox.enqueue(
            uow, event=CANCELLED, channel=Channel.EMAIL, recipient=visit.visitor.email,
            payload={**payload, "recipient_name": visit.visitor.name, "visit_id": visit.id},
            subject_key=_subject(booking), language=visit.host.language, visit_id=visit.id,
        )
    return queued


def displaced(uow: UnitOfWork, booking: Booking, by: Booking, offers: Sequence[RoomOffer]) -> int:
    """The displaced organiser: which company meeting took the slot, and the free rooms that fit."""
    payload = payload_of(
        uow, booking, method=CANCEL, by_booking_id=by.id, by_topic=by.topic, by_organiser_name=by.organiser.name,
        offers=[{"room_id": o.room_id, "name": o.name, "floor": o.floor, "capacity": o.capacity} for o in offers],
    )
    return _tell_host(uow, booking.organiser, DISPLACED, payload, _subject(booking))


def released(uow: UnitOfWork, booking: Booking) -> int:
    """The organiser: not confirmed in time, the room went back to free."""
    return _tell_host(uow, booking.organiser, RELEASED, payload_of(uow, booking, method=CANCEL), _subject(booking))


def inspected(uow: UnitOfWork, booking: Booking, *, damage: DamageReport | None, note: str) -> int:
    """The organiser gets the summary of the after-use check."""
    lines = uow.session.scalars(
        select(ChecklistItem).where(ChecklistItem.booking_id == booking.id,
                                    ChecklistItem.phase == ChecklistPhase.INSPECT.value).order_by(ChecklistItem.id)
    ).all()
    payload = payload_of(
        uow, booking, inspect_done=[line.key for line in lines if line.done_at is not None],
        inspect_missing=[line.key for line in lines if line.done_at is None],
        damage_what=damage.what if damage is not None else "", note=note,
    )
    return _tell_host(uow, booking.organiser, INSPECTED, payload, _subject(booking))


def damage_reported(uow: UnitOfWork, report: DamageReport) -> int:
    """The supervisors (and reception's board): the room is out of order."""
    room = uow.session.get(Room, report.room_id)
    booking = uow.session.get(Booking, report.booking_id) if report.booking_id is not None else None
    site = uow.session.get(Site, room.site_id) if room is not None else None
    payload = {
        "report_id": report.id, "room_id": report.room_id, "room_name": room.name if room else "",
        "floor": room.floor if room else "", "what": report.what, "reported_by": report.reported_by,
        "reported_at": report.reported_at.isoformat(), "has_photo": report.photo_jpeg is not None,
        "booking_id": report.booking_id, "topic": booking.topic if booking else "",
        "organiser_name": booking.organiser.name if booking else "",
        "site_name": site.name if site else "", "site_timezone": site.timezone if site else "",
    }
    key = f"damage:{report.id}"
    queued = int(outbox.notify_supervisor(uow, event=DAMAGE, payload=payload, subject_key=key))
    return queued + int(outbox.notify_reception(uow, event=DAMAGE, payload=payload, subject_key=key))


def confirm_reminder(uow: UnitOfWork, booking: Booking) -> int:
    """The organiser, ``[rooms] confirm_reminder_minutes`` before the start: confirm (a signed single-use link)
    or the room is released ``confirm_within_minutes`` after the start. Once per booking and sequence."""
    if booking.status != BookingStatus.BOOKED:
        return 0
    release_at = release_time(booking)
    # The dispatcher binds the confirm link to the booking (its key) and to the organiser's address.
    payload = payload_of(uow, booking, booking_key=booking_key(booking), release_at=release_at.isoformat())
    return _tell_host(uow, booking.organiser, REMINDER, payload, _subject(booking))


def prepare_alert(uow: UnitOfWork, booking: Booking) -> int:
    """Reception: the meeting starts soon and its preparation is not done. Once per booking (and sequence:
    a meeting moved after its alert is alerted again)."""
    lines = uow.session.scalars(
        select(ChecklistItem.done_at).where(ChecklistItem.booking_id == booking.id,
                                            ChecklistItem.phase == ChecklistPhase.PREPARE.value)
    ).all()
    payload = payload_of(uow, booking, prepared=sum(1 for done in lines if done is not None), to_prepare=len(lines))
    return int(outbox.notify_reception(uow, event=PREPARE_ALERT, payload=payload, subject_key=_subject(booking)))


def send_confirm_reminders(uow: UnitOfWork, site_code: str, minutes: int) -> int:
    """Remind the organisers of the site's bookings starting within ``minutes`` (or started, and not yet due
    for release) that are still unconfirmed; a booking is reminded once per sequence. Returns how many were
    reminded now. Commits (housekeeping's own transaction)."""
    site = get_site(uow, site_code)
    now = uow.now()
    due = uow.session.scalars(
        select(Booking).where(Booking.site_id == site.id, Booking.status == BookingStatus.BOOKED,
                              Booking.starts_at <= now + timedelta(minutes=minutes),
                              Booking.starts_at > now - LONGEST_CONFIRM_WAIT)
        .order_by(Booking.starts_at, Booking.id)
    ).all()
    reminded = 0
    for booking in due:
        if now >= release_time(booking):
            continue  # released by now (or at once): a reminder would come too late
        if confirm_reminder(uow, booking):
            reminded += 1
    uow.commit()
    return reminded


def alert_unprepared(uow: UnitOfWork, booking_ids: Iterable[int]) -> list[int]:
    """Reception's alert for each of these live bookings (``checklists.unprepared_soon``) not alerted yet.
    Returns the bookings alerted now. Commits."""
    alerted = []
    for booking_id in booking_ids:
        booking = uow.session.get(Booking, booking_id)
        if booking is None or booking.status not in (BookingStatus.BOOKED, BookingStatus.CONFIRMED):
            continue
        if prepare_alert(uow, booking):
            alerted.append(booking_id)
    uow.commit()
    return alerted
