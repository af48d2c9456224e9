"""The supply cupboard's reports: consumption per department and month, stock value, slow movers, open
requisitions by age; to CSV or XLSX by the file's suffix.

* **Consumption**: what was issued to a department less what it gave back (ISSUED and RETURNED ledger
  lines carrying the department), per site-local month, in units and in value at the moving average
  cost the movements carried. Read one month at a time, summed in SQL (``ix_stock_movements_at``).
* **Stock value**: every active item's balance at moving average cost, and the total.
* **Slow movers**: active items in stock that nothing was issued of in the last N days (or ever).
* **Open requisitions**: pending approval, approved, partly issued; oldest first, with their age in
  site-local days and an age band.

The files are written as the parcel exports write theirs (``services/parcels/exports.py``): UTF-8 CSV
with a byte-order mark, typed text made inert, XLSX text kept as strings, 0600, whole or not at all.
Money is yuan with two decimals.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.supplies import MovementKind, RequisitionStatus
from kiosk.models.org import Department, Host
from kiosk.models.supplies import Requisition, RequisitionLine, StockMovement, SupplyItem
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.parcels.exports import Value, _write, yuan
from kiosk.services.reports.visit_export import ExportFormat, _local, write_atomically
from kiosk.services.supplies.records import ConsumptionLine

__all__ = [
    "OPEN_STATUSES", "ConsumptionLine", "OpenRequisitionLine", "SlowMover", "StockValue", "StockValueLine",
    "SupplyReport", "consumption", "export_report", "open_requisitions", "slow_movers", "stock_value",
    "write_report",
]

MAX_MONTHS = 60  # a report of five years at most: a typo guard (2062 for 2026)
DEFAULT_SLOW_DAYS = 90
OPEN_STATUSES = frozenset({RequisitionStatus.PENDING_APPROVAL, RequisitionStatus.APPROVED,
                           RequisitionStatus.PARTIALLY_ISSUED})
AGE_BANDS = ((2, "0-2 days"), (7, "3-7 days"), (30, "8-30 days"))
NO_DEPARTMENT = ""


class SupplyReport(StrEnum):
    CONSUMPTION = "consumption"
    STOCK_VALUE = "stock_value"
    SLOW_MOVERS = "slow_movers"
    OPEN_REQUISITIONS = "open_requisitions"


@dataclass(frozen=True)
class StockValueLine:
    item_id: int
    item_name: str
    specification: str
    unit: str
    category: str
    location: str
    on_hand: int
    average_cost_cents: int  # value / on hand, rounded; 0 for an empty shelf
    value_cents: int


@dataclass(frozen=True)
class StockValue:
    lines: list[StockValueLine]
    total_cents: int


@dataclass(frozen=True)
class SlowMover:
    item_id: int
    item_name: str
    specification: str
    unit: str
    location: str
    on_hand: int
    value_cents: int
    last_issued_at: datetime | None  # None: never issued
    days_since_issue: int | None


@dataclass(frozen=True)
class OpenRequisitionLine:
    requisition_id: int
    status: RequisitionStatus
    requester: str
    department: str
    purpose: str
    created_at: datetime
    age_days: int  # site-local calendar days since it was made
    age_band: str  # 0-2 days, 3-7 days, 8-30 days, over 30 days
    open_qty: int  # units asked and neither issued nor cancelled


# -- months ----------------------------------------------------------------------------------------------------


def _first(day: date) -> date:
    return day.replace(day=1)


def _next_month(month: date) -> date:
    return month.replace(year=month.year + 1, month=1) if month.month == 12 else month.replace(month=month.month + 1)


def _months(month_from: date, month_to: date) -> list[date]:
    first, last = _first(month_from), _first(month_to)
    if last < first:
        raise ValidationFailed([FieldError("to", "before_start", "the last month is before the first month")])
    months = [first]
    while months[-1] < last:
        months.append(_next_month(months[-1]))
        if len(months) > MAX_MONTHS:
            raise ValidationFailed([FieldError("to", "out_of_range", f"at most {MAX_MONTHS} months in one report")])
    return months


def _bounds(site: SiteInfo, month: date) -> tuple[datetime, datetime]:
    """The site-local month as UTC instants [start, end)."""
    return (site.local_instant(month, time()).astimezone(UTC),
            site.local_instant(_next_month(month), time()).astimezone(UTC))


# -- the reports -----------------------------------------------------------------------------------------------


def consumption(uow: UnitOfWork, site_code: str, month_from: date, month_to: date) -> list[ConsumptionLine]:
    """Issued less returned per site-local month, department and item (months, departments, items in
    order; a department and item that came to nothing in a month are left out)."""
    site = get_site(uow, site_code)
    lines: list[ConsumptionLine] = []
    used_qty = -func.sum(StockMovement.quantity)
    used_value = -func.sum(StockMovement.value_cents)
    for month in _months(month_from, month_to):
        start, end = _bounds(site, month)
        rows = uow.session.execute(
            select(Department.name, SupplyItem.name, SupplyItem.specification, SupplyItem.unit, used_qty, used_value)
            .join(Department, Department.id == StockMovement.department_id)
            .join(SupplyItem, SupplyItem.id == StockMovement.item_id)
            .where(StockMovement.at >= start, StockMovement.at < end,
                   StockMovement.kind.in_([MovementKind.ISSUED, MovementKind.RETURNED]),
                   StockMovement.department_id.is_not(None))
            .group_by(Department.name, SupplyItem.id, SupplyItem.name, SupplyItem.specification, SupplyItem.unit)
        ).all()
        month_lines = [
            ConsumptionLine(month=month, department=department,
                            item_name=f"{name} {spec}".strip() if spec else name, unit=unit,
                            quantity=int(quantity or 0), value_cents=int(value or 0))
            for department, name, spec, unit, quantity, value in rows if quantity or value
        ]
        lines += sorted(month_lines, key=lambda line: (line.department, line.item_name))
    return lines


def stock_value(uow: UnitOfWork) -> StockValue:
    """Every active item (and any inactive one still holding stock) at moving average cost, by category
    and name, with the total."""
    items = uow.session.scalars(
        select(SupplyItem).where((SupplyItem.active.is_(True)) | (SupplyItem.on_hand > 0))
        .order_by(SupplyItem.category, SupplyItem.name, SupplyItem.id)
    ).all()
    lines = [
        StockValueLine(item.id, item.name, item.specification, item.unit, item.category, item.location, item.on_hand,
                       (item.value_cents * 2 + item.on_hand) // (item.on_hand * 2) if item.on_hand else 0,
                       item.value_cents)
        for item in items
    ]
    return StockValue(lines, sum(line.value_cents for line in lines))


def slow_movers(uow: UnitOfWork, days: int = DEFAULT_SLOW_DAYS) -> list[SlowMover]:
    """Active items in stock that nothing was issued of in the last ``days`` days; never issued first,
    then the longest idle."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650:
        raise ValidationFailed([FieldError("days", "out_of_range", "a number of days from 1 to 3650")])
    now = uow.now()
    since = now - timedelta(days=days)
    last_issue = (
        select(StockMovement.item_id, func.max(StockMovement.at).label("last_at"))
        .where(StockMovement.kind == MovementKind.ISSUED).group_by(StockMovement.item_id).subquery()
    )
    rows = uow.session.execute(
        select(SupplyItem, last_issue.c.last_at).outerjoin(last_issue, last_issue.c.item_id == SupplyItem.id)
        .where(SupplyItem.active.is_(True), SupplyItem.on_hand > 0,
               (last_issue.c.last_at.is_(None)) | (last_issue.c.last_at < since))
        .order_by(SupplyItem.id)
    ).all()
    movers = []
    for item, last_at in rows:
        if last_at is not None and last_at.tzinfo is None:  # a raw aggregate on SQLite: naive UTC text
            last_at = (datetime.fromisoformat(last_at) if isinstance(last_at, str) else last_at).replace(tzinfo=UTC)
        movers.append(SlowMover(item.id, item.name, item.specification, item.unit, item.location, item.on_hand,
                                item.value_cents, last_at, None if last_at is None else (now - last_at).days))
    return sorted(movers, key=lambda m: (m.last_issued_at is not None, m.last_issued_at or now, m.item_name))


