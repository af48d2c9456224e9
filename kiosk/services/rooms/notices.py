"""Telling organisers, attendees, the desk and the supervisors about bookings, through the outbox.

CONTRACT STUB (filled by the notices work): the booking services call these inside their transaction;
each queues rows (never sends) and returns how many. The calendar invitation (.ics) is built by the
e-mail composer from the payload: the booking's ``ical_uid`` and ``ical_sequence``, start, end, room, floor,
and ``ical_method`` REQUEST or CANCEL.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.db.uow import UnitOfWork
from kiosk.models.rooms import Booking, DamageReport
from kiosk.services.rooms.records import RoomOffer


def booked(uow: UnitOfWork, booking: Booking) -> int:
    """The organiser and host attendees get the calendar invitation (REQUEST, its sequence)."""
    return 0


def changed(uow: UnitOfWork, booking: Booking) -> int:
    """The invitation again: same UID, the booking's new (higher) sequence."""
    return 0


def cancelled(uow: UnitOfWork, booking: Booking, reason: str = "") -> int:
    """The organiser and every attendee with an address (hosts, invited visitors): CANCEL."""
    return 0


def displaced(uow: UnitOfWork, booking: Booking, by: Booking, offers: Sequence[RoomOffer]) -> int:
    """The displaced organiser: which company meeting took the slot, and the free rooms that fit."""
    return 0


def released(uow: UnitOfWork, booking: Booking) -> int:
    """The organiser: not confirmed in time, the room went back to free."""
    return 0


def inspected(uow: UnitOfWork, booking: Booking, *, damage: DamageReport | None, note: str) -> int:
    """The organiser gets the summary of the after-use check."""
    return 0


def damage_reported(uow: UnitOfWork, report: DamageReport) -> int:
    """The supervisors (and reception's board): the room is out of order."""
    return 0


def confirm_reminder(uow: UnitOfWork, booking: Booking) -> int:
    """The organiser, ``[rooms] confirm_reminder_minutes`` before the start: confirm (a signed single-use link)
    or the room is released ``confirm_within_minutes`` after the start. Once per booking and sequence."""
    return 0


def prepare_alert(uow: UnitOfWork, booking: Booking) -> int:
    """Reception: the meeting starts soon and its preparation is not done. Once per booking."""
    return 0
