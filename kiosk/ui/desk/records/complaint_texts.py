"""The complaint views' words: statuses, channels, the overdue mark (a colour and a word), times at the site,
one line for what went wrong."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_complaints import ComplaintChannel, ComplaintRow, ComplaintStatus
from kiosk.services.errors import ServiceError, ValidationFailed

translate = QCoreApplication.translate

OVERDUE = ("#b42318", "#fef3f2")  # foreground, background of an overdue row
DONE = ("#52606d", "#f5f7fa")  # a closed complaint: greyed


def status_text(status: ComplaintStatus) -> str:
    return {
        ComplaintStatus.OPEN: translate("DeskComplaints", "Open"),
        ComplaintStatus.IN_PROGRESS: translate("DeskComplaints", "In progress"),
        ComplaintStatus.RESOLVED: translate("DeskComplaints", "Resolved, asking the customer"),
        ComplaintStatus.CLOSED: translate("DeskComplaints", "Closed"),
    }.get(status, str(status))


def row_status(row: ComplaintRow) -> str:
    """The status as the list says it: overdue ones say so in words too, not only in red."""
    if row.overdue:
        return translate("DeskComplaints", "OVERDUE · {status}").format(status=status_text(row.status))
    return status_text(row.status)


def channel_text(channel: ComplaintChannel) -> str:
    return {
        ComplaintChannel.IN_PERSON: translate("DeskComplaints", "In person"),
        ComplaintChannel.PHONE: translate("DeskComplaints", "Phone"),
        ComplaintChannel.EMAIL: translate("DeskComplaints", "E-mail"),
        ComplaintChannel.WEB: translate("DeskComplaints", "Web"),
        ComplaintChannel.OTHER: translate("DeskComplaints", "Other"),
    }.get(channel, str(channel))


def score_text(score: int) -> str:
    return {
        5: translate("DeskComplaints", "5 · Very satisfied"),
        4: translate("DeskComplaints", "4 · Satisfied"),
        3: translate("DeskComplaints", "3 · Neither"),
        2: translate("DeskComplaints", "2 · Dissatisfied"),
        1: translate("DeskComplaints", "1 · Very dissatisfied"),
    }[score]


def passed_to(row: ComplaintRow) -> str:
    parts = [part for part in (row.department, row.assignee) if part]
    return " · ".join(parts) if parts else translate("DeskComplaints", "Not passed on yet")


def when(instant: datetime | None, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M") if instant is not None else "—"


def when_short(instant: datetime, zone: ZoneInfo) -> str:
    """A list's time: the year is rarely news."""
    return instant.astimezone(zone).strftime("%m-%d %H:%M")


def problem_text(error: ServiceError) -> str:
    if isinstance(error, ValidationFailed):
        return translate("DeskComplaints", "Check: {problems}").format(
            problems="; ".join(e.message or e.field for e in error.errors))
    if error.code == "conflict":
        return translate("DeskComplaints", "Someone changed this meanwhile: {error}").format(error=error.message)
    if error.code == "not_found":
        return translate("DeskComplaints", "Nothing found: {error}").format(error=error.message)
    return translate("DeskComplaints", "That did not work: {error}").format(error=error.message)
