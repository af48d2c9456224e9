"""Badge print jobs as durable rows: queued → sent → done, or failed with a reason.

A check-in queues exactly one first badge (a double scan finds it and queues
nothing); a reprint or a lost-badge reissue is the receptionist's call and is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.badge_layout import BadgeData
from kiosk.domain.printing import BadgeProgress, BadgeStatus
from kiosk.models import AccessToken, BadgePrintJob, PrintJobStatus, TokenKind, Visit, VisitorType, VisitPhoto
from kiosk.services import audit
from kiosk.services.errors import Conflict, NotFound
from kiosk.services.text import clean_text
from kiosk.services.visits import lifecycle, tokens


def queue_first_badge(uow: UnitOfWork, visit: Visit, valid_on: date) -> int:
    existing = uow.session.scalar(
        select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit.id, BadgePrintJob.reason == "first")
    )
    if existing is not None:
        return existing
    sign_out = tokens.issue(uow, visit_id=visit.id, kind=TokenKind.SIGN_OUT, valid_on=valid_on)
    return _queue(uow, visit.id, "first", sign_out)


def _queue(uow: UnitOfWork, visit_id: int, reason: str, sign_out_token: str, *, why: str = "") -> int:
    job = BadgePrintJob(
        visit_id=visit_id, reason=reason, status=PrintJobStatus.QUEUED, requested_by=uow.actor,
        attempts=0, sign_out_token=sign_out_token, created_at=uow.now(), updated_at=uow.now(),
        next_attempt_at=uow.now(),
    )
    uow.session.add(job)
    uow.session.flush()
    audit.record(uow, f"badge.{reason}", "badge_print_job", job.id,
                 after={"visit_id": visit_id, **({"reason": why} if why else {})})
    return job.id


def reprint_badge(uow: UnitOfWork, visit_id: int, reason: str = "") -> int:
    """The same badge again (a jam, a smudge): same sign-out token; the desk's reason goes into the audit trail."""
    last = uow.session.scalar(
        select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).order_by(BadgePrintJob.id.desc()).limit(1)
    )
    if last is None:
        raise Conflict("this visit has no badge to reprint")
    job_id = _queue(uow, visit_id, "reprint", last.sign_out_token,
                    why=clean_text(reason, "reason", max_len=200))
    uow.commit()
    return job_id


