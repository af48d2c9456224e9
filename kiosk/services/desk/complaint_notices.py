"""Who hears of a complaint, and what the notice carries (``kiosk/notify/templates_complaints.py`` says it).

- ``complaint_assigned``: the department responsible (its contact address) and the person following it,
  when the complaint is recorded for them or passed to them;
- ``complaint_overdue``: the department contact and the supervisors' channel, once, when it is still
  unresolved at its due time (housekeeping's ``escalate_overdue``);
- ``complaint_outcome``: the customer, when their contact is an e-mail address, with the outcome and a
  signed link to say how satisfied they are (the dispatcher adds the link: ``host_links``, subject
  "complaint", bound to ``complaint_key``).

Times go into the payload already in the site's timezone (``YYYY-MM-DD HH:MM``), the same in both languages.
Payloads carry the customer's name and contact: retention erases and purges them with the complaint.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import Department, Host, Site
from kiosk.models.front_desk import Complaint
from kiosk.services import outbox

ASSIGNED, OVERDUE, OUTCOME = "complaint_assigned", "complaint_overdue", "complaint_outcome"
EVENTS = (ASSIGNED, OVERDUE, OUTCOME)


def complaint_key(complaint: Complaint) -> str:
    """What tells this complaint from any other that might carry its id, for the customer's link: its id,
    when it was recorded and the customer's contact (an erased contact makes old links stale)."""
    created = complaint.created_at.astimezone(UTC).isoformat()
    identity = f"complaint:{complaint.id}:{created}:{complaint.customer_contact}"
    return hashlib.sha256(identity.encode()).hexdigest()[:24]


def customer_email(complaint: Complaint) -> str:
    """The customer's e-mail address when that is how they are reached ("" for a phone number)."""
    return complaint.customer_contact if "@" in complaint.customer_contact else ""


def customer_language(name: str) -> str:
    """Chinese for a name written in Chinese characters, English otherwise (no column says it)."""
    return "zh_CN" if any("\u3400" <= ch <= "\u9fff" for ch in name) else "en"


def _local(instant: datetime | None, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M") if instant is not None else "—"


def payload(uow: UnitOfWork, complaint: Complaint, **extra: Any) -> dict[str, Any]:
    site = uow.session.get(Site, complaint.site_id)
    zone = ZoneInfo(site.timezone if site is not None else "UTC")
    department = uow.session.get(Department, complaint.department_id) if complaint.department_id else None
    assignee = uow.session.get(Host, complaint.assignee_host_id) if complaint.assignee_host_id else None
    return {
        "complaint_id": complaint.id, "customer_name": complaint.customer_name,
        "customer_contact": complaint.customer_contact, "what": complaint.what,
        "happened_text": _local(complaint.happened_at, zone), "recorded_text": _local(complaint.created_at, zone),
        "due_text": _local(complaint.due_at, zone), "department": department.name if department else "—",
        "assignee_name": assignee.name if assignee else "—", **extra,
    }


def _department_contact(uow: UnitOfWork, complaint: Complaint) -> str:
    department = uow.session.get(Department, complaint.department_id) if complaint.department_id else None
    return (department.contact_email or "") if department is not None else ""


def _tell_address(uow: UnitOfWork, address: str, event: str, body: dict[str, Any], key: str) -> int:
    """A host is told on every channel they have, in their language; another address by e-mail."""
    host = uow.session.scalar(select(Host).where(Host.email == address, Host.active.is_(True)))
    if host is not None:
        return outbox.notify_host(uow, host, event=event, payload=body, subject_key=key, visit_id=None)
    return int(outbox.enqueue(uow, event=event, channel=Channel.EMAIL, recipient=address, payload=body,
                              subject_key=key))


def tell_assigned(uow: UnitOfWork, complaint: Complaint) -> int:
    """The department contact and the assignee (each once, even when they are the same person)."""
    body = payload(uow, complaint)
    key = f"complaint:{complaint.id}:assigned:{complaint.version}"
    queued = 0
    contact = _department_contact(uow, complaint)
    if contact:
        queued += _tell_address(uow, contact, ASSIGNED, body, key)
    assignee = uow.session.get(Host, complaint.assignee_host_id) if complaint.assignee_host_id else None
    if assignee is not None and assignee.active and assignee.email != contact:
        queued += outbox.notify_host(uow, assignee, event=ASSIGNED, payload=body, subject_key=key, visit_id=None)
    return queued


def tell_overdue(uow: UnitOfWork, complaint: Complaint) -> int:
    body = payload(uow, complaint)
    key = f"complaint:{complaint.id}:overdue"
    queued = int(outbox.notify_supervisor(uow, event=OVERDUE, payload=body, subject_key=key))
    contact = _department_contact(uow, complaint)
    if contact:
        queued += _tell_address(uow, contact, OVERDUE, body, key)
    return queued


def tell_outcome(uow: UnitOfWork, complaint: Complaint) -> int:
    """The outcome to the customer by e-mail, asking how satisfied they are (0: no e-mail address)."""
    email = customer_email(complaint)
    if not email:
        return 0
    body = payload(uow, complaint, resolution=complaint.resolution, customer_email=email,
                   complaint_key=complaint_key(complaint))
    return int(outbox.enqueue(uow, event=OUTCOME, channel=Channel.EMAIL, recipient=email, payload=body,
                              subject_key=f"complaint:{complaint.id}:outcome",
                              language=customer_language(complaint.customer_name)))
