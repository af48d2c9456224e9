"""The desk's parcels and outgoing mail (#11): Parcels (receive, batch, pick up, announcements), the parcel
log, outgoing mail with its monthly statement. Each view follows the PARCELS area for live updates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway
from kiosk.config import CameraSettings
from kiosk.domain.changes import Area
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels.log import ParcelLogView
from kiosk.ui.desk.parcels.mail import OutgoingMailView
from kiosk.ui.desk.parcels.parcels_view import ParcelsView
from kiosk.ui.desk.shell import DeskView

__all__ = ["OutgoingMailView", "ParcelLogView", "ParcelsView", "parcel_views"]


def parcel_views(gateway: DeskParcelsGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
                 live: LiveChanges | None = None, camera: CameraSettings | None = None) -> list[DeskView]:
    translate = QCoreApplication.translate
    parcels = ParcelsView(gateway, pool, camera=camera)
    log = ParcelLogView(gateway, pool, zone=zone, now=now)
    mail = OutgoingMailView(gateway, pool, zone=zone, now=now)
    if live is not None:
        for view in (parcels, log, mail):
            AreaFollower(live, frozenset({Area.PARCELS}), view.refresh, coalesce_ms=500, parent=view)
    return [
        DeskView("parcels", lambda: translate("DeskShell", "Parcels"), parcels),
        DeskView("parcel_log", lambda: translate("DeskShell", "Parcel log"), log),
        DeskView("mail", lambda: translate("DeskShell", "Outgoing mail"), mail),
    ]
