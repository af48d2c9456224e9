"""Which views a signed-in person gets, in the navigation's order; a role sees what it may use."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_session import DeskGateways
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.quick_find import QuickFind
from kiosk.ui.desk.shell import DeskView
from kiosk.ui.desk.status_strip import DeskStatusStrip
from kiosk.ui.desk.today import TodayView


def desk_status(gateways: DeskGateways, pool: WorkerPool, *, zone: ZoneInfo,
                live: LiveChanges | None = None) -> DeskStatusStrip:
    return DeskStatusStrip(gateways.visits, pool, zone, live=live)


def desk_finder(gateways: DeskGateways, pool: WorkerPool) -> QuickFind:
    return QuickFind(gateways.visits, pool)


def desk_views(gateways: DeskGateways, pool: WorkerPool, *, site_name: str, zone: ZoneInfo,
               live: LiveChanges | None = None) -> list[DeskView]:
    today = TodayView(gateways.visits, pool, site_name=site_name, zone=zone, now=gateways.now, live=live)
    return [
        DeskView("today", lambda: QCoreApplication.translate("DeskShell", "Today"), today),
    ]
