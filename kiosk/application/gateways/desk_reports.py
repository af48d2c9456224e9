"""The supervisor's reports at the desk: the KPI dashboard over a date range (with the period before and a year
before) and a month's PDF to save.

Acting as the person signed in; anyone without ``Permission.REPORTS`` is refused (``PolicyRefusal``, code
``not_allowed``) whatever the screen shows. One read-only unit of work per call. The view imports the value types
from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.application.monthly_report import Renderer
from kiosk.db import Database
from kiosk.devices.report_pdf import render_report
from kiosk.domain.kpi_words import kpi_name, value_text
from kiosk.domain.kpis import (
    TARGETS,
    Chart,
    ChartKey,
    ChartLine,
    ChartStyle,
    Comparison,
    DepartmentConsumption,
    Figure,
    Kpi,
    KpiReport,
    Period,
    RoomLine,
    Target,
    Unit,
)
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.services.errors import PolicyRefusal
from kiosk.services.reports.kpis import kpi_report, month_bounds

__all__ = [
    "TARGETS", "Chart", "ChartKey", "ChartLine", "ChartStyle", "Comparison", "DepartmentConsumption",
    "DeskReportsGateway", "Figure", "Kpi", "KpiReport", "Period", "RoomLine", "Target", "Unit", "kpi_name",
    "month_bounds", "value_text",
]
NOT_ALLOWED = "not_allowed"


@dataclass
class DeskReportsGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    opens: str = "08:00"  # [rooms] opening hours: the room use's denominator
    closes: str = "20:00"
    render: Renderer = render_report

    def may_read(self) -> bool:
        return may(self.role, Permission.REPORTS)

    def _refuse_others(self) -> None:
        if not self.may_read():
            raise PolicyRefusal("only a supervisor or an administrator may read the reports", code=NOT_ALLOWED)

    def dashboard(self, first: date, last: date, *, month_on_month: bool = True, year_on_year: bool = True,
                  ) -> KpiReport:
        """Every figure, chart and table over ``first``..``last`` (site-local days, both included)."""
        self._refuse_others()
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return kpi_report(uow, self.site_code, Period(first, last), month_on_month=month_on_month,
                              year_on_year=year_on_year, opens=self.opens, closes=self.closes)

    def save_month_pdf(self, month: date, language: str, path: Path) -> int:
        """The month's report drawn as the monthly e-mail's PDF, written to ``path``; its size in bytes."""
        report = self.dashboard(*_bounds(month))
        pdf = self.render(report, language)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(pdf)
        partial.replace(path)
        return len(pdf)


def _bounds(month: date) -> tuple[date, date]:
    period = month_bounds(month)
    return period.first, period.last
