"""The parcel log and the outgoing mail statement to a file: CSV (UTF-8 with BOM) or XLSX, by the file's
suffix, written as the visit export writes (``services/reports/visit_export.py``): a typed cell that would
start a formula is made inert in CSV and kept a string in XLSX, the rows are read ``CHUNK`` ids at a time,
and the file (0600, made beside the target and renamed over it) appears whole or not at all.

Times are local to the site; money is yuan with two decimals (the records hold integer cents).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from kiosk.db.uow import UnitOfWork
from kiosk.services.directory.sites import get_site
from kiosk.services.parcels import outgoing, parcel_log
from kiosk.services.parcels.records import ParcelQuery, ParcelRow, StatementLine
from kiosk.services.reports.visit_export import (
    _NOT_IN_XLSX,
    CHUNK,
    ExportFailed,
    ExportFormat,
    _local,
    write_atomically,
)
from kiosk.services.reports.visit_report import LOCAL_TIME_FORMAT, _cell

__all__ = [
    "PARCEL_COLUMNS", "STATEMENT_HEADERS", "ExportFailed", "ExportFormat", "export_parcels", "export_statement",
    "write_parcels", "write_statement", "yuan",
]

Value = str | int | Decimal | date | datetime | None


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[ParcelRow, ZoneInfo], Value]
    is_text: bool = False  # typed by a person (or a courier's label): inert in CSV, a string in XLSX


def yuan(cents: int) -> Decimal:
    """Integer cents as yuan with two decimals: 1250 → Decimal('12.50')."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def _text(header: str, get: Callable[[ParcelRow], str]) -> Column:
    return Column(header, lambda row, _zone: get(row), is_text=True)


PARCEL_COLUMNS: tuple[Column, ...] = (
    Column("id", lambda row, _z: row.parcel_id),
    Column("status", lambda row, _z: row.status.value),
    _text("tracking number", lambda row: row.tracking_no),
    Column("carrier", lambda row, _z: row.carrier_code),
    _text("recipient", lambda row: row.recipient_name),
    _text("department", lambda row: row.department),
    _text("shelf", lambda row: row.shelf),
    Column("pieces", lambda row, _z: row.pieces),
    Column("condition", lambda row, _z: row.condition.value),
    Column("COD (yuan)", lambda row, _z: yuan(row.cod_cents) if row.cod_cents else None),
    Column("COD reimbursed", lambda row, _z: ("yes" if row.cod_reimbursed else "no") if row.cod_cents else ""),
    Column("received", lambda row, zone: _local(row.received_at, zone)),
    Column("days waiting", lambda row, _z: row.days_waiting),
    Column("overdue", lambda row, _z: "yes" if row.overdue else ""),
    Column("picked up", lambda row, zone: _local(row.picked_up_at, zone)),
    _text("picked up by", lambda row: row.picked_up_by),
)

STATEMENT_HEADERS = ("month", "department", "carrier", "items", "fee (yuan)")


# -- writers -------------------------------------------------------------------------------------------------


def _csv_value(value: Value, is_text: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(LOCAL_TIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return _cell(value) if is_text else value
    return str(value)


def write_csv(headers: Sequence[str], text_columns: Sequence[bool], rows: Iterable[Sequence[Value]],
              target: IO[bytes]) -> int:
    """``rows`` under ``headers``; the columns flagged in ``text_columns`` are made inert. Rows written."""
    # Excel on a Chinese Windows reads a CSV without a byte-order mark as GBK.
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=False)
    count = 0
    try:
        writer = csv.writer(text)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_value(value, flag) for value, flag in zip(row, text_columns, strict=True)])
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller owns (and closes) the file
    return count


def write_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Value]], target: IO[bytes]) -> int:
    # Imported on first export: the desk starts without it. openpyxl ships no types.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))

    def cell(value: Value) -> Any:
        if isinstance(value, str):
            value = _NOT_IN_XLSX.sub("", value)
            if value.startswith("="):  # openpyxl would store it as a formula: make it a string cell
                string = WriteOnlyCell(sheet, value=value)
                string.data_type = "s"
                return string
        return value

    count = 0
    for row in rows:
        sheet.append([cell(value) for value in row])
        count += 1
    book.save(target)
    return count


def _write(export_format: ExportFormat, title: str, headers: Sequence[str], text_columns: Sequence[bool],
           rows: Iterable[Sequence[Value]], target: IO[bytes]) -> int:
    if export_format is ExportFormat.CSV:
        return write_csv(headers, text_columns, rows, target)
    return write_xlsx(title, headers, rows, target)


# -- the parcel log ------------------------------------------------------------------------------------------


def _parcel_rows(uow: UnitOfWork, ids: Sequence[int], reminder_days: int) -> Iterator[ParcelRow]:
    for start in range(0, len(ids), CHUNK):
        yield from parcel_log.parcel_rows(uow, ids[start:start + CHUNK], reminder_days=reminder_days)


def write_parcels(uow: UnitOfWork, site_code: str, query: ParcelQuery, target: IO[bytes],
                  export_format: ExportFormat, *, reminder_days: int) -> int:
    """The parcels ``query`` finds, in its order, to ``target``; the number of rows written.
    ``reminder_days``: the site's reminder rule (``[parcels] reminder_days``), which makes a parcel overdue."""
    zone = get_site(uow, site_code).zone
    ids = parcel_log.parcel_ids(uow, site_code, query, reminder_days=reminder_days)
    rows = ([column.value(row, zone) for column in PARCEL_COLUMNS] for row in _parcel_rows(uow, ids, reminder_days))
    return _write(export_format, "Parcels", [c.header for c in PARCEL_COLUMNS], [c.is_text for c in PARCEL_COLUMNS],
                  rows, target)


def export_parcels(uow: UnitOfWork, site_code: str, query: ParcelQuery, path: Path, *, reminder_days: int) -> int:
    """CSV or XLSX by ``path``'s suffix (anything else is refused before a file is made)."""
    chosen = ExportFormat.for_file(path.name)
    return write_atomically(path, lambda file: write_parcels(uow, site_code, query, file, chosen,
                                                             reminder_days=reminder_days))


# -- the outgoing mail statement -----------------------------------------------------------------------------


def _statement_rows(month: date, lines: Sequence[StatementLine]) -> Iterator[list[Value]]:
    label = month.strftime("%Y-%m")
    for line in lines:
        yield [label, line.department, line.carrier_code, line.items, yuan(line.fee_cents)]
    yield [label, "total", "", sum(line.items for line in lines), yuan(sum(line.fee_cents for line in lines))]


def write_statement(uow: UnitOfWork, site_code: str, month: date, target: IO[bytes],
                    export_format: ExportFormat) -> int:
    """The month's statement (``outgoing.statement``) and a total row; the number of statement lines
    written (the total not counted)."""
    lines = outgoing.statement(uow, site_code, month)
    _write(export_format, f"Mail {month:%Y-%m}", STATEMENT_HEADERS, (False, True, False, False, False),
           _statement_rows(month, lines), target)
    return len(lines)


def export_statement(uow: UnitOfWork, site_code: str, month: date, path: Path) -> int:
    chosen = ExportFormat.for_file(path.name)
    return write_atomically(path, lambda file: write_statement(uow, site_code, month, file, chosen))
