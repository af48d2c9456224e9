"""The front desk's routine checks, as the rulebook has them: "corridor checked daily, restrooms twice a day,
plants weekly, the meeting rooms after use; problems (a wet floor, a broken chair) reported and fixed".

* **Templates** (``routine_templates.py``): a routine's name, area, schedule and lines; the rulebook's three
  seeded on demand (``ensure_default_templates``). The meeting rooms' after-use check is the rooms' inspection.
* **Slots** (``routine_slots.py``): the rounds due on a day (``due_checks``), those missed
  (``missed_checks``), the pass rate the KPI shares (``checks_passed``).
* **A round done** (``record_check``): one check per slot; the lines that failed and a problem described make
  it a PROBLEM, and the problem (with a photo) a follow-up item until someone records the fix
  (``fix_problem``). A second desk recording the same slot hears who did it and when (``SlotTaken``).

One action per call; each commits. Audit events hold ids and results, never texts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError

from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import RoutineResult, RoutineSchedule
from kiosk.models.front_desk import RoutineCheck, RoutineProblem, RoutineTemplate
from kiosk.models.org import Site
from kiosk.services import audit
from kiosk.services.desk.routine_records import CheckForm, CheckRow, ProblemRow, RoutineBoard, SlotState, SlotTaken
from kiosk.services.desk.routine_slots import check_row, checks_passed, due_checks, missed_checks, rounds_on
from kiosk.services.desk.routine_slots import slots_between as _slots_between
from kiosk.services.desk.routine_templates import (
    add_template,
    edit_template,
    ensure_default_templates,
    get_template,
    list_templates,
    set_active,
)
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import Conflict, FieldError, NotFound
from kiosk.services.text import NOTE_MAX, clean_text, raise_if_any

__all__ = [
    "LATE_DAYS", "PHOTO_MAX_BYTES", "add_template", "board", "checks_passed", "due_checks", "edit_template",
    "ensure_default_templates", "fix_problem", "list_problems", "list_templates", "missed_checks", "problem_photo",
    "record_check", "set_active",
]

LATE_DAYS = 7  # a round done on paper may be entered up to a week after its day
PROBLEM_MAX = 500
PHOTO_MAX_BYTES = 8 * 1024 * 1024
JPEG_START = b"\xff\xd8\xff"
WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
RECENT_DAYS = 7  # the board's "missed lately"


# -- a round done ----------------------------------------------------------------------------------------------

def _slot_errors(template: RoutineTemplate, site: SiteInfo, day: date, round_: int, today: date,
                 errors: list[FieldError]) -> None:
    schedule = RoutineSchedule(template.schedule)
    if day > today:
        errors.append(FieldError("due_on", "in_the_future", "a round is recorded on its day, not before"))
    elif day < today - timedelta(days=LATE_DAYS):
        errors.append(FieldError("due_on", "too_late", f"a round is recorded within {LATE_DAYS} days of its day"))
    elif day < site.local_date(template.created_at):
        errors.append(FieldError("due_on", "not_due", f"{template.name} was not in use yet on {day.isoformat()}"))
    elif not rounds_on(schedule, template.weekday, day):
        errors.append(FieldError("due_on", "not_due",
                                 f"{template.name} is due on {WEEKDAYS[template.weekday - 1]}, not on {day:%A}s"))
    elif round_ not in rounds_on(schedule, template.weekday, day):
        errors.append(FieldError("round", "invalid", "round 1 (morning) or 2 (afternoon)"
                                 if schedule is RoutineSchedule.TWICE_DAILY else "this routine has one round a day"))


def _checked_lines(form: CheckForm, template: RoutineTemplate, errors: list[FieldError]) -> tuple[str, ...]:
    lines = list(template.items or ())
    failed: list[str] = []
    for text in form.failed_items:
        item = clean_text(text, "failed_items", max_len=PROBLEM_MAX, errors=errors)
        if item and item not in lines:
            errors.append(FieldError("failed_items", "unknown_item", f"{template.name} has no line {item!r}"))
        elif item and item not in failed:
            failed.append(item)
    return tuple(sorted(failed, key=lines.index))


def _result(form: CheckForm, failed: tuple[str, ...], problem: str, errors: list[FieldError]) -> RoutineResult:
    found = bool(failed or problem)
    result = form.result if form.result is not None else (RoutineResult.PROBLEM if found else RoutineResult.PASSED)
    if result is RoutineResult.PASSED and found:
        errors.append(FieldError("result", "passed_with_problem", "a round with a failed line or a problem is not "
                                                                  "passed"))
    elif result is RoutineResult.PROBLEM and not found:
        errors.append(FieldError("problem", "required", "say what the problem is (or which lines failed)"))
    photo = form.photo_jpeg
    if photo is not None:
        if not found:
            errors.append(FieldError("photo", "no_problem", "a photo goes with a problem"))
        elif len(photo) > PHOTO_MAX_BYTES:
            errors.append(FieldError("photo", "too_large", "a photo is at most 8 MB"))
        elif not photo.startswith(JPEG_START):
            errors.append(FieldError("photo", "not_jpeg", "the photo is not a JPEG image"))
    return result


def _existing(uow: UnitOfWork, template_id: int, day: date, round_: int) -> RoutineCheck | None:
    return uow.session.scalar(select(RoutineCheck).where(
        RoutineCheck.template_id == template_id, RoutineCheck.due_on == day, RoutineCheck.round == round_))


def _taken(uow: UnitOfWork, site: SiteInfo, template: RoutineTemplate, check: RoutineCheck) -> SlotTaken:
    problem_id = uow.session.scalar(select(RoutineProblem.id).where(RoutineProblem.check_id == check.id))
    return SlotTaken(check_row(site, check, template, problem_id), site.zone)


def _audit_check(uow: UnitOfWork, check: RoutineCheck, problem: RoutineProblem | None) -> None:
    audit.record(uow, "routine.checked", "routine_template", check.template_id, after={
        "check_id": check.id, "due_on": check.due_on.isoformat(), "round": check.round,
        "result": RoutineResult(check.result).value, "failed_items": len(check.failed_items or ()),
        "problem_id": problem.id if problem else None, "photo": bool(problem and problem.photo_jpeg)})


def record_check(uow: UnitOfWork, site_code: str, form: CheckForm) -> CheckRow:
    """One round done (``form.due_on`` None: today). ValidationFailed names every problem at once; SlotTaken
    when the slot was recorded already, by whom and when; Conflict ``inactive_template`` for a routine out of
    use. A PROBLEM makes a follow-up item (its text: the problem, else the failed lines)."""
    site = get_site(uow, site_code)
    # Locked first (PostgreSQL; SQLite's write transaction is exclusive): of two desks recording one slot the
    # second waits here, then finds the first's check below and is told.
    template = get_template(uow, form.template_id, lock=True)
    if template.site_id != site.id:
        raise NotFound(f"no routine {form.template_id}")
    if not template.active:
        raise Conflict(f"{template.name} is no longer in use", code="inactive_template")
    today = site.local_date(uow.now())
    day = form.due_on or today
    errors: list[FieldError] = []
    _slot_errors(template, site, day, form.round, today, errors)
    failed = _checked_lines(form, template, errors)
    note = clean_text(form.note, "note", max_len=NOTE_MAX, allow_newlines=True, errors=errors)
    problem_text = clean_text(form.problem, "problem", max_len=PROBLEM_MAX, allow_newlines=True, errors=errors)
    result = _result(form, failed, problem_text, errors)
    raise_if_any(errors)
    earlier = _existing(uow, template.id, day, form.round)
    if earlier is not None:
        raise _taken(uow, site, template, earlier)
    check = RoutineCheck(template_id=template.id, due_on=day, round=form.round, result=result,
                         failed_items=list(failed), note=note, done_at=uow.now(), done_by=uow.actor[:64])
    uow.session.add(check)
    try:
        uow.session.flush()
    except IntegrityError:  # the unique slot: a writer that did not wait for the lock got there first
        uow.rollback()
        winner = _existing(uow, form.template_id, day, form.round)
        if winner is None:
            raise
        raise _taken(uow, site, get_template(uow, form.template_id), winner) from None
    problem = None
    if result is RoutineResult.PROBLEM:
        what = problem_text or "; ".join(failed)
        problem = RoutineProblem(check_id=check.id, what=what if len(what) <= PROBLEM_MAX else
                                 what[:PROBLEM_MAX - 1] + "…", photo_jpeg=form.photo_jpeg or None,
                                 reported_at=uow.now(), reported_by=uow.actor[:64], fixed_by="", fix_note="")
        uow.session.add(problem)
        uow.session.flush()
    _audit_check(uow, check, problem)
    row = check_row(site, check, template, problem.id if problem else None)
    uow.commit()
    return row


# -- problems --------------------------------------------------------------------------------------------------

def _problem_query() -> Select[*tuple[Any, ...]]:
    # Every column but the photo itself (up to 8 MB a row): whether there is one is enough for a list.
    return (select(RoutineProblem.id, RoutineProblem.check_id, RoutineTemplate.id, RoutineTemplate.name,
                   RoutineTemplate.area, RoutineCheck.due_on, RoutineCheck.round, RoutineProblem.what,
                   RoutineProblem.photo_jpeg.is_not(None), RoutineProblem.reported_at, RoutineProblem.reported_by,
                   RoutineProblem.fixed_at, RoutineProblem.fixed_by, RoutineProblem.fix_note)
            .join(RoutineCheck, RoutineCheck.id == RoutineProblem.check_id)
            .join(RoutineTemplate, RoutineTemplate.id == RoutineCheck.template_id))


def _problem_rows(uow: UnitOfWork, query: Select[*tuple[Any, ...]]) -> list[ProblemRow]:
    return [ProblemRow(problem_id=r[0], check_id=r[1], template_id=r[2], template_name=r[3], area=r[4],
                       due_on=r[5], round=r[6], what=r[7], has_photo=bool(r[8]), reported_at=r[9], reported_by=r[10],
                       fixed_at=r[11], fixed_by=r[12], fix_note=r[13]) for r in uow.session.execute(query)]


def list_problems(uow: UnitOfWork, site_code: str, *, include_fixed: bool = False, limit: int = 500
                  ) -> list[ProblemRow]:
    """The site's problems, newest first; by default only the open ones (the follow-up items)."""
    query = _problem_query().where(RoutineTemplate.site_id == get_site(uow, site_code).id)
    if not include_fixed:
        query = query.where(RoutineProblem.fixed_at.is_(None))
    return _problem_rows(uow, query.order_by(RoutineProblem.reported_at.desc(), RoutineProblem.id.desc())
                         .limit(limit))


