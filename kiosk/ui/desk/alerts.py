"""The Notices tab: reception's alerts and every notice that could not be sent, with a Retry button.

Rows are the outbox's ``NotificationView``s; failed ones come first (they need the desk),
the rest newest first. The page only shows and asks; the window runs the retry in a worker.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.notifications import Channel
from kiosk.services.notifications.sending import NotificationView
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.desk.board_models import Index, RowsModel
from kiosk.ui.desk.widgets import button, label, table

# Failed notices get the board's "needs you" tint; the rest stay quiet.
FAILED_COLOURS = ("#fde8e7", "#b42318")
ERROR_SHOWN = 120  # characters in the cell; the whole error is in the tooltip


def needs_retry(notice: NotificationView) -> bool:
    # A pending row with an error is backing off (up to an hour): the desk may send it now.
    return notice.status == "failed" or (notice.status == "pending" and bool(notice.last_error))


def merge_notices(alerts: list[NotificationView], failed: list[NotificationView]) -> list[NotificationView]:
    """One list, each notice once: failed first, then newest first (a failed alert is in both lists)."""
    by_id = {notice.id: notice for notice in [*alerts, *failed]}
    return sorted(by_id.values(), key=lambda n: (n.status != "failed", -n.id))


def other_notice_titles() -> dict[str, str]:
    """What the notices table calls the rest of the notices (a failed one shows here too)."""
    translate = QCoreApplication.translate
    return {
        "invitation_changed": translate("Desk", "Invitation change e-mail"),
        "delivery_arrived": translate("Desk", "Delivery at reception"),
        "delivery_for_host": translate("Desk", "Delivery notice to host"),
        "host_sign_in": translate("Desk", "Host's sign-in link"),
        "preregistration_request": translate("Desk", "Visit request to host"),
        "preregistration_approved": translate("Desk", "Visit request confirmed"),
        "preregistration_declined": translate("Desk", "Visit request declined"),
        "preregistration_expired": translate("Desk", "Visit request expired"),
        "preregistration_proposed": translate("Desk", "Another time proposed"),
        "parcel_arrived": translate("Desk", "Parcel arrival notice"),
        "parcel_reminder": translate("Desk", "Parcel reminder"),
        "parcel_picked_up": translate("Desk", "Parcel collected notice"),
        "parcel_returned": translate("Desk", "Parcel returned notice"),
        "requisition_submitted": translate("Desk", "Requisition sent for approval"),
        "requisition_approval_requested": translate("Desk", "Requisition approval request"),
        "requisition_approved": translate("Desk", "Requisition approved notice"),
        "requisition_declined": translate("Desk", "Requisition declined notice"),
        "requisition_issued": translate("Desk", "Supplies issued notice"),
        "requisition_cancelled": translate("Desk", "Requisition cancelled notice"),
        "supplies_low_stock": translate("Desk", "Low-stock digest"),
        "booking_created": translate("Desk", "Meeting invitation"),
        "booking_changed": translate("Desk", "Meeting change"),
        "booking_cancelled": translate("Desk", "Meeting cancellation"),
        "booking_displaced": translate("Desk", "Meeting displaced notice"),
        "booking_released": translate("Desk", "Room released notice"),
        "booking_reminder": translate("Desk", "Meeting confirmation request"),
        "booking_inspected": translate("Desk", "After-meeting summary"),
        "message_for_you": translate("Desk", "Phone message"),
        "message_reminder": translate("Desk", "Phone message reminder"),
        "message_escalated": translate("Desk", "Phone message to department"),
        "complaint_assigned": translate("Desk", "Complaint passed on"),
        "complaint_overdue": translate("Desk", "Complaint overdue"),
        "complaint_outcome": translate("Desk", "Complaint outcome to customer"),
        "monthly_report": translate("Desk", "Monthly report"),
    }


def notice_title(event: str) -> str:
    translate = QCoreApplication.translate
    return ({
        "deny_list_hit": translate("Desk", "Deny list match"),
        "host_unreachable": translate("Desk", "Host not answering"),
        "contact_left": translate("Desk", "Sales visitor left details"),
        "vip_arrived": translate("Desk", "VIP arrived"),
        "visitor_arrived": translate("Desk", "Arrival notice to host"),
        "consent_requested": translate("Desk", "Walk-in request to host"),
        "still_on_site": translate("Desk", "Still on site reminder"),
        "invitation_created": translate("Desk", "Invitation e-mail"),
        "invitation_cancelled": translate("Desk", "Cancellation e-mail"),
        "booking_prepare_alert": translate("Desk", "Meeting not prepared"),
        "room_damage_reported": translate("Desk", "Room out of order"),
    } | other_notice_titles()).get(event, event)


def room_details(notice: NotificationView) -> str:
    """A meeting room's alert: the room, the meeting and its start (site time), or the damage reported."""
    payload = notice.payload
    room = " ".join(str(part) for part in (payload.get("room_name"), payload.get("floor")) if part)
    if notice.event == "room_damage_reported":
        return " · ".join(part for part in (room, str(payload.get("what") or "")) if part)
    start = ""
    try:
        start = datetime.fromisoformat(str(payload.get("starts_at"))).astimezone(
            ZoneInfo(str(payload.get("site_timezone") or "UTC"))).strftime("%H:%M")
    except (ValueError, KeyError):
        pass
    prepared = QCoreApplication.translate("Desk", "{done} of {all} prepared").format(
        done=payload.get("prepared", 0), all=payload.get("to_prepare", 0))
    parts = (start, room, str(payload.get("topic") or ""), str(payload.get("organiser_name") or ""), prepared)
    return " · ".join(part for part in parts if part)


