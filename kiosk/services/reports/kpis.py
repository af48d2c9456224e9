"""The manager's figures over a site-local date range: every KPI against its target (``domain/kpis.py``), the
dashboard's charts and tables, and the comparison with the period before and the same dates a year before.

Each figure is one function over a ``Scope`` (``kpi_scope.scope(uow, site, first, last)``) that aggregates
in SQL: ``kpi_visits`` (visits, walk-ins, no-shows, the wait for the host, satisfaction, registration
completeness), ``kpi_desk`` (calls, routine checks, meeting preparation), ``kpi_facilities`` (parcels,
supplies), ``kpi_rooms`` (room use and no-shows). Their docstrings define each figure precisely. One read-only
unit of work for the whole report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from kiosk.db.uow import UnitOfWork
from kiosk.domain.kpis import Comparison, Figure, Kpi, KpiReport, Period
from kiosk.services.reports import kpi_desk, kpi_facilities, kpi_rooms, kpi_visits
from kiosk.services.reports.kpi_scope import Scope, scope

__all__ = [
    "FIGURES", "Compared", "figures", "kpi_report", "month_bounds", "previous_period", "with_comparisons",
    "year_before",
]

FIGURES: dict[Kpi, Callable[[Scope], Figure]] = {
    Kpi.VISITS: kpi_visits.visits,
    Kpi.WALK_IN_SHARE: kpi_visits.walk_in_share,
    Kpi.NO_SHOWS: kpi_visits.no_shows,
    Kpi.HOST_WAIT: kpi_visits.host_wait,
    Kpi.SATISFACTION: kpi_visits.satisfaction,
    Kpi.KIOSK_RATINGS: kpi_visits.kiosk_ratings,
    Kpi.COMPLAINT_SATISFACTION: kpi_visits.complaint_satisfaction,
    Kpi.REGISTRATION: kpi_visits.registration,
    Kpi.CALLS_IN_TIME: kpi_desk.calls_in_time,
    Kpi.ROUTINES_PASSED: kpi_desk.routines_passed,
    Kpi.MEETING_PREP_DEFECTS: kpi_desk.meeting_prep_defects,
    Kpi.PARCELS_NOTIFIED: kpi_facilities.parcels_notified,
    Kpi.PARCELS_COLLECTED: kpi_facilities.parcels_collected,
    Kpi.PARCELS_RETURNED: kpi_facilities.parcels_returned,
    Kpi.ROOM_USE: kpi_rooms.room_use,
    Kpi.ROOM_NO_SHOWS: kpi_rooms.room_no_shows,
    Kpi.SUPPLIES_ISSUED: kpi_facilities.supplies_issued,
}
CHARTS = (kpi_visits.visits_per_day_chart, kpi_visits.visits_by_hour_chart, kpi_visits.host_wait_chart,
          kpi_visits.satisfaction_chart, kpi_desk.routines_chart)


def month_bounds(month: date) -> Period:
    """The whole month ``month`` falls in."""
    first = month.replace(day=1)
    following = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(
        month=first.month + 1)
    return Period(first, following - timedelta(days=1))


def _months_later(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def previous_period(period: Period) -> Period:
    """Whole months: as many months just before; any other range: as many days just before."""
    first, last = period.first, period.last
    if first.day == 1 and last + timedelta(days=1) == (last + timedelta(days=1)).replace(day=1):
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        start = _months_later(first, -months)
        return Period(start, first - timedelta(days=1))
    days = (last - first).days + 1
    return Period(first - timedelta(days=days), first - timedelta(days=1))


def _a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_before(period: Period) -> Period:
    return Period(_a_year_before(period.first), _a_year_before(period.last))


def figures(uow: UnitOfWork, site_code: str, period: Period, *, opens: str = "08:00", closes: str = "20:00",
            ) -> tuple[Figure, ...]:
    """Every figure over ``period``, in ``Kpi`` order."""
    where = scope(uow, site_code, period.first, period.last, opens=opens, closes=closes)
    return tuple(FIGURES[kpi](where) for kpi in Kpi)


def _compare(current: tuple[Figure, ...], before: tuple[Figure, ...]) -> tuple[Comparison, ...]:
    earlier = {figure.kpi: figure.value for figure in before}
    return tuple(Comparison(figure.kpi, figure.value, earlier.get(figure.kpi)) for figure in current)


Compared = tuple[Period, tuple[Figure, ...]]  # a comparison period and its figures


def with_comparisons(report: KpiReport, before: Compared | None, a_year: Compared | None) -> KpiReport:
    """``report`` compared with the figures of the period before and of a year before (either may be None)."""
    return replace(
        report, previous_period=before[0] if before else None,
        month_on_month=_compare(report.figures, before[1]) if before else (),
        year_before=a_year[0] if a_year else None,
        year_on_year=_compare(report.figures, a_year[1]) if a_year else ())


def kpi_report(uow: UnitOfWork, site_code: str, period: Period, *, month_on_month: bool = True,
               year_on_year: bool = True, opens: str = "08:00", closes: str = "20:00") -> KpiReport:
    """The whole report: figures, charts and tables for ``period``, and the figures of the comparison periods
    (read in the same unit of work; ``DeskReportsGateway`` reads those on threads of their own)."""
    where = scope(uow, site_code, period.first, period.last, opens=opens, closes=closes)
    report = KpiReport(
        site_name=where.site.name, timezone=where.site.timezone, period=period, made_at=uow.now(),
        figures=tuple(FIGURES[kpi](where) for kpi in Kpi), charts=tuple(chart(where) for chart in CHARTS),
        rooms=kpi_rooms.room_lines(where), supplies=kpi_facilities.supplies_by_department(where),
        extra={"hosts_unanswered": kpi_visits.hosts_unanswered(where),
               "routines_missed": kpi_desk.routines_missed(where)},
    )
    before = previous_period(period) if month_on_month else None
    a_year = year_before(period) if year_on_year else None
    return with_comparisons(
        report, (before, figures(uow, site_code, before, opens=opens, closes=closes)) if before else None,
        (a_year, figures(uow, site_code, a_year, opens=opens, closes=closes)) if a_year else None)
