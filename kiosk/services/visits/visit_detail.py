"""Everything the desk shows about one visit: the person, the photo, what they signed, their badges,
the notices sent about them and the visit's history. ID numbers stay masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import redact_address
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.visits import VisitorType
from kiosk.models import Agreement, AgreementSignature, AuditEvent, BadgePrintJob, Notification, VisitPhoto
from kiosk.services.text import mask_id_number
from kiosk.services.visits.lifecycle import load_visit
from kiosk.services.visits.visit_log import VisitSummary, summarize

HISTORY_SHOWN = 200


@dataclass(frozen=True)
class SignedAgreement:
    title: str
    version: int
    language: str
    signed_at: datetime
    signature_png: bytes | None


@dataclass(frozen=True)
class BadgeJobLine:
    id: int
    reason: str  # first | reprint | reissue
    status: PrintJobStatus
    requested_by: str
    attempts: int
    last_error: str | None
    created_at: datetime


@dataclass(frozen=True)
class NoticeLine:
    id: int
    event: str
    channel: str
    recipient: str  # chat URLs shortened: they hold keys
    status: str
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor: str
    action: str
    details: dict[str, Any]


@dataclass(frozen=True)
class VisitDetail:
    summary: VisitSummary
    phone: str
    email: str
    id_number_masked: str
    visitor_type: VisitorType
    purpose_note: str
    hold_reason: str | None
    expected_end: datetime | None
    decided_by: str | None
    checked_in_by: str | None
    checked_out_by: str | None
    photo_jpeg: bytes | None
    agreements: list[SignedAgreement]
    badges: list[BadgeJobLine]
    notices: list[NoticeLine]
    history: list[HistoryLine]


def visit_detail(uow: UnitOfWork, visit_id: int) -> VisitDetail:
    visit = load_visit(uow, visit_id)
    visitor = visit.visitor
    photo = uow.session.scalar(select(VisitPhoto.jpeg).where(VisitPhoto.visit_id == visit_id))
    signed = uow.session.execute(
        select(AgreementSignature, Agreement).join(Agreement, Agreement.id == AgreementSignature.agreement_id)
        .where(AgreementSignature.visit_id == visit_id).order_by(AgreementSignature.signed_at)
    ).all()
    jobs = uow.session.scalars(
        select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).order_by(BadgePrintJob.id)
    ).all()
    notices = uow.session.scalars(
        select(Notification).where(Notification.visit_id == visit_id).order_by(Notification.id)
    ).all()
    # The visit's own events and its badges' (a reprint's reason is kept with the badge job).
    about_this_visit = or_(
        and_(AuditEvent.entity == "visit", AuditEvent.entity_id == visit_id),
        and_(AuditEvent.entity == "badge_print_job", AuditEvent.entity_id.in_([job.id for job in jobs])),
    )
    events = uow.session.scalars(
        select(AuditEvent).where(about_this_visit).order_by(AuditEvent.at, AuditEvent.id).limit(HISTORY_SHOWN)
    ).all()
    return VisitDetail(
        summary=summarize(visit),
        phone=visitor.phone or "",
        email=visitor.email or "",
        id_number_masked=mask_id_number(visitor.id_number_last4),
        visitor_type=VisitorType(visit.visitor_type),
        purpose_note=visit.purpose_note or "",
        hold_reason=visit.hold_reason,
        expected_end=visit.expected_end,
        decided_by=visit.decided_by,
        checked_in_by=visit.checked_in_by,
        checked_out_by=visit.checked_out_by,
        photo_jpeg=photo,
        agreements=[
            SignedAgreement(agreement.title, agreement.version, agreement.language, signature.signed_at,
                            signature.signature_png)
            for signature, agreement in signed
        ],
        badges=[
            BadgeJobLine(job.id, job.reason, PrintJobStatus(job.status), job.requested_by, job.attempts,
                         job.last_error, job.created_at)
            for job in jobs
        ],
        notices=[
            NoticeLine(row.id, row.event, row.channel, redact_address(row.recipient), str(row.status.value),
                       row.created_at, row.sent_at, row.last_error)
            for row in notices
        ],
        history=[HistoryLine(e.at, e.actor, e.action, {**(e.before or {}), **(e.after or {})}) for e in events],
    )
