"""The rooms' use report over a period of site-local days, and its CSV/XLSX file.

Per room: the hours of meetings that took place (booked, confirmed, done) inside each day's opening hours,
against the period's opening hours; the meetings that took place, were released (nobody confirmed: a
no-show), displaced by a company meeting or cancelled, counted by their site-local start date. A total line,
and the damage reports of the period. Read as a few columns per booking, never as ORM objects.

The file is written as the parcel and supplies exports write theirs (``services/parcels/exports.py``): UTF-8
CSV with a byte-order mark (Excel on a Chinese Windows), typed text made inert, XLSX text kept as strings,
whole or not at all; the headers in the desk's language.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO

from sqlalchemy import func, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus
from kiosk.models import Notification
from kiosk.models.rooms import Booking, DamageReport, Room
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.parcels.exports import Value, _write
from kiosk.services.reports.visit_export import ExportFormat, write_atomically
from kiosk.services.rooms import notices
from kiosk.services.rooms.board import LONGEST_BOOKING, opening_hours
from kiosk.services.rooms.records import RoomReport, RoomUseLine
from kiosk.services.rooms.rooms import room_sort_key

__all__ = ["HEADERS", "MAX_DAYS", "TOOK_PLACE", "room_report", "write_room_report"]

MAX_DAYS = 5 * 366  # a typo guard (2062 for 2026)
TOOK_PLACE = frozenset({BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.DONE})

HEADERS: dict[str, tuple[str, ...]] = {
    "zh_CN": ("会议室", "楼层", "预订小时", "开放小时", "使用率 %", "会议", "未确认释放", "被调整", "已取消"),
    "en": ("room", "floor", "booked hours", "opening hours", "use %", "meetings", "released (no-show)",
           "displaced", "cancelled"),
}
TOTAL: dict[str, str] = {"zh_CN": "合计", "en": "total"}
TITLE: dict[str, str] = {"zh_CN": "会议室使用", "en": "Room use"}


class _OpeningHours:
    """Each day's opening hours in the period as instants, worked out once (a year of meetings is ~100,000
    rows to clip)."""

    def __init__(self, site: SiteInfo, first: date, last: date, opening: time, closing: time) -> None:
        self.zone = site.zone
        self.first, self.last = first, last
        self.windows = {first + timedelta(days=n): (site.local_instant(first + timedelta(days=n), opening),
                                                    site.local_instant(first + timedelta(days=n), closing))
                        for n in range((last - first).days + 1)}

    def hours_of(self, starts_at: datetime, ends_at: datetime) -> float:
        """The hours of [starts_at, ends_at) inside the opening hours of the period's days."""
        seconds = 0.0
        day = max(self.first, starts_at.astimezone(self.zone).date())
        final = min(self.last, ends_at.astimezone(self.zone).date())
        while day <= final:
            opens_at, closes_at = self.windows[day]
            start, end = max(starts_at, opens_at), min(ends_at, closes_at)
            if end > start:
                seconds += (end - start).total_seconds()
            day += timedelta(days=1)
        return seconds / 3600


def _line(room_id: int, name: str, floor: str, booked: float, opening: float, counts: Counter[BookingStatus],
          ) -> RoomUseLine:
    return RoomUseLine(
        room_id=room_id, room_name=name, floor=floor, booked_hours=booked, opening_hours=opening,
        use_ratio=booked / opening if opening else 0.0,
        bookings=sum(counts[status] for status in TOOK_PLACE), released=counts[BookingStatus.RELEASED],
        displaced=counts[BookingStatus.DISPLACED], cancelled=counts[BookingStatus.CANCELLED])


