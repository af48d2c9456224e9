"""The desk's own figures: calls answered in time, routine checks passed, meeting preparation defects.

* **Calls answered in time**: phone calls taken in the period (``received_at``) whose ``answered_in_time``
  is set, of all of them; against 98 %.
* **Routine checks passed**: of the check rounds *due* in the period, those done and passed. Due: every day
  (twice for twice-a-day routines, round 1 and 2) and, for weekly ones, their weekday, from the local day the
  routine was made until today (today's rounds count once done; tomorrow's not at all). A routine no longer
  in use counts only the rounds done. A missed round is due and not passed. Against 95 %, reviewed weekly
  (the chart is per ISO week).
* **Meeting preparation defects**: meetings that took place (booked, confirmed or done; started before now)
  in the period with a preparation line not ticked by the meeting's start, of all those meetings; at most 1 %.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import and_, case, exists, func, or_, select

from kiosk.domain.front_desk import RoutineResult, RoutineSchedule
from kiosk.domain.kpis import TARGETS, Chart, ChartKey, ChartLine, ChartStyle, Figure, Kpi, Unit, share
from kiosk.domain.rooms import BookingStatus, ChecklistPhase
from kiosk.models.front_desk import PhoneMessage, RoutineCheck, RoutineTemplate
from kiosk.models.rooms import Booking, ChecklistItem
from kiosk.services.reports.kpi_scope import Scope, to_int, week_label, weeks

TOOK_PLACE = (BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.DONE)

__all__ = ["TOOK_PLACE", "calls_in_time", "meeting_prep_defects", "routines_chart", "routines_missed",
           "routines_passed"]


def calls_in_time(scope: Scope) -> Figure:
    total, in_time = scope.uow.session.execute(
        select(func.count(), func.sum(case((PhoneMessage.answered_in_time.is_(True), 1), else_=0)))
        .where(PhoneMessage.site_id == scope.site.id, PhoneMessage.received_at >= scope.start,
               PhoneMessage.received_at < scope.end)).one()
    return share(Kpi.CALLS_IN_TIME, to_int(in_time), int(total))


def _slots(schedule: RoutineSchedule, weekday: int, day: date) -> int:
    if schedule is RoutineSchedule.TWICE_DAILY:
        return 2
    if schedule is RoutineSchedule.WEEKLY:
        return 1 if day.isoweekday() == weekday else 0
    return 1


def _routine_days(scope: Scope) -> dict[date, tuple[int, int]]:
    """Per local day: rounds due, rounds passed."""
    def read() -> dict[date, tuple[int, int]]:
        session = scope.uow.session
        done: dict[tuple[int, date], tuple[int, int]] = {}
        for template_id, day, rounds, passed in session.execute(
                select(RoutineCheck.template_id, RoutineCheck.due_on, func.count(),
                       func.sum(case((RoutineCheck.result == RoutineResult.PASSED, 1), else_=0)))
                .join(RoutineTemplate, RoutineTemplate.id == RoutineCheck.template_id)
                .where(RoutineTemplate.site_id == scope.site.id, RoutineCheck.due_on >= scope.first,
                       RoutineCheck.due_on <= scope.last)
                .group_by(RoutineCheck.template_id, RoutineCheck.due_on)):
            done[(template_id, day)] = (int(rounds), to_int(passed))
        per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0])
        templates = session.execute(
            select(RoutineTemplate.id, RoutineTemplate.schedule, RoutineTemplate.weekday, RoutineTemplate.active,
                   RoutineTemplate.created_at).where(RoutineTemplate.site_id == scope.site.id)).all()
        today = scope.today
        for template_id, schedule, weekday, active, created_at in templates:
            made_on = scope.site.local_date(created_at)
            for day in scope.days():
                rounds, passed = done.get((template_id, day), (0, 0))
                due = rounds
                if active and made_on <= day < today:
                    due = max(rounds, _slots(RoutineSchedule(schedule), weekday, day))
                per_day[day][0] += due
                per_day[day][1] += passed
        return {day: (due, passed) for day, (due, passed) in per_day.items()}
    return scope.once("routines", read)


def routines_passed(scope: Scope) -> Figure:
    days = _routine_days(scope).values()
    return share(Kpi.ROUTINES_PASSED, sum(p for _d, p in days), sum(d for d, _p in days))


def routines_missed(scope: Scope) -> int:
    """Rounds due in the period that nobody did."""
    due = sum(d for d, _p in _routine_days(scope).values())
    done = to_int(scope.uow.session.scalar(
        select(func.count()).select_from(RoutineCheck)
        .join(RoutineTemplate, RoutineTemplate.id == RoutineCheck.template_id)
        .where(RoutineTemplate.site_id == scope.site.id, RoutineCheck.due_on >= scope.first,
               RoutineCheck.due_on <= scope.last)))
    return max(due - done, 0)


def routines_chart(scope: Scope) -> Chart:
    per_week: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day, (due, passed) in _routine_days(scope).items():
        per_week[week_label(day)][0] += due
        per_week[week_label(day)][1] += passed
    labels = weeks(scope.days())
    values = tuple(per_week[w][1] / per_week[w][0] if per_week[w][0] else None for w in labels)
    return Chart(ChartKey.ROUTINES_PER_WEEK, ChartStyle.LINE, tuple(labels), (ChartLine("share", values),),
                 Unit.SHARE, TARGETS[Kpi.ROUTINES_PASSED])


def meeting_prep_defects(scope: Scope) -> Figure:
    held = and_(Booking.site_id == scope.site.id, Booking.starts_at >= scope.start, Booking.starts_at < scope.end,
                Booking.starts_at <= scope.now, Booking.status.in_(TOOK_PLACE))
    unprepared = exists().where(
        ChecklistItem.booking_id == Booking.id, ChecklistItem.phase == ChecklistPhase.PREPARE.value,
        or_(ChecklistItem.done_at.is_(None), ChecklistItem.done_at > Booking.starts_at))
    total, defective = scope.uow.session.execute(
        select(func.count(), func.sum(case((unprepared, 1), else_=0))).where(held)).one()
    return share(Kpi.MEETING_PREP_DEFECTS, to_int(defective), int(total))

