"""The Bookings tab: a day's (or every coming) bookings, for one room or all, which ones are shown by status;
the chosen booking in full beside the list (confirm, edit, cancel, prepare, inspect)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_rooms import BookingLevel, BookingRow, BookingStatus
from kiosk.services.errors import ServiceError
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.desk.column_fit import ColumnFit
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.detail import BookingPanel
from kiosk.ui.desk.rooms.tables import cell, fill, grid, key_at, retitle, select_key, stretch
from kiosk.ui.desk.rooms.texts import (
    LIVE,
    STATUS_COLOURS,
    WARN,
    level_text,
    problem_text,
    slot_text,
    status_text,
    translate,
)
from kiosk.ui.desk.widgets import label

HEADERS = [
    lambda: translate("DeskRooms", "Time"), lambda: translate("DeskRooms", "Room"),
    lambda: translate("DeskRooms", "Topic"), lambda: translate("DeskRooms", "Organiser"),
    lambda: translate("DeskRooms", "People"), lambda: translate("DeskRooms", "Level"),
    lambda: translate("DeskRooms", "Status"), lambda: translate("DeskRooms", "Prepared"),
]
# The status filter: (key, statuses asked for; empty = every status).
SHOWN: tuple[tuple[str, frozenset[BookingStatus]], ...] = (("live", LIVE | {BookingStatus.DONE}), ("all", frozenset()),
         ("gone", frozenset({BookingStatus.CANCELLED, BookingStatus.RELEASED, BookingStatus.DISPLACED})))


class BookingsTab(QWidget):
    edit_requested = Signal(object)  # BookingDetail
    changed = Signal()

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[BookingRow] = []
        self._asked = 0
        self.day_box = QDateEdit()
        self.day_box.setCalendarPopup(True)
        self.day_box.setDisplayFormat("yyyy-MM-dd")
        today = ctx.today()
        self.day_box.setDate(QDate(today.year, today.month, today.day))
        self.day_box.dateChanged.connect(lambda _d: self.refresh())
        self.coming = QCheckBox()
        self.coming.toggled.connect(self._coming_toggled)
        self.room_box, self.shown = QComboBox(), QComboBox()
        for box in (self.room_box, self.shown):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(9)
        self.room_box.currentIndexChanged.connect(lambda _i: self.refresh())
        for key, _statuses in SHOWN:
            self.shown.addItem("", key)
        self.shown.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = label(role="count")
        self.table = grid(HEADERS, numbers=(4, 7))
        stretch(self.table, 2)
        # Narrow (the detail beside it): the level, the people and the organiser go (the detail says them), so the
        # topic, status and preparation stay in sight.
        self.columns = ColumnFit(self.table, (5, 4, 3), least={2: 140})
        self.table.itemSelectionChanged.connect(self._chosen)
        self.panel = BookingPanel(ctx)
        self.panel.setMinimumWidth(380)
        self.panel.edit_requested.connect(self.edit_requested)
        self.panel.changed.connect(self.changed)
        self.message = label(role="muted")
        # The filters wrap under each other where the list is narrow (the detail beside it takes its share).
        top = flow_row(self.day_box, self.coming, self.room_box, self.shown, self.count)
        left = QVBoxLayout()
        left.addWidget(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        body = QHBoxLayout(self)
        body.setContentsMargins(14, 12, 0, 10)
        body.setSpacing(12)
        body.addLayout(left, 8)
        body.addWidget(self.panel, 5)
        self.retranslate()

    def _coming_toggled(self, on: bool) -> None:
        self.day_box.setEnabled(not on)
        self.refresh()

    def set_rooms(self) -> None:
        chosen = self.room_box.currentData()
        self.room_box.blockSignals(True)
        self.room_box.clear()
        self.room_box.addItem(translate("DeskRooms", "Every room"), None)
        for room in self.ctx.rooms:
            self.room_box.addItem(room.name, room.room_id)
        index = self.room_box.findData(chosen)
        self.room_box.setCurrentIndex(max(index, 0))
        self.room_box.blockSignals(False)

    def day(self) -> date | None:
        if self.coming.isChecked():
            return None
        chosen = self.day_box.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def show_day(self, day: date, booking_id: int | None = None) -> None:
        self.coming.setChecked(False)
        self.day_box.blockSignals(True)
        self.day_box.setDate(QDate(day.year, day.month, day.day))
        self.day_box.blockSignals(False)
        self.refresh(select=booking_id)

    def refresh(self, select: int | None = None) -> None:
        self._asked += 1
        asked = self._asked
        chosen = select if select is not None else self.current_id()
        statuses = dict(SHOWN)[str(self.shown.currentData() or "live")]
        room_id, day, gateway = self.room_box.currentData(), self.day(), self.ctx.gateway
        self.ctx.pool.submit(lambda: gateway.bookings(day=day, room_id=room_id, statuses=statuses),
                             on_done=lambda rows: self._show(asked, rows, chosen), on_error=self._failed)

    def _show(self, asked: int, rows: list[BookingRow], chosen: int | None) -> None:
        if asked != self._asked:
            return
        self.rows = rows
        self.table.blockSignals(True)
        fill(self.table, [self._cells(row) for row in rows])
        self.table.blockSignals(False)
        self.columns.fit()
        n = len(rows)
        self.count.setText(translate("DeskRooms", "%n booking(s)", "", n))
        if chosen is not None and select_key(self.table, chosen):
            self.panel.show_booking(chosen)
        else:
            self.table.clearSelection()
            self.panel.show_booking(None)

    def _cells(self, row: BookingRow) -> list[QTableWidgetItem]:
        zone, coming = self.ctx.zone, self.coming.isChecked()
        prepared = f"{row.prepared}/{row.to_prepare}"
        unprepared = row.status in LIVE and row.prepared < row.to_prepare
        return [
            cell(slot_text(row.starts_at, row.ends_at, zone, with_day=coming), key=row.booking_id),
            cell(row.room_name), cell(row.topic or translate("DeskRooms", "(no topic)")),
            cell(row.organiser_name, tip=row.department),
            cell(row.attendee_count, number=True),
            cell(level_text(row.level), bold=row.level is BookingLevel.COMPANY),
            cell(status_text(row.status), colours=STATUS_COLOURS[row.status]),
            cell(prepared, colours=WARN if unprepared else None, number=True),
        ]

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return key_at(self.table, rows[0].row()) if rows else None

    def _chosen(self) -> None:
        self.panel.show_booking(self.current_id())

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def retranslate(self) -> None:
        self.coming.setText(translate("DeskRooms", "Every coming booking"))
        for index, text in enumerate((translate("DeskRooms", "Taking place"), translate("DeskRooms", "Every status"),
                                      translate("DeskRooms", "Cancelled, released, displaced"))):
            self.shown.setItemText(index, text)
        if self.room_box.count():
            self.room_box.setItemText(0, translate("DeskRooms", "Every room"))
        retitle(self.table)