def _band(age_days: int) -> str:
    for limit, label in AGE_BANDS:
        if age_days <= limit:
            return label
    return f"over {AGE_BANDS[-1][0]} days"


def open_requisitions(uow: UnitOfWork, site_code: str) -> list[OpenRequisitionLine]:
    """Requisitions pending approval, approved or partly issued; oldest first."""
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    open_qty = (
        select(RequisitionLine.requisition_id,
               func.sum(RequisitionLine.quantity - RequisitionLine.issued_qty - RequisitionLine.cancelled_qty)
               .label("open_qty"))
        .group_by(RequisitionLine.requisition_id).subquery()
    )
    rows = uow.session.execute(
        select(Requisition, Host.name, Department.name, open_qty.c.open_qty)
        .join(Host, Host.id == Requisition.requester_host_id)
        .outerjoin(Department, Department.id == Requisition.department_id)
        .outerjoin(open_qty, open_qty.c.requisition_id == Requisition.id)
        .where(Requisition.site_id == site.id, Requisition.status.in_(OPEN_STATUSES))
        .order_by(Requisition.created_at, Requisition.id)
    ).all()
    lines = []
    for req, requester, department, quantity in rows:
        age = (today - site.local_date(req.created_at)).days
        lines.append(OpenRequisitionLine(req.id, req.status, requester, department or NO_DEPARTMENT, req.purpose,
                                         req.created_at, age, _band(age), int(quantity or 0)))
    return lines


