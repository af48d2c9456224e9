"""Routine checks as the desk does them: the rounds due on a day per schedule (daily, twice a day, weekly on its
weekday), one check per round (a second desk hears who did it and when, also when both try at once), problems
as follow-up items until fixed, missed rounds once their day is over, and the pass rate the KPI agrees with."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.application.gateways.desk_routines import (
    AFTERNOON,
    MORNING,
    CheckForm,
    RoutineResult,
    RoutineSchedule,
    SlotState,
    SlotTaken,
    TemplateForm,
)
from kiosk.domain.kpis import Kpi, Period
from kiosk.models.front_desk import RoutineCheck, RoutineProblem
from kiosk.services.desk import routines
from kiosk.services.errors import Conflict, ValidationFailed
from kiosk.services.reports import kpis
from tests.factories import SITE
from tests.services.desk.routine_data import JPEG, MONDAY, PNG, corridor, desk, plants, restrooms

WAIT = 10.0


def slots(database, day: date) -> list[tuple[str, int, SlotState]]:
    return [(s.template.name, s.round, s.state) for s in desk(database).due_checks(day)]


def counted(database, model) -> int:
    with database.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# -- the rounds due ------------------------------------------------------------------------------------------------

def test_each_schedule_has_its_rounds_on_its_days(database) -> None:
    corridor(database)
    restrooms(database)
    plants(database, weekday=1)  # Mondays
    plants_wednesday = desk(database).add_template(TemplateForm("Plants", "3F", RoutineSchedule.WEEKLY,
                                                                ("Watered",), weekday=3))
    due = SlotState.DUE
    # By area (1F, 2F, Lobby), then name and round.
    assert slots(database, MONDAY) == [("Corridor", 1, due), ("Restrooms", 1, due), ("Restrooms", 2, due),
                                       ("Plants", 1, due)]
    assert slots(database, MONDAY + timedelta(days=1)) == [("Corridor", 1, due), ("Restrooms", 1, due),
                                                           ("Restrooms", 2, due)]
    wednesday = desk(database).due_checks(MONDAY + timedelta(days=2))
    assert [(s.template.area, s.template.name) for s in wednesday] == [
        ("1F", "Corridor"), ("2F", "Restrooms"), ("2F", "Restrooms"), ("3F", "Plants")]
    assert wednesday[-1].template.template_id == plants_wednesday.template_id
    # Made on Monday: nothing was due the day before.
    assert slots(database, MONDAY - timedelta(days=1)) == []


def test_a_round_done_shows_who_and_when_and_the_other_round_stays_due(database, clock) -> None:
    toilets = restrooms(database)
    clock.set(datetime(2026, 6, 15, 2, 5, tzinfo=UTC))  # 10:05 in Shanghai
    check = desk(database, "staff:amy").record_check(CheckForm(toilets.template_id, round=MORNING))
    assert (check.result, check.done_by, check.due_on, check.round, check.late) == (
        RoutineResult.PASSED, "staff:amy", MONDAY, 1, False)
    board = {s.round: s for s in desk(database).due_checks(MONDAY)}
    assert board[1].state is SlotState.DONE and board[1].check is not None
    assert board[1].check.done_at == datetime(2026, 6, 15, 2, 5, tzinfo=UTC)
    assert board[2].state is SlotState.DUE and board[2].check is None


def test_a_second_desk_recording_the_same_round_hears_who_did_it_and_when(database, clock) -> None:
    hall = corridor(database)
    clock.set(datetime(2026, 6, 15, 1, 12, tzinfo=UTC))  # 09:12
    desk(database, "staff:amy").record_check(CheckForm(hall.template_id))
    clock.advance(minutes=30)
    with pytest.raises(SlotTaken) as refused:
        desk(database, "staff:bob").record_check(CheckForm(hall.template_id, problem="wet floor"))
    assert refused.value.code == "already_done"
    assert refused.value.message == "Corridor of 2026-06-15 was already done by staff:amy at 2026-06-15 09:12"
    assert refused.value.check.done_by == "staff:amy"
    assert (counted(database, RoutineCheck), counted(database, RoutineProblem)) == (1, 0)


def test_rounds_that_do_not_exist_and_days_out_of_reach_are_refused_every_problem_at_once(database) -> None:
    hall, toilets, monday_plants = corridor(database), restrooms(database), plants(database)
    gateway = desk(database)
    with pytest.raises(ValidationFailed) as wrong:
        gateway.record_check(CheckForm(hall.template_id, round=AFTERNOON, failed_items=("Ceiling",),
                                       problem="wet floor", photo_jpeg=PNG))
    assert {(e.field, e.code) for e in wrong.value.errors} == {
        ("round", "invalid"), ("failed_items", "unknown_item"), ("photo", "not_jpeg")}
    for form, field, code in (
        (CheckForm(toilets.template_id, round=3), "round", "invalid"),
        (CheckForm(monday_plants.template_id, due_on=MONDAY + timedelta(days=1)), "due_on", "in_the_future"),
        (CheckForm(hall.template_id, due_on=MONDAY - timedelta(days=1)), "due_on", "not_due"),
        (CheckForm(hall.template_id, failed_items=("Floor dry",), result=RoutineResult.PASSED), "result",
         "passed_with_problem"),
        (CheckForm(hall.template_id, result=RoutineResult.PROBLEM), "problem", "required"),
        (CheckForm(hall.template_id, photo_jpeg=JPEG), "photo", "no_problem"),
        (CheckForm(hall.template_id, problem="wet", photo_jpeg=JPEG + b"\x00" * (8 * 1024 * 1024)), "photo",
         "too_large"),
        (CheckForm(hall.template_id, note="bad\x00note"), "note", "bad_characters"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            gateway.record_check(form)
        assert [(e.field, e.code) for e in refused.value.errors] == [(field, code)], form
    assert counted(database, RoutineCheck) == 0


def test_weekly_routines_are_done_on_their_weekday_only(database, clock) -> None:
    wednesday_plants = plants(database, weekday=3)
    gateway = desk(database)
    with pytest.raises(ValidationFailed) as refused:
        gateway.record_check(CheckForm(wednesday_plants.template_id))
    assert refused.value.errors[0].message == "Plants is due on Wednesdays, not on Mondays"
    clock.advance(days=2)
    assert gateway.record_check(CheckForm(wednesday_plants.template_id)).due_on == MONDAY + timedelta(days=2)


def test_a_round_is_entered_late_within_a_week_and_a_routine_out_of_use_takes_none(database, clock) -> None:
    hall = corridor(database)
    clock.advance(days=8)
    gateway = desk(database)
    late = gateway.record_check(CheckForm(hall.template_id, due_on=MONDAY + timedelta(days=1)))
    assert (late.due_on, late.late) == (MONDAY + timedelta(days=1), True)
    with pytest.raises(ValidationFailed) as refused:
        gateway.record_check(CheckForm(hall.template_id, due_on=MONDAY))
    assert refused.value.errors[0].code == "too_late"
    current = gateway.templates()[0]
    gateway.set_active(hall.template_id, False, current.version)
    with pytest.raises(Conflict) as inactive:
        gateway.record_check(CheckForm(hall.template_id))
    assert inactive.value.code == "inactive_template"


# -- problems --------------------------------------------------------------------------------------------------

def test_failed_lines_become_a_follow_up_item_until_the_fix_is_recorded(database, clock) -> None:
    toilets = restrooms(database)
    gateway = desk(database, "staff:amy")
    clock.set(datetime(2026, 6, 15, 6, 30, tzinfo=UTC))  # 14:30
    check = gateway.record_check(CheckForm(toilets.template_id, round=AFTERNOON,
                                           failed_items=("Paper stocked", "Floor dry"), note="busy lunch"))
    assert (check.result, check.failed_items, check.note) == (RoutineResult.PROBLEM, ("Floor dry", "Paper stocked"),
                                                              "busy lunch")
    [problem] = gateway.problems()
    assert (problem.problem_id, problem.what, problem.has_photo, problem.round, problem.area) == (
        check.problem_id, "Floor dry; Paper stocked", False, AFTERNOON, "2F")
    assert gateway.board(MONDAY).open_problems == (problem,)

    clock.advance(minutes=20)
    fixed = desk(database, "staff:bob").fix_problem(problem.problem_id, "mopped, paper refilled")
    assert (fixed.open, fixed.fixed_by, fixed.fix_note) == (False, "staff:bob", "mopped, paper refilled")
    assert fixed.fixed_at == datetime(2026, 6, 15, 6, 50, tzinfo=UTC)
    assert gateway.problems() == [] and gateway.problems(include_fixed=True) == [fixed]
    with pytest.raises(Conflict) as again:
        gateway.fix_problem(problem.problem_id, "again")
    assert again.value.message == f"problem {problem.problem_id} was fixed already by staff:bob at 2026-06-15 14:50"
    with pytest.raises(ValidationFailed):
        gateway.fix_problem(problem.problem_id, "  ")


def test_a_problem_off_the_list_keeps_its_words_and_its_photo(database) -> None:
    hall = corridor(database)
    gateway = desk(database)
    check = gateway.record_check(CheckForm(hall.template_id, problem="Broken chair by the lift", photo_jpeg=JPEG))
    assert (check.result, check.failed_items) == (RoutineResult.PROBLEM, ())
    [problem] = gateway.problems()
    assert (problem.what, problem.has_photo) == ("Broken chair by the lift", True)
    assert gateway.problem_photo(problem.problem_id) == JPEG
    assert desk(database).due_checks(MONDAY)[0].check == check


# -- missed rounds and the pass rate ---------------------------------------------------------------------------

def test_a_round_is_missed_once_its_day_is_over(database, clock) -> None:
    hall, toilets = corridor(database), restrooms(database)
    gateway = desk(database)
    gateway.record_check(CheckForm(hall.template_id))
    gateway.record_check(CheckForm(toilets.template_id, round=MORNING))
    assert gateway.missed(MONDAY, MONDAY) == []  # the afternoon round is still due today
    clock.set(datetime(2026, 6, 15, 15, 59, tzinfo=UTC))  # 23:59
    assert gateway.missed(MONDAY, MONDAY) == []
    clock.advance(minutes=1)  # Tuesday 00:00 in Shanghai
    [missed] = gateway.missed(MONDAY, MONDAY + timedelta(days=6))
    assert (missed.template.name, missed.due_on, missed.round, missed.state) == ("Restrooms", MONDAY, AFTERNOON,
                                                                                SlotState.MISSED)
    assert [s.state for s in gateway.due_checks(MONDAY)] == [SlotState.DONE, SlotState.DONE, SlotState.MISSED]
    assert gateway.board(MONDAY + timedelta(days=1)).recent_missed == (missed,)
    clock.advance(days=2)  # Thursday: Tuesday's and Wednesday's rounds, nobody did them
    assert [(m.template.name, m.due_on.day, m.round) for m in gateway.missed(MONDAY, MONDAY + timedelta(days=9))] == [
        ("Restrooms", 15, 2), ("Corridor", 16, 1), ("Restrooms", 16, 1), ("Restrooms", 16, 2),
        ("Corridor", 17, 1), ("Restrooms", 17, 1), ("Restrooms", 17, 2)]
    with pytest.raises(ValidationFailed):
        gateway.missed(MONDAY, MONDAY - timedelta(days=1))


def test_the_pass_rate_counts_missed_rounds_as_not_passed_and_agrees_with_the_kpi(database, clock) -> None:
    hall, toilets, monday_plants = corridor(database), restrooms(database), plants(database)
    gateway = desk(database)
    # Monday: corridor passed, restrooms 1 passed, 2 a problem, plants passed.
    gateway.record_check(CheckForm(hall.template_id))
    gateway.record_check(CheckForm(toilets.template_id, round=MORNING))
    gateway.record_check(CheckForm(toilets.template_id, round=AFTERNOON, problem="wet floor"))
    gateway.record_check(CheckForm(monday_plants.template_id))
    clock.advance(days=1)
    # Tuesday: only the corridor, passed.
    gateway.record_check(CheckForm(hall.template_id))
    clock.advance(days=1)
    # Wednesday (today): the restrooms' morning round passed; the rest of today is not yet due.
    gateway.record_check(CheckForm(toilets.template_id, round=MORNING))
    # Due: Monday 4, Tuesday 3 (2 missed), today's 1 done = 8; passed: 3 + 1 + 1 = 5.
    assert gateway.checks_passed(MONDAY, MONDAY + timedelta(days=6)) == (5, 8)
    assert gateway.checks_passed(MONDAY + timedelta(days=1), MONDAY + timedelta(days=1)) == (1, 3)
    assert gateway.checks_passed(MONDAY - timedelta(days=7), MONDAY - timedelta(days=1)) == (0, 0)
    with database.unit_of_work(write=False) as uow:
        figure = next(f for f in kpis.figures(uow, SITE, Period(MONDAY, MONDAY + timedelta(days=6)))
                      if f.kpi is Kpi.ROUTINES_PASSED)
    assert (figure.count, figure.out_of) == (5, 8)


# -- two desks at once -----------------------------------------------------------------------------------------

def test_two_desks_recording_one_round_at_once_one_wins_the_other_hears_who(database, monkeypatch) -> None:
    hall = corridor(database)
    inside, release = threading.Event(), threading.Event()
    real_audit = routines._audit_check

    def held(uow, check, problem):  # the first desk stops inside its transaction, the routine locked
        if threading.current_thread().name == "desk-1":
            inside.set()
            release.wait(WAIT)
        return real_audit(uow, check, problem)

    monkeypatch.setattr(routines, "_audit_check", held)
    outcome: dict[str, object] = {}

    def record(name: str, actor: str, problem: str) -> None:
        if name == "desk-2":
            inside.wait(WAIT)
        try:
            outcome[name] = desk(database, actor).record_check(CheckForm(hall.template_id, problem=problem))
        except Exception as exc:
            outcome[name] = exc

    threads = [threading.Thread(target=record, args=("desk-1", "staff:amy", ""), name="desk-1"),
               threading.Thread(target=record, args=("desk-2", "staff:bob", "wet floor"), name="desk-2")]
    for thread in threads:
        thread.start()
    assert inside.wait(WAIT)
    time.sleep(0.3)
    assert "desk-2" not in outcome  # waits for the first desk
    release.set()
    for thread in threads:
        thread.join(WAIT)
    first, second = outcome["desk-1"], outcome["desk-2"]
    assert getattr(first, "done_by", None) == "staff:amy", first
    assert isinstance(second, SlotTaken) and second.check.done_by == "staff:amy", second
    assert (counted(database, RoutineCheck), counted(database, RoutineProblem)) == (1, 0)


def test_a_writer_that_missed_the_first_check_is_told_by_the_unique_slot(database, monkeypatch) -> None:
    """Should the look-up miss the other desk's check, the database's one-check-per-slot still refuses the second
    row, and the desk hears who did it as before (SQLite and PostgreSQL)."""
    hall = corridor(database)
    desk(database, "staff:amy").record_check(CheckForm(hall.template_id))
    real_existing = routines._existing
    calls: list[int] = []

    def blind_once(uow, template_id, day, round_):
        calls.append(1)
        return None if len(calls) == 1 else real_existing(uow, template_id, day, round_)

    monkeypatch.setattr(routines, "_existing", blind_once)
    with pytest.raises(SlotTaken) as refused:
        desk(database, "staff:bob").record_check(CheckForm(hall.template_id, problem="wet floor"))
    assert refused.value.check.done_by == "staff:amy" and len(calls) == 2
    assert (counted(database, RoutineCheck), counted(database, RoutineProblem)) == (1, 0)
