"""Phone messages and transfers at the front desk, as the rulebook has them.

* **A message**: the colleague did not answer, so the desk takes a message: caller, company, phone, the
  matter and the time (to the minute), for a colleague (or a department), urgent or not, and the call back
  promised. The colleague is told at once by e-mail and chat with a signed "got it" link; unacknowledged, they
  are reminded, then their department's contact is told (``message_notices.remind_and_escalate``).
  new → acknowledged (the link, or at the desk) → called back → closed.
* **A transfer**: the call was put through; logged with the same fields (when, to whom), then later the desk
  asks whether it was resolved (``transfer_resolved``), which closes it.

One action per call; each commits. Callers' details are personal data (``services/retention.py`` erases
them by phone and blanks them after ``[retention] days``); audit events hold ids and states only.
"""

from __future__ import annotations

import hmac
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.front_desk import CallKind, MessageStatus, Urgency
from kiosk.models import Department, Host, Site
from kiosk.models.front_desk import PhoneMessage
from kiosk.services import audit
from kiosk.services.desk.message_notices import (
    may_acknowledge_by_link,
    message_key,
    remind_and_escalate,
    tell_colleague,
)
from kiosk.services.desk.message_reading import (
    DEFAULT_REMIND_MINUTES,
    counts,
    get_message,
    list_messages,
    load,
    message_detail,
    to_row,
)
from kiosk.services.desk.message_records import OPEN, MessageForm, MessageRow, MessageTarget, TransferForm
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.text import COMPANY_MAX, NAME_MAX, NOTE_MAX, clean_text, normalise_email, normalise_phone

__all__ = [
    "acknowledge", "acknowledge_by_link", "add_message", "add_transfer", "bound_message", "called_back", "close",
    "counts", "get_message", "link_preview", "list_messages", "message_detail", "message_key",
    "remind_and_escalate", "target_for", "transfer_resolved",
]

MESSAGE_MAX = 2000
CALLBACK_MAX_DAYS = 30
ENTITY = "phone_message"


# -- taking a call ---------------------------------------------------------------------------------------


def _whom(uow: UnitOfWork, host_id: int | None, department_id: int | None, errors: list[FieldError]
          ) -> tuple[Host | None, Department | None]:
    """The host (active) and their department, or the department alone."""
    if host_id is not None:
        host = uow.session.get(Host, host_id)
        if host is None or not host.active:
            errors.append(FieldError("for", "invalid", "the colleague must be an active host"))
            return None, None
        department = uow.session.get(Department, host.department_id) if host.department_id else None
        return host, department
    if department_id is not None:
        department = uow.session.get(Department, department_id)
        if department is None:
            errors.append(FieldError("for", "invalid", f"no department {department_id}"))
        return None, department
    errors.append(FieldError("for", "required", "say whom the call is for: a colleague or a department"))
    return None, None


def _caller(form: MessageForm | TransferForm, errors: list[FieldError], *, phone_required: bool,
            message_required: bool) -> tuple[str, str, str, str]:
    name = clean_text(form.caller_name, "caller_name", max_len=NAME_MAX, required=True, errors=errors)
    company = clean_text(form.caller_company, "caller_company", max_len=COMPANY_MAX, errors=errors)
    phone = normalise_phone(form.phone, "phone", required=phone_required, errors=errors) or ""
    text = clean_text(form.message, "message", max_len=MESSAGE_MAX, required=message_required,
                      allow_newlines=True, errors=errors)
    return name, company, phone, text


def _new_row(uow: UnitOfWork, site_code: str, kind: CallKind, form: MessageForm | TransferForm,
             caller: tuple[str, str, str, str], host: Host | None, department: Department | None) -> PhoneMessage:
    name, company, phone, text = caller
    message = PhoneMessage(
        site_id=get_site(uow, site_code).id, kind=kind, status=MessageStatus.NEW, urgency=Urgency(form.urgency),
        caller_name=name, caller_company=company, caller_phone=phone, message=text,
        for_host_id=host.id if host is not None else None,
        for_department_id=department.id if department is not None else None,
        answered_in_time=bool(form.answered_in_time), received_at=uow.now(), received_by=uow.actor[:64],
        callback_promised_at=getattr(form, "callback_promised_at", None),
    )
    uow.session.add(message)
    uow.session.flush()
    return message


