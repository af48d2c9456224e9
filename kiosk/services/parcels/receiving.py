"""Receiving parcels at the desk: the receive form (or a courier's announcement completed), shelf
labels, and taking back a record made by mistake.

``receive`` is one transaction: every field checked at once, the parcel row WAITING with its pickup
code, a label job for this desk's printer, the recipient told (``notices``), an audit event. A
damaged or wet parcel is refused without a photo and a note (the evidence for the carrier claim).
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.parcels import ParcelCondition, ParcelStatus, RecipientKind
from kiosk.domain.printing import PrintJobStatus
from kiosk.models import Host
from kiosk.models.org import Department
from kiosk.models.parcels import Carrier, LabelPrintJob, Parcel, ParcelPhoto
from kiosk.services import audit
from kiosk.services.directory.hosts import search_hosts
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.parcels import notices, pickup_codes
from kiosk.services.parcels.carriers import guess, normalise_tracking
from kiosk.services.parcels.parcel_log import parcel_row
from kiosk.services.parcels.records import ParcelForm, ParcelReceived, ParcelRow, RecipientChoice
from kiosk.services.text import clean_text, search_key

_TRACKING = re.compile(r"[\x21-\x7e]{4,64}")  # printable ASCII, as the label and the carrier's site show it
PIECES_MAX = 99
COD_MAX_CENTS = 10_000_000  # 100 000 yuan: anything above is a typing slip
PHOTO_MAX_BYTES = 8 * 1024 * 1024
_PROBLEMS = (ParcelCondition.DAMAGED, ParcelCondition.WET)


def _checked_recipient(uow: UnitOfWork, recipient: RecipientChoice, errors: list[FieldError]) -> None:
    if recipient.kind is RecipientKind.HOST:
        host = uow.session.get(Host, recipient.host_id) if recipient.host_id is not None else None
        if host is None or not host.active:
            errors.append(FieldError("recipient", "unknown_host", "the recipient is not an active host"))
    elif recipient.kind is RecipientKind.DEPARTMENT:
        department = None if recipient.department_id is None else uow.session.get(Department, recipient.department_id)
        if department is None:
            errors.append(FieldError("recipient", "unknown_department", "the recipient department does not exist"))


def _checked_carrier(uow: UnitOfWork, form: ParcelForm, tracking_no: str, errors: list[FieldError]) -> str:
    code = form.carrier_code.strip().upper()
    if not code:
        code = guess(uow, tracking_no) if tracking_no else ""
        if not code:
            errors.append(FieldError("carrier_code", "required",
                                     "choose the carrier (the number fits none, or several)"))
        return code
    if uow.session.scalar(select(Carrier.id).where(Carrier.code == code)) is None:
        errors.append(FieldError("carrier_code", "unknown_carrier", f"no carrier with code {code!r}"))
    return code


def _apply_form(uow: UnitOfWork, parcel: Parcel, form: ParcelForm) -> None:
    """Check every field of the form at once and write them into ``parcel`` (ValidationFailed: nothing kept)."""
    errors: list[FieldError] = []
    tracking_no = normalise_tracking(form.tracking_no)
    if not _TRACKING.fullmatch(tracking_no):
        errors.append(FieldError("tracking_no", "invalid", "a tracking number is 4-64 printable characters"))
        tracking_no = ""
    carrier_code = _checked_carrier(uow, form, tracking_no, errors)
    _checked_recipient(uow, form.recipient, errors)
    sender_name = clean_text(form.sender_name, "sender_name", max_len=100, errors=errors)
    sender_company = clean_text(form.sender_company, "sender_company", max_len=200, errors=errors)
    if not 1 <= form.pieces <= PIECES_MAX:
        errors.append(FieldError("pieces", "out_of_range", f"pieces is 1 to {PIECES_MAX}"))
    if not 0 <= form.cod_cents <= COD_MAX_CENTS:
        errors.append(FieldError("cod_cents", "out_of_range", "the cash-on-delivery amount is out of range"))
    cod_paid_by = clean_text(form.cod_paid_by, "cod_paid_by", max_len=100, required=form.cod_cents > 0,
                             errors=errors)
    problem = form.condition in _PROBLEMS
    note = clean_text(form.condition_note, "condition_note", max_len=500, required=problem, allow_newlines=True,
                      errors=errors)
    if problem and not form.photo_jpeg:
        errors.append(FieldError("photo", "required", "a damaged or wet parcel needs a photo"))
    if form.photo_jpeg and len(form.photo_jpeg) > PHOTO_MAX_BYTES:
        errors.append(FieldError("photo", "too_large", "the photo is larger than 8 MB"))
    shelf = clean_text(form.shelf, "shelf", max_len=32, errors=errors)
    batch_id = clean_text(form.batch_id, "batch_id", max_len=32, errors=errors)
    if errors:
        raise ValidationFailed(errors)
    parcel.tracking_no, parcel.carrier_code = tracking_no, carrier_code
    parcel.recipient_kind = form.recipient.kind
    parcel.host_id = form.recipient.host_id if form.recipient.kind is RecipientKind.HOST else None
    parcel.department_id = form.recipient.department_id if form.recipient.kind is RecipientKind.DEPARTMENT else None
    parcel.sender_name, parcel.sender_company, parcel.pieces = sender_name, sender_company, form.pieces
    parcel.cod_cents, parcel.cod_paid_by = form.cod_cents, cod_paid_by if form.cod_cents > 0 else ""
    parcel.condition, parcel.condition_note = form.condition, note
    parcel.shelf, parcel.batch_id = shelf, batch_id


def _queue_label(uow: UnitOfWork, parcel_id: int, station: str) -> int | None:
    if not station:
        return None
    job = LabelPrintJob(parcel_id=parcel_id, station=station, status=PrintJobStatus.QUEUED, requested_by=uow.actor,
                        attempts=0, created_at=uow.now(), updated_at=uow.now(), next_attempt_at=uow.now())
    uow.session.add(job)
    uow.session.flush()
    return job.id


def receive(uow: UnitOfWork, site_code: str, form: ParcelForm, *, station: str = "") -> ParcelReceived:
    """Log a parcel (or complete the courier's announcement ``form.announced_parcel_id``).

    ValidationFailed lists every wrong field; Conflict when the tracking number is already waiting.
    ``station``: the desk whose label printer prints the shelf label ("" = none).
    """
    site = get_site(uow, site_code)
    now = uow.now()
    if form.announced_parcel_id is not None:
        parcel = uow.session.scalar(select(Parcel).where(
            Parcel.id == form.announced_parcel_id, Parcel.site_id == site.id).with_for_update())
        if parcel is None:
            raise NotFound(f"no parcel with id {form.announced_parcel_id}")
        if parcel.status is not ParcelStatus.ANNOUNCED:
            raise Conflict(f"parcel {parcel.id} is {parcel.status.value}, not an announcement to complete")
        parcel.version += 1
    else:
        parcel = Parcel(site_id=site.id, status=ParcelStatus.WAITING, version=1, created_at=now)
    _apply_form(uow, parcel, form)
    duplicate = select(Parcel.id).where(
        Parcel.site_id == site.id, Parcel.status == ParcelStatus.WAITING, Parcel.tracking_no == parcel.tracking_no)
    if parcel.id is not None:
        duplicate = duplicate.where(Parcel.id != parcel.id)
    with uow.session.no_autoflush:
        taken = uow.session.scalar(duplicate.limit(1))
    if taken is not None:
        raise Conflict(f"tracking number {parcel.tracking_no} is already waiting at the desk (parcel {taken})")
    parcel.status = ParcelStatus.WAITING
    parcel.received_at, parcel.received_by, parcel.updated_at = now, uow.actor, now
    if parcel.id is None:
        uow.session.add(parcel)
    code = pickup_codes.issue(uow, parcel)
    uow.session.flush()
    if form.photo_jpeg:
        uow.session.add(ParcelPhoto(parcel_id=parcel.id, jpeg=form.photo_jpeg, created_at=now))
    label_job_id = _queue_label(uow, parcel.id, station)
    notices.tell_recipient(uow, parcel, notices.ARRIVED, notices.payload_of(
        uow, parcel, token=code, sender_name=parcel.sender_name, sender_company=parcel.sender_company))
    audit.record(uow, "parcel.received", "parcel", parcel.id, after={
        "status": parcel.status.value, "carrier": parcel.carrier_code, "recipient_kind": parcel.recipient_kind.value,
        "host_id": parcel.host_id, "department_id": parcel.department_id, "condition": parcel.condition.value,
        "cod_cents": parcel.cod_cents, "announced": form.announced_parcel_id is not None,
    })
    received = ParcelReceived(parcel_id=parcel.id, pickup_code=code, carrier_code=parcel.carrier_code,
                              label_job_id=label_job_id)
    uow.commit()
    return received


def announce(uow: UnitOfWork, site_code: str, host_id: int | None, carrier: str, *, commit: bool = True) -> int:
    """A courier at the kiosk says something came for ``host_id`` (None: for the desk): an ANNOUNCED
    parcel the desk completes with ``receive(form.announced_parcel_id=...)``. Returns its id.
    ``commit=False`` leaves the commit to a caller doing more in the same action."""
    site = get_site(uow, site_code)
    now = uow.now()
    host = uow.session.get(Host, host_id) if host_id is not None else None
    if host_id is not None and host is None:
        raise NotFound(f"no host with id {host_id}")
    code = carrier.strip().upper()[:16]
    known = uow.session.scalar(select(Carrier.code).where(Carrier.code == code)) if code else None
    parcel = Parcel(
        site_id=site.id, status=ParcelStatus.ANNOUNCED, version=1, carrier_code=known or "",
        recipient_kind=RecipientKind.HOST if host is not None else RecipientKind.RECEPTION,
        host_id=host.id if host is not None else None, condition=ParcelCondition.INTACT,
        announced_at=now, created_at=now, updated_at=now,
    )
    uow.session.add(parcel)
    uow.session.flush()
    audit.record(uow, "parcel.announced", "parcel", parcel.id,
                 after={"status": parcel.status.value, "host_id": parcel.host_id, "carrier": parcel.carrier_code})
    if commit:
        uow.commit()
    return parcel.id


def announced_ids(uow: UnitOfWork, site_code: str) -> list[int]:
    """Couriers' announcements waiting for the desk, oldest first."""
    site = get_site(uow, site_code)
    return list(uow.session.scalars(select(Parcel.id).where(
        Parcel.site_id == site.id, Parcel.status == ParcelStatus.ANNOUNCED).order_by(Parcel.announced_at, Parcel.id)))


def reprint_label(uow: UnitOfWork, parcel_id: int, *, station: str) -> int:
    """Queue the shelf label again at this desk's printer; the parcel keeps its pickup code."""
    if not station:
        raise Conflict("this desk has no label printer ([kiosk] id not set)")
    parcel = uow.session.get(Parcel, parcel_id)
    if parcel is None:
        raise NotFound(f"no parcel with id {parcel_id}")
    if parcel.status is not ParcelStatus.WAITING:
        raise Conflict(f"parcel {parcel_id} is {parcel.status.value}; only a waiting parcel has a label")
    job_id = _queue_label(uow, parcel_id, station)
    assert job_id is not None
    audit.record(uow, "parcel.label_reprinted", "parcel", parcel_id, after={"job_id": job_id, "station": station})
    uow.commit()
    return job_id


def cancel(uow: UnitOfWork, parcel_id: int, reason: str, *, reminder_days: int) -> ParcelRow:
    """An announcement no parcel came with, or a record made by mistake: CANCELLED, its code gone."""
    why = clean_text(reason, "reason", max_len=500, required=True)
    parcel = uow.session.scalar(select(Parcel).where(Parcel.id == parcel_id).with_for_update())
    if parcel is None:
        raise NotFound(f"no parcel with id {parcel_id}")
    if parcel.status not in (ParcelStatus.ANNOUNCED, ParcelStatus.WAITING):
        raise Conflict(f"parcel {parcel_id} is {parcel.status.value} and cannot be cancelled")
    before = parcel.status.value
    parcel.status, parcel.updated_at = ParcelStatus.CANCELLED, uow.now()
    parcel.version += 1
    pickup_codes.blank(parcel)
    notices.forget_codes(uow, parcel_id)
    audit.record(uow, "parcel.cancelled", "parcel", parcel_id, before={"status": before},
                 after={"status": parcel.status.value, "reason": why})
    uow.session.flush()
    row = parcel_row(uow, parcel_id, reminder_days=reminder_days)
    uow.commit()
    return row


def find_recipients(uow: UnitOfWork, text: str, *, limit: int = 12) -> list[RecipientChoice]:
    """Active hosts (with their departments) and departments matching ``text``; Reception last, always."""
    found: list[RecipientChoice] = []
    if text.strip():
        hosts = search_hosts(uow, text, limit=limit)
        departments_of: dict[int, int | None] = {
            row[0]: row[1] for row in uow.session.execute(
                select(Host.id, Host.department_id).where(Host.id.in_([h.id for h in hosts])))}
        found += [RecipientChoice(kind=RecipientKind.HOST, host_id=h.id, department_id=departments_of.get(h.id),
                                  name=h.name, department=h.department) for h in hosts]
        key = search_key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        departments = uow.session.execute(
            select(Department.id, Department.name).where(func.lower(Department.name).like(f"%{key}%", escape="\\"))
            .order_by(func.length(Department.name), Department.name).limit(limit)).all()
        found += [RecipientChoice(kind=RecipientKind.DEPARTMENT, department_id=i, name=name) for i, name in departments]
    return [*found[:limit], RecipientChoice(kind=RecipientKind.RECEPTION)]
