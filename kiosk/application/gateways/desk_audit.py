"""The desk's audit log: event ids for a query (newest first, sorted in SQL), rows for the ids on screen,
and what the filters offer.

One read-only unit of work per call, acting as the person signed in (``actor``, with their ``role``):
the service refuses anyone without ``Permission.AUDIT_LOG`` (``PolicyRefusal``, code ``not_allowed``),
whatever the screen shows. The view imports the value types from here (the UI reaches services
through the application layer): ``AuditQuery``, ``AuditRow``, ``AuditChoices``, ``Change``.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.db import Database
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.services import audit_log
from kiosk.services.audit_log import AuditChoices, AuditQuery, AuditRow, Change, details_text

__all__ = ["AuditChoices", "AuditQuery", "AuditRow", "Change", "DeskAuditGateway", "details_text"]


@dataclass
class DeskAuditGateway:
    """What the audit-log view reads (a ``TableSource`` for the lazy table)."""

    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST

    def may_read(self) -> bool:
        """Whether the person signed in may read the audit log: the desk shows the view only then."""
        return may(self.role, Permission.AUDIT_LOG)

    def ids(self, query: AuditQuery, limit: int | None = None) -> array[int]:
        """The matching events' ids, newest first; with ``limit``, only the first ones."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return audit_log.audit_ids(uow, self.site_code, query, role=self.role, limit=limit)

    def rows(self, ids: Sequence[int]) -> list[AuditRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return audit_log.audit_rows(uow, ids, role=self.role)

    def choices(self) -> AuditChoices:
        """The actors, actions and kinds of object recorded, for the filters' drop-downs."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return audit_log.audit_choices(uow, role=self.role)
