"""Reports for the front-desk supervisor: the visit log as a spreadsheet Excel opens as it is.

Excel on a Chinese Windows reads a CSV without a byte-order mark as GBK and
garbles UTF-8, so the file starts with one. Times are local to the site.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.models import Host, Visit
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.visits.visit_log import VisitSummary, summarize

VISIT_COLUMNS = (
    "date", "visitor", "company", "host", "department", "purpose", "status", "checked in", "checked out",
)
# A cell starting with one of these is a formula to Excel; a visitor types their own name at the kiosk.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LOCAL_TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class VisitReport:
    first_day: date
    last_day: date
    timezone: str
    visits: list[VisitSummary]


def visits_between(uow: UnitOfWork, *, site_code: str, first_day: date, last_day: date) -> VisitReport:
    """Every visit at the site dated ``first_day`` to ``last_day`` (both included), oldest first."""
    if last_day < first_day:
        raise ValidationFailed([FieldError("to", "before_start", "the last day is before the first day")])
    site = get_site(uow, site_code)
    query = (
        select(Visit)
        .where(Visit.site_id == site.id, Visit.visit_date >= first_day, Visit.visit_date <= last_day)
        .options(joinedload(Visit.visitor), joinedload(Visit.host).joinedload(Host.department))
        .order_by(Visit.visit_date, Visit.created_at, Visit.id)
    )
    rows = [summarize(visit) for visit in uow.session.scalars(query).unique()]
    return VisitReport(first_day, last_day, site.timezone, rows)


def visits_csv(report: VisitReport) -> bytes:
    """The report as CSV bytes: UTF-8 with BOM, CRLF line ends, one row per visit."""
    zone = ZoneInfo(report.timezone)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(VISIT_COLUMNS)
    for visit in report.visits:
        writer.writerow([
            visit.visit_date.isoformat(), _cell(visit.visitor_name), _cell(visit.company),
            _cell(visit.host_name), _cell(visit.department), visit.purpose, visit.status,
            _local(visit.checked_in_at, zone), _local(visit.checked_out_at, zone),
        ])
    return buffer.getvalue().encode("utf-8-sig")


def _local(instant: datetime | None, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime(LOCAL_TIME_FORMAT) if instant else ""


def _cell(text: str) -> str:
    """Typed text made inert for spreadsheets (CSV injection): a leading quote shows, but never runs."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
