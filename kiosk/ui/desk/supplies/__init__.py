"""The desk's supply cupboard (#12): Supplies (the stock sheet per item, low stock at a glance), Requisitions,
Purchases, Stocktake and the supply reports. Each view follows the SUPPLIES area for live updates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway
from kiosk.domain.changes import Area
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.shell import DeskView
from kiosk.ui.desk.supplies.items_view import SuppliesView
from kiosk.ui.desk.supplies.purchases import PurchasesView
from kiosk.ui.desk.supplies.reports import ReportsView
from kiosk.ui.desk.supplies.requisition_dialogs import HostFinder
from kiosk.ui.desk.supplies.requisitions import RequisitionsView
from kiosk.ui.desk.supplies.stocktake import StocktakeView

__all__ = ["PurchasesView", "ReportsView", "RequisitionsView", "StocktakeView", "SuppliesView", "supply_views"]


def supply_views(gateway: DeskSuppliesGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
                 may_approve: bool, find_hosts: HostFinder, live: LiveChanges | None = None) -> list[DeskView]:
    translate = QCoreApplication.translate
    supplies = SuppliesView(gateway, pool, zone=zone)
    requisitions = RequisitionsView(gateway, pool, may_approve=may_approve, find_hosts=find_hosts)
    purchases = PurchasesView(gateway, pool, may_approve=may_approve)
    stocktake = StocktakeView(gateway, pool, zone=zone, now=now)
    reports = ReportsView(gateway, pool, zone=zone, now=now)
    if live is not None:
        for view in (supplies, requisitions, purchases, stocktake, reports):
            AreaFollower(live, frozenset({Area.SUPPLIES}), view.refresh, coalesce_ms=500, parent=view)
    return [
        DeskView("supplies", lambda: translate("DeskShell", "Supplies"), supplies),
        DeskView("requisitions", lambda: translate("DeskShell", "Requisitions"), requisitions),
        DeskView("purchases", lambda: translate("DeskShell", "Purchases"), purchases),
        DeskView("stocktake", lambda: translate("DeskShell", "Stocktake"), stocktake),
        DeskView("supply_reports", lambda: translate("DeskShell", "Supply reports"), reports),
    ]
