"""Personal data is kept only as long as ``[retention] days`` says (never under 90: records are kept 3 months).

Purging removes old visits with everything hanging off them (tokens, photos,
signatures, badges, feedback, notices) and visitors left with no visit.
Audit events hold only ids and states, so they stay as the record that a purge happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import CursorResult, delete, exists, select

from kiosk.db.uow import UnitOfWork
from kiosk.models import (
    AccessToken,
    AgreementSignature,
    BadgePrintJob,
    Feedback,
    Notification,
    Visit,
    Visitor,
    VisitPhoto,
    VisitStatus,
)
from kiosk.services import audit
from kiosk.services.errors import NotFound
from kiosk.services.text import normalise_phone

MINIMUM_DAYS = 90


def _deleted(uow: UnitOfWork, statement: object) -> int:
    result = uow.session.execute(statement)  # type: ignore[call-overload]
    return int(result.rowcount or 0) if isinstance(result, CursorResult) else 0
_CHILDREN = (AccessToken, AgreementSignature, BadgePrintJob, Feedback, VisitPhoto)


@dataclass(frozen=True)
class PurgeReport:
    visits: int
    visitors: int
    notifications: int


def _delete_visits(uow: UnitOfWork, visit_ids: list[int]) -> int:
    """Children first: the schema cascades too, but not every connection has foreign keys switched on."""
    removed = 0
    for start in range(0, len(visit_ids), 500):
        chunk = visit_ids[start:start + 500]
        for child in _CHILDREN:
            uow.session.execute(delete(child).where(child.visit_id.in_(chunk)))
        uow.session.execute(delete(Notification).where(Notification.visit_id.in_(chunk)))
        removed += _deleted(uow, delete(Visit).where(Visit.id.in_(chunk)))
    return removed


def purge(uow: UnitOfWork, *, days: int) -> PurgeReport:
    if days < MINIMUM_DAYS:
        raise ValueError(f"retention below {MINIMUM_DAYS} days is not allowed (records are kept 3 months)")
    cutoff = uow.now() - timedelta(days=days)
    old_visits = list(uow.session.scalars(
        select(Visit.id).where(Visit.created_at < cutoff, Visit.status != VisitStatus.CHECKED_IN)
    ))
    removed_visits = _delete_visits(uow, old_visits)
    removed_notices = _deleted(uow, delete(Notification).where(Notification.created_at < cutoff))
    orphaned = delete(Visitor).where(
        Visitor.created_at < cutoff, ~exists().where(Visit.visitor_id == Visitor.id)
    )
    removed_visitors = _deleted(uow, orphaned)
    report = PurgeReport(removed_visits, removed_visitors, removed_notices)
    audit.record(uow, "retention.purge", "visit", None,
                 after={"days": days, "visits": report.visits, "visitors": report.visitors,
                        "notifications": report.notifications})
    uow.commit()
    return report


def erase_visitor(uow: UnitOfWork, visitor_id: int) -> int:
    """Erase one person on request: every visit of theirs and the person. Returns visits removed."""
    visitor = uow.session.get(Visitor, visitor_id)
    if visitor is None:
        raise NotFound(f"no visitor with id {visitor_id}")
    visit_ids = list(uow.session.scalars(select(Visit.id).where(Visit.visitor_id == visitor_id)))
    removed = _delete_visits(uow, visit_ids)
    uow.session.execute(delete(Visitor).where(Visitor.id == visitor_id))
    audit.record(uow, "visitor.erased", "visitor", visitor_id, after={"visits": removed})
    uow.commit()
    return removed


def find_visitor_ids_by_phone(uow: UnitOfWork, phone: str) -> list[int]:
    number = normalise_phone(phone, required=True)
    return list(uow.session.scalars(select(Visitor.id).where(Visitor.phone == number)))
