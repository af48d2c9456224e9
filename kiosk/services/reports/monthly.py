"""The monthly report: made once per site, month and language (``monthly_reports``, unique), kept so the e-mail
and any later copy attach the very same PDF, and mailed to ``[reports] monthly_to``.

The PDF itself is drawn by ``devices/report_pdf.py``; the application layer (``application/monthly_report.py``)
reads the figures here, has the PDFs drawn outside any transaction and hands them back to ``save_reports``.
Due from ``[reports] monthly_time`` on the 1st of the month for the month before; a month missed (the kiosk was
off on the 1st) is made on the next pass.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk.db.uow import UnitOfWork
from kiosk.domain.kpi_words import kpi_name, result_text, target_text, value_text
from kiosk.domain.kpis import Kpi, KpiReport
from kiosk.domain.notifications import Channel, FileAttachment
from kiosk.models.front_desk import MonthlyReport
from kiosk.services import audit, outbox
from kiosk.services.directory.sites import get_site
from kiosk.services.reports.kpis import month_bounds

EVENT = "monthly_report"
# The rulebook's five, in the e-mail's lines.
MAILED_FIGURES = (Kpi.SATISFACTION, Kpi.REGISTRATION, Kpi.CALLS_IN_TIME, Kpi.ROUTINES_PASSED,
                  Kpi.MEETING_PREP_DEFECTS)

__all__ = ["EVENT", "attachments", "due_month", "file_name", "made_languages", "save_reports",
           "stored_pdf"]


def file_name(site_code: str, month: date, language: str) -> str:
    return f"front-desk-report-{site_code}-{month:%Y-%m}-{language}.pdf"


def due_month(uow: UnitOfWork, site_code: str, monthly_time: time) -> date | None:
    """The first day of the month just ended, once the 1st's ``monthly_time`` has passed (None before)."""
    site = get_site(uow, site_code)
    now = uow.now()
    today = site.local_date(now)
    if today.day == 1 and now < site.local_instant(today, monthly_time):
        return None
    return month_bounds(today.replace(day=1) - timedelta(days=1)).first


def made_languages(uow: UnitOfWork, site_code: str, month: date) -> set[str]:
    site = get_site(uow, site_code)
    return set(uow.session.scalars(select(MonthlyReport.language).where(
        MonthlyReport.site_id == site.id, MonthlyReport.month == month)))


def _line(report: KpiReport, kpi: Kpi, language: str) -> str:
    figure = report.figure(kpi)
    verdict = result_text(figure, language)
    shown = value_text(figure.value, figure.unit, language)
    target = target_text(figure.target, language)
    if language == "en":
        return f"{kpi_name(kpi, language)}: {shown} (target {target}{', ' + verdict if verdict else ''})"
    return f"{kpi_name(kpi, language)}：{shown}（目标 {target}{'，' + verdict if verdict else ''}）"


def _payload(report: KpiReport, site_code: str, report_ids: list[int]) -> dict[str, Any]:
    month = report.period.first
    payload: dict[str, Any] = {"site_name": report.site_name, "site_code": site_code, "month": f"{month:%Y-%m}",
                               "report_ids": report_ids}
    for number, kpi in enumerate(MAILED_FIGURES, start=1):
        payload[f"line{number}_zh"] = _line(report, kpi, "zh_CN")
        payload[f"line{number}_en"] = _line(report, kpi, "en")
    return payload


def save_reports(uow: UnitOfWork, site_code: str, report: KpiReport, pdfs: dict[str, bytes], *,
                 recipients: tuple[str, ...], language: str = "zh_CN") -> list[int]:
    """Keep the month's PDFs (one per language; a language already made is left as it is) and queue one e-mail
    per recipient with them attached. Returns the ids of the reports made now ([] when another kiosk made
    them first: the unique constraint decides)."""
    site = get_site(uow, site_code)
    month = report.period.first
    done = made_languages(uow, site_code, month)
    rows = [MonthlyReport(site_id=site.id, month=month, language=lang, pdf=pdf, made_at=uow.now())
            for lang, pdf in pdfs.items() if lang not in done]
    if not rows:
        return []
    uow.session.add_all(rows)
    try:
        uow.session.flush()
    except IntegrityError:  # another kiosk's housekeeping made it at the same moment
        uow.session.rollback()
        return []
    ids = [row.id for row in rows]
    for row in rows:
        audit.record(uow, "report.monthly_made", "monthly_report", row.id,
                     after={"month": f"{month:%Y-%m}", "language": row.language, "bytes": len(row.pdf)})
    all_ids = sorted(ids + list(uow.session.scalars(select(MonthlyReport.id).where(
        MonthlyReport.site_id == site.id, MonthlyReport.month == month, MonthlyReport.id.not_in(ids)))))
    for address in recipients:
        outbox.enqueue(uow, event=EVENT, channel=Channel.EMAIL, recipient=address, language=language,
                       payload=_payload(report, site_code, all_ids), subject_key=f"{site_code}:{month:%Y-%m}")
    uow.commit()
    return ids


def stored_pdf(uow: UnitOfWork, site_code: str, month: date, language: str) -> bytes | None:
    site = get_site(uow, site_code)
    return uow.session.scalar(select(MonthlyReport.pdf).where(
        MonthlyReport.site_id == site.id, MonthlyReport.month == month, MonthlyReport.language == language))


def attachments(uow: UnitOfWork, payload: dict[str, Any]) -> tuple[FileAttachment, ...]:
    """The PDFs a monthly report e-mail carries, read when it is sent (its payload names them)."""
    ids = [int(i) for i in payload.get("report_ids", [])]
    if not ids:
        return ()
    site_code = str(payload.get("site_code", ""))
    rows = uow.session.execute(select(MonthlyReport.month, MonthlyReport.language, MonthlyReport.pdf)
                               .where(MonthlyReport.id.in_(ids)).order_by(MonthlyReport.language.desc())).all()
    return tuple(FileAttachment(file_name(site_code, month, language), pdf) for month, language, pdf in rows)
