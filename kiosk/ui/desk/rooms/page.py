"""Meeting rooms: one navigation entry with its tabs (status board, bookings, damage and repairs, rooms, report),
the meetings not prepared soon in the header (and the desk's chime when one appears), New booking.

The rooms and the alerts are read on every change to the ROOMS area (the page follows it) and every minute (the
board's now line and states move with the clock); the tab on screen is read again with them, the others when
they are shown. Replaceable: ``run_form(dialog)`` (the booking form, modal), ``open_detail(dialog)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_rooms import BookingDetail, BookingRow, RoomRow, SeriesMade
from kiosk.services.errors import ServiceError
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.desk.rooms.board_tab import BoardTab
from kiosk.ui.desk.rooms.booking_form import BookingDialog
from kiosk.ui.desk.rooms.bookings_tab import BookingsTab
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.damage_tab import DamageTab
from kiosk.ui.desk.rooms.detail import BookingDetailDialog
from kiosk.ui.desk.rooms.outcomes import booking_name
from kiosk.ui.desk.rooms.report_tab import ReportTab
from kiosk.ui.desk.rooms.rooms_tab import RoomsTab
from kiosk.ui.desk.rooms.texts import STYLE, problem_text, tone, translate
from kiosk.ui.desk.widgets import button, label

MINUTE_MS = 60_000


class RoomsPage(QWidget):
    attention = Signal(str)  # a meeting starts soon and is not prepared

    def __init__(self, ctx: RoomsContext, *, notice_days: int = 1, minute_ms: int = MINUTE_MS) -> None:
        super().__init__()
        self.ctx, self.notice_days = ctx, notice_days
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE)
        self.run_form: Callable[[BookingDialog], object] = lambda dialog: dialog.exec()
        self.open_detail: Callable[[BookingDetailDialog], object] = lambda dialog: dialog.open()
        self.unprepared: list[BookingRow] = []
        self._alerted: set[int] = set()
        self.title = label(role="title")
        self.alert_chip = button("", "chip")
        self.alert_chip.setProperty("alert", True)
        self.alert_chip.clicked.connect(self._open_first_alert)
        self.alert_chip.hide()
        self.new_button = button("", "primary")
        self.new_button.clicked.connect(lambda: self.new_booking())
        self.notice = label(role="line")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.board = BoardTab(ctx)
        self.bookings = BookingsTab(ctx)
        self.damage = DamageTab(ctx)
        self.rooms = RoomsTab(ctx)
        self.report = ReportTab(ctx)
        self.tabs = QTabWidget()
        for tab in (self.board, self.bookings, self.damage, self.rooms, self.report):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        self.board.booking_chosen.connect(self.show_booking)
        self.board.slot_chosen.connect(lambda room_id, start: self.new_booking(room_id, start))
        self.bookings.edit_requested.connect(self.edit_booking)
        self.bookings.changed.connect(self.refresh)
        self.rooms.changed.connect(self.refresh)
        self.damage.changed.connect(self.refresh)
        self.minute = QTimer(self)
        self.minute.setInterval(minute_ms)
        self.minute.timeout.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.alert_chip)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # -- life cycle ----------------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()
        self.minute.start()

    def stop(self) -> None:
        self.minute.stop()

    def refresh(self) -> None:
        """The rooms and the alerts, then the tab on screen."""
        gateway = self.ctx.gateway
        self.ctx.pool.submit(lambda: (gateway.rooms(include_inactive=True), gateway.unprepared_soon()),
                             on_done=self._read, on_error=self._failed)

    def _read(self, answer: tuple[list[RoomRow], list[BookingRow]]) -> None:
        self.ctx.rooms, self.unprepared = answer
        self.bookings.set_rooms()
        self.rooms.show_rooms()
        self.damage.show_rooms()
        self._show_alerts()
        self._refresh_current()

    def _refresh_current(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.board:
            self.board.refresh()
        elif current is self.bookings:
            self.bookings.refresh()
        elif current is self.damage:
            self.damage.refresh()
        elif current is self.report:
            self.report.refresh()

    def _show_alerts(self) -> None:
        rows = self.unprepared
        self.alert_chip.setVisible(bool(rows))
        n = len(rows)
        self.alert_chip.setText(translate("DeskRooms", "⚠ %n meeting(s) starting soon not prepared", "", n))
        self.alert_chip.setToolTip(plain_tooltip("\n".join(
            f"{row.room_name}: {booking_name(row, self.ctx.zone)}" for row in rows)) or "")
        new = [row for row in rows if row.booking_id not in self._alerted]
        self._alerted |= {row.booking_id for row in rows}
        if new:
            self.attention.emit(translate("DeskRooms", "Not prepared yet: {meetings}").format(
                meetings="; ".join(f"{row.room_name} {booking_name(row, self.ctx.zone)}" for row in new)))

    def _open_first_alert(self) -> None:
        if self.unprepared:
            self.show_booking(self.unprepared[0].booking_id)

    def _failed(self, error: ServiceError) -> None:
        self.say(problem_text(error), "refused")

    def say(self, text: str, name: str = "fine") -> None:
        self.notice.setText(text)
        tone(self.notice, name)
        self.notice.setVisible(bool(text))

    # -- bookings ------------------------------------------------------------------------------------------

    def new_booking(self, room_id: int | None = None, start: datetime | None = None) -> None:
        self._run(BookingDialog(self.ctx, room_id=room_id, start=start, notice_days=self.notice_days, parent=self))

    def edit_booking(self, detail: BookingDetail) -> None:
        self._run(BookingDialog(self.ctx, detail=detail, notice_days=self.notice_days, parent=self))

    def _run(self, dialog: BookingDialog) -> None:
        self.run_form(dialog)
        if dialog.outcome is not None:
            troubled = bool(dialog.outcome.displaced) or (isinstance(dialog.outcome, SeriesMade)
                                                          and bool(dialog.outcome.conflicts))
            self.say(dialog.outcome_text, "warn" if troubled else "fine")
            made = dialog.outcome.made[0] if isinstance(dialog.outcome, SeriesMade) and dialog.outcome.made else (
                None if isinstance(dialog.outcome, SeriesMade) else dialog.outcome.booking)
            if made is not None and self.tabs.currentWidget() is self.bookings:
                self.bookings.show_day(made.starts_at.astimezone(self.ctx.zone).date(), made.booking_id)
            self.refresh()
        dialog.deleteLater()

    def show_booking(self, booking_id: int) -> None:
        dialog = BookingDetailDialog(self.ctx, booking_id, self)
        dialog.panel.changed.connect(self.refresh)
        def edit(detail: BookingDetail) -> None:
            dialog.accept()
            self.edit_booking(detail)

        dialog.panel.edit_requested.connect(edit)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.open_detail(dialog)

    # -- language ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("DeskRooms", "Meeting rooms"))
        self.new_button.setText(translate("DeskRooms", "New booking"))
        for index, text in enumerate((translate("DeskRooms", "Status board"), translate("DeskRooms", "Bookings"),
                                      translate("DeskRooms", "Damage and repairs"), translate("DeskRooms", "Rooms"),
                                      translate("DeskRooms", "Use report"))):
            self.tabs.setTabText(index, text)
        for tab in (self.board, self.bookings, self.damage, self.rooms, self.report):
            tab.retranslate()
        self._show_alerts()
