"""The status board tab: the day chosen (previous, today, next, any date), a legend, the rooms' timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_rooms import BookingLevel, DayBoard, RoomState
from kiosk.services.errors import ServiceError
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.desk.rooms.board_canvas import LEVEL_COLOURS, UNPREPARED
from kiosk.ui.desk.rooms.board_view import BoardView
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.texts import STATE_COLOURS, problem_text, state_text, translate
from kiosk.ui.desk.widgets import button, label


def legend_chip(colours: tuple[str, str], *, border: str = "") -> QLabel:
    chip = label(role="tag")
    edge = f"border: 2px dashed {border};" if border else ""
    chip.setStyleSheet(f"color: {colours[0]}; background: {colours[1]}; {edge}")
    return chip


class BoardTab(QWidget):
    booking_chosen = Signal(int)
    slot_chosen = Signal(int, object)  # room id, aware start

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day: date | None = None  # None: today, following the clock past midnight
        self.board: DayBoard | None = None
        self._asked = 0
        self.previous_button, self.today_button, self.next_button = button("‹"), button(""), button("›")
        for arrow in (self.previous_button, self.next_button):
            arrow.setFixedWidth(44)
        self.previous_button.clicked.connect(lambda: self.show_day(self.shown_day() - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.show_day(self.shown_day() + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.show_day(None))
        self.date_box = QDateEdit()
        self.date_box.setCalendarPopup(True)
        self.date_box.setDisplayFormat("yyyy-MM-dd")
        self.date_box.dateChanged.connect(self._date_typed)
        self.day_title = label(role="heading")
        self.view = BoardView(ctx.zone)
        self.view.canvas.booking_chosen.connect(self.booking_chosen)
        self.view.canvas.slot_chosen.connect(self.slot_chosen)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        company, department = LEVEL_COLOURS[BookingLevel.COMPANY], LEVEL_COLOURS[BookingLevel.DEPARTMENT]
        self.legend_chips: list[tuple[QLabel, Callable[[], str]]] = [
            (legend_chip((company[2], company[0])), lambda: translate("DeskRooms", "Company")),
            (legend_chip((department[2], department[0])), lambda: translate("DeskRooms", "Department")),
            (legend_chip(("#52606d", "#eef1f4")), lambda: translate("DeskRooms", "Cleaning time")),
            (legend_chip((UNPREPARED, "#ffffff"), border=UNPREPARED), lambda: translate("DeskRooms", "⚠ Not prepared")),
        ]
        self.legend_chips += [(legend_chip(STATE_COLOURS[state]), partial(state_text, state)) for state in RoomState]
        # The legend wraps onto a second line rather than widen the desk (it sits beside the day's count).
        gap = QWidget()  # the bookings' colours, then the rooms' states
        gap.setFixedSize(4, 1)
        chips = [chip for chip, _text in self.legend_chips]
        self.legend = flow_row(*chips[:4], gap, *chips[4:], spacing=6)
        top = QHBoxLayout()
        top.setSpacing(8)
        for widget in (self.previous_button, self.today_button, self.next_button, self.date_box):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.day_title)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def shown_day(self) -> date:
        return self.day or self.ctx.today()

    def show_day(self, day: date | None) -> None:
        self.day = None if day == self.ctx.today() else day
        self.refresh()

    def _date_typed(self, chosen: QDate) -> None:
        day = date(chosen.year(), chosen.month(), chosen.day())
        if day != self.shown_day():
            self.show_day(day)

    def refresh(self) -> None:
        self._asked += 1
        asked = self._asked
        day = self.shown_day()
        self.ctx.pool.submit(self.ctx.gateway.day_board, day, on_done=lambda board: self._show(asked, board),
                             on_error=self._failed)

    def _show(self, asked: int, board: DayBoard) -> None:
        if asked != self._asked:
            return
        self.board = board
        self.view.set_board(board)
        self.date_box.blockSignals(True)
        self.date_box.setDate(QDate(board.day.year, board.day.month, board.day.day))
        self.date_box.blockSignals(False)
        self._title()
        self.today_button.setEnabled(board.day != self.ctx.today())
        counts = sum(len(row.segments) for row in board.rows)
        self.message.setText(translate("DeskRooms", "%n meeting(s) this day. Click a meeting for its details, free "
                                                    "time to book it.", "", counts) if board.rows else "")

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def _title(self) -> None:
        day = self.shown_day()
        names = [translate("DeskRooms", "Monday"), translate("DeskRooms", "Tuesday"),
                 translate("DeskRooms", "Wednesday"), translate("DeskRooms", "Thursday"),
                 translate("DeskRooms", "Friday"), translate("DeskRooms", "Saturday"),
                 translate("DeskRooms", "Sunday")]
        text = translate("DeskRooms", "{weekday}, {day}").format(weekday=names[day.weekday()],
                                                                  day=f"{day:%Y-%m-%d}")
        if day == self.ctx.today():
            text += " · " + translate("DeskRooms", "today")
        self.day_title.setText(text)

    def retranslate(self) -> None:
        self.today_button.setText(translate("DeskRooms", "Today"))
        self.previous_button.setToolTip(translate("DeskRooms", "Previous day"))
        self.next_button.setToolTip(translate("DeskRooms", "Next day"))
        self.view.ruler.room_title = translate("DeskRooms", "Room")
        self.view.canvas.empty_text = translate("DeskRooms", "No rooms yet: add them on the Rooms tab.")
        for chip, text in self.legend_chips:
            chip.setText(text())
        self._title()
        self.view.ruler.update()
        self.view.canvas.update()