# -- files -----------------------------------------------------------------------------------------------------

Table = tuple[str, Sequence[str], Sequence[bool], Iterator[Sequence[Value]]]


def _consumption_table(lines: list[ConsumptionLine]) -> Table:
    def rows() -> Iterator[Sequence[Value]]:
        for line in lines:
            yield [line.month.strftime("%Y-%m"), line.department, line.item_name, line.unit, line.quantity,
                   yuan(line.value_cents)]
        yield ["total", "", "", "", sum(line.quantity for line in lines), yuan(sum(line.value_cents for line in lines))]

    return ("Consumption", ("month", "department", "item", "unit", "quantity", "value (yuan)"),
            (False, True, True, True, False, False), rows())


def _value_table(value: StockValue) -> Table:
    def rows() -> Iterator[Sequence[Value]]:
        for line in value.lines:
            yield [line.item_id, line.item_name, line.specification, line.unit, line.category, line.location,
                   line.on_hand, yuan(line.average_cost_cents), yuan(line.value_cents)]
        yield ["total", "", "", "", "", "", sum(line.on_hand for line in value.lines), None, yuan(value.total_cents)]

    return ("Stock value", ("id", "item", "specification", "unit", "category", "location", "on hand",
                            "average cost (yuan)", "value (yuan)"),
            (False, True, True, True, True, True, False, False, False), rows())


def _slow_table(movers: list[SlowMover], site: SiteInfo) -> Table:
    rows = ([m.item_id, m.item_name, m.specification, m.unit, m.location, m.on_hand, yuan(m.value_cents),
             _local(m.last_issued_at, site.zone), "never" if m.days_since_issue is None else m.days_since_issue]
            for m in movers)
    return ("Slow movers", ("id", "item", "specification", "unit", "location", "on hand", "value (yuan)",
                            "last issued", "days since issue"),
            (False, True, True, True, True, False, False, False, False), rows)


def _open_table(lines: list[OpenRequisitionLine], site: SiteInfo) -> Table:
    rows = ([r.requisition_id, r.status.value, r.requester, r.department, r.purpose, _local(r.created_at, site.zone),
             r.age_days, r.age_band, r.open_qty] for r in lines)
    return ("Open requisitions", ("id", "status", "requester", "department", "purpose", "created", "age (days)",
                                  "age band", "open quantity"),
            (False, False, True, True, True, False, False, False, False), rows)


def write_report(uow: UnitOfWork, site_code: str, report: SupplyReport, target: IO[bytes],
                 export_format: ExportFormat, *, month_from: date | None = None, month_to: date | None = None,
                 slow_days: int = DEFAULT_SLOW_DAYS) -> int:
    """The report to ``target``; the number of lines written (a total row not counted). Consumption
    defaults to the current site-local month."""
    site = get_site(uow, site_code)
    table: Table
    if report is SupplyReport.CONSUMPTION:
        this_month = _first(site.local_date(uow.now()))
        first = month_from or month_to or this_month
        lines = consumption(uow, site_code, first, month_to or (first if month_from else this_month))
        table, count = _consumption_table(lines), len(lines)
    elif report is SupplyReport.STOCK_VALUE:
        value = stock_value(uow)
        table, count = _value_table(value), len(value.lines)
    elif report is SupplyReport.SLOW_MOVERS:
        movers = slow_movers(uow, slow_days)
        table, count = _slow_table(movers, site), len(movers)
    else:
        requisitions = open_requisitions(uow, site_code)
        table, count = _open_table(requisitions, site), len(requisitions)
    title, headers, text_columns, rows = table
    _write(export_format, title, headers, text_columns, rows, target)
    return count


def export_report(uow: UnitOfWork, site_code: str, report: SupplyReport | str, path: Path, *,
                  month_from: date | None = None, month_to: date | None = None,
                  slow_days: int = DEFAULT_SLOW_DAYS) -> int:
    """CSV or XLSX by ``path``'s suffix (anything else, or an unknown report, refused before a file is made)."""
    try:
        chosen_report = SupplyReport(report)
    except ValueError:
        raise ValidationFailed([FieldError("report", "unknown_report", f"{report}: not one of "
                                           f"{', '.join(r.value for r in SupplyReport)}")]) from None
    chosen = ExportFormat.for_file(path.name)
    return write_atomically(path, lambda file: write_report(uow, site_code, chosen_report, file, chosen,
                                                            month_from=month_from, month_to=month_to,
                                                            slow_days=slow_days))
