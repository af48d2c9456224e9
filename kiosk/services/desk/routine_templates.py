"""Routine templates: where, how often, and the lines to check; added, edited (version-checked), taken out of use
and back; and the rulebook's own routines seeded on demand.

The rulebook: "corridor checked daily, restrooms twice a day, plants weekly, the meeting rooms after use".
The first three are templates (``DEFAULTS``, in Chinese and English; the site's language is stored). The
meeting rooms are not: their after-use check is the rooms' inspection (``services/rooms/inspection.py``: the
Meeting rooms page, ``kioskctl bookings inspect``), done after each meeting rather than on a clock.

A template's schedule cannot change once a round was recorded against it (the missed rounds and the pass
rate of the days before would change with it): take it out of use and add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import RoutineSchedule
from kiosk.models.front_desk import RoutineCheck, RoutineTemplate
from kiosk.services import audit
from kiosk.services.desk.routine_records import TemplateForm, TemplateRow
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound
from kiosk.services.text import clean_text, raise_if_any

__all__ = ["DEFAULTS", "ITEMS_MAX", "ITEM_MAX", "add_template", "edit_template", "ensure_default_templates",
           "get_template", "list_templates", "set_active", "sort_key", "template_row"]

NAME_MAX = AREA_MAX = 100
ITEM_MAX = 200
ITEMS_MAX = 30
ENTITY = "routine_template"


@dataclass(frozen=True)
class DefaultRoutine:
    """One of the rulebook's routines, in Chinese and English: (zh, en) for each text."""

    name: tuple[str, str]
    area: tuple[str, str]
    schedule: RoutineSchedule
    items: tuple[tuple[str, str], ...]
    weekday: int = 1

    def form(self, language: str) -> TemplateForm:
        pick = 1 if language == "en" else 0
        return TemplateForm(name=self.name[pick], area=self.area[pick], schedule=self.schedule,
                            items=tuple(item[pick] for item in self.items), weekday=self.weekday)


DEFAULTS = (
    DefaultRoutine(("走廊巡查", "Corridor check"), ("走廊", "Corridor"), RoutineSchedule.DAILY, (
        ("地面干燥清洁，无积水", "Floor dry and clean, no wet patches"),
        ("通道及消防通道畅通", "Walkways and fire exits clear"),
        ("照明正常", "Lights working"),
        ("垃圾桶已清空", "Bins emptied"),
    )),
    DefaultRoutine(("洗手间巡查", "Restroom check"), ("洗手间", "Restrooms"), RoutineSchedule.TWICE_DAILY, (
        ("地面干燥，无积水", "Floor dry, no wet patches"),
        ("洗手液、擦手纸充足", "Soap and paper towels stocked"),
        ("厕纸充足", "Toilet paper stocked"),
        ("马桶、洗手台清洁", "Toilets and basins clean"),
        ("无异味、无漏水", "No odour, no leaks"),
    )),
    DefaultRoutine(("绿植养护", "Plant care"), ("大堂及走廊绿植", "Lobby and corridor plants"),
                   RoutineSchedule.WEEKLY, (
        ("已浇水", "Watered"),
        ("无枯叶、黄叶", "No dead or yellow leaves"),
        ("花盆、托盘清洁", "Pots and trays clean"),
        ("无虫害", "No pests"),
    ), weekday=1),
)


# -- reading ---------------------------------------------------------------------------------------------------

def sort_key(template: RoutineTemplate) -> tuple[str, str, int]:
    """By area, then name (in Python: SQLite and PostgreSQL collate differently)."""
    return template.area.casefold(), template.name.casefold(), template.id


def template_row(template: RoutineTemplate, checks_done: int = 0) -> TemplateRow:
    return TemplateRow(
        template_id=template.id, name=template.name, area=template.area, schedule=RoutineSchedule(template.schedule),
        items=tuple(template.items or ()), weekday=template.weekday, active=template.active,
        created_at=template.created_at, version=template.version, checks_done=checks_done)


