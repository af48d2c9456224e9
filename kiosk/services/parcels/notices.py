"""Telling a parcel's recipient (and a collector) through the outbox, in their language.

A host gets e-mail and, when they have one, chat; a department its contact e-mail; Reception
nothing (it is at the desk). The pickup code travels in the payload's ``token`` key, so the outbox
seals it and the dispatcher opens it only to send (``services/outbox.py``); the e-mail shows it as
a QR. Notices that still hold a code lose it when the parcel leaves the desk.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.domain.parcels import RecipientKind
from kiosk.models import Host, Notification, NotificationStatus
from kiosk.models.org import Department, Site
from kiosk.models.parcels import Parcel
from kiosk.services import outbox

ARRIVED = "parcel_arrived"
REMINDER = "parcel_reminder"
PICKED_UP = "parcel_picked_up"
RETURNED = "parcel_returned"


def recipient_name(uow: UnitOfWork, parcel: Parcel) -> str:
    if parcel.recipient_kind is RecipientKind.HOST and parcel.host_id is not None:
        host = uow.session.get(Host, parcel.host_id)
        return host.name if host else ""
    if parcel.recipient_kind is RecipientKind.DEPARTMENT and parcel.department_id is not None:
        department = uow.session.get(Department, parcel.department_id)
        return department.name if department else ""
    return ""


def payload_of(uow: UnitOfWork, parcel: Parcel, **extra: Any) -> dict[str, Any]:
    """What every parcel notice says; ids and the parcel's own fields, no visitor data."""
    site = uow.session.get(Site, parcel.site_id)
    return {
        "parcel_id": parcel.id, "tracking_no": parcel.tracking_no, "carrier": parcel.carrier_code,
        "recipient_name": recipient_name(uow, parcel), "shelf": parcel.shelf, "pieces": parcel.pieces,
        "site_name": site.name if site else "",
        "arrived_at": parcel.received_at.isoformat() if parcel.received_at else "", **extra,
    }


def tell_recipient(uow: UnitOfWork, parcel: Parcel, event: str, payload: dict[str, Any], *,
                   subject_key: str = "") -> int:
    """Queue ``event`` for the parcel's recipient on every channel they have. Returns rows queued."""
    key = subject_key or f"parcel:{parcel.id}"
    if parcel.recipient_kind is RecipientKind.HOST and parcel.host_id is not None:
        host = uow.session.get(Host, parcel.host_id)
        if host is None:
            return 0
        return outbox.notify_host(uow, host, event=event, payload=payload, subject_key=key, visit_id=None)
    if parcel.recipient_kind is RecipientKind.DEPARTMENT and parcel.department_id is not None:
        department = uow.session.get(Department, parcel.department_id)
        if department is None or not department.contact_email:
            return 0
        return int(outbox.enqueue(uow, event=event, channel=Channel.EMAIL, recipient=department.contact_email,
                                  payload=payload, subject_key=key))
    return 0


def tell_host(uow: UnitOfWork, host_id: int, event: str, payload: dict[str, Any], *, subject_key: str) -> int:
    host = uow.session.get(Host, host_id)
    if host is None:
        return 0
    return outbox.notify_host(uow, host, event=event, payload=payload, subject_key=subject_key, visit_id=None)


def forget_codes(uow: UnitOfWork, parcel_id: int) -> int:
    """Blank the pickup code in the parcel's notices not yet sent (the parcel left the desk)."""
    rows = uow.session.scalars(select(Notification).where(
        Notification.idempotency_key.like(f"%:parcel:{parcel_id}:%"),
        Notification.status != NotificationStatus.SENT,
    )).all()
    changed = 0
    for row in rows:
        if outbox.holds_code(row.payload):
            row.payload = outbox.without_code(row.payload)
            changed += 1
    return changed
