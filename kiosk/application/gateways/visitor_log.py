"""The desk's visitor log: visit ids for a query (sorted in SQL), rows for the ids on screen, exports.

One unit of work per call, read-only, acting as the person at the desk. The desk's table keeps
the ids (an array of int64: a million visits in 8 MB) and asks for the rows of the screenful it
shows; see ``kiosk/ui/desk/lazy_table.py``.

The view imports the query and row types from here (the UI reaches services through the
application layer): ``VisitQuery``, ``VisitSort``, ``VisitRow``, ``DepartmentOption``, ``ExportFormat``.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.db import Database
from kiosk.services.reports.visit_export import LOG_COLUMNS, ExportFormat, write_atomically, write_visits
from kiosk.services.visits import visit_log
from kiosk.services.visits.visit_log import DepartmentOption, PhoneShown, VisitQuery, VisitRow, VisitSort

__all__ = [
    "DepartmentOption", "ExportFormat", "ExportResult", "VisitQuery", "VisitRow", "VisitSort", "VisitorLogGateway",
]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    export_format: ExportFormat
    visits: int


@dataclass
class VisitorLogGateway:
    """What the Visitors view reads; ``actor`` names the person signed in at the desk."""

    database: Database
    site_code: str
    actor: str = "staff:reception"

    def ids(self, query: VisitQuery, limit: int | None = None) -> array[int]:
        """The matching visits' ids in the query's order; with ``limit``, only the first ones (a quick
        first screenful while the whole list is read)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visit_log.visit_ids(uow, self.site_code, query, limit=limit)

    def first_rows(self, query: VisitQuery, limit: int, rows: int) -> tuple[array[int], list[VisitRow]]:
        """The first ``limit`` ids and the rows of the first ``rows`` of them, in one unit of work:
        what the table paints first for a new search."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            ids = visit_log.visit_ids(uow, self.site_code, query, limit=limit)
            return ids, visit_log.visit_rows(uow, ids[:rows], phone=PhoneShown.CLEAR)

    def rows(self, ids: Sequence[int]) -> list[VisitRow]:
        """The rows of ``ids`` in that order (phone numbers in full, as on the roster); purged visits are left out."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visit_log.visit_rows(uow, ids, phone=PhoneShown.CLEAR)

    def departments(self) -> list[DepartmentOption]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visit_log.departments(uow)

    def export(self, ids: Sequence[int], path: Path | str, export_format: ExportFormat | None = None) -> ExportResult:
        """Write the visits ``ids`` to ``path`` as CSV or XLSX (by default from the file's extension).

        Phone numbers are masked (138****8000): the file leaves the desk. The file appears whole or
        not at all: it is written beside the target and renamed over it at the end.
        """
        target = Path(path)
        chosen = export_format or ExportFormat.for_file(target.name)
        with self.database.unit_of_work(self.actor, write=False) as uow:
            count = write_atomically(
                target, lambda file: write_visits(uow, self.site_code, ids, file, chosen, columns=LOG_COLUMNS))
        return ExportResult(target, chosen, count)

    def export_query(self, query: VisitQuery, path: Path | str,
                     export_format: ExportFormat | None = None) -> ExportResult:
        """Every visit ``query`` matches, in its order: the ids and the rows read in one unit of work."""
        target = Path(path)
        chosen = export_format or ExportFormat.for_file(target.name)
        with self.database.unit_of_work(self.actor, write=False) as uow:
            ids = visit_log.visit_ids(uow, self.site_code, query)
            count = write_atomically(
                target, lambda file: write_visits(uow, self.site_code, ids, file, chosen, columns=LOG_COLUMNS))
        return ExportResult(target, chosen, count)
