"""Visits to a file: CSV (UTF-8 with BOM, as ``visit_report``) or XLSX, written a chunk at a time.

The desk exports what its visitor log holds (any selection, up to every visit); ``kioskctl
export visits`` writes the daily record the rules ask to be kept. Either way the rows are read
``CHUNK`` ids at a time and written as they come (openpyxl's write-only mode for XLSX), so a
million visits take as much memory as a thousand.

Typed text never runs: in CSV a cell that would start a formula gets a leading quote (as the
report does); in XLSX text cells are stored as strings, so Excel shows ``=HYPERLINK(...)`` as
those characters. Times are local to the site.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from kiosk.db.uow import UnitOfWork
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed
from kiosk.services.reports.visit_report import LOCAL_TIME_FORMAT, VISIT_COLUMNS, _cell
from kiosk.services.visits.visit_log import PhoneShown, VisitQuery, VisitRow, VisitSort, visit_ids, visit_rows

CHUNK = 1000
SHEET_TITLE = "Visits"
# Characters an XLSX file cannot hold (openpyxl refuses them): C0 controls but tab, newline, return.
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Value = str | date | datetime | None
Writer = Callable[[IO[bytes]], int]


class ExportFailed(ServiceError):
    """The file could not be written (no such folder, no permission, disk full)."""

    code = "export_failed"


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"

    @classmethod
    def for_file(cls, name: str, default: ExportFormat | None = None) -> ExportFormat:
        """The format a file name asks for by its extension (``.csv``, ``.xlsx``)."""
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        for member in cls:
            if suffix == member.value:
                return member
        if default is not None:
            return default
        raise ValidationFailed([FieldError("format", "unknown_format", f"{name}: not a .csv or .xlsx file name")])


@dataclass(frozen=True)
class ExportColumn:
    header: str
    value: Callable[[VisitRow, ZoneInfo], Value]
    is_text: bool = False  # typed by a person: made inert in CSV, kept a string in XLSX


def _local(instant: datetime | None, zone: ZoneInfo) -> datetime | None:
    """Local wall-clock time without a zone: what a spreadsheet shows (it has no zones)."""
    return instant.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0) if instant else None


def _text(get: Callable[[VisitRow], str], header: str) -> ExportColumn:
    return ExportColumn(header, lambda row, _zone: get(row), is_text=True)


# The daily record (``kioskctl export visits``): the report's columns, unchanged.
REPORT_COLUMNS: tuple[ExportColumn, ...] = tuple(
    ExportColumn(header, value, text)
    for header, (value, text) in zip(VISIT_COLUMNS, (
        (lambda row, _z: row.visit_date, False),
        (lambda row, _z: row.visitor_name, True),
        (lambda row, _z: row.company, True),
        (lambda row, _z: row.host_name, True),
        (lambda row, _z: row.department, True),
        (lambda row, _z: row.purpose.value, False),
        (lambda row, _z: row.status.value, False),
        (lambda row, zone: _local(row.checked_in_at, zone), False),
        (lambda row, zone: _local(row.checked_out_at, zone), False),
    ), strict=True)
)

# The desk's visitor log: the columns it shows.
LOG_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("date", lambda row, _z: row.visit_date),
    _text(lambda row: row.visitor_name, "visitor"),
    _text(lambda row: row.company, "company"),
    _text(lambda row: row.phone, "phone"),
    _text(lambda row: row.host_name, "host"),
    _text(lambda row: row.department, "department"),
    ExportColumn("visitor type", lambda row, _z: row.visitor_type.value),
    ExportColumn("purpose", lambda row, _z: row.purpose.value),
    ExportColumn("status", lambda row, _z: row.status.value),
    ExportColumn("expected", lambda row, zone: _local(row.expected_start, zone)),
    ExportColumn("checked in", lambda row, zone: _local(row.checked_in_at, zone)),
    ExportColumn("checked out", lambda row, zone: _local(row.checked_out_at, zone)),
)


def _rows(uow: UnitOfWork, ids: Sequence[int], phone: PhoneShown,
          progress: Callable[[int, int], None] | None) -> Iterator[VisitRow]:
    for start in range(0, len(ids), CHUNK):
        yield from visit_rows(uow, ids[start:start + CHUNK], phone=phone)
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))


def write_visits(
    uow: UnitOfWork, site_code: str, ids: Sequence[int], target: IO[bytes], export_format: ExportFormat, *,
    columns: Sequence[ExportColumn] = LOG_COLUMNS, phone: PhoneShown = PhoneShown.MASKED,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the visits ``ids`` (in that order) to ``target``; returns how many were written
    (visits purged since the ids were read are left out). ``progress`` hears (visits read, of all)."""
    zone = get_site(uow, site_code).zone
    rows = _rows(uow, ids, phone, progress)
    if export_format is ExportFormat.CSV:
        return _write_csv(rows, columns, zone, target)
    return _write_xlsx(rows, columns, zone, target)


def _csv_value(value: Value, column: ExportColumn) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(LOCAL_TIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    return _cell(value) if column.is_text else value


def _write_csv(rows: Iterator[VisitRow], columns: Sequence[ExportColumn], zone: ZoneInfo, target: IO[bytes]) -> int:
    # Excel on a Chinese Windows reads a CSV without a byte-order mark as GBK.
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=False)
    count = 0
    try:
        writer = csv.writer(text)
        writer.writerow([c.header for c in columns])
        for row in rows:
            writer.writerow([_csv_value(c.value(row, zone), c) for c in columns])
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller owns (and closes) the file
    return count


def _write_xlsx(rows: Iterator[VisitRow], columns: Sequence[ExportColumn], zone: ZoneInfo, target: IO[bytes]) -> int:
    # Imported on first export: the desk starts without it. openpyxl ships no types.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    sheet.append([c.header for c in columns])

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
        sheet.append([cell(c.value(row, zone)) for c in columns])
        count += 1
    book.save(target)
    return count


def report_ids(uow: UnitOfWork, site_code: str, first_day: date, last_day: date) -> Sequence[int]:
    """The visits dated ``first_day`` to ``last_day`` (both included), oldest first: the daily record."""
    if last_day < first_day:
        raise ValidationFailed([FieldError("to", "before_start", "the last day is before the first day")])
    query = VisitQuery(first_day=first_day, last_day=last_day, sort=VisitSort.DATE, descending=False)
    return visit_ids(uow, site_code, query)


def write_atomically(path: Path, write: Writer) -> int:
    """Run ``write`` on a new file beside ``path`` and rename it over ``path`` once complete: the
    file appears whole or not at all (an export cut short leaves no half spreadsheet behind)."""
    target = path.expanduser()
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as file:
            count = write(file)
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    return count
