"""Reading phone messages: the desk's list (newest first, by status and day), one message in full (its
timeline and the notices it sent) and the counts the records page's badge shows.

"Overdue" is past ``remind_minutes`` without the next step: a message nobody acknowledged, a transfer nobody
asked about ("was it resolved?"), or an acknowledged message whose promised call back time has passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import CallKind, MessageStatus, Urgency
from kiosk.models import Department, Host, Notification
from kiosk.models.front_desk import PhoneMessage
from kiosk.services.desk.message_records import (
    OPEN,
    MessageCounts,
    MessageDetail,
    MessageEvent,
    MessageQuery,
    MessageRow,
    NoticeLine,
    TimelineEntry,
)
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import NotFound

DEFAULT_REMIND_MINUTES = 30
MESSAGE_EVENTS = ("message_for_you", "message_reminder", "message_escalated")
_SHOWN_MAX = 5000


def subject_key(message_id: int) -> str:
    """The outbox key's subject for a message's notices: ``message:<id>``."""
    return f"message:{message_id}"


def load(uow: UnitOfWork, message_id: int, *, lock: bool = False) -> PhoneMessage:
    query = select(PhoneMessage).where(PhoneMessage.id == message_id)
    if lock:
        # Two desks (or a desk and a link) on one message: the second waits, then sees the first's change.
        query = query.with_for_update().execution_options(populate_existing=True)
    message = uow.session.scalars(query).one_or_none()
    if message is None:
        raise NotFound(f"no phone message {message_id}")
    return message


def is_overdue(message: PhoneMessage, now: datetime, remind_minutes: int) -> bool:
    status = MessageStatus(message.status)
    if status not in OPEN:
        return False
    if message.kind == CallKind.MESSAGE and status is MessageStatus.ACKNOWLEDGED:
        promised = message.callback_promised_at
        return promised is not None and promised < now
    return message.received_at <= now - timedelta(minutes=remind_minutes)


def _overdue_clause(now: datetime, remind_minutes: int) -> ColumnElement[bool]:
    """``is_overdue`` in SQL, for the counts."""
    late = now - timedelta(minutes=remind_minutes)
    return or_(
        and_(PhoneMessage.status == MessageStatus.NEW, PhoneMessage.received_at <= late),
        and_(PhoneMessage.kind == CallKind.MESSAGE, PhoneMessage.status == MessageStatus.ACKNOWLEDGED,
             PhoneMessage.callback_promised_at.is_not(None), PhoneMessage.callback_promised_at < now),
    )


def to_row(uow: UnitOfWork, message: PhoneMessage, now: datetime, remind_minutes: int,
           hosts: dict[int, Host] | None = None, departments: dict[int, Department] | None = None) -> MessageRow:
    host = (hosts or {}).get(message.for_host_id or 0) or (
        uow.session.get(Host, message.for_host_id) if message.for_host_id else None)
    department = (departments or {}).get(message.for_department_id or 0) or (
        uow.session.get(Department, message.for_department_id) if message.for_department_id else None)
    return MessageRow(
        message_id=message.id, kind=CallKind(message.kind), status=MessageStatus(message.status),
        urgency=Urgency(message.urgency), caller_name=message.caller_name, caller_company=message.caller_company,
        caller_phone=message.caller_phone, for_host_id=message.for_host_id, for_name=host.name if host else "",
        department_id=message.for_department_id, department=department.name if department else "",
        message=message.message, received_at=message.received_at, received_by=message.received_by,
        callback_promised_at=message.callback_promised_at, acknowledged_at=message.acknowledged_at,
        acknowledged_by=message.acknowledged_by, reminded_at=message.reminded_at, escalated_at=message.escalated_at,
        called_back_at=message.called_back_at, closed_at=message.closed_at, resolved=message.resolved,
        answered_in_time=message.answered_in_time, overdue=is_overdue(message, now, remind_minutes),
        version=message.version,
    )


def _rows(uow: UnitOfWork, messages: Iterable[PhoneMessage], remind_minutes: int) -> list[MessageRow]:
    found = list(messages)
    host_ids = {m.for_host_id for m in found if m.for_host_id}
    department_ids = {m.for_department_id for m in found if m.for_department_id}
    hosts = {h.id: h for h in uow.session.scalars(select(Host).where(Host.id.in_(host_ids)))} if host_ids else {}
    departments = {d.id: d for d in uow.session.scalars(
        select(Department).where(Department.id.in_(department_ids)))} if department_ids else {}
    now = uow.now()
    return [to_row(uow, m, now, remind_minutes, hosts, departments) for m in found]


def list_messages(uow: UnitOfWork, site_code: str, query: MessageQuery | None = None, *,
                  remind_minutes: int = DEFAULT_REMIND_MINUTES) -> list[MessageRow]:
    """Newest first (time, then id): every status when ``query.statuses`` is empty."""
    query = query or MessageQuery()
    site = get_site(uow, site_code)
    statement = select(PhoneMessage).where(PhoneMessage.site_id == site.id)
    if query.statuses:
        statement = statement.where(PhoneMessage.status.in_(sorted(query.statuses)))
    if query.kind is not None:
        statement = statement.where(PhoneMessage.kind == query.kind)
    if query.day is not None:
        start = site.local_instant(query.day, time(0, 0))
        statement = statement.where(PhoneMessage.received_at >= start,
                                    PhoneMessage.received_at < start + timedelta(days=1))
    limit = max(1, min(query.limit, _SHOWN_MAX))
    statement = statement.order_by(PhoneMessage.received_at.desc(), PhoneMessage.id.desc()).limit(limit)
    return _rows(uow, uow.session.scalars(statement), remind_minutes)


def get_message(uow: UnitOfWork, message_id: int, *, remind_minutes: int = DEFAULT_REMIND_MINUTES) -> MessageRow:
    return to_row(uow, load(uow, message_id), uow.now(), remind_minutes)


def _timeline(message: PhoneMessage) -> tuple[TimelineEntry, ...]:
    steps = [TimelineEntry(message.received_at, MessageEvent.RECEIVED, message.received_by)]
    if message.reminded_at:
        steps.append(TimelineEntry(message.reminded_at, MessageEvent.REMINDED))
    if message.escalated_at:
        steps.append(TimelineEntry(message.escalated_at, MessageEvent.ESCALATED))
    if message.acknowledged_at:
        steps.append(TimelineEntry(message.acknowledged_at, MessageEvent.ACKNOWLEDGED, message.acknowledged_by))
    if message.called_back_at:
        steps.append(TimelineEntry(message.called_back_at, MessageEvent.CALLED_BACK))
    if message.closed_at:
        if message.resolved is not None:
            steps.append(TimelineEntry(message.closed_at, MessageEvent.RESOLVED if message.resolved
                                       else MessageEvent.NOT_RESOLVED))
        steps.append(TimelineEntry(message.closed_at, MessageEvent.CLOSED))
    return tuple(sorted(steps, key=lambda step: step.at))


def message_detail(uow: UnitOfWork, message_id: int, *, remind_minutes: int = DEFAULT_REMIND_MINUTES
                   ) -> MessageDetail:
    """The message with its timeline and the notices it sent (who was told, and whether it went out)."""
    message = load(uow, message_id)
    notices = uow.session.scalars(
        select(Notification).where(Notification.event.in_(MESSAGE_EVENTS),
                                   Notification.idempotency_key.like(f"%:{subject_key(message.id)}:%"))
        .order_by(Notification.created_at, Notification.id)).all()
    return MessageDetail(
        row=to_row(uow, message, uow.now(), remind_minutes), timeline=_timeline(message),
        notices=tuple(NoticeLine(n.event, n.channel, n.recipient, str(n.status), n.created_at) for n in notices),
        note=message.note,
    )


def counts(uow: UnitOfWork, site_code: str, *, remind_minutes: int = DEFAULT_REMIND_MINUTES) -> MessageCounts:
    """The badge: waiting (unacknowledged) messages, the urgent ones, the overdue ones; one small query."""
    site = get_site(uow, site_code)
    now = uow.now()
    waiting = and_(PhoneMessage.kind == CallKind.MESSAGE, PhoneMessage.status == MessageStatus.NEW)
    urgent = and_(waiting, PhoneMessage.urgency == Urgency.URGENT)
    overdue = _overdue_clause(now, remind_minutes)

    def number(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = uow.session.execute(select(number(waiting), number(urgent), number(overdue), number(or_(urgent, overdue)))
                              .where(PhoneMessage.site_id == site.id, PhoneMessage.status.in_(sorted(OPEN)))).one()
    return MessageCounts(waiting=int(row[0]), urgent=int(row[1]), overdue=int(row[2]), attention=int(row[3]))
