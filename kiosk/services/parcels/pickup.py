"""Handing parcels over: find what waits for a person (their code, scanned or typed, or their name),
check who takes it, take the signature(s), tell the recipient (and a collector who is staff too).

Two desks may hand out the same parcel at once. Each parcel is changed by
``UPDATE ... WHERE id = :id AND version = :seen AND status = 'waiting'``: the database lets only one
such update match (SQLite: the second writer waits for ``BEGIN IMMEDIATE`` and then sees the new
version; PostgreSQL: it waits for the row lock and re-checks the condition), so the loser's rowcount
is 0, it rolls back and is told who was first and when. Nothing is recorded twice.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from kiosk.db.uow import UnitOfWork
from kiosk.domain.parcels import ParcelStatus, RecipientKind
from kiosk.models import Host, Site
from kiosk.models.parcels import Parcel, ParcelSignature
from kiosk.services import audit
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.parcels import notices, pickup_codes
from kiosk.services.parcels.parcel_log import parcel_rows
from kiosk.services.parcels.records import ParcelRow, PickupRequest, RecipientChoice
from kiosk.services.text import clean_text, normalise_phone

SIGNATURE_MAX_BYTES = 2 * 1024 * 1024


class AlreadyPickedUp(Conflict):
    """Another desk handed the parcel out first: who took it, and when (site-local time in ``message``)."""

    def __init__(self, parcel_id: int, picked_up_by: str, picked_up_at: str) -> None:
        super().__init__(f"parcel {parcel_id} was already picked up by {picked_up_by} at {picked_up_at}")
        self.parcel_id, self.picked_up_by, self.picked_up_at = parcel_id, picked_up_by, picked_up_at


def _waiting_ids(uow: UnitOfWork, site_id: int, recipient: RecipientChoice) -> list[int]:
    query = select(Parcel.id).where(Parcel.site_id == site_id, Parcel.status == ParcelStatus.WAITING,
                                    Parcel.recipient_kind == recipient.kind)
    if recipient.kind is RecipientKind.HOST:
        query = query.where(Parcel.host_id == recipient.host_id)
    elif recipient.kind is RecipientKind.DEPARTMENT:
        query = query.where(Parcel.department_id == recipient.department_id)
    return list(uow.session.scalars(query.order_by(Parcel.received_at, Parcel.id)))


def waiting_for_recipient(uow: UnitOfWork, site_code: str, recipient: RecipientChoice, *,
                          reminder_days: int) -> list[ParcelRow]:
    site = get_site(uow, site_code)
    return parcel_rows(uow, _waiting_ids(uow, site.id, recipient), reminder_days=reminder_days)


def waiting_for_code(uow: UnitOfWork, site_code: str, code: str, *, reminder_days: int) -> list[ParcelRow]:
    """The parcel whose pickup code (typed or scanned) this is, and everything else waiting for the same
    recipient, that parcel first. [] for a code that finds nothing."""
    site = get_site(uow, site_code)
    digest = pickup_codes.lookup_digest(code)
    if digest is None:
        return []
    found = uow.session.scalar(select(Parcel).where(
        Parcel.pickup_code_hash == digest, Parcel.site_id == site.id, Parcel.status == ParcelStatus.WAITING))
    if found is None:
        return []
    recipient = RecipientChoice(kind=found.recipient_kind, host_id=found.host_id, department_id=found.department_id)
    others = [i for i in _waiting_ids(uow, site.id, recipient) if i != found.id]
    return parcel_rows(uow, [found.id, *others], reminder_days=reminder_days)


def _checked(request: PickupRequest) -> tuple[str, str, str, str]:
    errors: list[FieldError] = []
    if not request.parcel_ids:
        errors.append(FieldError("parcel_ids", "required", "choose the parcels to hand over"))
    missing = [i for i in request.parcel_ids if i not in request.versions]
    if missing:
        errors.append(FieldError("versions", "required", f"no version seen for parcel(s) {missing}"))
    taker = clean_text(request.picked_up_by, "picked_up_by", max_len=100, required=True, errors=errors)
    checked = clean_text(request.identity_checked, "identity_checked", max_len=100, required=True, errors=errors)
    behalf = clean_text(request.on_behalf_of, "on_behalf_of", max_len=100, errors=errors)
    phone = ""
    if behalf:
        phone = normalise_phone(request.proxy_phone, "proxy_phone", required=True, errors=errors) or ""
    for name, png in (("signature", request.signature_png), ("proxy_signature", request.proxy_signature_png)):
        if png is not None and len(png) > SIGNATURE_MAX_BYTES:
            errors.append(FieldError(name, "too_large", "the signature image is too large"))
    if not request.signature_png:
        errors.append(FieldError("signature", "required", "the person taking the parcels signs for them"))
    if errors:
        raise ValidationFailed(errors)
    return taker, checked, behalf, phone


def _refusal(uow: UnitOfWork, parcel_id: int) -> Conflict | NotFound:
    """Why a parcel's guarded update matched nothing: read afresh (the winner has committed)."""
    parcel = uow.session.scalar(select(Parcel).where(Parcel.id == parcel_id).execution_options(populate_existing=True))
    if parcel is None:
        return NotFound(f"no parcel with id {parcel_id}")
    if parcel.status is ParcelStatus.PICKED_UP and parcel.picked_up_at is not None:
        site = uow.session.get(Site, parcel.site_id)
        zone = get_site(uow, site.code).zone if site else None
        at = parcel.picked_up_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        return AlreadyPickedUp(parcel.id, parcel.picked_up_by, at)
    if parcel.status is not ParcelStatus.WAITING:
        return Conflict(f"parcel {parcel.id} is {parcel.status.value}, no longer waiting")
    return Conflict(f"parcel {parcel.id} was changed at another desk; look again before handing it over")


