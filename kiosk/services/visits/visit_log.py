"""Read models of visits: summaries for boards and lists, search by name or phone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host, Site, Visit, Visitor, VisitStatus
from kiosk.services.text import normalise_phone, search_key


@dataclass(frozen=True)
class VisitSummary:
    id: int
    status: str
    kind: str
    visitor_name: str
    company: str
    host_name: str
    department: str
    purpose: str
    visit_date: date
    expected_start: datetime | None
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    on_hold: bool
    escalated: bool
    vip: bool = False


def summarize(visit: Visit) -> VisitSummary:
    department = visit.host.department.name if visit.host.department else ""
    return VisitSummary(
        id=visit.id, status=VisitStatus(visit.status).value, kind=visit.kind.value,
        visitor_name=visit.visitor.name, company=visit.visitor.company or "",
        host_name=visit.host.name, department=department, purpose=visit.purpose.value,
        visit_date=visit.visit_date, expected_start=visit.expected_start,
        checked_in_at=visit.checked_in_at, checked_out_at=visit.checked_out_at,
        on_hold=visit.hold_reason is not None, escalated=visit.escalated_at is not None, vip=visit.vip,
    )


def _with_people(query: Select[Visit]) -> Select[Visit]:
    return query.options(
        joinedload(Visit.visitor), joinedload(Visit.host).joinedload(Host.department)
    )


def list_visits(
    uow: UnitOfWork, site_code: str, *, day: date | None = None, status: VisitStatus | None = None,
    limit: int = 1000,
) -> list[VisitSummary]:
    query = select(Visit).join(Site, Site.id == Visit.site_id).where(Site.code == site_code)
    if day is not None:
        query = query.where(Visit.visit_date == day)
    if status is not None:
        query = query.where(Visit.status == status)
    query = _with_people(query.order_by(Visit.visit_date.desc(), Visit.id.desc()).limit(limit))
    return [summarize(v) for v in uow.session.scalars(query).unique()]


# Up to this many matching visitors, their visits are fetched by visitor and the newest picked here;
# beyond it (a bare surname such as 王 matches tens of thousands) recent visits are walked newest
# first a page at a time. Either way neither database is left to choose between "every visit of
# every match, sorted" and "walk all visits by date hoping to meet a match", the two plans that
# took 100-500 ms at a million visits.
NARROW_MATCH = 2500
# Pages start at a size that finds 50 visits of a 1%-of-visitors prefix in one go, and double.
_WALK_FIRST_PAGE = 4000
_WALK_LAST_PAGE = 32000
_WALK_MAX_PAGES = 40


def search_visits(
    uow: UnitOfWork, *, name: str | None = None, phone: str | None = None, limit: int = 50
) -> list[VisitSummary]:
    """Most recent visits by a visitor whose name starts with ``name`` and/or whose phone is ``phone``."""
    if not name and not phone:
        return []
    conditions = []
    if name:
        key = search_key(name)
        conditions += [Visitor.name_key >= key, Visitor.name_key < key + "\U0010ffff"]
    if phone:
        conditions.append(Visitor.phone == normalise_phone(phone))
    matching = select(Visitor.id).where(*conditions)
    count = uow.session.scalar(select(func.count()).select_from(matching.limit(NARROW_MATCH + 1).subquery()))
    if (count or 0) <= NARROW_MATCH:
        # MATERIALIZED: the matches are gathered first and sorted after. Left to itself a planner
        # may instead walk every visit by date hoping to meet a match (seconds for an old one).
        matched = (
            select(Visit.id.label("id"), Visit.created_at.label("created_at"))
            .where(Visit.visitor_id.in_(matching)).cte("matched").prefix_with("MATERIALIZED")
        )
        newest = list(uow.session.scalars(
            select(matched.c.id).order_by(matched.c.created_at.desc(), matched.c.id.desc()).limit(limit)
        ))
    else:
        newest = _walk_newest(uow, conditions, limit)
    query = _with_people(select(Visit).where(Visit.id.in_(newest)))
    found = {v.id: summarize(v) for v in uow.session.scalars(query).unique()}
    return [found[i] for i in newest if i in found]


def _walk_newest(uow: UnitOfWork, visitor_conditions: list[Any], limit: int) -> list[int]:
    """Newest visits of matching visitors, a page of recent visits at a time (the LIMIT in the
    subquery pins the plan: an index scan by date, then a primary-key lookup per visit)."""
    found: list[int] = []
    cursor: tuple[datetime, int] | None = None
    size = _WALK_FIRST_PAGE
    for _ in range(_WALK_MAX_PAGES):
        window = select(Visit.id, Visit.visitor_id, Visit.created_at)
        if cursor is not None:
            at, last_id = cursor
            window = window.where(or_(Visit.created_at < at, and_(Visit.created_at == at, Visit.id < last_id)))
        window = window.order_by(Visit.created_at.desc(), Visit.id.desc())
        page = window.limit(size).subquery()
        hits = uow.session.execute(
            select(page.c.id).join(Visitor, Visitor.id == page.c.visitor_id).where(*visitor_conditions)
            .order_by(page.c.created_at.desc(), page.c.id.desc())
        ).scalars().all()
        found += hits
        # Where the next page starts: the page's last visit, read from the same index.
        last = uow.session.execute(
            window.with_only_columns(Visit.created_at, Visit.id).offset(size - 1).limit(1)
        ).first()
        if len(found) >= limit or last is None:
            break
        cursor = (last.created_at, last.id)
        size = min(size * 2, _WALK_LAST_PAGE)
    return found[:limit]


def department_name(uow: UnitOfWork, department_id: int | None) -> str:
    if department_id is None:
        return ""
    department = uow.session.get(Department, department_id)
    return department.name if department else ""
