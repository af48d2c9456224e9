"""Badge print jobs as durable rows: queued → sent → done, or failed with a reason.

A check-in queues exactly one first badge (a double scan finds it and queues
nothing); a reprint or a lost-badge reissue is the receptionist's call and is audited.

The badge's sign-out code waits in its job sealed (``services/token_vault.py``), is opened only
into the print ticket, and is blanked once the badge is printed or the job fails for good. So a
reprint of a badge already printed carries a new code, and the earlier badge stops working (as a
reissue); a reprint while the job still waits reuses the waiting code.
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
from kiosk.services import audit, token_vault
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
        attempts=0, sign_out_token=_sealed(sign_out_token), created_at=uow.now(), updated_at=uow.now(),
        next_attempt_at=uow.now(),
    )
    uow.session.add(job)
    uow.session.flush()
    audit.record(uow, f"badge.{reason}", "badge_print_job", job.id,
                 after={"visit_id": visit_id, **({"reason": why} if why else {})})
    return job.id


def _sealed(token: str) -> str:
    return token if token.startswith(token_vault.SEALED_PREFIX) else token_vault.current().seal(token)


def reprint_badge(uow: UnitOfWork, visit_id: int, reason: str = "") -> int:
    """The badge again (a jam, a smudge); the desk's reason goes into the audit trail.

    While the last job still holds its code (not printed yet) the reprint carries the same code;
    once printed the code is gone from the job, so the reprint carries a new one and the earlier
    badge's code stops working.
    """
    why = clean_text(reason, "reason", max_len=200)
    last = uow.session.scalar(
        select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).order_by(BadgePrintJob.id.desc()).limit(1)
    )
    if last is None:
        raise Conflict("this visit has no badge to reprint")
    code = last.sign_out_token or _replace_sign_out_code(uow, visit_id, "reprint")
    job_id = _queue(uow, visit_id, "reprint", code, why=why)
    uow.commit()
    return job_id


def _replace_sign_out_code(uow: UnitOfWork, visit_id: int, wanted: str) -> str:
    """A new sign-out code for the visit; every earlier one is revoked."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    old = uow.session.scalars(
        select(AccessToken).where(
            AccessToken.visit_id == visit.id, AccessToken.kind == TokenKind.SIGN_OUT,
            AccessToken.revoked_at.is_(None),
        )
    ).all()
    if not old:
        raise Conflict(f"this visit has no badge to {wanted}")
    for token in old:
        token.revoked_at = uow.now()
    return tokens.issue(uow, visit_id=visit.id, kind=TokenKind.SIGN_OUT, valid_on=old[-1].valid_on)


def reissue_badge(uow: UnitOfWork, visit_id: int) -> int:
    """A lost badge: a new sign-out token; the old one stops working at once."""
    sign_out = _replace_sign_out_code(uow, visit_id, "reissue")
    _forget_waiting_codes(uow, visit_id)  # jobs still waiting would print the revoked code
    job_id = _queue(uow, visit_id, "reissue", sign_out)
    uow.commit()
    return job_id


def _forget_waiting_codes(uow: UnitOfWork, visit_id: int) -> None:
    for job in uow.session.scalars(
        select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id, BadgePrintJob.sign_out_token != "")
    ):
        job.sign_out_token = ""


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
        sign_out_token=token_vault.current().reveal(job.sign_out_token),
        photo_jpeg=uow.session.scalar(select(VisitPhoto.jpeg).where(VisitPhoto.visit_id == visit.id)),
    )


def finish_job(uow: UnitOfWork, job_id: int) -> None:
    job = _job(uow, job_id)
    job.status, job.last_error, job.updated_at, job.next_attempt_at = PrintJobStatus.DONE, None, uow.now(), None
    job.sign_out_token = ""  # printed: the code is on the badge, not needed here any more
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
        job.sign_out_token = ""  # failed for good: the desk's reprint carries a new code
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
        job.sign_out_token = ""
        audit.record(uow, "badge.interrupted", "badge_print_job", job.id)
    uow.commit()
    return [job.id for job in stale]


def seal_clear_codes(uow: UnitOfWork) -> int:
    """Jobs written before codes were sealed: waiting ones get their code sealed, finished ones lose it.
    Returns how many changed (the print loop runs this once at start)."""
    changed = 0
    for job in uow.session.scalars(
        select(BadgePrintJob).where(
            BadgePrintJob.sign_out_token != "",
            BadgePrintJob.sign_out_token.not_like(token_vault.SEALED_PREFIX + "%"),
        )
    ):
        waiting = job.status in (PrintJobStatus.QUEUED, PrintJobStatus.SENT)
        job.sign_out_token = _sealed(job.sign_out_token) if waiting else ""
        changed += 1
    uow.commit()
    return changed


def sign_out_code(uow: UnitOfWork, job_id: int) -> str:
    """The clear sign-out code a waiting job will print ("" once printed or failed): for the demo and tests."""
    return token_vault.current().reveal(_job(uow, job_id).sign_out_token)


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
