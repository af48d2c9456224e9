"""The desk's parcels and outgoing mail: receive (one or a batch), labels, pickup with a signature, the
unclaimed rules, returns, the parcel log, outgoing mail and its monthly statement.

Acting as the person signed in (``actor``), one unit of work per call; the views import the value types
from here. Lists follow the visitor log: ids sorted in SQL (``parcel_ids``), rows fetched for the ids on
screen (``parcel_rows``).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.parcels import carriers as carrier_list
from kiosk.services.parcels import exports, outgoing, parcel_log, pickup, receiving, unclaimed
from kiosk.services.parcels.pickup import AlreadyPickedUp
from kiosk.services.parcels.records import (
    CarrierView,
    MailForm,
    MailQuery,
    MailRow,
    MailStatus,
    ParcelCondition,
    ParcelDetail,
    ParcelForm,
    ParcelQuery,
    ParcelReceived,
    ParcelRow,
    ParcelSort,
    ParcelStatus,
    PickupRequest,
    RecipientChoice,
    RecipientKind,
    StatementLine,
    UnclaimedRun,
)

__all__ = [
    "AlreadyPickedUp", "CarrierView", "DeskParcelsGateway", "MailForm", "MailQuery", "MailRow", "MailStatus",
    "ParcelCondition",
    "ParcelDetail", "ParcelForm", "ParcelQuery", "ParcelReceived", "ParcelRow", "ParcelSort", "ParcelStatus",
    "PickupRequest", "RecipientChoice", "RecipientKind", "StatementLine", "UnclaimedRun",
]


@dataclass
class DeskParcelsGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    # The ``[kiosk] id`` of this desk: its shelf labels print on its printer ("" = no label printer).
    station: str = ""
    # ``[parcels] reminder_days``: a parcel waiting longer is overdue (the log's filter, the exports).
    reminder_days: int = 3
    # ``[parcels] return_days``: waiting this long, a parcel is on the return-to-carrier list.
    return_days: int = 7

    # -- receiving -----------------------------------------------------------------------------------------

    def carriers(self) -> list[CarrierView]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return carrier_list.list_carriers(uow)

    def save_carrier(self, carrier: CarrierView) -> CarrierView:
        """Add a carrier or edit the one with this code (ValidationFailed: a bad code, name or pattern)."""
        with self.database.unit_of_work(self.actor) as uow:
            return carrier_list.save_carrier(uow, carrier)

    def guess_carrier(self, tracking_no: str) -> str:
        """The carrier code whose pattern alone matches the whole number, else ""."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return carrier_list.guess(uow, tracking_no)

    def find_recipients(self, text: str, limit: int = 12) -> list[RecipientChoice]:
        """Hosts (with their departments) and departments matching ``text``; Reception always offered."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return receiving.find_recipients(uow, text, limit=limit)

    def receive(self, form: ParcelForm) -> ParcelReceived:
        """Log a parcel (or complete a courier's announcement): pickup code, label job, the recipient told.
        ValidationFailed (fields at once; damaged/wet without photo and note), Conflict (a tracking number
        already waiting at the desk)."""
        with self.database.unit_of_work(self.actor) as uow:
            return receiving.receive(uow, self.site_code, form, station=self.station)

    def announced(self) -> list[ParcelRow]:
        """Couriers' announcements from the kiosk that wait for the desk to complete them."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            ids = receiving.announced_ids(uow, self.site_code)
            return parcel_log.parcel_rows(uow, ids, reminder_days=self.reminder_days)

    def reprint_label(self, parcel_id: int) -> int:
        with self.database.unit_of_work(self.actor) as uow:
            return receiving.reprint_label(uow, parcel_id, station=self.station)

    # -- pickup --------------------------------------------------------------------------------------------

    def waiting_for_code(self, code: str) -> list[ParcelRow]:
        """Everything waiting for the recipient whose pickup code (typed or scanned) this is."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return pickup.waiting_for_code(uow, self.site_code, code, reminder_days=self.reminder_days)

    def waiting_for_recipient(self, recipient: RecipientChoice) -> list[ParcelRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return pickup.waiting_for_recipient(uow, self.site_code, recipient, reminder_days=self.reminder_days)

    def hand_over(self, request: PickupRequest) -> list[ParcelRow]:
        """Record the pickup of every parcel in the request at once, with the signature(s); the recipient
        (and, on someone's behalf, both people) told. Conflict "already picked up by X at T" when another
        desk was first (nothing recorded)."""
        with self.database.unit_of_work(self.actor) as uow:
            return pickup.hand_over(uow, self.site_code, request, reminder_days=self.reminder_days)

    # -- unclaimed and returns -----------------------------------------------------------------------------

    def run_unclaimed_rules(self) -> UnclaimedRun:
        with self.database.unit_of_work(self.actor) as uow:
            return unclaimed.run(uow, self.site_code, reminder_days=self.reminder_days, return_days=self.return_days)

    def mark_returned(self, parcel_id: int, receipt: str) -> ParcelRow:
        with self.database.unit_of_work(self.actor) as uow:
            return unclaimed.mark_returned(uow, parcel_id, receipt, reminder_days=self.reminder_days)

    def mark_cod_reimbursed(self, parcel_id: int) -> ParcelRow:
        with self.database.unit_of_work(self.actor) as uow:
            return unclaimed.mark_cod_reimbursed(uow, parcel_id, reminder_days=self.reminder_days)

    def cancel(self, parcel_id: int, reason: str) -> ParcelRow:
        with self.database.unit_of_work(self.actor) as uow:
            return receiving.cancel(uow, parcel_id, reason, reminder_days=self.reminder_days)

    # -- the parcel log ------------------------------------------------------------------------------------

    def parcel_ids(self, query: ParcelQuery, limit: int | None = None) -> array[int]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return parcel_log.parcel_ids(uow, self.site_code, query, reminder_days=self.reminder_days, limit=limit)

    def parcel_rows(self, ids: Sequence[int]) -> list[ParcelRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return parcel_log.parcel_rows(uow, ids, reminder_days=self.reminder_days)

    def parcel(self, parcel_id: int) -> ParcelDetail:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return parcel_log.parcel_detail(uow, parcel_id, reminder_days=self.reminder_days)

    def export_parcels(self, query: ParcelQuery, path: Path) -> int:
        """CSV or XLSX by the file's suffix; the number of rows written."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return exports.export_parcels(uow, self.site_code, query, path, reminder_days=self.reminder_days)

    # -- outgoing mail -------------------------------------------------------------------------------------

    def log_mail(self, form: MailForm) -> MailRow:
        """ValidationFailed names every wrong field; with both tracking and receipt numbers it is logged sent."""
        with self.database.unit_of_work(self.actor) as uow:
            return outgoing.log_mail(uow, self.site_code, form)

    def mark_mail_sent(self, mail_id: int, tracking_no: str, postage_receipt_no: str, fee_cents: int) -> MailRow:
        with self.database.unit_of_work(self.actor) as uow:
            return outgoing.mark_sent(uow, self.site_code, mail_id, tracking_no, postage_receipt_no, fee_cents)

    def cancel_mail(self, mail_id: int) -> MailRow:
        with self.database.unit_of_work(self.actor) as uow:
            return outgoing.cancel(uow, self.site_code, mail_id)

    def mail(self, query: MailQuery) -> list[MailRow]:
        """Newest first."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return outgoing.list_mail(uow, self.site_code, query)

    def statement(self, month: date) -> list[StatementLine]:
        """Per department and carrier, the mail logged in the site-local month holding ``month``."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return outgoing.statement(uow, self.site_code, month)

    def export_statement(self, month: date, path: Path) -> int:
        """CSV or XLSX by the file's suffix; the number of statement lines (a total row follows them)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return exports.export_statement(uow, self.site_code, month, path)

    def mail_item(self, mail_id: int) -> MailRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return outgoing.get_mail(uow, self.site_code, mail_id)

    def host_by_email(self, email: str) -> RecipientChoice:
        """The host with this e-mail address (NotFound otherwise): a parcel's recipient, a mail's sender."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return outgoing.host_choice(uow, email)

    def department_id(self, name: str) -> int:
        """The department named so (NotFound otherwise): ``MailForm.department_id``, ``MailQuery``."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return outgoing.department_id(uow, name)
