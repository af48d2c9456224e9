"""The invitation form's "Meeting" box: the meetings on the visit's day, the host's own first (as organiser or
attendee), then the others; "None" unless the receptionist picks one. The invitation then names the booking, so
the visitor's e-mail, badge and the host's arrival notice say the room and floor.

The day's meetings come from ``DeskRoomsGateway.bookings(day=...)`` on the worker pool, with who attends each
(``booking(id)``: one read per meeting, a day's worth), read once per day shown; choosing another host only
orders them again. An answer for a day since changed is dropped.

    meetings = MeetingChoice(day_meetings(rooms_gateway), pool, zone)
    meetings.show_day(day, host_id)
    meetings.meeting_chosen.connect(lambda row: ...)   # BookingRow | None
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_rooms import BookingRow, BookingStatus, DeskRoomsGateway
from kiosk.services.errors import ServiceError
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.widgets import label

translate = QCoreApplication.translate

LIVE = frozenset({BookingStatus.BOOKED, BookingStatus.CONFIRMED})  # meetings that still hold their room


@dataclass(frozen=True)
class DayMeeting:
    booking: BookingRow
    host_ids: frozenset[int]  # the organiser and the hosts named as attendees


MeetingSource = Callable[[date], list[DayMeeting]]


def day_meetings(rooms: DeskRoomsGateway) -> MeetingSource:
    """The live meetings starting on a site-local day, each with the hosts who attend (run on the worker pool)."""
    def read(day: date) -> list[DayMeeting]:
        found = []
        for row in rooms.bookings(day=day, statuses=LIVE):
            attendees = rooms.booking(row.booking_id).attendees
            hosts = {a.host_id for a in attendees if a.host_id is not None} | {row.organiser_host_id}
            found.append(DayMeeting(row, frozenset(hosts)))
        return found
    return read


def meeting_text(row: BookingRow, zone: ZoneInfo) -> str:
    """``14:00–15:30 · Orchid · 3F · Client training``: when, where, what."""
    slot = f"{row.starts_at.astimezone(zone):%H:%M}–{row.ends_at.astimezone(zone):%H:%M}"
    topic = row.topic or translate("InvitationForms", "(no topic)")
    return " · ".join(part for part in (slot, row.room_name, row.floor, topic) if part)


def booking_error_text(code: str) -> str:
    """The ``booking`` field's problems, as the service names them."""
    texts = {
        "not_found": translate("InvitationForms", "This meeting no longer exists; choose another"),
        "not_live": translate("InvitationForms", "This meeting was cancelled or released; choose another"),
        "other_day": translate("InvitationForms", "This meeting is on another day than the visit"),
    }
    return texts.get(code, translate("InvitationForms", "Please check this"))


