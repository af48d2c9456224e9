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

from sqlalchemy import Select, select
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


def search_visits(
    uow: UnitOfWork, *, name: str | None = None, phone: str | None = None, limit: int = 50
) -> list[VisitSummary]:
    """Most recent visits by a visitor whose name starts with ``name`` or whose phone is ``phone``."""
    visitors = select(Visitor.id)
    if name:
        key = search_key(name)
        visitors = visitors.where(Visitor.name_key >= key, Visitor.name_key < key + "\U0010ffff")
    if phone:
        number = normalise_phone(phone)
        visitors = visitors.where(Visitor.phone == number)
    if not name and not phone:
        return []
    query = _with_people(
        select(Visit).where(Visit.visitor_id.in_(visitors)).order_by(Visit.created_at.desc()).limit(limit)
    )
    return [summarize(v) for v in uow.session.scalars(query).unique()]


def department_name(uow: UnitOfWork, department_id: int | None) -> str:
    if department_id is None:
        return ""
    department = uow.session.get(Department, department_id)
    return department.name if department else ""
