"""Shelf-label print jobs, the printer's side: claim the next one for a station, finish, fail, recover.

``receiving`` queues a ``LabelPrintJob`` naming the station (the ``[kiosk] id`` of the desk that received
the parcel); the label print loop of that desk (``application/label_print_loop.py``) claims only its own
station's jobs, so a label comes out of the printer beside the shelf the parcel goes on.

Like badge jobs: queued → sent → done, or failed with a reason; a printer that is away is retried with
backoff. Unlike a badge, a second label is harmless (a duplicate sticker) while a missing one leaves a
parcel nobody can find: so a job a crash left "sent" is queued again rather than failed. A job whose
parcel no longer waits at the desk (picked up, returned, cancelled: its code is gone) fails at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.label_layout import LabelData
from kiosk.domain.parcels import ParcelStatus, RecipientKind
from kiosk.domain.printing import PrintJobStatus
from kiosk.models.org import Site
from kiosk.models.parcels import LabelPrintJob, Parcel
from kiosk.services import audit, token_vault
from kiosk.services.errors import NotFound

# Retries while the printer is away: 5 s, 15 s, 30 s ... about half an hour in all, then the desk reprints.
RETRY_DELAYS_SECONDS = (5, 15, 30, 60, 120, 300, 600, 600)
# A job still "sent" after this long was interrupted (crash, power cut) mid-print.
SENT_STALE_SECONDS = 120
NOT_WAITING = "the parcel no longer waits at the desk"
# At most this many jobs of parcels gone from the desk are closed in one claim (then the loop comes back).
_SKIP_LIMIT = 20


@dataclass(frozen=True)
class LabelTicket:
    job_id: int
    parcel_id: int
    attempt: int
    label: LabelData


def claim_next_label(uow: UnitOfWork, *, station: str, site_code: str) -> LabelTicket | None:
    """The oldest due job of ``station`` (for a parcel of site ``site_code``), marked sent (one attempt more),
    with everything its label shows. Jobs of parcels no longer waiting are failed on the way."""
    if not station:
        return None
    for _ in range(_SKIP_LIMIT):
        job = uow.session.scalar(
            select(LabelPrintJob)
            .join(Parcel, Parcel.id == LabelPrintJob.parcel_id)
            .join(Site, Site.id == Parcel.site_id)
            .where(
                LabelPrintJob.station == station, Site.code == site_code,
                LabelPrintJob.status == PrintJobStatus.QUEUED, LabelPrintJob.next_attempt_at <= uow.now(),
            )
            .order_by(LabelPrintJob.next_attempt_at, LabelPrintJob.id)
            .limit(1)
            .with_for_update(skip_locked=True, of=LabelPrintJob)  # the job's row only, not its parcel's
        )
        if job is None:
            break
        parcel = uow.session.get(Parcel, job.parcel_id)
        code = token_vault.current().reveal(parcel.pickup_code_sealed) if parcel is not None else ""
        if parcel is None or parcel.status != ParcelStatus.WAITING or not code:
            _close(uow, job, NOT_WAITING, "label.failed")
            continue
        job.status, job.attempts, job.updated_at = PrintJobStatus.SENT, job.attempts + 1, uow.now()
        ticket = LabelTicket(job.id, parcel.id, job.attempts, _label_data(uow, parcel, code))
        uow.commit()
        return ticket
    uow.commit()
    return None


def _label_data(uow: UnitOfWork, parcel: Parcel, code: str) -> LabelData:
    zone = ZoneInfo(parcel.site.timezone)
    received = (parcel.received_at or uow.now()).astimezone(zone).date()
    recipient, department = "", ""
    if parcel.recipient_kind == RecipientKind.HOST and parcel.host is not None:
        recipient = parcel.host.name
        department = parcel.host.department.name if parcel.host.department else ""
    elif parcel.recipient_kind == RecipientKind.DEPARTMENT and parcel.department is not None:
        recipient = parcel.department.name
    cod_due = parcel.cod_cents if parcel.cod_cents > 0 and not parcel.cod_reimbursed else 0
    return LabelData(
        recipient=recipient, department=department, shelf=parcel.shelf, received_on=received, pickup_code=code,
        carrier=parcel.carrier_code, pieces=parcel.pieces, cod_cents=cod_due,
    )


def finish_label_job(uow: UnitOfWork, job_id: int) -> None:
    job = _job(uow, job_id)
    job.status, job.last_error, job.updated_at, job.next_attempt_at = PrintJobStatus.DONE, None, uow.now(), None
    audit.record(uow, "label.printed", "label_print_job", job.id, after={"attempts": job.attempts})
    uow.commit()


def fail_label_job(uow: UnitOfWork, job_id: int, reason: str, *, retry: bool) -> PrintJobStatus:
    """Record a failed attempt; queued again later when ``retry`` and attempts remain, else failed (the desk
    reprints). Pass ``retry=False`` when the label may have come out anyway. Returns the job's new status."""
    job = _job(uow, job_id)
    job.last_error, job.updated_at = reason[:500], uow.now()
    if not retry or job.attempts > len(RETRY_DELAYS_SECONDS):
        job.status, job.next_attempt_at = PrintJobStatus.FAILED, None
        audit.record(uow, "label.failed", "label_print_job", job.id, after={"attempts": job.attempts})
    else:
        job.status = PrintJobStatus.QUEUED
        job.next_attempt_at = uow.now() + timedelta(seconds=RETRY_DELAYS_SECONDS[job.attempts - 1])
    status = PrintJobStatus(job.status)
    uow.commit()
    return status


def recover_interrupted_label_jobs(uow: UnitOfWork, *, station: str) -> list[int]:
    """``station``'s jobs left "sent" by a crash: queued again (a duplicate label beats a missing one), or failed
    once their attempts are used up. Returns their ids."""
    stale = uow.session.scalars(
        select(LabelPrintJob).where(
            LabelPrintJob.station == station, LabelPrintJob.status == PrintJobStatus.SENT,
            LabelPrintJob.updated_at <= uow.now() - timedelta(seconds=SENT_STALE_SECONDS),
        )
    ).all()
    for job in stale:
        if job.attempts > len(RETRY_DELAYS_SECONDS):
            _close(uow, job, "interrupted while printing; check the printer", "label.interrupted")
        else:
            job.status, job.next_attempt_at, job.updated_at = PrintJobStatus.QUEUED, uow.now(), uow.now()
            job.last_error = "interrupted while printing; printed again"
            audit.record(uow, "label.interrupted", "label_print_job", job.id, after={"requeued": True})
    uow.commit()
    return [job.id for job in stale]


def _close(uow: UnitOfWork, job: LabelPrintJob, reason: str, action: str) -> None:
    job.status, job.next_attempt_at, job.updated_at, job.last_error = PrintJobStatus.FAILED, None, uow.now(), reason
    audit.record(uow, action, "label_print_job", job.id, after={"attempts": job.attempts})


def _job(uow: UnitOfWork, job_id: int) -> LabelPrintJob:
    job = uow.session.get(LabelPrintJob, job_id)
    if job is None:
        raise NotFound(f"no label print job {job_id}")
    return job
