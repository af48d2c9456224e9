"""Room use and no-shows, as the rooms' use report (``services/rooms/reports.room_report``) defines them, summed in
SQL: that report reads each booking into Python to clip its hours (about 100 ms a month on 200,000 bookings), too
slow for a dashboard that asks for three periods at once. ``test_kpis`` holds the two equal.

* **Hours** of meetings that took place (booked, confirmed, done) inside the ``[rooms]`` opening hours of each local
  day of the period; a meeting over midnight counts on both days (a booking lasts at most 24 hours).
* **Use**: those hours over the period's opening hours (days × opening hours) per room; all rooms for the total.
* **Meetings** that took place and bookings **released** (nobody confirmed: a no-show), by their local start day.

The local time of day is the UTC instant plus the site's offset, constant over each run of days between
daylight-saving changes (a period is split into such runs).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from kiosk.domain.kpis import Figure, Kpi, RoomLine, share
from kiosk.domain.rooms import BookingStatus
from kiosk.models.rooms import Booking, Room
from kiosk.services.reports.kpi_scope import Scope, epoch_seconds, greatest, least, to_int, whole
from kiosk.services.rooms.board import opening_hours

TOOK_PLACE = (BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.DONE)
LONGEST = timedelta(hours=26)  # a booking (24 h at most) and a daylight-saving hour to spare
DAY = 86400
EPOCH = date(1970, 1, 1)

__all__ = ["room_lines", "room_no_shows", "room_use"]


def _runs(scope: Scope) -> list[tuple[date, date, int]]:
    """(first, last, UTC offset in seconds at noon) for each run of days with one offset."""
    runs: list[tuple[date, date, int]] = []
    for day in scope.days():
        noon = datetime.combine(day, time(12), tzinfo=scope.site.zone)
        offset = int((noon.utcoffset() or timedelta()).total_seconds())
        if runs and runs[-1][2] == offset:
            runs[-1] = (runs[-1][0], day, offset)
        else:
            runs.append((day, day, offset))
    return runs


def _hours(scope: Scope, opens: int, closes: int) -> dict[int, float]:
    """Seconds of meetings held inside the opening hours, per room, summed over the runs."""
    seconds: dict[int, float] = defaultdict(float)
    for first, last, offset in _runs(scope):
        start = scope.site.local_instant(first, time()).astimezone(UTC)
        end = scope.site.local_instant(last + timedelta(days=1), time()).astimezone(UTC)
        starts = epoch_seconds(scope, Booking.starts_at) + offset
        ends = epoch_seconds(scope, Booking.ends_at) + offset
        start_day = whole(scope, starts / DAY)
        held: ColumnElement[float] | float = 0.0
        for later in (0, 1):  # the start's day and the next
            day = start_day + later
            inside = least(scope, ends, day * DAY + closes) - greatest(scope, starts, day * DAY + opens)
            days = and_(day >= (first - EPOCH).days, day <= (last - EPOCH).days)
            held = held + case((and_(days, inside > 0), inside), else_=0.0)
        for room_id, total in scope.uow.session.execute(
                select(Booking.room_id, func.sum(held))
                .where(Booking.site_id == scope.site.id, Booking.status.in_(TOOK_PLACE), Booking.starts_at < end,
                       Booking.ends_at > start, Booking.starts_at > start - LONGEST)
                .group_by(Booking.room_id)):
            seconds[room_id] += float(total or 0)
    return seconds


def room_lines(scope: Scope) -> tuple[RoomLine, ...]:
    """Per room (active rooms, and inactive ones used in the period), by floor and name; the total last."""
    def read() -> tuple[RoomLine, ...]:
        opening, closing = opening_hours(scope.opens, scope.closes)
        opens = opening.hour * 3600 + opening.minute * 60
        closes = closing.hour * 3600 + closing.minute * 60
        seconds = _hours(scope, opens, closes)
        counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for room_id, held, released in scope.uow.session.execute(
                select(Booking.room_id, func.sum(case((Booking.status.in_(TOOK_PLACE), 1), else_=0)),
                       func.sum(case((Booking.status == BookingStatus.RELEASED, 1), else_=0)))
                .where(Booking.site_id == scope.site.id, Booking.starts_at >= scope.start,
                       Booking.starts_at < scope.end).group_by(Booking.room_id)):
            counts[room_id] = [to_int(held), to_int(released)]
        used = set(counts) | {room_id for room_id, value in seconds.items() if value}
        rooms = scope.uow.session.execute(
            select(Room.id, Room.name, Room.floor).where(Room.site_id == scope.site.id,
                                                          or_(Room.active.is_(True), Room.id.in_(used)))
            .order_by(Room.floor, Room.name, Room.id)).all()
        opening_per_room = len(scope.days()) * (closes - opens) / 3600
        lines = [RoomLine(name, floor, seconds[room_id] / 3600,
                          seconds[room_id] / 3600 / opening_per_room if opening_per_room else 0.0,
                          counts[room_id][0], counts[room_id][1]) for room_id, name, floor in rooms]
        hours = sum(line.booked_hours for line in lines)
        total_opening = opening_per_room * len(lines)
        total = RoomLine("", "", hours, hours / total_opening if total_opening else 0.0,
                         sum(line.meetings for line in lines), sum(line.released for line in lines))
        return (*lines, total)
    return scope.once("rooms", read)


def room_use(scope: Scope) -> Figure:
    lines = room_lines(scope)
    total = lines[-1]  # with no rooms at all, only the total: nothing to measure
    return Figure(Kpi.ROOM_USE, total.use_ratio if len(lines) > 1 else None, total.meetings, total.meetings)


def room_no_shows(scope: Scope) -> Figure:
    """Bookings released because nobody confirmed them, of those held or released."""
    total = room_lines(scope)[-1]
    return share(Kpi.ROOM_NO_SHOWS, total.released, total.meetings + total.released)
