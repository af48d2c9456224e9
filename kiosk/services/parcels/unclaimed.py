"""Parcels nobody collected: one reminder after ``reminder_days``, the return list after ``return_days``
(calendar days in the site's timezone, ``[parcels]``), the return itself with the carrier's receipt,
and a cash-on-delivery fee paid back to reception.

``run`` is what housekeeping (every pass) and ``kioskctl end-of-day`` call. Each reminder is claimed
by ``UPDATE ... WHERE reminded_at IS NULL`` in the transaction that queues it, so however often the
rules run, and on however many kiosks, a parcel is reminded exactly once.
"""

from __future__ import annotations

from sqlalchemy import select, update

from kiosk.db.uow import UnitOfWork
from kiosk.domain.parcels import ParcelStatus
from kiosk.models.parcels import Parcel
from kiosk.services import audit
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, NotFound
from kiosk.services.parcels import notices, pickup_codes
from kiosk.services.parcels.parcel_log import parcel_row, received_before_cutoff
from kiosk.services.parcels.records import ParcelRow, UnclaimedRun
from kiosk.services.text import clean_text


def run(uow: UnitOfWork, site_code: str, *, reminder_days: int, return_days: int) -> UnclaimedRun:
    site = get_site(uow, site_code)
    now = uow.now()
    waiting = (Parcel.site_id == site.id, Parcel.status == ParcelStatus.WAITING)
    due = list(uow.session.scalars(select(Parcel.id).where(
        *waiting, Parcel.reminded_at.is_(None),
        Parcel.received_at < received_before_cutoff(site.zone, now, reminder_days)).order_by(Parcel.id)))
    reminded = []
    for parcel_id in due:
        claimed = uow.session.execute(
            update(Parcel).where(Parcel.id == parcel_id, Parcel.reminded_at.is_(None),
                                 Parcel.status == ParcelStatus.WAITING)
            .values(reminded_at=now).execution_options(synchronize_session=False))
        if getattr(claimed, "rowcount", 0) != 1:
            continue  # another kiosk's pass reminded it a moment ago
        parcel = uow.session.scalar(
            select(Parcel).where(Parcel.id == parcel_id).execution_options(populate_existing=True))
        assert parcel is not None
        payload = notices.payload_of(uow, parcel, token=pickup_codes.reveal(parcel))
        notices.tell_recipient(uow, parcel, notices.REMINDER, payload, subject_key=f"parcel:{parcel_id}:reminder")
        audit.record(uow, "parcel.reminded", "parcel", parcel_id, after={"reminder_days": reminder_days})
        reminded.append(parcel_id)
    to_return = list(uow.session.scalars(select(Parcel.id).where(
        *waiting, Parcel.received_at < received_before_cutoff(site.zone, now, return_days))
        .order_by(Parcel.received_at, Parcel.id)))
    uow.commit()
    return UnclaimedRun(reminded=reminded, to_return=to_return)


def _locked(uow: UnitOfWork, parcel_id: int) -> Parcel:
    parcel = uow.session.scalar(select(Parcel).where(Parcel.id == parcel_id).with_for_update())
    if parcel is None:
        raise NotFound(f"no parcel with id {parcel_id}")
    return parcel


def mark_returned(uow: UnitOfWork, parcel_id: int, receipt: str, *, reminder_days: int) -> ParcelRow:
    """Given back to the carrier (unclaimed), with the carrier's receipt number; the recipient told."""
    number = clean_text(receipt, "receipt", max_len=64, required=True)
    parcel = _locked(uow, parcel_id)
    if parcel.status is not ParcelStatus.WAITING:
        raise Conflict(f"parcel {parcel_id} is {parcel.status.value}, not waiting to be returned")
    now = uow.now()
    parcel.status, parcel.returned_at, parcel.return_receipt, parcel.updated_at = (
        ParcelStatus.RETURNED, now, number, now)
    parcel.version += 1
    pickup_codes.blank(parcel)
    notices.forget_codes(uow, parcel_id)
    notices.tell_recipient(uow, parcel, notices.RETURNED, notices.payload_of(uow, parcel, return_receipt=number))
    audit.record(uow, "parcel.returned", "parcel", parcel_id, before={"status": ParcelStatus.WAITING.value},
                 after={"status": parcel.status.value})
    uow.session.flush()
    row = parcel_row(uow, parcel_id, reminder_days=reminder_days)
    uow.commit()
    return row


def mark_cod_reimbursed(uow: UnitOfWork, parcel_id: int, *, reminder_days: int) -> ParcelRow:
    """The cash-on-delivery fee reception paid has been paid back."""
    parcel = _locked(uow, parcel_id)
    if parcel.cod_cents <= 0:
        raise Conflict(f"parcel {parcel_id} had no cash-on-delivery fee")
    if parcel.cod_reimbursed:
        raise Conflict(f"the cash-on-delivery fee of parcel {parcel_id} was already reimbursed")
    parcel.cod_reimbursed, parcel.updated_at = True, uow.now()
    parcel.version += 1
    audit.record(uow, "parcel.cod_reimbursed", "parcel", parcel_id, after={"cod_cents": parcel.cod_cents})
    uow.session.flush()
    row = parcel_row(uow, parcel_id, reminder_days=reminder_days)
    uow.commit()
    return row
