"""The plain data the complaint services take and give (the form as typed, rows, the detail).

Shared by ``services/desk/complaints.py``, the desk gateway (``application/gateways/desk_complaints.py``),
the desk's complaints view and ``kioskctl complaints``. Times are aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from kiosk.domain.front_desk import ComplaintChannel, ComplaintStatus

__all__ = [
    "UNRESOLVED", "AssigneeChoice", "ComplaintChannel", "ComplaintDetail", "ComplaintForm", "ComplaintNoteRow",
    "ComplaintRow", "ComplaintStatus", "DepartmentChoice", "SatisfactionVia",
]

# Still waiting for the department: these can be overdue (and are escalated once when they are).
UNRESOLVED = frozenset({ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS})


class SatisfactionVia(StrEnum):
    """How the customer's view of the outcome was asked (``complaints.satisfaction_via``)."""

    DESK = "desk"  # asked by the front desk (in person, on the phone)
    LINK = "link"  # the customer's own answer on the signed link in the outcome e-mail


@dataclass(frozen=True)
class ComplaintForm:
    """A complaint as the receptionist records it: who, how to reach them, what happened and when."""

    customer_name: str
    customer_contact: str  # a phone number or an e-mail address
    what: str
    happened_at: datetime | None = None  # None: not known (or just now)
    channel: ComplaintChannel = ComplaintChannel.IN_PERSON
    department_id: int | None = None  # the department responsible (default: the assignee's)
    assignee_host_id: int | None = None  # the person following it


@dataclass(frozen=True)
class ComplaintRow:
    complaint_id: int
    status: ComplaintStatus
    channel: ComplaintChannel
    customer_name: str
    customer_contact: str
    what: str
    happened_at: datetime | None
    department_id: int | None
    department: str
    assignee_host_id: int | None
    assignee: str
    created_at: datetime
    due_at: datetime
    overdue: bool  # still unresolved after its due time
    escalated_at: datetime | None
    satisfaction: int | None  # 1-5
    version: int


@dataclass(frozen=True)
class ComplaintNoteRow:
    note_id: int
    text: str
    written_at: datetime
    written_by: str


@dataclass(frozen=True)
class ComplaintDetail:
    complaint: ComplaintRow
    created_by: str
    resolution: str
    resolved_at: datetime | None
    resolved_by: str
    satisfaction_via: SatisfactionVia | None
    satisfaction_at: datetime | None
    closed_at: datetime | None
    # The outcome e-mail carries a signed link the customer rates it with (the contact is an e-mail address).
    rated_by_link: bool
    notes: list[ComplaintNoteRow] = field(default_factory=list)


@dataclass(frozen=True)
class DepartmentChoice:
    department_id: int
    name: str
    contact_email: str  # who is told of a complaint passed to the department ("" : nobody)


@dataclass(frozen=True)
class AssigneeChoice:
    host_id: int
    name: str
    department_id: int | None
    department: str
    email: str
