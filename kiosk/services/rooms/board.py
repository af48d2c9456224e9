"""The rooms' day board: every active room's meetings on a site-local day and what each room is doing now.

Read in a fixed number of queries whatever the number of rooms (the rooms; the day's bookings of the whole
site through the (site_id, starts_at) index; the preparation lines still open, counted per booking; the
open damage reports), so 200 rooms among 200,000 bookings take a few milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Row, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus, ChecklistPhase, RoomState
from kiosk.models.org import Host
from kiosk.models.rooms import Booking, ChecklistItem, Room
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.rooms import rooms as room_list
from kiosk.services.rooms.records import BoardRow, BoardSegment, DayBoard, RoomRow

__all__ = ["BOARD_STATUSES", "day_board", "opening_hours"]

# Meetings that hold (or held) their room: shown on the board.
BOARD_STATUSES = frozenset({BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.DONE})
_LIVE = room_list.LIVE_STATUSES
# A booking lasts at most a day, its buffer at most 2 h: the index's lower bound.
LONGEST_BOOKING = room_list.MAX_SPAN


def _clock_time(value: str, field: str) -> time:
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or len(value) != 5:
        raise ValidationFailed([FieldError(field, "invalid", f"{field} is not a time of day (HH:MM): {value!r}")])
    return parsed


def opening_hours(opens: str, closes: str) -> tuple[time, time]:
    """``[rooms] opens`` and ``closes`` ("08:00", "20:00") as times; closing after opening."""
    opening, closing = _clock_time(opens, "opens"), _clock_time(closes, "closes")
    if closing <= opening:
        raise ValidationFailed([FieldError("closes", "before_start", "the rooms close after they open")])
    return opening, closing


_ROOM_COLUMNS = (Room.id, Room.name, Room.floor, Room.capacity, Room.equipment, Room.needs_approval,
                 Room.cleaning_minutes, Room.confirm_within_minutes, Room.active)


def _room_row(room: Row[*tuple[Any, ...]], out_of_order: bool) -> RoomRow:
    # Not rooms.room_row_of: it asks about damage room by room (the board knows already) and wants ORM rows.
    return RoomRow(room_id=room.id, name=room.name, floor=room.floor, capacity=room.capacity,
                   equipment=room_list.equipment_of(room.equipment), needs_approval=room.needs_approval,
                   cleaning_minutes=room.cleaning_minutes, confirm_within_minutes=room.confirm_within_minutes,
                   active=room.active, out_of_order=out_of_order)


def _state(segments: list[BoardSegment], out_of_order: bool, now: datetime, day_end: datetime,
           ) -> tuple[RoomState, int | None]:
    if out_of_order:
        return RoomState.OUT_OF_ORDER, None
    for segment in segments:
        if segment.starts_at <= now < segment.ends_at:
            return RoomState.IN_USE, segment.booking_id
    for segment in segments:
        if segment.ends_at <= now < segment.busy_until:
            return RoomState.CLEANING, segment.booking_id
    if any(s.status in _LIVE and now < s.starts_at < day_end for s in segments):
        return RoomState.BOOKED, None
    return RoomState.FREE, None


def day_board(uow: UnitOfWork, site_code: str, day: date | None = None, *, opens: str, closes: str) -> DayBoard:
    """The board of ``day`` (a site-local date; None: today). The state now is only told on today's board;
    another day's says FREE, or OUT_OF_ORDER for a room waiting for its repair."""
    site = get_site(uow, site_code)
    opening, closing = opening_hours(opens, closes)
    now = uow.now()
    today = site.local_date(now)
    day = day or today
    day_start = site.local_instant(day, time())
    day_end = site.local_instant(day + timedelta(days=1), time())

    rooms = sorted(uow.session.execute(select(*_ROOM_COLUMNS).where(Room.site_id == site.id, Room.active.is_(True))),
                   key=lambda r: room_list.room_sort_key(r.floor, r.name, r.id))  # floor 2 before floor 10
    of_the_day = (Booking.site_id == site.id, Booking.starts_at > day_start - LONGEST_BOOKING,
                  Booking.starts_at < day_end, Booking.busy_until > day_start, Booking.status.in_(BOARD_STATUSES))
    found = uow.session.execute(
        select(Booking.id, Booking.room_id, Booking.starts_at, Booking.ends_at, Booking.busy_until, Booking.status,
               Booking.level, Booking.topic, Host.name, Booking.attendee_count, Booking.ad_hoc)
        .join(Host, Host.id == Booking.organiser_host_id).where(*of_the_day)
        .order_by(Booking.starts_at, Booking.id)
    ).all()
    # By the day's booking ids (the (booking_id, phase) index), not joined to bookings again: PostgreSQL planned
    # the join as a scan of the whole checklist table on days that are not today.
    day_ids = [row[0] for row in found]
    unprepared = set(uow.session.scalars(
        select(ChecklistItem.booking_id)
        .where(ChecklistItem.booking_id.in_(day_ids), ChecklistItem.phase == ChecklistPhase.PREPARE.value,
               ChecklistItem.done_at.is_(None))
        .group_by(ChecklistItem.booking_id)
    )) if day_ids else set()
    broken = room_list.out_of_order_room_ids(uow, site.id)

    by_room: dict[int, list[BoardSegment]] = defaultdict(list)
    for (booking_id, room_id, starts_at, ends_at, busy_until, status, level, topic, organiser, attendee_count,
         ad_hoc) in found:
        by_room[room_id].append(BoardSegment(
            booking_id=booking_id, starts_at=starts_at, ends_at=ends_at, busy_until=busy_until, status=status,
            level=level, topic=topic, organiser_name=organiser, attendee_count=attendee_count, ad_hoc=ad_hoc,
            prepared=booking_id not in unprepared))
    rows = []
    for room in rooms:
        segments = by_room.get(room.id, [])
        out_of_order = room.id in broken
        if day == today:
            state, current = _state(segments, out_of_order, now, day_end)
        else:
            state, current = (RoomState.OUT_OF_ORDER if out_of_order else RoomState.FREE), None
        rows.append(BoardRow(room=_room_row(room, out_of_order), state=state, current_booking_id=current,
                             segments=tuple(segments)))
    return DayBoard(day=day, opens_at=site.local_instant(day, opening), closes_at=site.local_instant(day, closing),
                    now=now, rows=tuple(rows))
