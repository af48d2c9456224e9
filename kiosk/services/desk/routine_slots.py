"""Which rounds were due when, and what became of them: the day's slots, the missed ones, the pass rate.

A routine is due from the site-local day it was made (``created_at``) while it is in use: daily once,
twice a day in a morning and an afternoon round, weekly on its ISO weekday. A slot with a check is DONE; one
whose day is over without a check is MISSED; today's and later ones are DUE.

``checks_passed`` counts as the manager's figure does (``services/reports/kpi_desk.py``): of the rounds due in
the period, those done and passed. Days before today count every slot (a missed round is due and not
passed); today and later count the rounds already done; a routine out of use counts only the rounds done.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import RoutineResult, RoutineSchedule
from kiosk.models.front_desk import RoutineCheck, RoutineProblem, RoutineTemplate
from kiosk.services.desk.routine_records import AFTERNOON, MORNING, CheckRow, DueCheck, SlotState
from kiosk.services.desk.routine_templates import sort_key, template_row
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, ValidationFailed

__all__ = ["MAX_RANGE_DAYS", "check_row", "checks_passed", "due_checks", "missed_checks", "rounds_on",
           "slots_between"]

MAX_RANGE_DAYS = 5 * 366  # a typo guard, as the KPI's


def rounds_on(schedule: RoutineSchedule, weekday: int, day: date) -> tuple[int, ...]:
    """The rounds a routine has on ``day``: (1, 2) twice a day, (1,) daily or on a weekly one's day, else ()."""
    if schedule is RoutineSchedule.TWICE_DAILY:
        return MORNING, AFTERNOON
    if schedule is RoutineSchedule.WEEKLY:
        return (MORNING,) if day.isoweekday() == weekday else ()
    return (MORNING,)


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _checked_range(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise ValidationFailed([FieldError("date_to", "before_start", "the last day is before the first")])
    if (date_to - date_from).days >= MAX_RANGE_DAYS:
        raise ValidationFailed([FieldError("date_to", "too_long", f"at most {MAX_RANGE_DAYS} days at once")])


def check_row(site: SiteInfo, check: RoutineCheck, template: RoutineTemplate, problem_id: int | None) -> CheckRow:
    return CheckRow(
        check_id=check.id, template_id=template.id, template_name=template.name, area=template.area,
        due_on=check.due_on, round=check.round, result=RoutineResult(check.result),
        failed_items=tuple(check.failed_items or ()), note=check.note, done_at=check.done_at, done_by=check.done_by,
        problem_id=problem_id, late=site.local_date(check.done_at) > check.due_on)


def _templates(uow: UnitOfWork, site: SiteInfo) -> list[RoutineTemplate]:
    return sorted(uow.session.scalars(select(RoutineTemplate).where(RoutineTemplate.site_id == site.id)),
                  key=sort_key)


def _checks(uow: UnitOfWork, site: SiteInfo, first: date, last: date,
            templates: dict[int, RoutineTemplate]) -> dict[tuple[int, date, int], CheckRow]:
    """The checks of the site's routines due in ``first``..``last``, by slot, each with its problem's id."""
    rows = uow.session.execute(
        select(RoutineCheck, RoutineProblem.id)
        .join(RoutineTemplate, RoutineTemplate.id == RoutineCheck.template_id)
        .outerjoin(RoutineProblem, RoutineProblem.check_id == RoutineCheck.id)
        .where(RoutineTemplate.site_id == site.id, RoutineCheck.due_on >= first, RoutineCheck.due_on <= last))
    found: dict[tuple[int, date, int], CheckRow] = {}
    for check, problem_id in rows:
        found[(check.template_id, check.due_on, check.round)] = check_row(
            site, check, templates[check.template_id], problem_id)
    return found


def slots_between(uow: UnitOfWork, site: SiteInfo, first: date, last: date) -> list[DueCheck]:
    """Every slot of ``first``..``last`` in day, area, name, round order: the rounds of the routines in use
    (from the day each was made), and any round recorded (a routine since taken out of use, say)."""
    templates = _templates(uow, site)
    by_id = {template.id: template for template in templates}
    rows = {template.id: template_row(template) for template in templates}
    checks = _checks(uow, site, first, last, by_id)
    recorded: dict[tuple[int, date], set[int]] = {}
    for template_id, day, round_ in checks:
        recorded.setdefault((template_id, day), set()).add(round_)
    today = site.local_date(uow.now())
    slots: list[DueCheck] = []
    for day in _days(first, last):
        for template in templates:
            rounds = set(rounds_on(RoutineSchedule(template.schedule), template.weekday, day)) if (
                template.active and site.local_date(template.created_at) <= day) else set()
            rounds |= recorded.get((template.id, day), set())
            for round_ in sorted(rounds):
                check = checks.get((template.id, day, round_))
                state = SlotState.DONE if check else SlotState.MISSED if day < today else SlotState.DUE
                slots.append(DueCheck(rows[template.id], day, round_, state, check))
    return slots


def due_checks(uow: UnitOfWork, site_code: str, day: date) -> list[DueCheck]:
    """The slots of ``day`` at the site, each due, done (with its check) or missed."""
    return slots_between(uow, get_site(uow, site_code), day, day)


def missed_checks(uow: UnitOfWork, site_code: str, date_from: date, date_to: date) -> list[DueCheck]:
    """Slots of ``date_from``..``date_to`` whose day is over and nobody recorded: oldest first."""
    _checked_range(date_from, date_to)
    site = get_site(uow, site_code)
    last = min(date_to, site.local_date(uow.now()) - timedelta(days=1))
    if last < date_from:
        return []
    return [slot for slot in slots_between(uow, site, date_from, last) if slot.state is SlotState.MISSED]


def checks_passed(uow: UnitOfWork, site_code: str, date_from: date, date_to: date) -> tuple[int, int]:
    """(passed, due) over ``date_from``..``date_to``, counted as the KPI counts them (see the module's text)."""
    _checked_range(date_from, date_to)
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    passed = due = 0
    for slot in slots_between(uow, site, date_from, date_to):
        if slot.check is not None:
            due += 1
            passed += slot.check.result is RoutineResult.PASSED
        elif slot.due_on < today:
            due += 1
    return passed, due

