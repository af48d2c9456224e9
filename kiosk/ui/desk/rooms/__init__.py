"""The desk's meeting rooms (#13): one navigation entry, "Meeting rooms", whose tabs are the status board, the
bookings (with the booking form and a booking in full: preparation and inspection), damage and repairs, the
rooms themselves and the use report. The page follows the ROOMS area for live updates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_invitations import HostSummary, InvitationRow
from kiosk.application.gateways.desk_rooms import DeskRoomsGateway
from kiosk.domain.changes import Area
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.rooms.context import RoomsContext, SupplyChoice
from kiosk.ui.desk.rooms.page import RoomsPage
from kiosk.ui.desk.shell import DeskView

__all__ = ["RoomsContext", "RoomsPage", "SupplyChoice", "room_views"]


def room_views(gateway: DeskRoomsGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
               search_hosts: Callable[[str], list[HostSummary]],
               supply_items: Callable[[], list[SupplyChoice]] = lambda: [],
               invited_on: Callable[[date], list[InvitationRow]] = lambda _day: [],
               live: LiveChanges | None = None) -> list[DeskView]:
    translate = QCoreApplication.translate
    page = RoomsPage(RoomsContext(gateway, pool, zone, now, search_hosts, supply_items, invited_on),
                     notice_days=gateway.notice_days)
    if live is not None:
        AreaFollower(live, frozenset({Area.ROOMS}), page.refresh, coalesce_ms=500, parent=page)
    return [DeskView("rooms", lambda: translate("DeskShell", "Meeting rooms"), page)]
