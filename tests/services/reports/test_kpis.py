"""Every figure of the manager's report against sums worked out by hand on ``kpi_data.seed_november`` (the
month's rows and a few just outside it), an empty month, and a month across a daylight-saving change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.domain.kpis import ChartKey, Kpi, KpiReport, Period
from kiosk.domain.rooms import BookingStatus
from kiosk.domain.visits import VisitKind, VisitStatus
from kiosk.services.directory.sites import ensure_site
from kiosk.services.reports import kpi_rooms, kpis
from kiosk.services.reports.kpi_scope import scope
from kiosk.services.rooms.reports import room_report
from tests.services.reports.kpi_data import NOW, Seeder, seed_november

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def report(database, period: Period = NOVEMBER, **options) -> KpiReport:
    with database.unit_of_work("test", write=False) as uow:
        return kpis.kpi_report(uow, "HQ", period, **options)


@pytest.fixture
def november(database, clock):
    clock.set(NOW)
    seed_november(database)
    return report(database)


def shares(result: KpiReport) -> dict[Kpi, tuple[int, int]]:
    return {figure.kpi: (figure.count, figure.out_of) for figure in result.figures}


def test_each_figure_is_the_hand_worked_sum(november):
    counted = shares(november)
    assert counted[Kpi.VISITS] == (5, 5)  # checked in: two on the 2nd, the 3rd, the 25th, the 30th (still in)
    assert counted[Kpi.WALK_IN_SHARE] == (3, 5)
    assert counted[Kpi.NO_SHOWS] == (1, 3)  # a cancelled invitation is not due
    assert counted[Kpi.HOST_WAIT] == (3, 4)  # 6, 10 and 2 minutes; one host never answered
    assert november.figure(Kpi.HOST_WAIT).value == pytest.approx(6.0)
    assert november.extra["hosts_unanswered"] == 1
    assert counted[Kpi.KIOSK_RATINGS] == (2, 3)  # 5, 3, 4 (October's and December's 1s left out)
    assert counted[Kpi.COMPLAINT_SATISFACTION] == (2, 3)  # rated on local days 1, 10 and 20 November
    assert counted[Kpi.SATISFACTION] == (4, 6)
    assert counted[Kpi.REGISTRATION] == (1, 5)  # auto sign-out, purpose "other" without a note, no phone, still in
    assert counted[Kpi.CALLS_IN_TIME] == (4, 5)  # one at 00:05 on 1 November local counts, 1 December's not
    assert counted[Kpi.ROUTINES_PASSED] == (36, 41)  # corridor 28/30, restrooms 3/4, plants 4/5, retired 1/2
    assert november.extra["routines_missed"] == 3
    assert counted[Kpi.MEETING_PREP_DEFECTS] == (2, 4)  # ticked after the start; a line never ticked
    assert counted[Kpi.PARCELS_NOTIFIED] == (2, 3)  # the chat at 8 minutes counts; a notice never sent is late
    assert counted[Kpi.PARCELS_COLLECTED] == (1, 4)  # one after 4 days; one returned; one still waiting
    assert counted[Kpi.PARCELS_RETURNED] == (1, 4)
    assert counted[Kpi.ROOM_NO_SHOWS] == (1, 5)
    assert november.figure(Kpi.ROOM_USE).value == pytest.approx(4 / (30 * 12))  # 4 one-hour meetings, 08-20
    assert november.figure(Kpi.SUPPLIES_ISSUED).value == 2200  # cents: Sales 15.00 - 3.00 back, Finance 10.00
    assert [(d.department, d.quantity, d.value_cents) for d in november.supplies] == [
        ("Sales", 8, 1200), ("Finance", 5, 1000)]


def test_targets_pass_or_fail(november):
    assert november.figure(Kpi.SATISFACTION).passed is False  # 67 % against 90 %
    assert november.figure(Kpi.CALLS_IN_TIME).passed is False  # 80 % against 98 %
    assert november.figure(Kpi.MEETING_PREP_DEFECTS).passed is False  # 50 % against at most 1 %
    assert november.figure(Kpi.VISITS).passed is None  # no target


def test_charts_fold_hours_and_days_into_the_sites_calendar(november):
    by_hour = november.chart(ChartKey.VISITS_BY_HOUR)
    counts = dict(zip(by_hour.labels, by_hour.lines[0].values, strict=True))
    assert {hour: n for hour, n in counts.items() if n} == {"09": 3, "14": 1, "23": 1}
    per_day = november.chart(ChartKey.VISITS_PER_DAY)
    assert len(per_day.labels) == 30
    lines = {line.key: line.values for line in per_day.lines}
    day = per_day.labels.index("11-03")
    assert (lines["invited"][day], lines["walk_in"][day], lines["no_show"][day]) == (1, 0, 1)
    assert sum(lines["walk_in"]) == 3
    routines = november.chart(ChartKey.ROUTINES_PER_WEEK)
    weekly = dict(zip(routines.labels, routines.lines[0].values, strict=True))
    assert weekly["2026-W44"] == 1.0 and weekly["2026-W49"] == 0.5  # the 30th: restrooms round 2 and plants missed
    assert routines.target is not None and routines.target.threshold == 0.95
    wait = november.chart(ChartKey.HOST_WAIT_PER_DAY)
    assert wait.lines[0].values[wait.labels.index("11-02")] == pytest.approx(8.0)
    assert wait.lines[0].values[wait.labels.index("11-03")] is None  # told, never answered


def test_rooms_table_has_each_room_and_the_total(november):
    room, total = november.rooms
    assert (room.name, room.meetings, room.released) == ("301", 4, 1)
    assert (total.name, total.booked_hours) == ("", pytest.approx(4.0))


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin"])
def test_rooms_agree_with_the_rooms_use_report(database, clock, zone):
    """The dashboard sums in SQL what the rooms' use report clips booking by booking: the same hours."""
    clock.set(NOW)
    seeder = seed_november(database)
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "HQ", "Test Tower", zone)
        uow.commit()
    seeder.booking(date(2026, 11, 20), 19, BookingStatus.DONE, hours=14)  # 19:00 to 09:00: an hour each day
    seeder.booking(date(2026, 10, 31), 19, BookingStatus.DONE, minute=30, hours=13)  # into 1 November
    seeder.booking(date(2026, 11, 30), 19, BookingStatus.CONFIRMED, hours=2)  # into December
    seeder.booking(date(2026, 10, 24), 7, BookingStatus.DONE, hours=20)  # the day before Berlin's clocks go back
    for first, last in ((date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 10, 1), date(2026, 11, 30)),
                        (date(2026, 10, 25), date(2026, 10, 25))):
        with database.unit_of_work("test", write=False) as uow:
            ours = kpi_rooms.room_lines(scope(uow, "HQ", first, last))
            theirs = room_report(uow, "HQ", first, last, opens="08:00", closes="20:00")
        expected = [(line.room_name, round(line.booked_hours, 6), round(line.use_ratio, 9), line.bookings,
                     line.released) for line in (*theirs.lines, theirs.total)]
        assert [(line.name, round(line.booked_hours, 6), round(line.use_ratio, 9), line.meetings, line.released)
                for line in ours] == expected


