"""The figures the front desk is judged by, their targets, and a report's plain value types.

Plain on purpose: the KPI service (``services/reports/kpis.py``) builds a ``KpiReport``, the desk's dashboard,
kioskctl and the monthly PDF (``devices/report_pdf.py``, which may import only the domain) read it.

Shares are ratios from 0 to 1; a figure with nothing to measure (an empty month) has ``value`` None and
neither passes nor fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum


class Kpi(StrEnum):
    VISITS = "visits"  # visits that took place (the visitor checked in)
    WALK_IN_SHARE = "walk_in_share"  # walk-ins among them
    NO_SHOWS = "no_shows"  # invitations nobody came to, of all invitations that were due
    HOST_WAIT = "host_wait"  # minutes from the host being told of the arrival to the host answering
    SATISFACTION = "satisfaction"  # kiosk ratings and complaint outcomes together: 4 or 5 of 5
    KIOSK_RATINGS = "kiosk_ratings"
    COMPLAINT_SATISFACTION = "complaint_satisfaction"
    REGISTRATION = "registration"  # visit records complete (see services/reports/kpi_visits.py)
    CALLS_IN_TIME = "calls_in_time"
    ROUTINES_PASSED = "routines_passed"  # routine checks due that were done and passed
    MEETING_PREP_DEFECTS = "meeting_prep_defects"  # meetings held with preparation lines not ticked by the start
    PARCELS_NOTIFIED = "parcels_notified"  # within 10 minutes of receipt
    PARCELS_COLLECTED = "parcels_collected"  # within 3 days of receipt
    PARCELS_RETURNED = "parcels_returned"  # unclaimed, back to the carrier after 7 days
    ROOM_USE = "room_use"  # hours of meetings held / opening hours
    ROOM_NO_SHOWS = "room_no_shows"  # bookings released because nobody confirmed them
    SUPPLIES_ISSUED = "supplies_issued"  # value issued to departments (less returns), in cents


class Unit(StrEnum):
    COUNT = "count"
    SHARE = "share"  # 0..1
    MINUTES = "minutes"
    CENTS = "cents"


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True)
class Target:
    threshold: float  # a share, 0..1
    direction: Direction

    def met(self, value: float) -> bool:
        # Shares are compared rounded to 1/10,000 so 0.95 computed as 0.9499999999 still passes.
        rounded = round(value, 6)
        return rounded >= self.threshold if self.direction is Direction.AT_LEAST else rounded <= self.threshold


# The front desk's rulebook.
TARGETS: dict[Kpi, Target] = {
    Kpi.SATISFACTION: Target(0.90, Direction.AT_LEAST),
    Kpi.REGISTRATION: Target(0.95, Direction.AT_LEAST),
    Kpi.CALLS_IN_TIME: Target(0.98, Direction.AT_LEAST),
    Kpi.ROUTINES_PASSED: Target(0.95, Direction.AT_LEAST),  # reviewed weekly
    Kpi.MEETING_PREP_DEFECTS: Target(0.01, Direction.AT_MOST),
}
PARCEL_NOTIFY_WITHIN = timedelta(minutes=10)
PARCEL_COLLECT_WITHIN = timedelta(days=3)
PARCEL_RETURN_DAYS = 7
GOOD_RATING = 4  # 4 or 5 of 5 is satisfied

UNITS: dict[Kpi, Unit] = {
    Kpi.VISITS: Unit.COUNT, Kpi.HOST_WAIT: Unit.MINUTES, Kpi.SUPPLIES_ISSUED: Unit.CENTS,
}


@dataclass(frozen=True)
class Figure:
    """One KPI over a period. For a share: ``count`` of ``out_of``; for a count: both the count; for
    minutes: the average over ``count`` answered of ``out_of``; for cents: the value, ``count`` units."""

    kpi: Kpi
    value: float | None
    count: int = 0
    out_of: int = 0

    @property
    def unit(self) -> Unit:
        return UNITS.get(self.kpi, Unit.SHARE)

    @property
    def target(self) -> Target | None:
        return TARGETS.get(self.kpi)

    @property
    def passed(self) -> bool | None:
        target = self.target
        if target is None or self.value is None:
            return None
        return target.met(self.value)


def share(kpi: Kpi, count: int, out_of: int) -> Figure:
    return Figure(kpi, count / out_of if out_of else None, count, out_of)


class ChartKey(StrEnum):
    VISITS_PER_DAY = "visits_per_day"  # lines: invited, walk_in, no_show
    VISITS_BY_HOUR = "visits_by_hour"  # line: visits (checked in during that local hour)
    HOST_WAIT_PER_DAY = "host_wait_per_day"  # line: minutes
    SATISFACTION_PER_WEEK = "satisfaction_per_week"  # line: share, target 90 %
    ROUTINES_PER_WEEK = "routines_per_week"  # line: share, target 95 %


class ChartStyle(StrEnum):
    BARS = "bars"  # lines stacked as bars
    LINE = "line"


@dataclass(frozen=True)
class ChartLine:
    key: str  # invited, walk_in, no_show, visits, minutes, share
    values: tuple[float | None, ...]  # one per label; None: nothing to show there


@dataclass(frozen=True)
class Chart:
    key: ChartKey
    style: ChartStyle
    labels: tuple[str, ...]  # the x axis: "11-03" days, "08" hours, "2026-W45" weeks
    lines: tuple[ChartLine, ...]
    unit: Unit = Unit.COUNT
    target: Target | None = None


@dataclass(frozen=True)
class RoomLine:
    name: str  # "" for the total line
    floor: str
    booked_hours: float
    use_ratio: float
    meetings: int
    released: int  # not confirmed in time: a no-show


@dataclass(frozen=True)
class DepartmentConsumption:
    department: str
    quantity: int  # units issued less returned
    value_cents: int


@dataclass(frozen=True)
class Comparison:
    kpi: Kpi
    current: float | None
    previous: float | None

    @property
    def change(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # included


@dataclass(frozen=True)
class KpiReport:
    site_name: str
    timezone: str
    period: Period
    made_at: datetime
    figures: tuple[Figure, ...]
    charts: tuple[Chart, ...] = ()
    rooms: tuple[RoomLine, ...] = ()  # per room, the total last
    supplies: tuple[DepartmentConsumption, ...] = ()
    # Against the period just before (a whole month: the month before) and the same dates a year before.
    previous_period: Period | None = None
    month_on_month: tuple[Comparison, ...] = ()
    year_before: Period | None = None
    year_on_year: tuple[Comparison, ...] = ()
    extra: dict[str, int] = field(default_factory=dict)  # unanswered hosts, missed checks, ...

    def figure(self, kpi: Kpi) -> Figure:
        for figure in self.figures:
            if figure.kpi is kpi:
                return figure
        raise KeyError(kpi)

    def chart(self, key: ChartKey) -> Chart:
        for chart in self.charts:
            if chart.key is key:
                return chart
        raise KeyError(key)
