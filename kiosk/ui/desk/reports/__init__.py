"""The supervisor's reports (#14): the KPI dashboard, its charts behind ``kiosk/ui/charts``, the monthly PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_reports import DeskReportsGateway
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.reports.dashboard import ReportsDashboard
from kiosk.ui.desk.shell import DeskView

__all__ = ["ReportsDashboard", "reports_view"]


def reports_view(gateway: DeskReportsGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime]) -> DeskView:
    """The "Reports" entry (supervisors and administrators: the desk shows it to those who may read reports)."""
    translate = QCoreApplication.translate
    return DeskView("reports", lambda: translate("DeskShell", "Reports"),
                    ReportsDashboard(gateway, pool, zone=zone, now=now))
