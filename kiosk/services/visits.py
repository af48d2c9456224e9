"""The visit state machine and read models of visits.

    invited ──> checked_in ──> checked_out
       ├──> no_show
       └──> cancelled
    pending_approval ──> approved ──> checked_in
       ├──> denied
       └──> cancelled        (the visitor gave up waiting)

Any other move is an IllegalTransition, never a silent write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host, Site, Visit, Visitor, VisitStatus
from kiosk.services import audit
from kiosk.services.errors import IllegalTransition, NotFound
from kiosk.services.text import normalise_phone, search_key

S = VisitStatus
ALLOWED: dict[VisitStatus, frozenset[VisitStatus]] = {
    S.INVITED: frozenset({S.CHECKED_IN, S.NO_SHOW, S.CANCELLED}),
    S.PENDING_APPROVAL: frozenset({S.APPROVED, S.DENIED, S.CANCELLED}),
    S.APPROVED: frozenset({S.CHECKED_IN, S.CANCELLED}),
    S.CHECKED_IN: frozenset({S.CHECKED_OUT}),
}
ON_SITE = S.CHECKED_IN


def can_transition(current: VisitStatus, wanted: VisitStatus) -> bool:
    return wanted in ALLOWED.get(current, frozenset())


def transition(uow: UnitOfWork, visit: Visit, wanted: VisitStatus, **details: object) -> None:
    """Move a visit to ``wanted`` and audit it; stamps the matching time and actor."""
    current = VisitStatus(visit.status)
    if not can_transition(current, wanted):
        raise IllegalTransition(current.value, wanted.value)
    visit.status = wanted
    now = uow.now()
    if wanted is S.CHECKED_IN:
        visit.checked_in_at, visit.checked_in_by = now, uow.actor
    elif wanted is S.CHECKED_OUT:
        visit.checked_out_at, visit.checked_out_by = now, uow.actor
    elif wanted in (S.APPROVED, S.DENIED):
        visit.decided_at, visit.decided_by = now, uow.actor
    audit.record(
        uow, f"visit.{wanted.value}", "visit", visit.id,
        before={"status": current.value}, after={"status": wanted.value, **details},
    )


def load_visit(uow: UnitOfWork, visit_id: int, *, for_update: bool = False) -> Visit:
    query = select(Visit).where(Visit.id == visit_id)
    if for_update:
        query = query.with_for_update()
    visit = uow.session.scalar(query)
    if visit is None:
        raise NotFound(f"no visit with id {visit_id}")
    return visit


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


def summarize(visit: Visit) -> VisitSummary:
    department = visit.host.department.name if visit.host.department else ""
    return VisitSummary(
        id=visit.id, status=VisitStatus(visit.status).value, kind=visit.kind.value,
        visitor_name=visit.visitor.name, company=visit.visitor.company or "",
        host_name=visit.host.name, department=department, purpose=visit.purpose.value,
        visit_date=visit.visit_date, expected_start=visit.expected_start,
        checked_in_at=visit.checked_in_at, checked_out_at=visit.checked_out_at,
        on_hold=visit.hold_reason is not None, escalated=visit.escalated_at is not None,
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


# Up to this many matching visitors, their visits are fetched by visitor and sorted; beyond it (a bare
# surname such as 王 matches tens of thousands) recent visits are walked newest first instead, because
# both databases otherwise join and sort every visit of every match to return the top 50.
NARROW_MATCH = 1000
_WALK_PAGE = 2000
_WALK_MAX_PAGES = 50


def search_visits(
    uow: UnitOfWork, *, name: str | None = None, phone: str | None = None, limit: int = 50
) -> list[VisitSummary]:
    """Most recent visits by a visitor whose name starts with ``name`` and/or whose phone is ``phone``."""
    if not name and not phone:
        return []
    visitors = select(Visitor.id)
    if name:
        key = search_key(name)
        visitors = visitors.where(Visitor.name_key >= key, Visitor.name_key < key + "\U0010ffff")
    if phone:
        visitors = visitors.where(Visitor.phone == normalise_phone(phone))
    matches = list(uow.session.scalars(visitors.limit(NARROW_MATCH + 1)))
    if len(matches) <= NARROW_MATCH:
        condition = Visit.visitor_id.in_(matches)
    else:
        condition = Visit.id.in_(_newest_visits_of(uow, set(uow.session.scalars(visitors)), limit))
    query = _with_people(select(Visit).where(condition).order_by(Visit.created_at.desc(), Visit.id.desc()))
    return [summarize(v) for v in uow.session.scalars(query.limit(limit)).unique()]


def _newest_visits_of(uow: UnitOfWork, visitor_ids: set[int], limit: int) -> list[int]:
    """Walk visits newest first (an index scan both databases plan the same way) until ``limit`` match."""
    found: list[int] = []
    page = select(Visit.id, Visit.visitor_id, Visit.created_at).order_by(Visit.created_at.desc(), Visit.id.desc())
    cursor: tuple[datetime, int] | None = None
    for _ in range(_WALK_MAX_PAGES):
        query = page
        if cursor is not None:
            at, last_id = cursor
            query = query.where(or_(Visit.created_at < at, and_(Visit.created_at == at, Visit.id < last_id)))
        rows = uow.session.execute(query.limit(_WALK_PAGE)).all()
        found += [row.id for row in rows if row.visitor_id in visitor_ids]
        if len(found) >= limit or len(rows) < _WALK_PAGE:
            break
        cursor = (rows[-1].created_at, rows[-1].id)
    return found[:limit]


def department_name(uow: UnitOfWork, department_id: int | None) -> str:
    if department_id is None:
        return ""
    department = uow.session.get(Department, department_id)
    return department.name if department else ""