def test_month_on_month_and_year_on_year(november):
    assert november.previous_period == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert november.year_before == Period(date(2025, 11, 1), date(2025, 11, 30))
    visits = next(c for c in november.month_on_month if c.kpi is Kpi.VISITS)
    assert (visits.current, visits.previous, visits.change) == (5, 1, 4)
    ratings = next(c for c in november.month_on_month if c.kpi is Kpi.KIOSK_RATINGS)
    assert ratings.previous == 0.0  # October's one rating was a 1
    last_year = next(c for c in november.year_on_year if c.kpi is Kpi.SATISFACTION)
    assert (last_year.previous, last_year.change) == (None, None)  # nothing then


def test_periods_before():
    assert kpis.previous_period(Period(date(2026, 1, 1), date(2026, 3, 31))) == Period(date(2025, 10, 1),
                                                                                        date(2025, 12, 31))
    assert kpis.previous_period(Period(date(2026, 11, 10), date(2026, 11, 16))) == Period(date(2026, 11, 3),
                                                                                           date(2026, 11, 9))
    assert kpis.year_before(Period(date(2028, 2, 1), date(2028, 2, 29))) == Period(date(2027, 2, 1),
                                                                                   date(2027, 2, 28))
    assert kpis.month_bounds(date(2026, 12, 17)) == Period(date(2026, 12, 1), date(2026, 12, 31))


