"""Routine templates: added with every problem named at once, edited on a current screen only, the schedule
kept once rounds were recorded, taken out of use and back; the rulebook's three seeded in the site's language,
once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_routines import (
    CheckForm,
    DeskRoutinesGateway,
    RoutineSchedule,
    SlotState,
    TemplateForm,
)
from kiosk.models import AuditEvent
from kiosk.services.errors import Conflict, ValidationFailed
from tests.factories import SITE
from tests.services.desk.routine_data import CORRIDOR_LINES, MONDAY, corridor, desk


def test_a_routine_is_added_with_its_lines_and_every_problem_is_named_at_once(database) -> None:
    gateway = desk(database)
    row = gateway.add_template(TemplateForm(" Corridor ", "1F", RoutineSchedule.DAILY,
                                            ("Floor dry", "  ", "Lights working"), weekday=5))
    assert (row.name, row.area, row.schedule, row.items, row.weekday, row.active, row.version) == (
        "Corridor", "1F", RoutineSchedule.DAILY, ("Floor dry", "Lights working"), 1, True, 1)
    with pytest.raises(ValidationFailed) as refused:
        gateway.add_template(TemplateForm("", "x" * 101, RoutineSchedule.WEEKLY, ("a", "a"), weekday=8))
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("name", "required"), ("area", "too_long"), ("weekday", "invalid"), ("items", "duplicate_item")}
    with pytest.raises(ValidationFailed) as empty:
        gateway.add_template(TemplateForm("Lobby", "", RoutineSchedule.DAILY, ()))
    assert [(e.field, e.code) for e in empty.value.errors] == [("items", "required")]
    with pytest.raises(ValidationFailed) as many:
        gateway.add_template(TemplateForm("Lobby", "", RoutineSchedule.DAILY, tuple(f"line {n}" for n in range(31))))
    assert [(e.field, e.code) for e in many.value.errors] == [("items", "too_many")]
    with pytest.raises(Conflict) as twice:
        gateway.add_template(TemplateForm("Corridor", "1F", RoutineSchedule.DAILY, ("Floor dry",)))
    assert twice.value.code == "duplicate_template"
    assert [t.name for t in gateway.templates()] == ["Corridor"]
    with database.unit_of_work(write=False) as uow:
        events = uow.session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "routine_template")).all()
    assert events == ["routine.template_added"]


def test_an_edit_on_a_stale_screen_is_refused_and_the_schedule_stays_once_rounds_were_recorded(database) -> None:
    hall = corridor(database)
    gateway = desk(database)
    edited = gateway.edit_template(hall.template_id, TemplateForm("Corridor", "1F", RoutineSchedule.TWICE_DAILY,
                                                                  CORRIDOR_LINES), hall.version)
    assert (edited.schedule, edited.version) == (RoutineSchedule.TWICE_DAILY, 2)
    with pytest.raises(Conflict) as stale:
        gateway.edit_template(hall.template_id, TemplateForm("Hall", "1F", RoutineSchedule.DAILY, ("x",)),
                              hall.version)
    assert stale.value.code == "stale_version"
    gateway.record_check(CheckForm(hall.template_id, round=2))
    with pytest.raises(Conflict) as in_use:
        gateway.edit_template(hall.template_id, TemplateForm("Corridor", "1F", RoutineSchedule.DAILY,
                                                             CORRIDOR_LINES), edited.version)
    assert in_use.value.code == "schedule_in_use"
    renamed = gateway.edit_template(hall.template_id, TemplateForm("Hallway", "1F", RoutineSchedule.TWICE_DAILY,
                                                                   ("Floor dry", "Bins emptied")), edited.version)
    assert (renamed.name, renamed.items, renamed.checks_done, renamed.version) == (
        "Hallway", ("Floor dry", "Bins emptied"), 1, 3)


def test_a_routine_out_of_use_is_no_longer_due_and_back_in_use_it_is_due_from_that_day(database, clock) -> None:
    hall = corridor(database)
    gateway = desk(database)
    out = gateway.set_active(hall.template_id, False, hall.version)
    assert out.active is False and gateway.templates() == []
    assert [t.template_id for t in gateway.templates(include_inactive=True)] == [hall.template_id]
    assert gateway.due_checks(MONDAY) == []
    with pytest.raises(Conflict) as again:
        gateway.set_active(hall.template_id, False, out.version)
    assert again.value.code == "unchanged"
    clock.advance(days=3)
    back = gateway.set_active(hall.template_id, True, out.version)
    assert back.active is True
    # The days it was out of use are not missed rounds.
    assert gateway.missed(MONDAY, MONDAY + timedelta(days=3)) == []
    assert [s.state for s in gateway.due_checks(MONDAY + timedelta(days=3))] == [SlotState.DUE]


def test_the_rulebooks_routines_are_seeded_in_the_sites_language_once(database) -> None:
    chinese = DeskRoutinesGateway(database, SITE, actor="staff:amy", language="zh_CN").add_defaults()
    assert [(t.name, t.area, t.schedule, t.weekday) for t in chinese] == [
        ("走廊巡查", "走廊", RoutineSchedule.DAILY, 1),
        ("洗手间巡查", "洗手间", RoutineSchedule.TWICE_DAILY, 1),
        ("绿植养护", "大堂及走廊绿植", RoutineSchedule.WEEKLY, 1)]
    assert chinese[1].items[0] == "地面干燥，无积水"
    assert DeskRoutinesGateway(database, SITE, language="zh_CN").add_defaults() == []
    # In English too: the same three are recognised by either name.
    assert DeskRoutinesGateway(database, SITE, language="en").add_defaults() == []
    # The Monday they were made: the plants (Mondays) once, the restrooms twice, the corridor once (by area).
    assert [(s.template.name, s.round) for s in desk(database).due_checks(MONDAY)] == [
        ("绿植养护", 1), ("洗手间巡查", 1), ("洗手间巡查", 2), ("走廊巡查", 1)]


def test_an_english_site_gets_them_in_english(database) -> None:
    english = DeskRoutinesGateway(database, SITE, language="en").add_defaults()
    assert [t.name for t in english] == ["Corridor check", "Restroom check", "Plant care"]
    assert english[0].items == ("Floor dry and clean, no wet patches", "Walkways and fire exits clear",
                                "Lights working", "Bins emptied")
