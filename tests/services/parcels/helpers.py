"""Builders for the parcel tests: a gateway at the test site, a receive form, the outbox rows of a parcel."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway, ParcelForm, RecipientChoice, RecipientKind
from kiosk.db import Database
from kiosk.models import Notification

SITE = "HQ"
PNG = b"\x89PNG\r\n\x1a\nsignature"
JPEG = b"\xff\xd8\xff\xe0photo"


def desk(db: Database, station: str = "DESK1", actor: str = "staff:amy") -> DeskParcelsGateway:
    return DeskParcelsGateway(db, SITE, actor=actor, station=station, reminder_days=3, return_days=7)


def for_host(host_id: int, tracking_no: str = "SF1234567890123", **extra: object) -> ParcelForm:
    return ParcelForm(tracking_no=tracking_no, carrier_code="",
                      recipient=RecipientChoice(kind=RecipientKind.HOST, host_id=host_id), **extra)  # type: ignore[arg-type]


def notices(db: Database, event: str) -> list[Notification]:
    with db.unit_of_work("test", write=False) as uow:
        return list(uow.session.scalars(
            select(Notification).where(Notification.event == event).order_by(Notification.id)))
