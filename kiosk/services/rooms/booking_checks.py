"""Whether a booking form can be booked: every field checked at once (``booking_form``: ValidationFailed), then
the refusals in a fixed order, the first that applies (BookingRefused, one reason, one line naming what is in the way):

inactive room, out of order, in the past, too long, notice period, capacity, equipment, approval, conflict.

A booking holds [starts_at, busy_until): its end plus the room's cleaning buffer. Two bookings clash when
each starts before the other's busy_until. A company booking is not refused for department bookings in its
slot: it displaces them (``Verdict.displace``); a company booking in the way is a conflict, and so is any
booking in the way of a department booking (the desk settles those).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingLevel, ChecklistPhase, Equipment, RefusalReason
from kiosk.models.rooms import Booking, ChecklistItem, DamageReport, Room
from kiosk.services.directory.sites import SiteInfo
from kiosk.services.rooms.booking_form import CleanForm, validated
from kiosk.services.rooms.booking_rows import row_of
from kiosk.services.rooms.records import BookingForm, BookingRefused
from kiosk.services.rooms.rooms import LIVE_STATUSES, MAX_BOOKING, MAX_SPAN, equipment_of

__all__ = [
    "PAST_GRACE", "Held", "Verdict", "assess", "conflict_message", "conflict_query", "held", "in_the_way", "span",
]

PAST_GRACE = timedelta(minutes=15)  # a meeting that began this recently can still be registered


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


@dataclass(frozen=True)
class Held:
    """A booking in the way, with its preparation lines counted (ticked, in all) for the refusal's row."""

    booking: Booking
    prepared: int
    to_prepare: int


def held(uow: UnitOfWork, room_id: int, starts_at: datetime, busy_until: datetime, *,
         exclude_booking_id: int | None = None, lock: bool = False) -> list[Held]:
    """``conflict_query``'s bookings by start, each with its organiser, department and preparation counts (one
    statement: the booking form checks as the desk types). ``lock``: locked, in id order as every locker."""
    def counted(column: Any) -> Any:
        return (select(func.count(column)).where(ChecklistItem.booking_id == Booking.id,
                                                 ChecklistItem.phase == ChecklistPhase.PREPARE.value)
                .scalar_subquery())

    query = (conflict_query(room_id, starts_at, busy_until, exclude_booking_id=exclude_booking_id)
             .add_columns(counted(ChecklistItem.done_at), counted(ChecklistItem.id))
             .options(joinedload(Booking.organiser), joinedload(Booking.department)))
    if lock:
        query = query.order_by(Booking.id).with_for_update(of=Booking).execution_options(populate_existing=True)
    found = [Held(booking, prepared or 0, lines or 0) for booking, prepared, lines in uow.session.execute(query)]
    return sorted(found, key=lambda h: (h.booking.starts_at, h.booking.id))


def in_the_way(uow: UnitOfWork, room_id: int, starts_at: datetime, busy_until: datetime, *,
               exclude_booking_id: int | None = None, lock: bool = False) -> list[Booking]:
    """The room's live bookings that clash with [starts_at, busy_until), by start."""
    return [h.booking for h in held(uow, room_id, starts_at, busy_until, exclude_booking_id=exclude_booking_id,
                                    lock=lock)]


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
    others = held(uow, room.id, clean.starts_at, busy_until,
                  exclude_booking_id=existing.id if existing is not None else None, lock=lock)
    company = clean.level is BookingLevel.COMPANY
    blockers = [h for h in others if h.booking.level is BookingLevel.COMPANY] if company else others
    if blockers:
        first = blockers[0]
        raise BookingRefused(RefusalReason.CONFLICT, conflict_message(site, room, first.booking),
                             conflicting=row_of(first.booking, first.prepared, first.to_prepare))
    return Verdict(site, room, clean, busy_until, ad_hoc, approved_by,
                   tuple(h.booking for h in others) if company else ())
