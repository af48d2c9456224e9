"""Demo routine checks: the rulebook's corridor, restrooms and plants (and the lobby desk) made a week before the
demo's "now", and the week's rounds as they would have been done: mostly passed, a wet floor found and mopped,
a broken chair still waiting for its fix, one afternoon round nobody did (missed), and this morning's first.

Every round goes through ``routines.record_check`` at the moment it was done (``_AsOf``: a unit of work whose
clock reads that moment). Seeded once: a site that has routines already is left alone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from kiosk.db import Database
from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import RoutineSchedule
from kiosk.models.front_desk import RoutineTemplate
from kiosk.services.desk import routines
from kiosk.services.desk.routine_records import AFTERNOON, MORNING, CheckForm, TemplateForm
from kiosk.services.directory.sites import SiteInfo, get_site

DAYS = 7
ACTOR = "staff:reception"  # the demo's desk login
LOBBY = TemplateForm("前台区域巡查", "大堂前台", RoutineSchedule.DAILY,
                     ("台面整洁", "宣传资料摆放整齐", "访客机运行正常"))
# (days before today, routine, round, HH:MM, failed lines by index, problem, fixed after minutes (None: open))
PROBLEMS = (
    (4, "洗手间巡查", AFTERNOON, "15:10", (0,), "洗手台旁地面有积水，已放置防滑提示牌", 25),
    (1, "走廊巡查", MORNING, "09:05", (), "3 楼走廊休息区一把椅子椅腿松动", None),
)
MISSED = ((2, "洗手间巡查", AFTERNOON),)
TIMES = {("走廊巡查", MORNING): "09:05", ("洗手间巡查", MORNING): "10:00", ("洗手间巡查", AFTERNOON): "15:00",
         ("绿植养护", MORNING): "11:00", ("前台区域巡查", MORNING): "08:40"}


class _AsOf(UnitOfWork):
    def __init__(self, database: Database, at: datetime) -> None:
        super().__init__(database, actor=ACTOR)
        self._at = at

    def now(self) -> datetime:
        return self._at


def _at(site: SiteInfo, day: date, hhmm: str) -> datetime:
    return site.local_instant(day, time.fromisoformat(hhmm))


def seed_routines(uow: UnitOfWork, site_code: str) -> int:
    """The demo's routines and their week; returns the rounds recorded (0 when the site had routines)."""
    site = get_site(uow, site_code)
    if uow.session.scalar(select(RoutineTemplate.id).where(RoutineTemplate.site_id == site.id).limit(1)):
        return 0
    uow.commit()  # each step below is a unit of work of its own
    now = uow.now()
    today = site.local_date(now)
    database = uow.database
    with _AsOf(database, _at(site, today - timedelta(days=DAYS), "08:00")) as made:
        routines.ensure_default_templates(made, site.code, "zh_CN")
        routines.add_template(made, site.code, LOBBY)
    with database.unit_of_work(ACTOR, write=False) as reading:
        names = {t.template_id: t.name for t in routines.list_templates(reading, site.code)}
    recorded = 0
    for back in range(DAYS, -1, -1):
        day = today - timedelta(days=back)
        with database.unit_of_work(ACTOR, write=False) as reading:
            slots = routines.due_checks(reading, site.code, day)
        for slot in slots:
            name = names[slot.template.template_id]
            if (back, name, slot.round) in MISSED:
                continue
            hhmm = TIMES.get((name, slot.round), "09:30")
            if _at(site, day, hhmm) > now:
                continue  # later today: still due
            recorded += _record(database, site, slot.template.template_id, slot.template.items, day, slot.round,
                                back, name, hhmm)
    return recorded


def _record(database: Database, site: SiteInfo, template_id: int, items: tuple[str, ...], day: date, round_: int,
            back: int, name: str, hhmm: str) -> int:
    problem = next((p for p in PROBLEMS if p[:3] == (back, name, round_)), None)
    failed = tuple(items[i] for i in problem[4]) if problem else ()
    form = CheckForm(template_id, due_on=day, round=round_, failed_items=failed, problem=problem[5] if problem else "")
    done_at = _at(site, day, problem[3] if problem else hhmm)
    with _AsOf(database, done_at) as uow:
        check = routines.record_check(uow, site.code, form)
    if problem is not None and problem[6] is not None and check.problem_id is not None:
        with _AsOf(database, done_at + timedelta(minutes=problem[6])) as uow:
            routines.fix_problem(uow, check.problem_id, "已拖干地面，提示牌已收回")
    return 1
