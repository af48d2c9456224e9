"""Couriers at the kiosk: they name the recipient (or "reception"), reception is alerted, and the
host is told a delivery is waiting. The courier sees nothing but names and departments.

The same transaction writes the parcel's first record, ANNOUNCED (``parcels/receiving.announce``): the
desk completes it when the courier hands the parcel over (tracking number, shelf, pickup code, label)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db.uow import UnitOfWork
from kiosk.services import audit, outbox
from kiosk.services.directory.hosts import get_host
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.parcels import carriers, receiving
from kiosk.services.text import clean_text, raise_if_any


@dataclass(frozen=True)
class DeliveryAnnounced:
    recipient: str  # the host's name, or "" for reception
    department: str


def announce_delivery(
    uow: UnitOfWork, *, site_code: str, host_id: int | None, carrier: str = "", note: str = ""
) -> DeliveryAnnounced:
    errors: list[FieldError] = []
    clean_carrier = clean_text(carrier, "carrier", max_len=100, errors=errors)
    clean_note = clean_text(note, "note", max_len=200, errors=errors)
    raise_if_any(errors)
    site = get_site(uow, site_code)
    host = get_host(uow, host_id) if host_id is not None else None
    if host is not None and not host.active:
        raise ValidationFailed([FieldError("host", "inactive", f"{host.name} no longer receives deliveries")])
    department = host.department.name if host is not None and host.department else ""
    stamp = uow.now().isoformat()
    payload = {"host_name": host.name if host else "", "department": department, "carrier": clean_carrier,
               "note": clean_note, "site_name": site.name, "arrived_at": stamp}
    outbox.notify_reception(uow, event="delivery_arrived", subject_key=f"delivery:{host_id}:{stamp}",
                            payload=payload)
    if host is not None:
        outbox.notify_host(uow, host, event="delivery_for_host", subject_key=f"delivery:{stamp}",
                           payload=payload, visit_id=None)
    audit.record(uow, "delivery.announced", "host", host_id, after={"carrier": bool(clean_carrier)})
    receiving.announce(uow, site_code, host.id if host else None, _carrier_code(uow, clean_carrier), commit=False)
    uow.commit()
    return DeliveryAnnounced(recipient=host.name if host else "", department=department)


def _carrier_code(uow: UnitOfWork, typed: str) -> str:
    """The known carrier's code in what the courier picked or typed ("顺丰 SF" -> "SF"), else ""."""
    codes = {view.code.upper(): view.code for view in carriers.list_carriers(uow)}
    return next((codes[word] for word in typed.upper().split() if word in codes), "")