def room_report(uow: UnitOfWork, site_code: str, date_from: date, date_to: date, *, opens: str, closes: str,
                ) -> RoomReport:
    """Use per room (active rooms, and inactive ones used in the period) from ``date_from`` to ``date_to``,
    both included, with ``opens``-``closes`` ("08:00", "20:00") the opening hours of every day."""
    if date_to < date_from:
        raise ValidationFailed([FieldError("date_to", "before_start", "the last day is before the first day")])
    if (date_to - date_from).days >= MAX_DAYS:
        raise ValidationFailed([FieldError("date_to", "too_long", "a report covers at most five years")])
    opening, closing = opening_hours(opens, closes)
    site = get_site(uow, site_code)
    period_start = site.local_instant(date_from, time())
    period_end = site.local_instant(date_to + timedelta(days=1), time())
    day_hours = (datetime.combine(date_from, closing) - datetime.combine(date_from, opening)).total_seconds() / 3600
    opening_total = ((date_to - date_from).days + 1) * day_hours

    counts: dict[int, Counter[BookingStatus]] = defaultdict(Counter)
    for room_id, status, number in uow.session.execute(
            select(Booking.room_id, Booking.status, func.count())
            .where(Booking.site_id == site.id, Booking.starts_at >= period_start, Booking.starts_at < period_end)
            .group_by(Booking.room_id, Booking.status)):
        counts[room_id][status] += number
    # Hours: meetings overlapping the period (one may start the evening before and run into its first day).
    booked: dict[int, float] = defaultdict(float)
    hours = _OpeningHours(site, date_from, date_to, opening, closing)
    for room_id, starts_at, ends_at in uow.session.execute(
            select(Booking.room_id, Booking.starts_at, Booking.ends_at)
            .where(Booking.site_id == site.id, Booking.starts_at > period_start - LONGEST_BOOKING,
                   Booking.starts_at < period_end, Booking.ends_at > period_start,
                   Booking.status.in_(TOOK_PLACE))):
        booked[room_id] += hours.hours_of(starts_at, ends_at)

    used = set(counts) | {room_id for room_id, used_hours in booked.items() if used_hours}
    rooms = sorted(uow.session.execute(
        select(Room.id, Room.name, Room.floor).where(Room.site_id == site.id,
                                                      or_(Room.active.is_(True), Room.id.in_(used)))),
        key=lambda r: room_sort_key(r.floor, r.name, r.id))
    lines = tuple(_line(room_id, name, floor, booked[room_id], opening_total, counts[room_id])
                  for room_id, name, floor in rooms)
    every: Counter[BookingStatus] = Counter()
    for room_id, _name, _floor in rooms:
        every.update(counts[room_id])
    total = _line(0, "", "", sum(line.booked_hours for line in lines), opening_total * len(lines), every)
    damage = uow.session.scalar(
        select(func.count()).select_from(DamageReport).join(Room, Room.id == DamageReport.room_id)
        .where(Room.site_id == site.id, DamageReport.reported_at >= period_start,
               DamageReport.reported_at < period_end)) or 0
    return RoomReport(date_from=date_from, date_to=date_to, lines=lines, total=total, damage_reports=damage,
                      prepare_alerts=_prepare_alerts(uow, site, period_start, period_end))


def _prepare_alerts(uow: UnitOfWork, site: SiteInfo, period_start: datetime, period_end: datetime) -> int:
    """Meetings of the period reception was alerted about, not prepared in time (``notices.prepare_alert``;
    alerts the retention purge removed are not counted)."""
    alerted = Notification.payload["booking_id"].as_integer()
    return uow.session.scalar(
        select(func.count(func.distinct(Booking.id))).select_from(Notification)
        .join(Booking, Booking.id == alerted)
        .where(Notification.event == notices.PREPARE_ALERT, Booking.site_id == site.id,
               Booking.starts_at >= period_start, Booking.starts_at < period_end)) or 0


# -- the file ------------------------------------------------------------------------------------------------

def _hours(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(Decimal("0.01"))


def _percent(ratio: float) -> Decimal:
    return Decimal(str(round(ratio * 100, 1))).quantize(Decimal("0.1"))


def _cells(line: RoomUseLine, name: str) -> list[Value]:
    return [name, line.floor, _hours(line.booked_hours), _hours(line.opening_hours), _percent(line.use_ratio),
            line.bookings, line.released, line.displaced, line.cancelled]


def _rows(report: RoomReport, language: str) -> Iterator[Sequence[Value]]:
    for line in report.lines:
        yield _cells(line, line.room_name)
    yield _cells(report.total, TOTAL[language])


def write_room_report(report: RoomReport, path: Path, language: str = "zh_CN") -> int:
    """The report to ``path``: CSV or XLSX by its suffix (anything else is refused before a file is made),
    headers in ``language`` (zh_CN, else English), a total row last. Returns the rooms written."""
    chosen = ExportFormat.for_file(path.name)
    words = "zh_CN" if language.lower().startswith("zh") else "en"
    text_columns = (True, True) + (False,) * (len(HEADERS[words]) - 2)  # room names and floors are typed

    def write(file: IO[bytes]) -> int:
        _write(chosen, TITLE[words], HEADERS[words], text_columns, _rows(report, words), file)
        return len(report.lines)

    return write_atomically(path, write)