def reissue_badge(uow: UnitOfWork, visit_id: int) -> int:
    """A lost badge: a new sign-out token; the old one stops working at once."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
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


def badge_status(uow: UnitOfWork, job_id: int) -> BadgeStatus:
    job = uow.session.get(BadgePrintJob, job_id)
    if job is None:
        return BadgeStatus(BadgeProgress.MISSING)
    return BadgeStatus(BadgeProgress(job.status.value), job.last_error)


# --- the printer worker's side: claim, finish, fail -------------------------------------------

# Retries while the printer is away: 5 s, 10 s, 20 s ... A badge printed much later than that is
# no use to a visitor standing at the kiosk; the desk prints it instead.
RETRY_DELAYS_SECONDS = (5, 10, 20, 40, 80, 160)
# A job still "sent" after this long was interrupted (crash, power cut) mid-print.
SENT_STALE_SECONDS = 120


@dataclass(frozen=True)
class PrintTicket:
    job_id: int
    visit_id: int
    attempt: int
    badge: BadgeData
    language: str


def claim_next_job(uow: UnitOfWork, *, day_ends_at: time, language: str = "zh_CN") -> PrintTicket | None:
    """The oldest due job, marked sent (one attempt more), with everything its badge shows."""
    job = uow.session.scalar(
        select(BadgePrintJob)
        .where(BadgePrintJob.status == PrintJobStatus.QUEUED, BadgePrintJob.next_attempt_at <= uow.now())
        .order_by(BadgePrintJob.next_attempt_at, BadgePrintJob.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if job is None:
        return None
    job.status, job.attempts, job.updated_at = PrintJobStatus.SENT, job.attempts + 1, uow.now()
    visit = lifecycle.load_visit(uow, job.visit_id)
    ticket = PrintTicket(job.id, visit.id, job.attempts, _badge_data(uow, visit, job, day_ends_at), language)
    uow.commit()
    return ticket


def _badge_data(uow: UnitOfWork, visit: Visit, job: BadgePrintJob, day_ends_at: time) -> BadgeData:
    zone = ZoneInfo(visit.site.timezone)
    valid_until = (visit.expected_end or datetime.combine(visit.visit_date, day_ends_at, tzinfo=zone))
    return BadgeData(
        visitor_name=visit.visitor.name, company=visit.visitor.company or "", host_name=visit.host.name,
        host_department=visit.host.department.name if visit.host.department else "",
        visit_date=visit.visit_date, valid_until=valid_until.astimezone(zone),
        visitor_type=VisitorType(visit.visitor_type), site_name=visit.site.name,
        sign_out_token=job.sign_out_token,
        photo_jpeg=uow.session.scalar(select(VisitPhoto.jpeg).where(VisitPhoto.visit_id == visit.id)),
    )


def finish_job(uow: UnitOfWork, job_id: int) -> None:
    job = _job(uow, job_id)
    job.status, job.last_error, job.updated_at, job.next_attempt_at = PrintJobStatus.DONE, None, uow.now(), None
    audit.record(uow, "badge.printed", "badge_print_job", job.id, after={"attempts": job.attempts})
    uow.commit()


def fail_job(uow: UnitOfWork, job_id: int, reason: str, *, retry: bool) -> PrintJobStatus:
    """Record a failed attempt; retried later when ``retry`` and attempts remain.

    Pass ``retry=False`` when the badge may already have come out (a second try could print
    it twice) or there is no printer to wait for.

    Returns the job's new status (queued for another try, or failed for the desk).
    """
    job = _job(uow, job_id)
    job.last_error, job.updated_at = reason[:500], uow.now()
    if not retry or job.attempts > len(RETRY_DELAYS_SECONDS):
        job.status, job.next_attempt_at = PrintJobStatus.FAILED, None
        audit.record(uow, "badge.failed", "badge_print_job", job.id, after={"attempts": job.attempts})
    else:
        job.status = PrintJobStatus.QUEUED
        job.next_attempt_at = uow.now() + timedelta(seconds=RETRY_DELAYS_SECONDS[job.attempts - 1])
    status = PrintJobStatus(job.status)
    uow.commit()
    return status


def recover_interrupted_jobs(uow: UnitOfWork) -> list[int]:
    """Jobs left "sent" by a crash: failed, not retried, since the badge may have come out."""
    stale = uow.session.scalars(
        select(BadgePrintJob).where(
            BadgePrintJob.status == PrintJobStatus.SENT,
            BadgePrintJob.updated_at <= uow.now() - timedelta(seconds=SENT_STALE_SECONDS),
        )
    ).all()
    for job in stale:
        job.status, job.last_error = PrintJobStatus.FAILED, "interrupted while printing; check the printer"
        audit.record(uow, "badge.interrupted", "badge_print_job", job.id)
    uow.commit()
    return [job.id for job in stale]


def _job(uow: UnitOfWork, job_id: int) -> BadgePrintJob:
    job = uow.session.get(BadgePrintJob, job_id)
    if job is None:
        raise NotFound(f"no badge print job {job_id}")
    return job


def latest_badge_states(uow: UnitOfWork, visit_ids: list[int]) -> dict[int, PrintJobStatus]:
    """Each visit's newest badge job status (queued, sent, done, failed): which badges the desk must hand over."""
    if not visit_ids:
        return {}
    newest = (
        select(BadgePrintJob.visit_id, func.max(BadgePrintJob.id).label("job_id"))
        .where(BadgePrintJob.visit_id.in_(visit_ids)).group_by(BadgePrintJob.visit_id).subquery()
    )
    rows = uow.session.execute(
        select(newest.c.visit_id, BadgePrintJob.status).join(BadgePrintJob, BadgePrintJob.id == newest.c.job_id)
    )
    return {visit_id: PrintJobStatus(status) for visit_id, status in rows}
