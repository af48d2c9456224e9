"""The visit state machine: every change of a visit's status goes through ``transition``.

    invited ──> checked_in ──> checked_out
       ├──> no_show
       └──> cancelled
    pending_approval ──> approved ──> checked_in
       ├──> denied
       ├──> invited          (a pre-registration the host agreed to: the visitor gets a QR code)
       └──> cancelled        (the visitor gave up waiting, or a pre-registration's day passed unanswered)

Any other move is an IllegalTransition, never a silent write.
"""

from __future__ import annotations

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Visit, VisitStatus
from kiosk.services import audit
from kiosk.services.errors import IllegalTransition, NotFound

S = VisitStatus
ALLOWED: dict[VisitStatus, frozenset[VisitStatus]] = {
    S.INVITED: frozenset({S.CHECKED_IN, S.NO_SHOW, S.CANCELLED}),
    S.PENDING_APPROVAL: frozenset({S.APPROVED, S.DENIED, S.CANCELLED, S.INVITED}),
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

