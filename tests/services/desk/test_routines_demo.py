"""The demo's routine checks: the rulebook's routines and the lobby desk, a week of rounds done through the
service at the moments they were done, a wet floor mopped, a broken chair still open, one afternoon missed;
seeded once."""

from __future__ import annotations

from datetime import timedelta

from kiosk.services import demo_routines
from kiosk.services.desk import routines
from tests.factories import SITE
from tests.services.desk.routine_data import MONDAY


def seed(database) -> int:
    with database.unit_of_work("system:demo") as uow:
        return demo_routines.seed_routines(uow, SITE)


def test_a_week_of_rounds_with_a_problem_fixed_one_open_and_one_missed(database) -> None:
    assert seed(database) == 29  # 7 days of 4 rounds, Monday's plants, this morning's lobby; one missed
    week = (MONDAY - timedelta(days=7), MONDAY)
    with database.unit_of_work(write=False) as uow:
        names = [t.name for t in routines.list_templates(uow, SITE)]
        missed = routines.missed_checks(uow, SITE, *week)
        problems = routines.list_problems(uow, SITE, include_fixed=True)
        today = routines.due_checks(uow, SITE, MONDAY)
        rate = routines.checks_passed(uow, SITE, *week)
    assert sorted(names) == sorted(["走廊巡查", "洗手间巡查", "绿植养护", "前台区域巡查"])
    assert [(m.template.name, m.due_on, m.round) for m in missed] == [("洗手间巡查", MONDAY - timedelta(days=2), 2)]
    assert [(p.what[:6], p.open) for p in problems] == [("3 楼走廊休", True), ("洗手台旁地面", False)]
    # 09:00 on Monday: the lobby (08:40) is done, the corridor (09:05) and the rest still due.
    assert [(s.template.name, s.state.value) for s in today] == [
        ("前台区域巡查", "done"), ("绿植养护", "due"), ("洗手间巡查", "due"), ("洗手间巡查", "due"),
        ("走廊巡查", "due")]
    assert rate == (27, 30)  # 28 rounds before today (2 with a problem), the one missed, today's lobby
    assert seed(database) == 0