def add_message(uow: UnitOfWork, site_code: str, form: MessageForm) -> MessageRow:
    """A message taken; the colleague (or the department's contact) told at once. Every problem at once."""
    errors: list[FieldError] = []
    caller = _caller(form, errors, phone_required=True, message_required=True)
    host, department = _whom(uow, form.for_host_id, form.for_department_id, errors)
    if host is None and department is not None and not department.contact_email:
        errors.append(FieldError("for", "no_contact", f"{department.name} has no contact address to tell; "
                                                      "name a colleague"))
    promised = form.callback_promised_at
    if promised is not None:
        if promised.tzinfo is None:
            errors.append(FieldError("callback_promised_at", "invalid", "a call back time needs its time zone"))
        elif promised < uow.now().replace(second=0, microsecond=0):
            errors.append(FieldError("callback_promised_at", "in_the_past", "the call back time has passed"))
        elif promised > uow.now() + timedelta(days=CALLBACK_MAX_DAYS):
            errors.append(FieldError("callback_promised_at", "too_late",
                                     f"a call back is promised within {CALLBACK_MAX_DAYS} days"))
    if errors:
        raise ValidationFailed(errors)
    message = _new_row(uow, site_code, CallKind.MESSAGE, form, caller, host, department)
    notices = tell_colleague(uow, message)
    audit.record(uow, "phone_message.created", ENTITY, message.id, after={
        "kind": CallKind.MESSAGE.value, "urgency": message.urgency.value, "for_host_id": message.for_host_id,
        "for_department_id": message.for_department_id, "notices": notices})
    uow.commit()
    return to_row(uow, message, uow.now(), DEFAULT_REMIND_MINUTES)


def add_transfer(uow: UnitOfWork, site_code: str, form: TransferForm) -> MessageRow:
    """A call put through, logged (when, to whom); nobody is told: the colleague took the call."""
    errors: list[FieldError] = []
    caller = _caller(form, errors, phone_required=False, message_required=False)
    host, department = _whom(uow, form.for_host_id, form.for_department_id, errors)
    if errors:
        raise ValidationFailed(errors)
    message = _new_row(uow, site_code, CallKind.TRANSFER, form, caller, host, department)
    audit.record(uow, "phone_message.created", ENTITY, message.id, after={
        "kind": CallKind.TRANSFER.value, "for_host_id": message.for_host_id,
        "for_department_id": message.for_department_id})
    uow.commit()
    return to_row(uow, message, uow.now(), DEFAULT_REMIND_MINUTES)


def target_for(uow: UnitOfWork, text: str) -> MessageTarget:
    """An active host by e-mail address, else a department by its exact name (NotFound)."""
    wanted = (text or "").strip()
    if "@" in wanted:
        email = normalise_email(wanted, "for", required=True) or ""
        host = uow.session.scalar(select(Host).where(Host.email == email, Host.active.is_(True)))
        if host is None:
            raise NotFound(f"no active host with e-mail {email}")
        return MessageTarget(host_id=host.id, department_id=host.department_id)
    department_id = uow.session.scalar(select(Department.id).where(Department.name == wanted))
    if department_id is None:
        raise NotFound(f"no department named {wanted!r}")
    return MessageTarget(host_id=None, department_id=int(department_id))


# -- what happens next ---------------------------------------------------------------------------------


def _open(uow: UnitOfWork, message_id: int, version: int | None, kind: CallKind | None) -> PhoneMessage:
    message = load(uow, message_id, lock=True)
    if version is not None and message.version != version:
        raise Conflict(f"message {message_id} was changed meanwhile; look again")
    if kind is not None and message.kind != kind:
        what = "a message" if kind is CallKind.MESSAGE else "a transfer"
        raise Conflict(f"{message_id} is not {what}", code=f"not_a_{kind.value}")
    return message


def _done(uow: UnitOfWork, message: PhoneMessage, action: str, before: MessageStatus) -> MessageRow:
    message.version += 1
    audit.record(uow, f"phone_message.{action}", ENTITY, message.id,
                 before={"status": before.value}, after={"status": MessageStatus(message.status).value})
    uow.commit()
    return to_row(uow, message, uow.now(), DEFAULT_REMIND_MINUTES)