def _checks_done(uow: UnitOfWork, template_ids: list[int]) -> dict[int, int]:
    if not template_ids:
        return {}
    return {int(t): int(n) for t, n in uow.session.execute(
        select(RoutineCheck.template_id, func.count()).where(RoutineCheck.template_id.in_(template_ids))
        .group_by(RoutineCheck.template_id))}


def list_templates(uow: UnitOfWork, site_code: str, *, include_inactive: bool = False) -> list[TemplateRow]:
    """Those in use first, then by area and name."""
    query = select(RoutineTemplate).where(RoutineTemplate.site_id == get_site(uow, site_code).id)
    if not include_inactive:
        query = query.where(RoutineTemplate.active.is_(True))
    templates = sorted(uow.session.scalars(query), key=lambda t: (not t.active, *sort_key(t)))
    done = _checks_done(uow, [t.id for t in templates])
    return [template_row(t, done.get(t.id, 0)) for t in templates]


def get_template(uow: UnitOfWork, template_id: int, *, lock: bool = False) -> RoutineTemplate:
    query = select(RoutineTemplate).where(RoutineTemplate.id == template_id)
    if lock:  # two desks on one routine: the second waits (PostgreSQL), then sees the first's change
        query = query.with_for_update().execution_options(populate_existing=True)
    template = uow.session.scalars(query).one_or_none()
    if template is None:
        raise NotFound(f"no routine {template_id}")
    return template


# -- changing --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Clean:
    name: str
    area: str
    schedule: RoutineSchedule
    items: tuple[str, ...]
    weekday: int


def _checked(form: TemplateForm) -> _Clean:
    """Every problem at once: a name, a known schedule, a weekday 1-7, one to ITEMS_MAX distinct lines."""
    errors: list[FieldError] = []
    name = clean_text(form.name, "name", max_len=NAME_MAX, required=True, errors=errors)
    area = clean_text(form.area, "area", max_len=AREA_MAX, errors=errors)
    try:
        schedule = RoutineSchedule(form.schedule)
    except ValueError:
        errors.append(FieldError("schedule", "invalid", "the schedule is daily, twice_daily or weekly"))
        schedule = RoutineSchedule.DAILY
    weekday = form.weekday if isinstance(form.weekday, int) and 1 <= form.weekday <= 7 else 0
    if schedule is RoutineSchedule.WEEKLY and not weekday:
        errors.append(FieldError("weekday", "invalid", "a weekly routine's day is 1 (Monday) to 7 (Sunday)"))
    items: list[str] = []
    for index, text in enumerate(form.items):
        item = clean_text(text, f"items[{index + 1}]", max_len=ITEM_MAX, errors=errors)
        if item and item in items:
            errors.append(FieldError("items", "duplicate_item", f"the line {item!r} is there twice"))
        elif item:
            items.append(item)
    if not items:
        errors.append(FieldError("items", "required", "a routine needs at least one line to check"))
    elif len(items) > ITEMS_MAX:
        errors.append(FieldError("items", "too_many", f"a routine has at most {ITEMS_MAX} lines"))
    raise_if_any(errors)
    return _Clean(name, area, schedule, tuple(items), weekday if schedule is RoutineSchedule.WEEKLY else 1)


def _refuse_duplicate(uow: UnitOfWork, site_id: int, clean: _Clean, template_id: int | None = None) -> None:
    query = select(RoutineTemplate.id).where(
        RoutineTemplate.site_id == site_id, RoutineTemplate.active.is_(True), RoutineTemplate.name == clean.name,
        RoutineTemplate.area == clean.area)
    if template_id is not None:
        query = query.where(RoutineTemplate.id != template_id)
    other = uow.session.scalar(query.limit(1))
    if other is not None:
        raise Conflict(f"routine {clean.name!r} ({clean.area or 'no area'}) exists already (routine {other})",
                       code="duplicate_template")


def _values(template: RoutineTemplate) -> dict[str, object]:
    return {"name": template.name, "area": template.area, "schedule": RoutineSchedule(template.schedule).value,
            "weekday": template.weekday, "items": len(template.items or ()), "active": template.active}


