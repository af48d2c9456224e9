"""The desk's directory: hosts (daily work), the deny list and the agreement texts (the administrator's).

One unit of work per call, acting as the person signed in (``actor``, with their ``role``): the
services refuse what the role may not do (``PolicyRefusal``, code ``not_allowed``), whatever the
screen shows. The views import the value types from here (the UI reaches services through the
application layer): ``HostQuery``, ``HostSort``, ``HostsShown``, ``HostRow``, ``HostForm``,
``DepartmentChoice``, ``ImportReport``, ``RowProblem``, ``DenyEntryView``, ``DenyKind``,
``AgreementVersion``, ``AgreementText``.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.db import Database
from kiosk.domain.security import DenyKind, Permission, StaffRole, may
from kiosk.domain.visits import VisitorType
from kiosk.services.auth import StaffSession
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import (
    DepartmentChoice,
    HostForm,
    HostQuery,
    HostRow,
    HostSort,
    HostsShown,
    ImportReport,
    RowProblem,
)
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed
from kiosk.services.visits import agreements, denylist
from kiosk.services.visits.agreements import AgreementText, AgreementVersion
from kiosk.services.visits.denylist import DenyEntryView

__all__ = [
    "AgreementText", "AgreementVersion", "DenyEntryView", "DenyKind", "DepartmentChoice", "DeskDirectoryGateway",
    "HostForm", "HostQuery", "HostRow", "HostSort", "HostTable", "HostsShown", "ImportChunk", "ImportReport",
    "RowProblem",
    "VisitorType", "read_import_file",
]

# An HR export of 50,000 people is about 5 MB; anything much bigger is not a host list.
MAX_IMPORT_BYTES = 20 * 1024 * 1024
FILE_UNREADABLE = "file_unreadable"
# Between two chunks of a host import on SQLite: longer than a waiting writer's longest poll (0.1 s).
IMPORT_PAUSE_SECONDS = 0.12


@dataclass(frozen=True)
class ImportChunk:
    """One chunk of a host import saved: its number (from 1), its rows, and its transaction's seconds."""

    number: int
    rows: int
    seconds: float


def read_import_file(path: Path | str) -> bytes:
    """The file's bytes, or a ServiceError a person can act on (a missing file is not a bug)."""
    target = Path(path)
    try:
        if target.stat().st_size > MAX_IMPORT_BYTES:
            raise ValidationFailed([FieldError("file", "too_large", f"{target.name} is larger than 20 MB")])
        return target.read_bytes()
    except FileNotFoundError:
        raise ServiceError(f"{target}: no such file", code=FILE_UNREADABLE) from None
    except OSError as exc:
        raise ServiceError(f"{target}: {exc.strerror or exc}", code=FILE_UNREADABLE) from None