def test_an_empty_month_measures_nothing(database, clock):
    clock.set(NOW)
    empty = report(database, Period(date(2026, 8, 1), date(2026, 8, 31)))
    for figure in empty.figures:
        if figure.kpi in (Kpi.VISITS, Kpi.SUPPLIES_ISSUED):
            assert figure.value == 0
        else:
            assert figure.value is None, figure.kpi
        assert figure.passed is None
    assert empty.supplies == () and len(empty.rooms) == 1  # the total line only
    assert all(value == 0 for value in empty.chart(ChartKey.VISITS_BY_HOUR).lines[0].values)


def test_parcels_still_inside_three_days_are_not_judged_yet(november, database):
    december = report(database, Period(date(2026, 12, 1), date(2026, 12, 5)), month_on_month=False,
                      year_on_year=False)
    assert shares(december)[Kpi.PARCELS_COLLECTED] == (0, 0)
    assert shares(december)[Kpi.PARCELS_NOTIFIED] == (1, 1)


def test_a_month_across_a_daylight_saving_change(database, clock):
    """Berlin leaves summer time on 25 October 2026: 10:30 local is 08:30 UTC before and 09:30 after."""
    clock.set(datetime(2026, 11, 10, 12, 0, tzinfo=UTC))
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "HQ", "Berlin office", "Europe/Berlin")
        uow.commit()
    seeder = Seeder(database)
    for day, utc_hour in ((24, 8), (26, 9)):
        checked_in = datetime(2026, 10, day, utc_hour, 30, tzinfo=UTC)
        seeder.visit(date(2026, 10, day), VisitKind.WALK_IN, VisitStatus.CHECKED_OUT, checked_in=checked_in,
                     checked_out=checked_in.replace(hour=utc_hour + 1), out_by="staff:amy")
    seeder.call(datetime(2026, 9, 30, 22, 30, tzinfo=UTC), True)  # 00:30 on 1 October, summer time
    seeder.call(datetime(2026, 10, 31, 22, 30, tzinfo=UTC), True)  # 23:30 on 31 October, winter time
    seeder.call(datetime(2026, 10, 31, 23, 30, tzinfo=UTC), False)  # 00:30 on 1 November
    october = report(database, Period(date(2026, 10, 1), date(2026, 10, 31)))
    by_hour = october.chart(ChartKey.VISITS_BY_HOUR)
    assert by_hour.lines[0].values[10] == 2 and sum(by_hour.lines[0].values) == 2
    assert shares(october)[Kpi.CALLS_IN_TIME] == (2, 2)
    with database.unit_of_work("test", write=False) as uow:
        where = scope(uow, "HQ", date(2026, 10, 1), date(2026, 10, 31))
        assert (where.start, where.end) == (datetime(2026, 9, 30, 22, tzinfo=UTC),
                                            datetime(2026, 10, 31, 23, tzinfo=UTC))


def test_a_range_backwards_is_refused(database):
    from kiosk.services.errors import ValidationFailed

    with database.unit_of_work("test", write=False) as uow, pytest.raises(ValidationFailed):
        kpis.kpi_report(uow, "HQ", Period(date(2026, 11, 2), date(2026, 11, 1)))
