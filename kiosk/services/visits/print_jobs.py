"""Badge print jobs as durable rows: queued → sent → done, or failed with a reason.

A check-in queues exactly one first badge (a double scan finds it and queues
nothing); a reprint or a lost-badge reissue is the receptionist's call and is audited.

The badge's sign-out code waits in its job sealed (``services/token_vault.py``), is opened only
into the print ticket, and is blanked once the badge is printed or the job fails for good. So a
reprint of a badge already printed carries a new code, and the earlier badge stops working (as a
reissue); a reprint while the job still waits reuses the waiting code.

Each job names the kiosk whose printer prints it (``kiosk_code``): several kiosks, maybe in several
lobbies, share one database, and a badge belongs in the tray the visitor stands at. A check-in or
walk-in at a kiosk prints there; a badge queued later for a walk-in (let in by the host or the desk)
prints at the kiosk where the walk-in registered; a desk reprint or reissue prints where the visit's
last badge printed. A job naming no kiosk (queued before jobs named one, or for a visit no kiosk has
seen) is printed by any kiosk of the visit's site, never by one of another site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.badge_layout import BadgeData
from kiosk.domain.printing import BadgeProgress, BadgeStatus
from kiosk.models import (
    AccessToken,
    BadgePrintJob,
    PrintJobStatus,
    Site,
    TokenKind,
    Visit,
    VisitorType,
    VisitPhoto,
)
from kiosk.services import audit, token_vault
from kiosk.services.errors import Conflict, NotFound
from kiosk.services.rooms import visit_rooms
from kiosk.services.text import clean_text
from kiosk.services.visits import lifecycle, tokens

KIOSK_ACTOR_PREFIX = "kiosk:"


def actor_kiosk(actor: str) -> str | None:
    """The kiosk code of a kiosk's actor (``kiosk:K1`` -> ``K1``); None for the desk, kioskctl, a host."""
    code = actor.removeprefix(KIOSK_ACTOR_PREFIX)
    return code if code != actor and code else None


def note_kiosk(uow: UnitOfWork, visit: Visit) -> None:
    """Remember the kiosk the visitor stands at (registering or scanning in), if this action is a kiosk's."""
    kiosk = actor_kiosk(uow.actor)
    if kiosk is not None:
        visit.kiosk_code = kiosk


def queue_first_badge(uow: UnitOfWork, visit: Visit, valid_on: date) -> int:
    """The visit's first badge, printed at the kiosk acting (a check-in there), else at the kiosk the visitor
    registered or scanned in at (a walk-in the desk checks in), else at any kiosk of the visit's site."""
    existing = uow.session.scalar(
        select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit.id, BadgePrintJob.reason == "first")
    )
    if existing is not None:
        return existing
    sign_out = tokens.issue(uow, visit_id=visit.id, kind=TokenKind.SIGN_OUT, valid_on=valid_on)
    kiosk = actor_kiosk(uow.actor) or visit.kiosk_code
    return _queue(uow, visit.id, "first", sign_out, kiosk=kiosk)


def _queue(
    uow: UnitOfWork, visit_id: int, reason: str, sign_out_token: str, *, kiosk: str | None, why: str = ""
) -> int:
    job = BadgePrintJob(
        visit_id=visit_id, reason=reason, status=PrintJobStatus.QUEUED, requested_by=uow.actor, kiosk_code=kiosk,
        attempts=0, sign_out_token=_sealed(sign_out_token), created_at=uow.now(), updated_at=uow.now(),
        next_attempt_at=uow.now(),
    )
    uow.session.add(job)
    uow.session.flush()
    after: dict[str, object] = {"visit_id": visit_id, **({"kiosk": kiosk} if kiosk else {})}
    audit.record(uow, f"badge.{reason}", "badge_print_job", job.id, after=after | ({"reason": why} if why else {}))
    return job.id


def _reprint_kiosk(uow: UnitOfWork, visit_id: int) -> str | None:
    """Where the desk's reprint or reissue prints: the kiosk that printed the visit's last badge, else the one the
    last job was for (it failed there: the visitor is in that lobby), else the kiosk the visitor stood at, else
    None (any kiosk of the visit's site)."""
    for finished in (True, False):
        query = select(BadgePrintJob.kiosk_code).where(
            BadgePrintJob.visit_id == visit_id, BadgePrintJob.kiosk_code.is_not(None))
        if finished:
            query = query.where(BadgePrintJob.status == PrintJobStatus.DONE)
        kiosk = uow.session.scalar(query.order_by(BadgePrintJob.id.desc()).limit(1))
        if kiosk is not None:
            return kiosk
    return uow.session.scalar(select(Visit.kiosk_code).where(Visit.id == visit_id))


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
    job_id = _queue(uow, visit_id, "reprint", code, kiosk=_reprint_kiosk(uow, visit_id), why=why)
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
    job_id = _queue(uow, visit_id, "reissue", sign_out, kiosk=_reprint_kiosk(uow, visit_id))
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


