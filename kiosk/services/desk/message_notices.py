"""What a phone message tells whom: the colleague at once (every channel they have), a reminder to them after
``[records] message_remind_minutes`` unacknowledged, and their department's contact after
``message_escalate_minutes`` (``Department.contact_email``). Each notice carries a signed "got it" link,
added by the dispatcher (``application/notification_loop.py``) and bound to ``link_email``.

A message for a department with no one named goes to the department's contact, who is then also the one
reminded. Each notice is queued once per message (the outbox's key); ``remind_and_escalate`` is the
housekeeping's every-minute job and marks what it did in the message's row, so a second pass does nothing.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import CallKind, MessageStatus, Urgency
from kiosk.models import Department, Host, Site
from kiosk.models.front_desk import PhoneMessage
from kiosk.services import audit, outbox
from kiosk.services.desk.message_reading import subject_key
from kiosk.services.desk.message_records import FollowUpRun

URGENT_MARK = {"urgent_zh": "【紧急】", "urgent_en": "[Urgent] "}


def message_key(message: PhoneMessage) -> str:
    """What tells this message from any other that might carry its id (the "got it" link is bound to it)."""
    received = message.received_at.astimezone(UTC).isoformat()
    identity = f"message:{message.id}:{received}:{message.for_host_id or ''}"
    return hashlib.sha256(identity.encode()).hexdigest()[:24]


def _contact(uow: UnitOfWork, message: PhoneMessage) -> str:
    """The department's contact address ("" when the message names no department, or it has none)."""
    if message.for_department_id is None:
        return ""
    department = uow.session.get(Department, message.for_department_id)
    return (department.contact_email or "") if department is not None else ""


def colleague_email(uow: UnitOfWork, message: PhoneMessage) -> str:
    """Whom the message is for, by address: the host's, or the department contact's for a department."""
    if message.for_host_id is not None:
        host = uow.session.get(Host, message.for_host_id)
        return host.email if host is not None else ""
    return _contact(uow, message)


def may_acknowledge_by_link(uow: UnitOfWork, message: PhoneMessage, email: str) -> bool:
    """The colleague, or their department's contact (the escalation's link), as they are now."""
    wanted = email.casefold()
    return any(address and address.casefold() == wanted
               for address in (colleague_email(uow, message), _contact(uow, message)))


def payload(uow: UnitOfWork, message: PhoneMessage, link_email: str, **extra: Any) -> dict[str, Any]:
    """The notice's fields: the times already in the site's zone, to the minute."""
    site = uow.session.get(Site, message.site_id)
    zone = ZoneInfo(site.timezone if site is not None else "UTC")
    host = uow.session.get(Host, message.for_host_id) if message.for_host_id else None
    department = uow.session.get(Department, message.for_department_id) if message.for_department_id else None
    urgent = message.urgency == Urgency.URGENT
    promised = message.callback_promised_at
    return {
        "message_id": message.id, "message_key": message_key(message), "link_email": link_email,
        "caller_name": message.caller_name, "company_text": message.caller_company or "—",
        "phone": message.caller_phone, "message": message.message,
        "for_name": host.name if host is not None else (department.name if department is not None else ""),
        "department": department.name if department is not None else "",
        "received_time": f"{message.received_at.astimezone(zone):%Y-%m-%d %H:%M}",
        "callback_text": f"{promised.astimezone(zone):%Y-%m-%d %H:%M}" if promised is not None else "—",
        **{key: mark if urgent else "" for key, mark in URGENT_MARK.items()},
        **extra,
    }


def _tell_address(uow: UnitOfWork, message: PhoneMessage, event: str, address: str, **extra: Any) -> int:
    """Every channel of the host with this address; else an e-mail to the address (a shared mailbox)."""
    host = uow.session.scalar(select(Host).where(Host.email == address, Host.active.is_(True)))
    fields = payload(uow, message, address, **extra)
    if host is not None:
        return outbox.notify_host(uow, host, event=event, payload=fields, subject_key=subject_key(message.id),
                                  visit_id=None)
    return int(outbox.enqueue(uow, event=event, channel="email", recipient=address, payload=fields,
                              subject_key=subject_key(message.id)))


def tell_colleague(uow: UnitOfWork, message: PhoneMessage, event: str = "message_for_you", **extra: Any) -> int:
    """The message (or its reminder) to the colleague; how many notices were queued."""
    if message.for_host_id is not None:
        host = uow.session.get(Host, message.for_host_id)
        if host is None:
            return 0
        return outbox.notify_host(uow, host, event=event, payload=payload(uow, message, host.email, **extra),
                                  subject_key=subject_key(message.id), visit_id=None)
    contact = _contact(uow, message)
    return _tell_address(uow, message, event, contact, **extra) if contact else 0


def remind_and_escalate(uow: UnitOfWork, remind_minutes: int, escalate_minutes: int) -> FollowUpRun:
    """Messages nobody acknowledged: the colleague reminded after ``remind_minutes``, the department's contact
    told after ``escalate_minutes`` (once each; nothing once the message is acknowledged). Commits."""
    now = uow.now()
    remind_before, escalate_before = now - timedelta(minutes=remind_minutes), now - timedelta(minutes=escalate_minutes)
    due = uow.session.scalars(
        select(PhoneMessage).where(
            PhoneMessage.kind == CallKind.MESSAGE, PhoneMessage.status == MessageStatus.NEW,
            or_(
                (PhoneMessage.reminded_at.is_(None)) & (PhoneMessage.received_at <= remind_before),
                (PhoneMessage.escalated_at.is_(None)) & (PhoneMessage.received_at <= escalate_before),
            ),
        ).order_by(PhoneMessage.id).with_for_update().execution_options(populate_existing=True)
    ).all()
    reminded: list[int] = []
    escalated: list[int] = []
    for message in due:
        if message.reminded_at is None and message.received_at <= remind_before:
            message.reminded_at = now
            queued = tell_colleague(uow, message, "message_reminder", minutes=remind_minutes)
            audit.record(uow, "phone_message.reminded", "phone_message", message.id,
                         after={"minutes": remind_minutes, "notices": queued})
            reminded.append(message.id)
        if message.escalated_at is None and message.received_at <= escalate_before:
            message.escalated_at = now
            contact = _contact(uow, message)
            queued = _tell_address(uow, message, "message_escalated", contact, minutes=escalate_minutes) \
                if contact else 0
            audit.record(uow, "phone_message.escalated", "phone_message", message.id,
                         after={"minutes": escalate_minutes, "notices": queued})
            escalated.append(message.id)
    uow.commit()
    return FollowUpRun(tuple(reminded), tuple(escalated))
