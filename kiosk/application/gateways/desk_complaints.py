"""The desk's complaints: record one (who, contact, what, when, channel; the department and person told), the
list by status with the overdue ones, the follow-up notes, pass it on, the outcome, the customer's
satisfaction (1-5, asked at the desk; a customer reached by e-mail can answer on a signed link), close.

Acting as the person signed in (``actor``), one unit of work per call; the views and kioskctl import the
value types from here. ``due_hours`` is ``[records] complaint_due_hours`` ("they will contact you within 24
hours").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.desk import complaint_lookups, complaints
from kiosk.services.desk.complaint_records import (
    UNRESOLVED,
    AssigneeChoice,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintForm,
    ComplaintNoteRow,
    ComplaintRow,
    ComplaintStatus,
    DepartmentChoice,
    SatisfactionVia,
)

__all__ = [
    "UNRESOLVED", "AssigneeChoice", "ComplaintChannel", "ComplaintDetail", "ComplaintForm", "ComplaintNoteRow",
    "ComplaintRow", "ComplaintStatus", "DepartmentChoice", "DeskComplaintsGateway", "SatisfactionVia",
]


@dataclass
class DeskComplaintsGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    due_hours: int = complaints.DEFAULT_DUE_HOURS

    # -- reading -------------------------------------------------------------------------------------------

    def complaints(self, statuses: Iterable[ComplaintStatus] = (), *, overdue_only: bool = False
                   ) -> list[ComplaintRow]:
        """Newest first; every status when ``statuses`` is empty."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return complaints.list_complaints(uow, self.site_code, list(statuses), overdue_only=overdue_only)

    def detail(self, complaint_id: int) -> ComplaintDetail:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return complaints.detail(uow, complaint_id)

    def departments(self) -> list[DepartmentChoice]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return complaint_lookups.departments(uow)

    def find_people(self, text: str) -> list[AssigneeChoice]:
        """Active hosts by name, pinyin, initials or e-mail: whom a complaint is passed to."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return complaint_lookups.find_people(uow, text)

    def department_for(self, ref: str) -> int:
        """A department's id from its id or name (NotFound otherwise)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return complaint_lookups.department_for(uow, ref)

    def person_for(self, email: str) -> int:
        """An active host's id from their e-mail address (NotFound otherwise)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return complaint_lookups.person_for(uow, email)

    # -- acting --------------------------------------------------------------------------------------------

    def add(self, form: ComplaintForm) -> ComplaintRow:
        """ValidationFailed names every wrong field at once; the department and person are told."""
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.add(uow, self.site_code, form, due_hours=self.due_hours)

    def assign(self, complaint_id: int, department_id: int | None, assignee_host_id: int | None,
               version: int | None = None) -> ComplaintRow:
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.assign(uow, complaint_id, department_id, assignee_host_id, version)

    def add_note(self, complaint_id: int, text: str) -> ComplaintNoteRow:
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.add_note(uow, complaint_id, text)

    def mark_in_progress(self, complaint_id: int, version: int | None = None) -> ComplaintRow:
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.mark_in_progress(uow, complaint_id, version)

    def resolve(self, complaint_id: int, resolution: str, version: int | None = None) -> ComplaintRow:
        """The outcome; a customer with an e-mail address is told it and asked to rate it by link."""
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.resolve(uow, complaint_id, resolution, version)

    def record_satisfaction(self, complaint_id: int, score: int, version: int | None = None) -> ComplaintRow:
        """The customer's answer as the desk heard it (1-5); the complaint closes."""
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.record_satisfaction(uow, complaint_id, score, SatisfactionVia.DESK, version)

    def close(self, complaint_id: int, version: int | None = None) -> ComplaintRow:
        """Closed without the customer's answer (not reached)."""
        with self.database.unit_of_work(self.actor) as uow:
            return complaints.close(uow, complaint_id, version)
