"""The supervisor's reports at the desk: the KPI dashboard over a date range (with the period before and a year
before) and a month's PDF to save.

Acting as the person signed in; anyone without ``Permission.REPORTS`` is refused (``PolicyRefusal``, code
``not_allowed``) whatever the screen shows. One read-only unit of work per call. The view imports the value types
from here.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
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
from kiosk.services.reports.kpis import (
    figures,
    kpi_report,
    month_bounds,
    previous_period,
    with_comparisons,
    year_before,
)

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
        """Every figure, chart and table over ``first``..``last`` (site-local days, both included), compared
        with the period before and a year before. On PostgreSQL those two are read at the same time on threads
        of their own, each in its own read-only unit of work (the server works on them in parallel: half the
        time); SQLite reads all three in one unit of work (threads there only fight over the one file)."""
        self._refuse_others()
        period = Period(first, last)
        if self.database.dialect != "postgresql":
            with self.database.unit_of_work(self.actor, write=False) as uow:
                return kpi_report(uow, self.site_code, period, month_on_month=month_on_month,
                                  year_on_year=year_on_year, opens=self.opens, closes=self.closes)
        others = {"before": previous_period(period) if month_on_month else None,
                  "a_year": year_before(period) if year_on_year else None}
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="kpi-comparison") as threads:
            asked = {key: (other, threads.submit(self._figures, other)) for key, other in others.items() if other}
            with self.database.unit_of_work(self.actor, write=False) as uow:
                report = kpi_report(uow, self.site_code, period, month_on_month=False, year_on_year=False,
                                    opens=self.opens, closes=self.closes)
            read = {key: (other, future.result()) for key, (other, future) in asked.items()}
        return with_comparisons(report, read.get("before"), read.get("a_year"))

    def _figures(self, period: Period) -> tuple[Figure, ...]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return figures(uow, self.site_code, period, opens=self.opens, closes=self.closes)

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