class MeetingChoice(QWidget):
    meeting_chosen = Signal(object)  # BookingRow | None

    def __init__(self, source: MeetingSource, pool: WorkerPool, zone: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source, self.pool, self.zone = source, pool, zone
        self.meetings: list[DayMeeting] | None = None  # the day's, once read
        self.day: date | None = None
        self.host_id: int | None = None
        self._asked = 0
        self.box = QComboBox()
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(24)
        self.box.setMaxVisibleItems(14)
        self.model = QStandardItemModel(self)
        self.box.setModel(self.model)
        self.box.currentIndexChanged.connect(self._chosen)
        self.note = label(role="hint")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.note)
        self._fill()

    # -- reading -------------------------------------------------------------------------------------------

    def show_day(self, day: date, host_id: int | None) -> None:
        """The meetings of ``day`` (read again only for another day), the host's first."""
        self.host_id = host_id
        if day == self.day and self.meetings is not None:
            self._fill()
            return
        self.day, self.meetings = day, None
        self._asked += 1
        asked = self._asked
        self._fill()
        self.pool.submit(self.source, day, on_done=lambda found: self._read(asked, found),
                         on_error=lambda error: self._failed(asked, error))

    def set_host(self, host_id: int | None) -> None:
        if host_id != self.host_id:
            self.host_id = host_id
            self._fill()

    def _read(self, asked: int, found: list[DayMeeting]) -> None:
        if asked == self._asked:
            self.meetings = [m for m in found if m.booking.starts_at.astimezone(self.zone).date() == self.day]
            self._fill()

    def _failed(self, asked: int, error: ServiceError) -> None:
        if asked == self._asked:
            self.meetings = []
            self._fill()
            self.note.setText(translate("InvitationForms", "The meetings could not be read: {error}").format(
                error=error.message))

    # -- the list ------------------------------------------------------------------------------------------

    def _fill(self) -> None:
        """None, then the host's meetings, then the others (each group under its heading); the choice is kept."""
        chosen = self.booking_id()
        self.box.blockSignals(True)
        self.model.clear()
        self._add(translate("InvitationForms", "None"), None)
        meetings = self.meetings or []
        own = [m.booking for m in meetings if self.host_id is not None and self.host_id in m.host_ids]
        others = [m.booking for m in meetings if not (self.host_id is not None and self.host_id in m.host_ids)]
        if own:
            self._heading(translate("InvitationForms", "The host's meetings"))
            for meeting in own:
                self._add(meeting_text(meeting, self.zone), meeting)
        if others:
            if own:
                self._heading(translate("InvitationForms", "Other meetings that day"))
            for meeting in others:
                self._add(meeting_text(meeting, self.zone), meeting)
        index = 0
        for number in range(self.model.rowCount()):
            row = self._row(number)
            if row is not None and row.booking_id == chosen:
                index = number
                break
        self.box.setCurrentIndex(index)
        self.box.blockSignals(False)
        self._explain()
        if chosen is not None and index == 0:
            self.meeting_chosen.emit(None)  # gone from the day (another day chosen)

    def _add(self, text: str, row: BookingRow | None) -> None:
        item = QStandardItem(text)
        item.setData(row, Qt.ItemDataRole.UserRole)
        item.setToolTip(plain_tooltip(text) or "")
        if row is not None and row.organiser_name:
            item.setToolTip(plain_tooltip(f"{text}\n{row.organiser_name}") or "")
        item.setEditable(False)
        self.model.appendRow(item)

    def _heading(self, text: str) -> None:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a choice
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.model.appendRow(item)

    def _row(self, index: int) -> BookingRow | None:
        item = self.model.item(index)
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return data if isinstance(data, BookingRow) else None

    def _explain(self) -> None:
        if self.meetings is None:
            text = translate("InvitationForms", "Reading the day's meetings…")
        elif not self.meetings:
            text = translate("InvitationForms", "No meetings booked that day.")
        else:
            text = translate("InvitationForms", "The visitor's e-mail and badge then say the room and floor.")
        self.note.setText(text)

    def _chosen(self, index: int) -> None:
        self.meeting_chosen.emit(self._row(index))

    # -- what the form asks ----------------------------------------------------------------------------------

    def selected(self) -> BookingRow | None:
        return self._row(self.box.currentIndex())

    def booking_id(self) -> int | None:
        row = self.selected()
        return row.booking_id if row is not None else None

    def choose(self, booking_id: int | None) -> bool:
        """Pick the meeting with this id (None: no meeting); False when that day has none such."""
        for index in range(self.model.rowCount()):
            row = self._row(index)
            if (row.booking_id if row is not None else None) == booking_id:
                self.box.setCurrentIndex(index)
                return True
        return False

    def shown(self) -> list[str]:
        """Every line of the list as the receptionist reads it (headings included)."""
        return [self.model.item(i).text() for i in range(self.model.rowCount())]

    def retranslate(self) -> None:
        self._fill()


__all__ = ["DayMeeting", "MeetingChoice", "MeetingSource", "booking_error_text", "day_meetings", "meeting_text"]
