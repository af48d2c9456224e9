"""The use report: for a period, per room, the hours booked against the opening hours, the bookings that took
place, those released (no-shows), displaced and cancelled, and the total; exported to CSV or XLSX on the worker
pool. Replaceable: ``choose_file(suggested name) -> path`` ("" = none)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_rooms import RoomReport, RoomUseLine
from kiosk.services.errors import ServiceError
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.tables import cell, fill, grid, retitle, stretch
from kiosk.ui.desk.rooms.texts import problem_text, translate
from kiosk.ui.desk.widgets import button, label

HEADERS = [
    lambda: translate("DeskRooms", "Room"), lambda: translate("DeskRooms", "Floor"),
    lambda: translate("DeskRooms", "Booked hours"), lambda: translate("DeskRooms", "Opening hours"),
    lambda: translate("DeskRooms", "Use"), lambda: translate("DeskRooms", "Bookings"),
    lambda: translate("DeskRooms", "Released (no-show)"), lambda: translate("DeskRooms", "Displaced"),
    lambda: translate("DeskRooms", "Cancelled"),
]


def shown_language() -> str:
    """The desk's language now, for the file's headings: Chinese when the Chinese translation is loaded."""
    return "zh_CN" if translate("DeskRooms", "Booked hours") != "Booked hours" else "en"


def date_box(day: date) -> QDateEdit:
    box = QDateEdit(QDate(day.year, day.month, day.day))
    box.setCalendarPopup(True)
    box.setDisplayFormat("yyyy-MM-dd")
    return box


def day_of(box: QDateEdit) -> date:
    chosen = box.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class ReportTab(QWidget):
    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: RoomReport | None = None
        self.last_export: int | None = None
        self.choose_file: Callable[[str], str] = lambda name: QFileDialog.getSaveFileName(
            self, translate("DeskRooms", "Export"), name, "Excel (*.xlsx);;CSV (*.csv)")[0]
        today = ctx.today()
        self.date_from = date_box(today.replace(day=1))
        self.date_to = date_box(today)
        for box in (self.date_from, self.date_to):
            box.dateChanged.connect(lambda _d: self.refresh())
        self.last_month = button("")
        self.last_month.clicked.connect(self.show_last_month)
        self.export_button = button("", "primary")
        self.export_button.clicked.connect(self.export)
        self.summary = label(role="count")
        self.table = grid(HEADERS, numbers=range(2, 9))
        stretch(self.table, 0)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(8)
        for widget in (self.date_from, label("–"), self.date_to, self.last_month, self.summary):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def period(self) -> tuple[date, date]:
        first, last = day_of(self.date_from), day_of(self.date_to)
        return (first, last) if first <= last else (last, first)

    def show_last_month(self) -> None:
        first_this = self.ctx.today().replace(day=1)
        last = first_this - timedelta(days=1)
        for box, day in ((self.date_from, last.replace(day=1)), (self.date_to, last)):
            box.blockSignals(True)
            box.setDate(QDate(day.year, day.month, day.day))
            box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        first, last = self.period()
        self.ctx.pool.submit(self.ctx.gateway.report, first, last, on_done=self._show, on_error=self._failed)

    def _show(self, report: RoomReport) -> None:
        self.report = report
        rows = [self._cells(line) for line in report.lines]
        rows.append(self._cells(report.total, total=True))
        fill(self.table, rows)
        n = report.damage_reports
        self.summary.setText(translate("DeskRooms", "Use {ratio} · %n damage report(s)", "", n).format(
            ratio=f"{report.total.use_ratio:.0%}"))
        self.export_button.setEnabled(bool(report.lines))

    def _cells(self, line: RoomUseLine, *, total: bool = False) -> list[QTableWidgetItem]:
        name = translate("DeskRooms", "Total") if total else line.room_name
        return [cell(name, bold=total), cell("" if total else line.floor),
                cell(f"{line.booked_hours:.1f}", number=True, bold=total),
                cell(f"{line.opening_hours:.0f}", number=True, bold=total),
                cell(f"{line.use_ratio:.0%}", number=True, bold=total),
                cell(line.bookings, number=True, bold=total), cell(line.released, number=True, bold=total),
                cell(line.displaced, number=True, bold=total), cell(line.cancelled, number=True, bold=total)]

    def export(self) -> None:
        first, last = self.period()
        path = self.choose_file(f"rooms-{first:%Y%m%d}-{last:%Y%m%d}.xlsx")
        if not path:
            return
        self.export_button.setEnabled(False)
        gateway, language = self.ctx.gateway, shown_language()
        self.ctx.pool.submit(lambda: gateway.export_report(first, last, Path(path), language=language),
                             on_done=self._exported, on_error=self._failed)

    def _exported(self, rooms: int) -> None:
        self.export_button.setEnabled(True)
        self.last_export = rooms
        self.message.setText(translate("DeskRooms", "%n room(s) exported.", "", rooms))

    def _failed(self, error: ServiceError) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(problem_text(error))

    def retranslate(self) -> None:
        self.last_month.setText(translate("DeskRooms", "Last month"))
        self.export_button.setText(translate("DeskRooms", "Export…"))
        retitle(self.table)
        if self.report is not None:
            self._show(self.report)
