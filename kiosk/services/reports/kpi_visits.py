"""The visit figures: visits per day and by hour, invited against walk-in, no-shows, the wait for the host,
satisfaction and registration completeness. All over the visits *dated* in the period (``visit_date``, the
site-local day), through the ``(site_id, visit_date, status)`` index.

* **Visits**: checked in (still in, or checked out). Invited includes pre-registered visits the host agreed to.
* **No-shows**: invitations (and agreed pre-registrations) marked no-show at the end of their day, of all
  invitations that were due (those that came and those that did not).
* **Wait for the host**: from the host being told of the arrival (the check-in, or a walk-in's request)
  to the host answering (on my way, approve, decline, or the desk reaching them); the average in minutes over
  the visits answered, of all the visits whose host was told.
* **Satisfaction**: kiosk ratings of 4 or 5 (of 5) among the period's visits' ratings, and complaint outcomes
  the customer rated 4 or 5, counted when they rated them; together against 90 %.
* **Registration completeness**: of the visits that took place (today's visitors still in are not counted
  yet), those whose record has the visitor's name and phone, the host, the purpose (``other`` with a note
  saying which), the check-in time and a check-out time recorded by someone: a visitor signed out by the
  automatic end-of-day sign-out (``system:housekeeping``) left without the desk recording when. (The name is
  read as its search key, empty exactly when the name is.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from kiosk.domain.front_desk import ComplaintStatus
from kiosk.domain.kpis import GOOD_RATING, TARGETS, Chart, ChartKey, ChartLine, ChartStyle, Figure, Kpi, Unit, share
from kiosk.domain.visits import Purpose, VisitKind, VisitStatus
from kiosk.models.front_desk import Complaint
from kiosk.models.visits import Feedback, Visit, Visitor
from kiosk.services.reports.kpi_scope import (
    Scope,
    hour_bucket,
    local_day,
    local_hour,
    seconds_between,
    to_int,
    week_label,
    weeks,
)

CAME = (VisitStatus.CHECKED_IN, VisitStatus.CHECKED_OUT)
AUTOMATIC_SIGN_OUT = "system:housekeeping"  # the actor of housekeeping's end-of-day sign-out

__all__ = [
    "AUTOMATIC_SIGN_OUT", "complaint_satisfaction", "host_wait", "host_wait_chart", "hosts_unanswered",
    "kiosk_ratings", "no_shows", "registration", "satisfaction", "satisfaction_chart", "visits",
    "visits_by_hour_chart", "visits_per_day_chart", "walk_in_share",
]


def _in_period(scope: Scope) -> ColumnElement[bool]:
    return and_(Visit.site_id == scope.site.id, Visit.visit_date >= scope.first, Visit.visit_date <= scope.last)


@dataclass
class Facts:
    """What the visits of one (day, kind, status, UTC check-in hour) group add up to."""

    visits: int = 0
    told: int = 0  # hosts told of the arrival
    answered: int = 0
    waited: float = 0.0  # seconds, over the answered
    complete: int = 0  # registration records complete (see the module's docstring)

    def add(self, other: Facts) -> None:
        for name in ("visits", "told", "answered", "waited", "complete"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


Key = tuple[date, VisitKind, VisitStatus, str | datetime | None]


def _facts(scope: Scope) -> dict[Key, Facts]:
    """One pass over the period's visits (through the (site, day, status) index) that every visit figure but the
    ratings shares. A visitor's record lacks a name or phone rarely: those few visitors are found through their
    indexes and the visits checked against them, rather than every visit joined to its visitor."""
    def read() -> dict[Key, Facts]:
        answered = and_(Visit.host_notified_at.is_not(None), Visit.host_acknowledged_at.is_not(None),
                        Visit.host_acknowledged_at >= Visit.host_notified_at)
        waited = seconds_between(scope, Visit.host_notified_at, Visit.host_acknowledged_at)
        unnamed_or_no_phone = select(Visitor.id).where(
            or_(Visitor.phone.is_(None), Visitor.phone == "", Visitor.name_key == ""))
        complete = and_(
            Visit.visitor_id.not_in(unnamed_or_no_phone),
            or_(Visit.purpose != Purpose.OTHER, Visit.purpose_note != ""),
            Visit.checked_out_at.is_not(None), func.coalesce(Visit.checked_out_by, "") != AUTOMATIC_SIGN_OUT)
        bucket = hour_bucket(scope, Visit.checked_in_at)
        rows = scope.uow.session.execute(
            select(Visit.visit_date, Visit.kind, Visit.status, bucket, func.count(),
                   func.sum(case((Visit.host_notified_at.is_not(None), 1), else_=0)),
                   func.sum(case((answered, 1), else_=0)), func.sum(case((answered, waited), else_=0.0)),
                   func.sum(case((complete, 1), else_=0)))
            .where(_in_period(scope)).group_by(Visit.visit_date, Visit.kind, Visit.status, bucket))
        return {(day, VisitKind(kind), VisitStatus(status), hour): Facts(
                    int(n), to_int(told), to_int(done), float(seconds or 0), to_int(whole))
                for day, kind, status, hour, n, told, done, seconds, whole in rows}
    return scope.once("visit_facts", read)


def _summed(scope: Scope, by: Callable[[Key], object]) -> dict[object, Facts]:
    summed: dict[object, Facts] = defaultdict(Facts)
    for key, facts in _facts(scope).items():
        summed[by(key)].add(facts)
    return summed


def _counts(scope: Scope) -> dict[tuple[date, VisitKind, VisitStatus], int]:
    """Visits per (day, kind, status)."""
    return {key: facts.visits for key, facts in _summed(scope, lambda k: k[:3]).items()}  # type: ignore[misc]


def visits(scope: Scope) -> Figure:
    came = sum(n for (_d, _k, status), n in _counts(scope).items() if status in CAME)
    return Figure(Kpi.VISITS, float(came), came, came)


def walk_in_share(scope: Scope) -> Figure:
    counts = _counts(scope)
    came = sum(n for (_d, _k, status), n in counts.items() if status in CAME)
    walk_ins = sum(n for (_d, kind, status), n in counts.items() if status in CAME and kind is VisitKind.WALK_IN)
    return share(Kpi.WALK_IN_SHARE, walk_ins, came)


def no_shows(scope: Scope) -> Figure:
    counts = _counts(scope)
    invited = [(status, n) for (_d, kind, status), n in counts.items() if kind is not VisitKind.WALK_IN]
    missed = sum(n for status, n in invited if status is VisitStatus.NO_SHOW)
    due = missed + sum(n for status, n in invited if status in CAME)
    return share(Kpi.NO_SHOWS, missed, due)


def visits_per_day_chart(scope: Scope) -> Chart:
    invited: dict[date, int] = defaultdict(int)
    walk_ins: dict[date, int] = defaultdict(int)
    missed: dict[date, int] = defaultdict(int)
    for (day, kind, status), n in _counts(scope).items():
        if status in CAME:
            (walk_ins if kind is VisitKind.WALK_IN else invited)[day] += n
        elif status is VisitStatus.NO_SHOW:
            missed[day] += n
    days = scope.days()
    return Chart(ChartKey.VISITS_PER_DAY, ChartStyle.BARS, tuple(f"{day:%m-%d}" for day in days), (
        ChartLine("invited", tuple(float(invited[d]) for d in days)),
        ChartLine("walk_in", tuple(float(walk_ins[d]) for d in days)),
        ChartLine("no_show", tuple(float(missed[d]) for d in days)),
    ))


def visits_by_hour_chart(scope: Scope) -> Chart:
    """Check-ins per local hour of the day over the period (UTC hour buckets folded into the site's hours)."""
    per_hour = [0.0] * 24
    for (_day, _kind, _status, bucket), facts in _facts(scope).items():
        if bucket is not None:
            per_hour[local_hour(scope, bucket)] += facts.visits
    return Chart(ChartKey.VISITS_BY_HOUR, ChartStyle.BARS, tuple(f"{h:02d}" for h in range(24)),
                 (ChartLine("visits", tuple(per_hour)),))


def _waits(scope: Scope) -> dict[date, tuple[int, int, float]]:
    """Per day: hosts told, hosts who answered, seconds waited in all."""
    return {day: (f.told, f.answered, f.waited)  # type: ignore[misc]
            for day, f in _summed(scope, lambda k: k[0]).items() if f.told}


def host_wait(scope: Scope) -> Figure:
    waits = _waits(scope).values()
    told = sum(w[0] for w in waits)
    answered = sum(w[1] for w in waits)
    seconds = sum(w[2] for w in waits)
    return Figure(Kpi.HOST_WAIT, seconds / answered / 60 if answered else None, answered, told)


def hosts_unanswered(scope: Scope) -> int:
    """Hosts told of an arrival who never answered (the desk was alerted after 15 minutes)."""
    return sum(told - answered for told, answered, _seconds in _waits(scope).values())


def host_wait_chart(scope: Scope) -> Chart:
    waits = _waits(scope)
    days = scope.days()
    minutes = tuple(waits[d][2] / waits[d][1] / 60 if d in waits and waits[d][1] else None for d in days)
    return Chart(ChartKey.HOST_WAIT_PER_DAY, ChartStyle.LINE, tuple(f"{d:%m-%d}" for d in days),
                 (ChartLine("minutes", minutes),), Unit.MINUTES)


def _ratings(scope: Scope) -> dict[date, tuple[int, int]]:
    """Per visit day: kiosk ratings, and those of 4 or 5."""
    def read() -> dict[date, tuple[int, int]]:
        rows = scope.uow.session.execute(
            select(Visit.visit_date, func.count(), func.sum(case((Feedback.rating >= GOOD_RATING, 1), else_=0)))
            .select_from(Visit).join(Feedback, Feedback.visit_id == Visit.id)
            .where(_in_period(scope)).group_by(Visit.visit_date))
        return {day: (int(n), to_int(good)) for day, n, good in rows}
    return scope.once("ratings", read)


def _complaint_ratings(scope: Scope) -> dict[str | datetime, tuple[int, int]]:
    """Per UTC hour bucket: complaint outcomes rated, and those of 4 or 5."""
    def read() -> dict[str | datetime, tuple[int, int]]:
        bucket = hour_bucket(scope, Complaint.satisfaction_at)
        rows = scope.uow.session.execute(
            select(bucket, func.count(), func.sum(case((Complaint.satisfaction >= GOOD_RATING, 1), else_=0)))
            .where(Complaint.site_id == scope.site.id, Complaint.satisfaction.is_not(None),
                   Complaint.satisfaction_at >= scope.start, Complaint.satisfaction_at < scope.end,
                   Complaint.status.in_([ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED]))
            .group_by(bucket))
        return {value: (int(n), to_int(good)) for value, n, good in rows}
    return scope.once("complaint_ratings", read)


def kiosk_ratings(scope: Scope) -> Figure:
    rated = _ratings(scope).values()
    return share(Kpi.KIOSK_RATINGS, sum(g for _n, g in rated), sum(n for n, _g in rated))


def complaint_satisfaction(scope: Scope) -> Figure:
    rated = _complaint_ratings(scope).values()
    return share(Kpi.COMPLAINT_SATISFACTION, sum(g for _n, g in rated), sum(n for n, _g in rated))


def satisfaction(scope: Scope) -> Figure:
    kiosk, complaints = kiosk_ratings(scope), complaint_satisfaction(scope)
    return share(Kpi.SATISFACTION, kiosk.count + complaints.count, kiosk.out_of + complaints.out_of)


def satisfaction_chart(scope: Scope) -> Chart:
    """Both kinds of rating together, per ISO week (a visit's week; a complaint's when it was rated)."""
    rated: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day, (n, good) in _ratings(scope).items():
        rated[week_label(day)][0] += n
        rated[week_label(day)][1] += good
    for bucket, (n, good) in _complaint_ratings(scope).items():
        label = week_label(local_day(scope, bucket))
        rated[label][0] += n
        rated[label][1] += good
    labels = weeks(scope.days())
    values = tuple(rated[w][1] / rated[w][0] if rated[w][0] else None for w in labels)
    return Chart(ChartKey.SATISFACTION_PER_WEEK, ChartStyle.LINE, tuple(labels), (ChartLine("share", values),),
                 Unit.SHARE, TARGETS[Kpi.SATISFACTION])


def registration(scope: Scope) -> Figure:
    """Complete visit records of the visits that took place (see the module's docstring)."""
    today = scope.today
    counted = [facts for (day, _kind, status, _hour), facts in _facts(scope).items()
               if status in CAME and not (status is VisitStatus.CHECKED_IN and day >= today)]
    return share(Kpi.REGISTRATION, sum(f.complete for f in counted), sum(f.visits for f in counted))