def problem_photo(uow: UnitOfWork, problem_id: int) -> bytes | None:
    found = uow.session.execute(select(RoutineProblem.photo_jpeg).where(RoutineProblem.id == problem_id)
                                ).one_or_none()
    if found is None:
        raise NotFound(f"no routine problem {problem_id}")
    return found[0]


def fix_problem(uow: UnitOfWork, problem_id: int, note: str) -> ProblemRow:
    """The fix recorded (what was done, required); Conflict ``already_fixed`` naming who fixed it and when."""
    cleaned = clean_text(note, "note", max_len=NOTE_MAX, required=True, allow_newlines=True)
    problem = uow.session.scalars(select(RoutineProblem).where(RoutineProblem.id == problem_id).with_for_update()
                                  .execution_options(populate_existing=True)).one_or_none()
    if problem is None:
        raise NotFound(f"no routine problem {problem_id}")
    if problem.fixed_at is not None:
        zone = uow.session.scalar(select(Site.timezone).join(RoutineTemplate, RoutineTemplate.site_id == Site.id)
                                  .join(RoutineCheck, RoutineCheck.template_id == RoutineTemplate.id)
                                  .where(RoutineCheck.id == problem.check_id))
        when = problem.fixed_at.astimezone(ZoneInfo(zone or "UTC")).strftime("%Y-%m-%d %H:%M")
        raise Conflict(f"problem {problem_id} was fixed already by {problem.fixed_by} at {when}",
                       code="already_fixed")
    problem.fixed_at, problem.fixed_by, problem.fix_note = uow.now(), uow.actor[:64], cleaned
    audit.record(uow, "routine.problem_fixed", "routine_problem", problem.id, before={"open": True},
                 after={"open": False, "check_id": problem.check_id})
    uow.commit()
    return _problem_rows(uow, _problem_query().where(RoutineProblem.id == problem_id))[0]


# -- the desk's day --------------------------------------------------------------------------------------------

def board(uow: UnitOfWork, site_code: str, day: date) -> RoutineBoard:
    """A day's slots, the open problems and the rounds missed in the week before today, in one read."""
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    recent = [slot for slot in _slots_between(uow, site, today - timedelta(days=RECENT_DAYS),
                                              today - timedelta(days=1)) if slot.state is SlotState.MISSED]
    return RoutineBoard(day=day, today=today, slots=tuple(_slots_between(uow, site, day, day)),
                        open_problems=tuple(list_problems(uow, site_code)), recent_missed=tuple(recent))
