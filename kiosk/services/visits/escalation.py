"""Front-desk rule: a host who has not answered within 15 minutes is escalated to reception."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import Visit, VisitStatus
from kiosk.services import audit, outbox
from kiosk.services.visits import lifecycle


def acknowledge(uow: UnitOfWork, visit_id: int) -> None:
    """The host has seen the notice ("on my way", approve, decline, or the receptionist reached them)."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    if visit.host_acknowledged_at is None:
        visit.host_acknowledged_at = uow.now()
        audit.record(uow, "visit.acknowledged", "visit", visit.id)
    uow.commit()


def escalate_unacknowledged(uow: UnitOfWork, *, minutes: int = 15) -> list[int]:
    """Mark and alert every waiting visit whose host was told ``minutes`` ago and has not answered."""
    cutoff = uow.now() - timedelta(minutes=minutes)
    due = uow.session.scalars(
        select(Visit).where(
            Visit.status.in_([VisitStatus.PENDING_APPROVAL, VisitStatus.CHECKED_IN]),
            Visit.host_notified_at.is_not(None), Visit.host_notified_at <= cutoff,
            Visit.host_acknowledged_at.is_(None), Visit.escalated_at.is_(None),
        ).with_for_update()
    ).all()
    for visit in due:
        visit.escalated_at = uow.now()
        audit.record(uow, "visit.escalated", "visit", visit.id, after={"minutes": minutes})
        payload = {
            "visit_id": visit.id, "visitor_name": visit.visitor.name, "host_name": visit.host.name,
            "department": visit.host.department.name if visit.host.department else "",
            "waiting_since": visit.host_notified_at.isoformat() if visit.host_notified_at else "",
        }
        outbox.notify_reception(uow, event="host_unreachable", subject_key=f"visit:{visit.id}",
                                payload=payload, visit_id=visit.id)
        contact = visit.host.department.contact_email if visit.host.department else None
        if contact:
            outbox.enqueue(uow, event="host_unreachable", channel=Channel.EMAIL, recipient=contact, payload=payload,
                           subject_key=f"visit:{visit.id}", language=visit.host.language, visit_id=visit.id)
    uow.commit()
    return [v.id for v in due]