def notice_details(notice: NotificationView) -> str:
    payload = notice.payload
    if notice.event in ("booking_prepare_alert", "room_damage_reported"):
        return room_details(notice)
    if notice.event == "contact_left":
        parts = (payload.get(key) for key in ("name", "company", "phone", "note"))
        return " · ".join(str(part) for part in parts if part)
    visitor, host = str(payload.get("visitor_name") or ""), str(payload.get("host_name") or "")
    text = (QCoreApplication.translate("Desk", "{visitor} for {host}").format(visitor=visitor, host=host)
            if visitor and host else visitor or host)
    if notice.event == "deny_list_hit" and payload.get("reason"):
        text = f"{text} · {payload['reason']}"
    return text


def notice_status(status: str) -> str:
    translate = QCoreApplication.translate
    return {
        "pending": translate("Desk", "Waiting to send"), "sending": translate("Desk", "Sending"),
        "sent": translate("Desk", "Sent"), "failed": translate("Desk", "Failed"),
    }.get(status, status)


class NoticeTableModel(RowsModel):
    STATUS_COLUMN, ERROR_COLUMN = 4, 5

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(zone)
        # The site's local date: today's notices show a time, older failed ones a date as well.
        self.today: date | None = None

    def headers(self) -> list[str]:
        translate = QCoreApplication.translate
        return [translate("Desk", "Time"), translate("Desk", "Notice"), translate("Desk", "Details"),
                translate("Desk", "Sent to"), translate("Desk", "Status"), translate("Desk", "Last error")]

    def when(self, instant: datetime) -> str:
        local = instant.astimezone(self.zone)
        return local.strftime("%H:%M") if local.date() == self.today else local.strftime("%m-%d %H:%M")

    def cell(self, row: NotificationView, column: int) -> str:
        reception = row.channel == Channel.RECEPTION
        recipient = QCoreApplication.translate("Desk", "Reception") if reception else row.recipient
        error = row.last_error or ""
        values = (
            self.when(row.created_at), notice_title(row.event), notice_details(row), recipient,
            notice_status(row.status), error if len(error) <= ERROR_SHOWN else error[:ERROR_SHOWN] + "…",
        )
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: NotificationView = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.ERROR_COLUMN:
            return plain_tooltip(row.last_error) or None  # a mail server's words: "<amy@example.com>" stays
        if row.status == "failed" and index.column() == self.STATUS_COLUMN and role in (
            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
        ):
            return QColor(FAILED_COLOURS[0] if role == Qt.ItemDataRole.BackgroundRole else FAILED_COLOURS[1])
        if role == Qt.ItemDataRole.FontRole and needs_acknowledging(row):
            font = QFont()
            font.setBold(True)  # new: nobody at the desk has seen to it yet
            return font
        return super().data(index, role)

    def notice(self, row: int) -> NotificationView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, notice_id: int) -> int:
        return next((i for i, n in enumerate(self.rows) if n.id == notice_id), -1)


def needs_acknowledging(notice: NotificationView) -> bool:
    return notice.channel == Channel.RECEPTION and notice.acknowledged_at is None


class AlertsPage(QWidget):
    retry_requested = Signal(int)
    acknowledge_requested = Signal(int)

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.model = NoticeTableModel(zone)
        self.table = table(self.model)
        # One line per notice: a mail server's error can be long; the cell ends in "…" and the tooltip has it all.
        self.table.setWordWrap(False)
        self.retry_button = button(self.tr("Retry"), "primary")
        self.acknowledge_button = button(self.tr("Seen to"))
        self.acknowledge_button.setToolTip(self.tr("Mark the alert as dealt with: it no longer counts as new."))
        self.failed_count = label(role="count")
        hint = label(self.tr("Alerts for reception, and notices that could not be sent."), "muted")
        hint.setWordWrap(True)  # a hint may wrap; it must not set the desk's minimum width
        top = QHBoxLayout()
        top.addWidget(self.failed_count)
        top.addSpacing(12)
        top.addWidget(hint, 1)  # the hint takes the room (and wraps in it) rather than a stretch beside it
        top.addWidget(self.acknowledge_button)
        top.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.retry_button.clicked.connect(self._retry)
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self._update_button()

    def show_notices(self, alerts: list[NotificationView], failed: list[NotificationView], now: datetime) -> int:
        """Show both lists; returns how many failed (for the tab's badge)."""
        chosen = self.selected()
        self.model.today = now.astimezone(self.model.zone).date()
        self.model.set_rows(merge_notices(alerts, failed))
        if chosen is not None and (row := self.model.row_of(chosen.id)) >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        count = sum(1 for notice in self.model.rows if notice.status == "failed")
        self.failed_count.setText(self.tr("%n failed", "", count))
        self._update_button()
        return count

    def selected(self) -> NotificationView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.notice(rows[0].row()) if rows else None

    def select_notice(self, notice_id: int) -> None:
        row = self.model.row_of(notice_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_button(self, *_args: object) -> None:
        notice = self.selected()
        self.retry_button.setEnabled(notice is not None and needs_retry(notice))
        self.acknowledge_button.setEnabled(notice is not None and needs_acknowledging(notice))

    def _acknowledge(self) -> None:
        notice = self.selected()
        if notice is not None and needs_acknowledging(notice):
            self.acknowledge_requested.emit(notice.id)

    def _retry(self) -> None:
        notice = self.selected()
        if notice is not None and needs_retry(notice):
            self.retry_requested.emit(notice.id)
