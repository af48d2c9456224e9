"""The phone-message views' words: statuses (a transfer's "resolved?"), kinds, the steps of the timeline, the
notices sent, each field's problem, one line for what went wrong; and their colours."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import phonenumbers
from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_messages import CallKind, MessageEvent, MessageRow, MessageStatus, Urgency
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed

translate = QCoreApplication.translate

URGENT = ("#b42318", "#fef3f2")  # foreground, background: urgent and not yet acknowledged
OVERDUE = ("#8a4b00", "#fff4e0")  # past its time without the next step
DONE = ("#52606d", "#f5f7fa")  # closed: greyed
STYLE = (
    'QLabel[role="badge"] { font-size: 14px; font-weight: 600; color: #b42318; background: #fef3f2;'
    " border: 1px solid #f3b4ae; border-radius: 13px; padding: 3px 12px; }"
    'QLabel[role="detailtitle"] { font-size: 18px; font-weight: 600; color: #1f2a33; }'
    'QLabel[role="detailtext"] { font-size: 15px; color: #1f2a33; }'
    'QLabel[role="steps"] { font-size: 14px; color: #52606d; background: #ffffff; border: 1px solid #e4e7eb;'
    " border-radius: 8px; padding: 8px 12px; }"
    'QLabel[role="matter"] { font-size: 15px; color: #1f2a33; background: #f5f7fa; border-radius: 8px;'
    " padding: 10px 12px; }"
    'QPushButton[role="mode"] { font-size: 15px; padding: 7px 18px; border: 1px solid #cbd2d9;'
    " border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    'QPushButton[role="mode"]:checked { background: #0b5d52; border-color: #0b5d52; color: #ffffff;'
    " font-weight: 600; }"
    "QPlainTextEdit { font-size: 15px; border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff;"
    " color: #1f2a33; padding: 4px 6px; }"
    'QPlainTextEdit[invalid="true"] { border-color: #b42318; }'
    "QDateTimeEdit { font-size: 15px; min-height: 34px; padding: 0 8px; border: 1px solid #cbd2d9;"
    " border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    "QDateTimeEdit::drop-down { subcontrol-origin: padding; subcontrol-position: center right; width: 26px;"
    " border: none; }"
    "QDateTimeEdit::down-arrow { image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);"
    " width: 12px; height: 12px; }"
    "QDateTimeEdit:disabled { background: #f5f7f8; color: #9aa5b1; }"
    # A combo box styled by a sheet draws its arrow only when told how (else a half-drawn button).
    "QComboBox::drop-down { subcontrol-origin: padding; subcontrol-position: center right; width: 26px;"
    " border: none; }"
    "QComboBox::down-arrow { image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);"
    " width: 12px; height: 12px; }"
)


def status_text(row: MessageRow) -> str:
    """A message's status; a transfer says whether the desk still has to ask "resolved?" and the answer."""
    if row.kind is CallKind.TRANSFER:
        if row.status is MessageStatus.CLOSED:
            if row.resolved is None:
                return translate("DeskRecords", "Transfer · closed")
            return translate("DeskRecords", "Transfer · resolved") if row.resolved \
                else translate("DeskRecords", "Transfer · not resolved")
        return translate("DeskRecords", "Transfer · resolved?")
    return {
        MessageStatus.NEW: translate("DeskRecords", "New"),
        MessageStatus.ACKNOWLEDGED: translate("DeskRecords", "Acknowledged"),
        MessageStatus.CALLED_BACK: translate("DeskRecords", "Called back"),
        MessageStatus.CLOSED: translate("DeskRecords", "Closed"),
    }.get(row.status, str(row.status))


def row_status(row: MessageRow) -> str:
    """The list's status cell: urgent and overdue said in words too, not only in colour."""
    parts = [status_text(row)]
    if row.urgency is Urgency.URGENT and row.status is not MessageStatus.CLOSED:
        parts.append(translate("DeskRecords", "urgent"))
    if row.overdue:
        parts.append(translate("DeskRecords", "overdue"))
    return " · ".join(parts)


def row_colours(row: MessageRow) -> tuple[str, str] | None:
    if row.status is MessageStatus.CLOSED:
        return DONE
    if row.urgency is Urgency.URGENT and row.waiting:
        return URGENT
    return OVERDUE if row.overdue else None


def kind_text(kind: CallKind) -> str:
    return translate("DeskRecords", "Message") if kind is CallKind.MESSAGE else translate("DeskRecords", "Transfer")


