"""The desk's phone messages and transfers: take a message (the colleague told at once with a "got it" link),
log a transfer, list them by status and day, one in full, and move them on (acknowledged, called back,
closed; a transfer resolved or not). Every role may: it is daily work.

Acting as the person signed in (``actor``), one unit of work per call; the records page and its quick form
import the value types from here. ``remind_minutes`` is ``[records] message_remind_minutes``: when an
unacknowledged message (or an unasked transfer) counts as overdue.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.desk import messages
from kiosk.services.desk.message_records import (
    OPEN,
    CallKind,
    MessageCounts,
    MessageDetail,
    MessageEvent,
    MessageForm,
    MessageQuery,
    MessageRow,
    MessageStatus,
    NoticeLine,
    TimelineEntry,
    TransferForm,
    Urgency,
)
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import DepartmentChoice, HostSummary

__all__ = [
    "OPEN", "CallKind", "DepartmentChoice", "DeskMessagesGateway", "HostSummary", "MessageCounts", "MessageDetail",
    "MessageEvent", "MessageForm", "MessageQuery", "MessageRow", "MessageStatus", "NoticeLine", "TimelineEntry",
    "TransferForm", "Urgency",
]

HOSTS_SHOWN = 12


@dataclass
class DeskMessagesGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    remind_minutes: int = 30

    # -- taking a call -------------------------------------------------------------------------------------

    def add_message(self, form: MessageForm) -> MessageRow:
        """ValidationFailed names every field at once; nothing is saved or sent then."""
        with self.database.unit_of_work(self.actor) as uow:
            return messages.add_message(uow, self.site_code, form)

    def add_transfer(self, form: TransferForm) -> MessageRow:
        with self.database.unit_of_work(self.actor) as uow:
            return messages.add_transfer(uow, self.site_code, form)

    def search_hosts(self, text: str) -> list[HostSummary]:
        """Colleagues by name, full pinyin or initials (张伟: ``zhangwei``, ``zw``), the best first."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.search_hosts(uow, text, limit=HOSTS_SHOWN)

    def departments(self) -> list[DepartmentChoice]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.department_choices(uow)

    # -- reading -------------------------------------------------------------------------------------------

    def messages(self, query: MessageQuery | None = None) -> list[MessageRow]:
        """Newest first."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return messages.list_messages(uow, self.site_code, query, remind_minutes=self.remind_minutes)

    def detail(self, message_id: int) -> MessageDetail:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return messages.message_detail(uow, message_id, remind_minutes=self.remind_minutes)

    def counts(self) -> MessageCounts:
        """Waiting, urgent and overdue messages: the records page's badge."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return messages.counts(uow, self.site_code, remind_minutes=self.remind_minutes)

    # -- what happens next ---------------------------------------------------------------------------------

    def acknowledge(self, message_id: int, version: int | None = None) -> MessageRow:
        """Conflict when it was acknowledged meanwhile (the colleague's link, another desk)."""
        with self.database.unit_of_work(self.actor) as uow:
            return messages.acknowledge(uow, message_id, version=version)

    def called_back(self, message_id: int, version: int | None = None) -> MessageRow:
        with self.database.unit_of_work(self.actor) as uow:
            return messages.called_back(uow, message_id, version=version)

    def close(self, message_id: int, version: int | None = None, note: str = "") -> MessageRow:
        with self.database.unit_of_work(self.actor) as uow:
            return messages.close(uow, message_id, version=version, note=note)

    def transfer_resolved(self, message_id: int, resolved: bool, version: int | None = None) -> MessageRow:
        with self.database.unit_of_work(self.actor) as uow:
            return messages.transfer_resolved(uow, message_id, resolved, version=version)