def hand_over(uow: UnitOfWork, site_code: str, request: PickupRequest, *, reminder_days: int) -> list[ParcelRow]:
    """Record the pickup of every parcel in ``request`` at once, each at the version the desk saw.

    AlreadyPickedUp / Conflict (nothing recorded) when another desk was first. On someone's behalf the
    collector is told too when staff: ``request.collector_host_id``, else the one active host of that name.
    """
    taker, checked, behalf, phone = _checked(request)
    site = get_site(uow, site_code)
    now = uow.now()
    ids = list(dict.fromkeys(request.parcel_ids))
    for parcel_id in ids:
        changed = uow.session.execute(
            update(Parcel).where(
                Parcel.id == parcel_id, Parcel.site_id == site.id, Parcel.version == request.versions[parcel_id],
                Parcel.status == ParcelStatus.WAITING,
            ).values(
                status=ParcelStatus.PICKED_UP, version=Parcel.version + 1, picked_up_at=now, picked_up_by=taker,
                on_behalf_of=behalf, proxy_phone=phone, identity_checked=checked, handed_over_by=uow.actor,
                pickup_code_hash=None, pickup_code_sealed="", updated_at=now,
            ).execution_options(synchronize_session=False)
        )
        if getattr(changed, "rowcount", 0) != 1:
            uow.session.rollback()
            raise _refusal(uow, parcel_id)
    parcels = list(uow.session.scalars(
        select(Parcel).where(Parcel.id.in_(ids)).execution_options(populate_existing=True)))
    collector = request.collector_host_id if behalf else None
    if behalf and collector is None:
        namesakes = list(uow.session.scalars(select(Host.id).where(Host.active.is_(True), Host.name == taker).limit(2)))
        collector = namesakes[0] if len(namesakes) == 1 else None
    for parcel in parcels:
        uow.session.add(ParcelSignature(parcel_id=parcel.id, signer_name=taker, png=request.signature_png,
                                        created_at=now))
        if request.proxy_signature_png:
            uow.session.add(ParcelSignature(parcel_id=parcel.id, signer_name=f"{taker} for {behalf or taker}",
                                            png=request.proxy_signature_png, created_at=now))
        notices.forget_codes(uow, parcel.id)
        payload = notices.payload_of(uow, parcel, picked_up_by=taker, on_behalf_of=behalf,
                                     picked_up_at=now.isoformat())
        notices.tell_recipient(uow, parcel, notices.PICKED_UP, payload)
        if collector is not None and collector != parcel.host_id:
            notices.tell_host(uow, collector, notices.PICKED_UP, payload, subject_key=f"parcel:{parcel.id}:collector")
        audit.record(uow, "parcel.picked_up", "parcel", parcel.id, before={"status": ParcelStatus.WAITING.value},
                     after={"status": ParcelStatus.PICKED_UP.value, "on_behalf": bool(behalf),
                            "collector_host_id": collector, "identity_checked": checked})
    uow.session.flush()
    rows = parcel_rows(uow, ids, reminder_days=reminder_days)
    uow.commit()
    return rows


def count_waiting(uow: UnitOfWork, site_code: str) -> int:
    site = get_site(uow, site_code)
    return int(uow.session.scalar(select(func.count(Parcel.id)).where(
        Parcel.site_id == site.id, Parcel.status == ParcelStatus.WAITING)) or 0)