def number_text(phone: str) -> str:
    """As people dial it: a Chinese number the national way (139 1234 5678, 021 6234 5678), others with their
    country code (+1 415-555-0134); as stored when it cannot be read."""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    shown = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 86 else \
        phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, shown)


def caller_text(row: MessageRow) -> str:
    return f"{row.caller_name} · {row.caller_company}" if row.caller_company else row.caller_name


def for_text(row: MessageRow) -> str:
    if row.for_name and row.department:
        return f"{row.for_name} · {row.department}"
    return row.for_name or row.department


def event_text(event: MessageEvent) -> str:
    return {
        MessageEvent.RECEIVED: translate("DeskRecords", "Taken"),
        MessageEvent.REMINDED: translate("DeskRecords", "Colleague reminded"),
        MessageEvent.ESCALATED: translate("DeskRecords", "Passed to the department contact"),
        MessageEvent.ACKNOWLEDGED: translate("DeskRecords", "Acknowledged"),
        MessageEvent.CALLED_BACK: translate("DeskRecords", "Called back"),
        MessageEvent.RESOLVED: translate("DeskRecords", "Resolved"),
        MessageEvent.NOT_RESOLVED: translate("DeskRecords", "Not resolved"),
        MessageEvent.CLOSED: translate("DeskRecords", "Closed"),
    }.get(event, str(event))


def actor_text(actor: str) -> str:
    """``staff:amy`` → amy; ``host:zhang@x`` → zhang@x (their link); the clockwork stays unnamed."""
    kind, _, who = actor.partition(":")
    if kind == "host":
        return translate("DeskRecords", "{who} (link)").format(who=who)
    return "" if kind == "system" else (who or actor)


def notice_text(event: str, channel: str, recipient: str, status: str) -> str:
    what = {
        "message_for_you": translate("DeskRecords", "Message"),
        "message_reminder": translate("DeskRecords", "Reminder"),
        "message_escalated": translate("DeskRecords", "To the department contact"),
    }.get(event, event)
    how = {"email": translate("DeskRecords", "e-mail"), "chat": translate("DeskRecords", "chat")}.get(channel, channel)
    state = {
        "pending": translate("DeskRecords", "waiting to send"), "sending": translate("DeskRecords", "sending"),
        "sent": translate("DeskRecords", "sent"), "failed": translate("DeskRecords", "failed"),
    }.get(status, status)
    return translate("DeskRecords", "{what} · {how} → {recipient}: {state}").format(
        what=what, how=how, recipient=recipient, state=state)


def when_text(instant: datetime | None, zone: ZoneInfo, today: date) -> str:
    """``09:41`` today, ``06-14 09:41`` this year, else the full date: to the minute, at the site."""
    if instant is None:
        return ""
    local = instant.astimezone(zone)
    if local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%m-%d %H:%M") if local.year == today.year else local.strftime("%Y-%m-%d %H:%M")


def field_error_text(error: FieldError) -> str:
    if error.code == "required":
        return {
            "caller_name": translate("DeskRecords", "Enter the caller's name"),
            "phone": translate("DeskRecords", "Enter the number to call back"),
            "message": translate("DeskRecords", "Write down the message"),
            "for": translate("DeskRecords", "Choose the colleague or a department"),
        }.get(error.field, translate("DeskRecords", "This is required"))
    return {
        "invalid_phone": translate("DeskRecords", "This is not a valid phone number"),
        "too_long": translate("DeskRecords", "This is too long"),
        "bad_characters": translate("DeskRecords", "This contains characters that are not allowed"),
        "no_contact": translate("DeskRecords", "This department has no contact address; choose a colleague"),
        "invalid": translate("DeskRecords", "This colleague no longer works here; choose someone else"),
        "in_the_past": translate("DeskRecords", "This time has passed"),
        "too_late": translate("DeskRecords", "Promise a call back within 30 days"),
    }.get(error.code, translate("DeskRecords", "Please check this"))


def problem_text(error: ServiceError) -> str:
    if isinstance(error, ValidationFailed) and error.errors:
        return field_error_text(error.errors[0])
    if error.code == "already_acknowledged":
        return translate("DeskRecords", "Already acknowledged (perhaps by the colleague's link).")
    if error.code == "conflict":
        return translate("DeskRecords", "Someone changed this meanwhile; look again.")
    if error.code == "not_found":
        return translate("DeskRecords", "This message no longer exists.")
    return translate("DeskRecords", "That did not work: {error}").format(error=error.message)