def _new(uow: UnitOfWork, site_id: int, clean: _Clean) -> RoutineTemplate:
    template = RoutineTemplate(site_id=site_id, name=clean.name, area=clean.area, schedule=clean.schedule,
                               items=list(clean.items), weekday=clean.weekday, active=True, created_at=uow.now(),
                               version=1)
    uow.session.add(template)
    uow.session.flush()
    audit.record(uow, "routine.template_added", ENTITY, template.id, after=_values(template))
    return template


def add_template(uow: UnitOfWork, site_code: str, form: TemplateForm) -> TemplateRow:
    """ValidationFailed (every field at once); Conflict ``duplicate_template`` for a name and area in use."""
    clean = _checked(form)
    site = get_site(uow, site_code)
    _refuse_duplicate(uow, site.id, clean)
    template = _new(uow, site.id, clean)
    uow.commit()
    return template_row(template)


def _open(uow: UnitOfWork, template_id: int, version: int | None) -> RoutineTemplate:
    template = get_template(uow, template_id, lock=True)
    if version is not None and template.version != version:
        raise Conflict(f"routine {template_id} was changed meanwhile; look at it again", code="stale_version")
    return template


def edit_template(uow: UnitOfWork, template_id: int, form: TemplateForm, *, version: int | None = None
                  ) -> TemplateRow:
    """The name, area and lines at any time; the schedule and weekday only while no round was recorded
    (Conflict ``schedule_in_use``); Conflict ``stale_version`` when someone changed it meanwhile."""
    clean = _checked(form)
    template = _open(uow, template_id, version)
    done = _checks_done(uow, [template.id]).get(template.id, 0)
    moved = clean.schedule != template.schedule or (
        clean.schedule is RoutineSchedule.WEEKLY and clean.weekday != template.weekday)
    if moved and done:
        raise Conflict(f"routine {template_id} has {done} round(s) recorded: its schedule stays; take it out of "
                       "use and add a new one", code="schedule_in_use")
    if template.active:
        _refuse_duplicate(uow, template.site_id, clean, template.id)
    before = _values(template)
    template.name, template.area, template.items = clean.name, clean.area, list(clean.items)
    template.schedule, template.weekday = clean.schedule, clean.weekday
    template.version += 1
    audit.record(uow, "routine.template_changed", ENTITY, template.id, before=before, after=_values(template))
    uow.commit()
    return template_row(template, done)


def set_active(uow: UnitOfWork, template_id: int, active: bool, *, version: int | None = None) -> TemplateRow:
    """Out of use: no rounds due any more (those recorded stay). Back in use: due again from today on.

    Rounds are due from the local day of ``created_at`` (the KPI reads it so too); there is no column for when
    a routine was out of use, so reactivating starts that day again rather than counting the days between as
    missed."""
    template = _open(uow, template_id, version)
    if template.active == active:
        raise Conflict(f"routine {template_id} is {'in use' if active else 'out of use'} already",
                       code="unchanged")
    if active:
        _refuse_duplicate(uow, template.site_id, _Clean(template.name, template.area,
                                                        RoutineSchedule(template.schedule), (), template.weekday))
    template.active = active
    if active:
        template.created_at = uow.now()
    template.version += 1
    audit.record(uow, "routine.template_" + ("reactivated" if active else "deactivated"), ENTITY, template.id,
                 before={"active": not active}, after={"active": active})
    uow.commit()
    return template_row(template, _checks_done(uow, [template.id]).get(template.id, 0))


def ensure_default_templates(uow: UnitOfWork, site_code: str, language: str = "zh_CN") -> list[TemplateRow]:
    """The rulebook's corridor (daily), restrooms (twice a day) and plants (weekly, Mondays), in the site's
    ``language``; one the site has already (by its name in either language, in use or not) is left alone.
    Returns those added. The meeting rooms' after-use check is the rooms' inspection, not a template."""
    site = get_site(uow, site_code)
    names = set(uow.session.scalars(select(RoutineTemplate.name).where(RoutineTemplate.site_id == site.id)))
    added = [_new(uow, site.id, _checked(default.form(language)))
             for default in DEFAULTS if not names & set(default.name)]
    uow.commit()
    return [template_row(template) for template in added]
