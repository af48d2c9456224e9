"""Badge print jobs as durable rows: queued → sent → done, or failed with a reason.

A check-in queues exactly one first badge (a double scan finds it and queues
nothing); a reprint or a lost-badge reissue is the receptionist's call and is audited.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import AccessToken, BadgePrintJob, PrintJobStatus, TokenKind, Visit
from kiosk.services import audit, tokens, visits
from kiosk.services.errors import Conflict


def queue_first_badge(uow: UnitOfWork, visit: Visit, valid_on: date) -> int:
    existing = uow.session.scalar(
        select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit.id, BadgePrintJob.reason == "first")
    )
    if existing is not None:
        return existing
    sign_out = tokens.issue(uow, visit_id=visit.id, kind=TokenKind.SIGN_OUT, valid_on=valid_on)
    return _queue(uow, visit.id, "first", sign_out)


def _queue(uow: UnitOfWork, visit_id: int, reason: str, sign_out_token: str) -> int:
    job = BadgePrintJob(
        visit_id=visit_id, reason=reason, status=PrintJobStatus.QUEUED, requested_by=uow.actor,
        attempts=0, sign_out_token=sign_out_token, created_at=uow.now(), updated_at=uow.now(),
        next_attempt_at=uow.now(),
    )
    uow.session.add(job)
    uow.session.flush()
    audit.record(uow, f"badge.{reason}", "badge_print_job", job.id, after={"visit_id": visit_id})
    return job.id


def reprint_badge(uow: UnitOfWork, visit_id: int) -> int:
    """The same badge again (a jam, a smudge): same sign-out token."""
    last = uow.session.scalar(
        select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).order_by(BadgePrintJob.id.desc()).limit(1)
    )
    if last is None:
        raise Conflict("this visit has no badge to reprint")
    job_id = _queue(uow, visit_id, "reprint", last.sign_out_token)
    uow.commit()
    return job_id


def reissue_badge(uow: UnitOfWork, visit_id: int) -> int:
    """A lost badge: a new sign-out token; the old one stops working at once."""
    visit = visits.load_visit(uow, visit_id, for_update=True)
    old = uow.session.scalars(
        select(AccessToken).where(
            AccessToken.visit_id == visit.id, AccessToken.kind == TokenKind.SIGN_OUT,
            AccessToken.revoked_at.is_(None),
        )
    ).all()
    if not old:
        raise Conflict("this visit has no badge to reissue")
    for token in old:
        token.revoked_at = uow.now()
    sign_out = tokens.issue(uow, visit_id=visit.id, kind=TokenKind.SIGN_OUT, valid_on=old[-1].valid_on)
    job_id = _queue(uow, visit.id, "reissue", sign_out)
    uow.commit()
    return job_id


def badge_status(uow: UnitOfWork, job_id: int) -> tuple[str, str | None]:
    job = uow.session.get(BadgePrintJob, job_id)
    if job is None:
        return ("missing", None)
    return (job.status.value, job.last_error)