def acknowledge(uow: UnitOfWork, message_id: int, *, version: int | None = None) -> MessageRow:
    """The colleague got the message (at the desk, or their "got it" link: ``uow.actor`` says which)."""
    message = _open(uow, message_id, version, CallKind.MESSAGE)
    before = MessageStatus(message.status)
    if before is not MessageStatus.NEW:
        raise Conflict(f"message {message_id} was already acknowledged", code="already_acknowledged")
    message.status = MessageStatus.ACKNOWLEDGED
    message.acknowledged_at, message.acknowledged_by = uow.now(), uow.actor[:64]
    return _done(uow, message, "acknowledged", before)


def called_back(uow: UnitOfWork, message_id: int, *, version: int | None = None) -> MessageRow:
    """The caller has been called back (which also says the message was received)."""
    message = _open(uow, message_id, version, CallKind.MESSAGE)
    before = MessageStatus(message.status)
    if before not in OPEN:
        raise Conflict(f"message {message_id} is already {before.value}", code="not_open")
    if message.acknowledged_at is None:
        message.acknowledged_at, message.acknowledged_by = uow.now(), uow.actor[:64]
    message.status, message.called_back_at = MessageStatus.CALLED_BACK, uow.now()
    return _done(uow, message, "called_back", before)


def close(uow: UnitOfWork, message_id: int, *, version: int | None = None, note: str = "") -> MessageRow:
    """Nothing more to do about it (a note may say why)."""
    message = _open(uow, message_id, version, None)
    before = MessageStatus(message.status)
    if before is MessageStatus.CLOSED:
        raise Conflict(f"message {message_id} is already closed", code="already_closed")
    message.note = clean_text(note, "note", max_len=NOTE_MAX) or message.note
    message.status, message.closed_at = MessageStatus.CLOSED, uow.now()
    return _done(uow, message, "closed", before)


def transfer_resolved(uow: UnitOfWork, message_id: int, resolved: bool, *, version: int | None = None
                      ) -> MessageRow:
    """The answer to "was the transferred call resolved?"; the transfer is closed either way (when it was not,
    the desk takes a message for a call back)."""
    message = _open(uow, message_id, version, CallKind.TRANSFER)
    before = MessageStatus(message.status)
    if before not in OPEN:
        raise Conflict(f"transfer {message_id} is already {before.value}", code="not_open")
    message.resolved = bool(resolved)
    message.status, message.closed_at = MessageStatus.CLOSED, uow.now()
    return _done(uow, message, "resolved" if resolved else "not_resolved", before)


# -- the "got it" link (services/notifications/host_links.py, subject "message") -----------------------------


def bound_message(uow: UnitOfWork, message_id: int, key: str, email: str) -> PhoneMessage | None:
    """The message a link was made for, while the link's address is still its colleague's (or their department
    contact's); None otherwise (the link is stale)."""
    message = uow.session.get(PhoneMessage, message_id)
    if message is None or message.kind != CallKind.MESSAGE:
        return None
    if not hmac.compare_digest(key, message_key(message)) or not may_acknowledge_by_link(uow, message, email):
        return None
    return message


def acknowledge_by_link(uow: UnitOfWork, message_id: int) -> MessageRow:
    return acknowledge(uow, message_id)


def link_preview(uow: UnitOfWork, message: PhoneMessage) -> tuple[str, list[str]]:
    """Who called and the message (received when, the number to call back), for the link's page."""
    row = to_row(uow, message, uow.now(), DEFAULT_REMIND_MINUTES)
    site = uow.session.get(Site, message.site_id)
    site_zone = ZoneInfo(site.timezone if site is not None else "UTC")
    received = f"{row.received_at.astimezone(site_zone):%Y-%m-%d %H:%M}"
    caller = f"{row.caller_name}（{row.caller_company}）" if row.caller_company else row.caller_name
    lines = [received, row.caller_phone, row.message]
    if row.callback_promised_at is not None:
        lines.append(f"→ {row.callback_promised_at.astimezone(site_zone):%Y-%m-%d %H:%M}")
    return caller, [line for line in lines if line]