def claim_next_job(
    uow: UnitOfWork, *, kiosk_code: str, site_code: str, day_ends_at: time, language: str = "zh_CN"
) -> PrintTicket | None:
    """The oldest due job for kiosk ``kiosk_code`` (of site ``site_code``), marked sent (one attempt more), with
    everything its badge shows. The kiosk's jobs are its own and those naming no kiosk for a visit at its
    site; it writes its code into such a job, so the desk's reprint finds where the badge came out."""
    at_this_site = (
        select(Visit.id).join(Site, Site.id == Visit.site_id)
        .where(Visit.id == BadgePrintJob.visit_id, Site.code == site_code).exists()
    )
    job = uow.session.scalar(
        select(BadgePrintJob)
        .where(
            BadgePrintJob.status == PrintJobStatus.QUEUED, BadgePrintJob.next_attempt_at <= uow.now(),
            or_(BadgePrintJob.kiosk_code == kiosk_code, and_(BadgePrintJob.kiosk_code.is_(None), at_this_site)),
        )
        .order_by(BadgePrintJob.next_attempt_at, BadgePrintJob.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if job is None:
        return None
    job.status, job.attempts, job.updated_at = PrintJobStatus.SENT, job.attempts + 1, uow.now()
    job.kiosk_code = kiosk_code
    visit = lifecycle.load_visit(uow, job.visit_id)
    ticket = PrintTicket(job.id, visit.id, job.attempts, _badge_data(uow, visit, job, day_ends_at), language)
    uow.commit()
    return ticket


def _badge_data(uow: UnitOfWork, visit: Visit, job: BadgePrintJob, day_ends_at: time) -> BadgeData:
    zone = ZoneInfo(visit.site.timezone)
    valid_until = (visit.expected_end or datetime.combine(visit.visit_date, day_ends_at, tzinfo=zone))
    meeting = visit_rooms.meeting_of_visit(uow, visit.id)
    return BadgeData(
        visitor_name=visit.visitor.name, company=visit.visitor.company or "", host_name=visit.host.name,
        host_department=visit.host.department.name if visit.host.department else "",
        visit_date=visit.visit_date, valid_until=valid_until.astimezone(zone),
        visitor_type=VisitorType(visit.visitor_type), site_name=visit.site.name,
        sign_out_token=token_vault.current().reveal(job.sign_out_token),
        photo_jpeg=uow.session.scalar(select(VisitPhoto.jpeg).where(VisitPhoto.visit_id == visit.id)),
        meeting_room=meeting.room_name if meeting else "", meeting_floor=meeting.floor if meeting else "",
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
    # No next attempt was noted while it printed: the kiosk sent the visitor to the desk meanwhile.
    sent_to_desk = job.next_attempt_at is None
    job.last_error, job.updated_at = reason[:500], uow.now()
    if not retry or sent_to_desk or job.attempts > len(RETRY_DELAYS_SECONDS):
        job.status, job.next_attempt_at = PrintJobStatus.FAILED, None
        job.sign_out_token = ""  # failed for good: the desk's reprint carries a new code
        audit.record(uow, "badge.failed", "badge_print_job", job.id, after={"attempts": job.attempts})
    else:
        job.status = PrintJobStatus.QUEUED
        job.next_attempt_at = uow.now() + timedelta(seconds=RETRY_DELAYS_SECONDS[job.attempts - 1])
    status = PrintJobStatus(job.status)
    uow.commit()
    return status


SENT_TO_DESK = "the kiosk sent the visitor to the front desk for this badge"


def send_badge_to_desk(uow: UnitOfWork, job_id: int) -> BadgeStatus:
    """The kiosk stopped waiting and told the visitor the front desk hands their badge over: the job must
    not print later at the kiosk (a second working badge in the tray after the desk handed one over).

    A job still waiting is failed (the desk's board shows "Print failed", its reprint carries a new code).
    A job printing right now cannot be called back: this try is its last (a failure is not retried), and
    the kiosk asks again for the outcome. Returns the job's status after this.
    """
    job = uow.session.scalar(select(BadgePrintJob).where(BadgePrintJob.id == job_id).with_for_update())
    if job is None:
        return BadgeStatus(BadgeProgress.MISSING)
    if job.status == PrintJobStatus.QUEUED:
        job.status, job.next_attempt_at, job.updated_at = PrintJobStatus.FAILED, None, uow.now()
        job.last_error = (f"{SENT_TO_DESK} ({job.last_error})" if job.last_error else SENT_TO_DESK)[:500]
        job.sign_out_token = ""
        audit.record(uow, "badge.sent_to_desk", "badge_print_job", job.id, after={"attempts": job.attempts})
    elif job.status == PrintJobStatus.SENT:
        job.next_attempt_at = None
    status = BadgeStatus(BadgeProgress(job.status.value), job.last_error)
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
