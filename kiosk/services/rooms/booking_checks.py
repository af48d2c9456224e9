"""Whether a booking form can be booked: every field checked at once (ValidationFailed), then the refusals in
a fixed order, the first that applies (BookingRefused, one reason, one line naming what is in the way):

inactive room, out of order, in the past, too long, notice period, capacity, equipment, approval, conflict.

A booking holds [starts_at, busy_until): its end plus the room's cleaning buffer. Two bookings clash when
each starts before the other's busy_until. A company booking is not refused for department bookings in its
slot: it displaces them (``Verdict.displace``); a company booking in the way is a conflict, and so is any
booking in the way of a department booking (the desk settles those).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingLevel, Equipment, RefusalReason
from kiosk.models import Department, Host, Site, Visit
from kiosk.models.rooms import Booking, DamageReport, Room
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.rooms.booking_rows import booking_row
from kiosk.services.rooms.records import AttendeeForm, BookingForm, BookingRefused
from kiosk.services.rooms.rooms import LIVE_STATUSES, MAX_BOOKING, MAX_SPAN, equipment_of
from kiosk.services.text import clean_text

__all__ = [
    "PAST_GRACE", "CleanForm", "Verdict", "assess", "checked_attendees", "conflict_message", "conflict_query",
    "in_the_way", "span", "validated",
]

PAST_GRACE = timedelta(minutes=15)  # a meeting that began this recently can still be registered
TEXT_MAX = 200
ATTENDEES_MAX = 100_000  # a typing slip guard; the room's capacity is the real limit


@dataclass(frozen=True)
class CleanForm:
    starts_at: datetime
    ends_at: datetime
    level: BookingLevel
    topic: str
    catering: str
    print_material: str
    department_id: int | None
    attendees: tuple[AttendeeForm, ...]  # names cleaned, each host or visit once
    equipment: frozenset[Equipment]


@dataclass(frozen=True)
class Verdict:
    site: SiteInfo
    room: Room
    clean: CleanForm
    busy_until: datetime
    ad_hoc: bool  # registered inside the notice period
    approved_by: str
    displace: tuple[Booking, ...]  # department bookings a company booking takes the slot of


# -- messages ------------------------------------------------------------------------------------------------


def span(site: SiteInfo, starts_at: datetime, ends_at: datetime) -> str:
    """``09:00-10:30 on 2026-12-03`` in site time; across midnight both dates."""
    start, end = starts_at.astimezone(site.zone), ends_at.astimezone(site.zone)
    if start.date() == end.date():
        return f"{start:%H:%M}-{end:%H:%M} on {start:%Y-%m-%d}"
    return f"{start:%H:%M} on {start:%Y-%m-%d} to {end:%H:%M} on {end:%Y-%m-%d}"


def conflict_message(site: SiteInfo, room: Room, other: Booking) -> str:
    topic = f' "{other.topic}"' if other.topic else ""
    text = (f"Room {room.name} is taken {span(site, other.starts_at, other.ends_at)} by booking #{other.id}{topic} "
            f"({other.organiser.name})")
    if other.busy_until > other.ends_at:
        text += f", then cleaned until {other.busy_until.astimezone(site.zone):%H:%M}"
    return text


def _names(equipment: frozenset[Equipment]) -> str:
    return ", ".join(e.value.replace("_", " ") for e in Equipment if e in equipment)


# -- the fields ----------------------------------------------------------------------------------------------


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def checked_attendees(uow: UnitOfWork, attendees: Sequence[AttendeeForm],
                      errors: list[FieldError]) -> tuple[AttendeeForm, ...]:
    """Hosts active, visits existing, names cleaned (required without a host or visit); each host or visit once."""
    kept: list[AttendeeForm] = []
    seen: set[tuple[str, int]] = set()
    for number, attendee in enumerate(attendees, start=1):
        name = clean_text(attendee.name, "attendees", max_len=100,
                          required=attendee.host_id is None and attendee.visit_id is None, errors=errors)
        if attendee.host_id is not None:
            host = uow.session.get(Host, attendee.host_id)
            if host is None or not host.active:
                errors.append(FieldError("attendees", "unknown_host", f"attendee {number} is not an active host"))
            key = ("host", attendee.host_id)
        elif attendee.visit_id is not None:
            if uow.session.get(Visit, attendee.visit_id) is None:
                errors.append(FieldError("attendees", "unknown_visit",
                                         f"attendee {number}: no visit {attendee.visit_id}"))
            key = ("visit", attendee.visit_id)
        else:
            key = ("name", number)
        if key not in seen:
            seen.add(key)
            kept.append(AttendeeForm(host_id=attendee.host_id, visit_id=attendee.visit_id, name=name))
    return tuple(kept)


def _times(form: BookingForm, errors: list[FieldError]) -> tuple[datetime, datetime]:
    starts_at, ends_at = form.starts_at, form.ends_at
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None:
        errors.append(FieldError("starts_at", "no_timezone", "the start needs a date, a time and its time zone"))
    elif not isinstance(ends_at, datetime) or ends_at.tzinfo is None:
        errors.append(FieldError("ends_at", "no_timezone", "the end needs a date, a time and its time zone"))
    elif ends_at <= starts_at:
        errors.append(FieldError("ends_at", "before_start", "the meeting ends after it starts"))
    else:
        return starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    return datetime.min, datetime.min


def validated(uow: UnitOfWork, site_code: str, form: BookingForm, *,
              lock: bool) -> tuple[SiteInfo, CleanForm, Room, int | None]:
    """The site, the form cleaned, its room (locked when ``lock``) and the room's open damage report's id
    (ValidationFailed: every bad field)."""
    errors: list[FieldError] = []
    topic = clean_text(form.topic, "topic", max_len=TEXT_MAX, errors=errors)
    catering = clean_text(form.catering, "catering", max_len=TEXT_MAX, errors=errors)
    print_material = clean_text(form.print_material, "print_material", max_len=TEXT_MAX, errors=errors)
    starts_at, ends_at = _times(form, errors)
    level = BookingLevel.DEPARTMENT
    try:
        level = BookingLevel(form.level)
    except ValueError:
        errors.append(FieldError("level", "unknown_level", f"unknown level {form.level!r}"))
    count_ok = _whole(form.attendee_count, 1, ATTENDEES_MAX)
    if not count_ok:
        errors.append(FieldError("attendee_count", "out_of_range", "at least one attendee"))
    organiser = uow.session.get(Host, form.organiser_host_id)
    if organiser is None or not organiser.active:
        errors.append(FieldError("organiser_host_id", "unknown_host", "the organiser is not an active host"))
    department_id = form.department_id if form.department_id is not None else (
        organiser.department_id if organiser is not None else None)
    if form.department_id is not None and uow.session.get(Department, form.department_id) is None:
        errors.append(FieldError("department_id", "unknown_department", f"no department {form.department_id}"))
    equipment: set[Equipment] = set()
    for item in form.equipment_needed:
        try:
            equipment.add(Equipment(item))
        except ValueError:
            errors.append(FieldError("equipment_needed", "unknown_equipment", f"unknown equipment {item!r}"))
    attendees = checked_attendees(uow, form.attendees, errors)
    if count_ok and len(attendees) > form.attendee_count:
        errors.append(FieldError("attendees", "too_many",
                                 f"{len(attendees)} attendees named, more than the {form.attendee_count} expected"))
    site, room, damage_id = _site_and_room(uow, site_code, form.room_id, lock=lock)
    if room is None:
        errors.append(FieldError("room_id", "unknown_room", f"no room {form.room_id} on site {site.code}"))
    if errors:
        raise ValidationFailed(errors)
    assert room is not None
    return site, CleanForm(starts_at, ends_at, level, topic, catering, print_material, department_id, attendees,
                           frozenset(equipment)), room, damage_id


def _site_and_room(uow: UnitOfWork, site_code: str, room_id: int, *,
                   lock: bool) -> tuple[SiteInfo, Room | None, int | None]:
    """The site, the room (when it is the site's) and the room's first open damage report: one statement."""
    broken = (select(DamageReport.id).where(DamageReport.room_id == Room.id, DamageReport.repaired_at.is_(None))
              .order_by(DamageReport.id).limit(1).scalar_subquery())
    query = select(Site, Room, broken).join(Room, Room.site_id == Site.id).where(Site.code == site_code,
                                                                                 Room.id == room_id)
    if lock:
        # Locked before the conflict check (PostgreSQL; SQLite's write transaction is exclusive already): of
        # two desks booking the same slot, the second waits here, then sees the first's booking and is refused.
        query = query.with_for_update(of=Room).execution_options(populate_existing=True)
    found = uow.session.execute(query).one_or_none()
    if found is None:
        return get_site(uow, site_code), None, None  # NotFound for an unknown site
    site, room, damage_id = found
    return SiteInfo(id=site.id, code=site.code, name=site.name, timezone=site.timezone), room, damage_id


# -- the refusals --------------------------------------------------------------------------------------------


def conflict_query(room_id: int, starts_at: datetime, busy_until: datetime, *,
                   exclude_booking_id: int | None = None) -> Select[Booking]:
    """The room's live bookings that clash with [starts_at, busy_until): one range on the (room_id, starts_at)
    index, bounded below because no booking reaches further than MAX_SPAN past its start."""
    query = select(Booking).where(
        Booking.room_id == room_id, Booking.status.in_(LIVE_STATUSES), Booking.starts_at < busy_until,
        Booking.starts_at > starts_at - MAX_SPAN, Booking.busy_until > starts_at)
    if exclude_booking_id is not None:
        query = query.where(Booking.id != exclude_booking_id)
    return query


def in_the_way(uow: UnitOfWork, room_id: int, starts_at: datetime, busy_until: datetime, *,
               exclude_booking_id: int | None = None, lock: bool = False) -> list[Booking]:
    """``conflict_query``'s bookings by start (``lock``: locked, in id order as every locker takes them)."""
    # With the organiser and department a refusal names (one statement, not three).
    query = conflict_query(room_id, starts_at, busy_until, exclude_booking_id=exclude_booking_id).options(
        joinedload(Booking.organiser), joinedload(Booking.department))
    if lock:
        query = query.order_by(Booking.id).with_for_update(of=Booking).execution_options(populate_existing=True)
    return sorted(uow.session.scalars(query), key=lambda b: (b.starts_at, b.id))


def assess(uow: UnitOfWork, site_code: str, form: BookingForm, *, can_approve: bool, notice_days: int,
           existing: Booking | None = None, lock: bool = False) -> Verdict:
    """The verdict on ``form`` (``existing``: the booking being changed, not in its own way)."""
    site, clean, room, damage_id = validated(uow, site_code, form, lock=lock)
    now = uow.now()
    if not room.active:
        raise BookingRefused(RefusalReason.INACTIVE_ROOM, f"Room {room.name} is no longer in use")
    damage = None if damage_id is None else uow.session.get(DamageReport, damage_id)
    if damage is not None:
        raise BookingRefused(RefusalReason.OUT_OF_ORDER, f"Room {room.name} is out of order since "
                             f"{damage.reported_at.astimezone(site.zone):%Y-%m-%d}: {damage.what}")
    start_moved = existing is None or clean.starts_at != existing.starts_at
    if clean.ends_at <= now or (start_moved and clean.starts_at < now - PAST_GRACE):
        raise BookingRefused(RefusalReason.IN_THE_PAST, f"{span(site, clean.starts_at, clean.ends_at)} is past "
                             f"(now {now.astimezone(site.zone):%H:%M on %Y-%m-%d})")
    length = clean.ends_at - clean.starts_at
    if length > MAX_BOOKING:
        hours, minutes = divmod(int(length.total_seconds()) // 60, 60)
        raise BookingRefused(RefusalReason.TOO_LONG,
                             f"A booking is at most 24 hours; this one is {hours} h {minutes} min")
    day, earliest = site.local_date(clean.starts_at), site.local_date(now) + timedelta(days=notice_days)
    inside = day < earliest
    same_day = existing is not None and site.local_date(existing.starts_at) == day
    if inside and not form.ad_hoc and not same_day:
        raise BookingRefused(RefusalReason.NOTICE_PERIOD, f"Rooms are booked {notice_days} day(s) ahead: the "
                             f"earliest date is {earliest:%Y-%m-%d} (the desk registers ad-hoc meetings)",
                             limit=notice_days)
    ad_hoc = inside and (form.ad_hoc or (same_day and existing is not None and existing.ad_hoc))
    if form.attendee_count > room.capacity:
        raise BookingRefused(RefusalReason.CAPACITY, f"Room {room.name} seats {room.capacity}; the meeting has "
                             f"{form.attendee_count} attendees", limit=room.capacity)
    missing = clean.equipment - set(equipment_of(room.equipment))
    if missing:
        raise BookingRefused(RefusalReason.EQUIPMENT, f"Room {room.name} has no {_names(frozenset(missing))}")
    approved = existing is not None and existing.room_id == room.id and bool(existing.approved_by)
    if room.needs_approval and not can_approve and not approved:
        raise BookingRefused(RefusalReason.NEEDS_APPROVAL,
                             f"Room {room.name} is lent only with a supervisor's approval")
    approved_by = uow.actor if room.needs_approval and can_approve else (
        existing.approved_by if approved and existing is not None else "")
    busy_until = clean.ends_at + timedelta(minutes=room.cleaning_minutes)
    others = in_the_way(uow, room.id, clean.starts_at, busy_until,
                        exclude_booking_id=existing.id if existing is not None else None, lock=lock)
    company = clean.level is BookingLevel.COMPANY
    blockers = [b for b in others if b.level is BookingLevel.COMPANY] if company else others
    if blockers:
        raise BookingRefused(RefusalReason.CONFLICT, conflict_message(site, room, blockers[0]),
                             conflicting=booking_row(uow, blockers[0]))
    return Verdict(site, room, clean, busy_until, ad_hoc, approved_by, tuple(others) if company else ())
