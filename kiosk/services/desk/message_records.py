"""The plain data the phone-message services take and give (the forms as typed, rows, the detail).

Shared by ``services/desk/messages.py``, the desk gateway (``application/gateways/desk_messages.py``), the
desk's records page (``ui/desk/records/messages.py``) and ``kioskctl messages``. Times are aware UTC; the
desk and kioskctl show them to the minute in the site's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from kiosk.domain.front_desk import CallKind, MessageStatus, Urgency

__all__ = [
    "OPEN", "CallKind", "FollowUpRun", "MessageCounts", "MessageDetail", "MessageEvent", "MessageForm",
    "MessageQuery", "MessageRow", "MessageStatus", "MessageTarget", "NoticeLine", "TimelineEntry", "TransferForm",
    "Urgency",
]

# Still something to do: a message not yet called back or closed, a transfer not yet asked about.
OPEN = frozenset({MessageStatus.NEW, MessageStatus.ACKNOWLEDGED})


@dataclass(frozen=True)
class MessageForm:
    """A message taken for a colleague who did not answer: who called, how to call them back, the matter.

    For whom: a host (their department is kept too, for its contact) or, with no host, a department."""

    caller_name: str
    phone: str
    message: str
    caller_company: str = ""
    for_host_id: int | None = None
    for_department_id: int | None = None
    urgency: Urgency = Urgency.NORMAL
    callback_promised_at: datetime | None = None  # the call back the desk promised the caller
    answered_in_time: bool = True  # the desk picked the call up in time (the calls-answered figure)


@dataclass(frozen=True)
class TransferForm:
    """A call put through to a colleague, logged with the same fields (the phone and matter optional)."""

    caller_name: str
    for_host_id: int | None = None
    for_department_id: int | None = None
    phone: str = ""
    caller_company: str = ""
    message: str = ""  # the matter, as the caller put it
    urgency: Urgency = Urgency.NORMAL
    answered_in_time: bool = True


@dataclass(frozen=True)
class MessageTarget:
    """Whom ``kioskctl messages add --for`` names: a host by e-mail, or a department by name."""

    host_id: int | None
    department_id: int | None


@dataclass(frozen=True)
class MessageQuery:
    """Every status when ``statuses`` is empty; ``day``: received on that site-local day."""

    statuses: frozenset[MessageStatus] = frozenset()
    day: date | None = None
    kind: CallKind | None = None
    limit: int = 500


@dataclass(frozen=True)
class MessageRow:
    message_id: int
    kind: CallKind
    status: MessageStatus
    urgency: Urgency
    caller_name: str
    caller_company: str
    caller_phone: str
    for_host_id: int | None
    for_name: str  # the host's name ("" for a department's message)
    department_id: int | None
    department: str
    message: str
    received_at: datetime
    received_by: str
    callback_promised_at: datetime | None
    acknowledged_at: datetime | None
    acknowledged_by: str
    reminded_at: datetime | None
    escalated_at: datetime | None
    called_back_at: datetime | None
    closed_at: datetime | None
    resolved: bool | None  # a transfer: asked later whether it was resolved (None: not asked yet)
    answered_in_time: bool
    # Past the reminder time without its next step: a message nobody acknowledged, a transfer nobody asked
    # about; or a promised call back whose time has passed.
    overdue: bool
    version: int

    @property
    def waiting(self) -> bool:
        """A message the colleague has not acknowledged yet."""
        return self.kind is CallKind.MESSAGE and self.status is MessageStatus.NEW

    @property
    def asks_resolved(self) -> bool:
        """A transfer whose "was it resolved?" is still to be asked."""
        return self.kind is CallKind.TRANSFER and self.status in OPEN


class MessageEvent(StrEnum):
    """A step in a message's life, for the detail's timeline."""

    RECEIVED = "received"
    REMINDED = "reminded"
    ESCALATED = "escalated"
    ACKNOWLEDGED = "acknowledged"
    CALLED_BACK = "called_back"
    RESOLVED = "resolved"
    NOT_RESOLVED = "not_resolved"
    CLOSED = "closed"


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    event: MessageEvent
    by: str = ""  # an actor (``staff:amy``, ``host:zhang@...``, ``system:housekeeping``)


@dataclass(frozen=True)
class NoticeLine:
    """A notice the message sent: what, to whom, how far it got."""

    event: str  # message_for_you | message_reminder | message_escalated
    channel: str
    recipient: str
    status: str  # the outbox row's status: pending, sending, sent, failed
    created_at: datetime


@dataclass(frozen=True)
class MessageDetail:
    row: MessageRow
    timeline: tuple[TimelineEntry, ...] = ()
    notices: tuple[NoticeLine, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class MessageCounts:
    """What the records page's badge shows: messages nobody acknowledged, the urgent and overdue among them."""

    waiting: int = 0
    urgent: int = 0  # waiting and urgent
    overdue: int = 0  # open messages and transfers that are overdue (see ``MessageRow.overdue``)
    attention: int = 0  # open ones that are urgent and waiting, or overdue (each counted once)


@dataclass(frozen=True)
class FollowUpRun:
    """One housekeeping pass: the messages whose colleague was reminded and those passed to the department."""

    reminded: tuple[int, ...] = field(default_factory=tuple)
    escalated: tuple[int, ...] = field(default_factory=tuple)
