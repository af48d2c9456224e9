"""Making the monthly report: the figures read, one PDF drawn per ``[reports] monthly_languages`` (outside any
transaction: drawing takes a second or two), then kept and mailed in one write transaction
(``services/reports/monthly.py``). Housekeeping runs ``make_due_report`` on its passes; kioskctl draws one
month's PDF with ``draw_month``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from enum import StrEnum

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.report_pdf import render_report
from kiosk.domain.kpis import KpiReport
from kiosk.services.reports import monthly
from kiosk.services.reports.kpis import kpi_report, month_bounds

Renderer = Callable[[KpiReport, str], bytes]


class MonthlyOutcome(StrEnum):
    MADE = "made"
    ALREADY_MADE = "already_made"
    NOT_YET = "not_yet"  # the 1st, before [reports] monthly_time
    NOBODY = "nobody"  # [reports] monthly_to is empty: nothing made (kioskctl report monthly draws one)


def month_report(database: Database, settings: Settings, month: date, actor: str) -> KpiReport:
    """The figures, charts and tables of ``month`` with the comparisons."""
    rooms = settings.rooms
    with database.unit_of_work(actor, write=False) as uow:
        return kpi_report(uow, settings.site.code, month_bounds(month), opens=rooms.opens, closes=rooms.closes)


def draw_month(database: Database, settings: Settings, month: date, language: str, actor: str,
               render: Renderer = render_report) -> bytes:
    return render(month_report(database, settings, month, actor), language)


def make_due_report(database: Database, settings: Settings, actor: str, render: Renderer = render_report,
                    ) -> tuple[MonthlyOutcome, date | None]:
    """The month just ended, made and mailed once it is due, if it was not made yet (and somebody is to get it)."""
    site, reports = settings.site.code, settings.reports
    if not reports.monthly_to:
        return MonthlyOutcome.NOBODY, None
    with database.unit_of_work(actor, write=False) as uow:
        month = monthly.due_month(uow, site, time.fromisoformat(reports.monthly_time))
        if month is None:
            return MonthlyOutcome.NOT_YET, None
        missing = [lang for lang in reports.monthly_languages if lang not in monthly.made_languages(uow, site, month)]
    if not missing:
        return MonthlyOutcome.ALREADY_MADE, month
    report = month_report(database, settings, month, actor)
    pdfs = {language: render(report, language) for language in missing}
    with database.unit_of_work(actor) as uow:
        made = monthly.save_reports(uow, site, report, pdfs, recipients=reports.monthly_to,
                                    language=settings.site.language)
    return (MonthlyOutcome.MADE if made else MonthlyOutcome.ALREADY_MADE), month