@dataclass
class DeskDirectoryGateway:
    """Hosts, the deny list and the agreement texts, acting as the person signed in."""

    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST

    @classmethod
    def for_session(cls, database: Database, site_code: str, session: StaffSession) -> DeskDirectoryGateway:
        """The gateway a signed-in person's views use: it acts as them, with their role."""
        return cls(database, site_code, actor=session.actor, role=session.role)

    def may(self, permission: Permission) -> bool:
        """Whether the person signed in may do this: the views show only what it allows."""
        return may(self.role, permission)

    # -- hosts ------------------------------------------------------------------------------------------------

    @property
    def hosts_table(self) -> HostTable:
        return HostTable(self)

    def host_ids(self, query: HostQuery, limit: int | None = None) -> array[int]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.host_ids(uow, query, limit=limit)

    def host_rows(self, ids: Sequence[int]) -> list[HostRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.host_rows(uow, ids)

    def host(self, host_id: int) -> HostRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.host_row(uow, host_id)

    def departments(self) -> list[DepartmentChoice]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.department_choices(uow)

    def add_host(self, form: HostForm) -> HostRow:
        with self.database.unit_of_work(self.actor) as uow:
            return hosts.create_host(uow, form)

    def edit_host(self, host_id: int, form: HostForm) -> HostRow:
        with self.database.unit_of_work(self.actor) as uow:
            return hosts.edit_host(uow, host_id, form)

    def deactivate_host(self, host_id: int) -> HostRow:
        with self.database.unit_of_work(self.actor) as uow:
            return hosts.deactivate_host(uow, host_id)

    def reactivate_host(self, host_id: int) -> HostRow:
        with self.database.unit_of_work(self.actor) as uow:
            return hosts.reactivate_host(uow, host_id)

    def import_hosts(
        self, path: Path | str, *, chunk_rows: int = hosts.IMPORT_CHUNK_ROWS,
        pause_seconds: float = IMPORT_PAUSE_SECONDS, on_chunk: Callable[[ImportChunk], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Add or update hosts from HR's CSV file: good lines are saved, the others reported by line.

        The whole file is read and checked first, outside any transaction; then its good lines are
        saved ``chunk_rows`` at a time, each chunk in a short transaction of its own, so on SQLite a
        kiosk's check-in waits for one chunk at most, never for the whole file. Upserts by e-mail: if
        the import is cut short, importing the file again gives the same hosts. ``on_chunk`` hears
        each chunk's rows and how long its transaction held the database. On SQLite the import pauses
        ``pause_seconds`` between chunks: a kiosk waiting for the lock polls it every 0.1 s at most,
        and chunks back to back would take it first every time. ``progress`` hears (lines saved, good lines).
        """
        data = read_import_file(path)
        plan = hosts.plan_host_import(data)
        report = ImportReport(problems=list(plan.problems))
        if plan.refused:
            return report
        for number, chunk in enumerate(plan.chunks(chunk_rows), start=1):
            started = time.perf_counter()
            with self.database.unit_of_work(self.actor) as uow:
                hosts.import_host_chunk(uow, chunk, report)
            held = time.perf_counter() - started
            if on_chunk is not None:
                on_chunk(ImportChunk(number, len(chunk), held))
            if progress is not None:
                progress(min(number * chunk_rows, len(plan.rows)), len(plan.rows))
            if pause_seconds and self.database.dialect == "sqlite":
                time.sleep(pause_seconds)
        with self.database.unit_of_work(self.actor) as uow:
            hosts.finish_host_import(uow, report)
        return report

    # -- the deny list ------------------------------------------------------------------------------------------

    def deny_entries(self) -> list[DenyEntryView]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return denylist.list_entries(uow, role=self.role)

    def add_deny_entry(self, kind: DenyKind, value: str, reason: str = "") -> int:
        with self.database.unit_of_work(self.actor) as uow:
            return denylist.add_entry(uow, kind, value, reason, role=self.role)

    def edit_deny_reason(self, entry_id: int, reason: str) -> DenyEntryView:
        with self.database.unit_of_work(self.actor) as uow:
            return denylist.edit_reason(uow, entry_id, reason, role=self.role)

    def remove_deny_entry(self, entry_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            denylist.remove_entry(uow, entry_id, role=self.role)

    # -- agreement texts ---------------------------------------------------------------------------------------

    def agreement_versions(self, visitor_type: VisitorType | None = None,
                           language: str | None = None) -> list[AgreementVersion]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return agreements.list_versions(uow, visitor_type=visitor_type, language=language)

    def publish_agreement(self, visitor_type: VisitorType, language: str, title: str, body: str) -> AgreementText:
        with self.database.unit_of_work(self.actor) as uow:
            return agreements.publish(uow, visitor_type=visitor_type, language=language, title=title, body=body,
                                      role=self.role)


@dataclass(frozen=True)
class HostTable:
    """The Hosts view's table source (``ids``/``rows``, as ``kiosk/ui/desk/lazy_table.py`` reads them)."""

    directory: DeskDirectoryGateway

    def ids(self, query: HostQuery, limit: int | None = None) -> array[int]:
        return self.directory.host_ids(query, limit)

    def rows(self, ids: Sequence[int]) -> list[HostRow]:
        return self.directory.host_rows(ids)
