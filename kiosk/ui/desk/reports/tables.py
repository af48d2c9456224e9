"""The dashboard's tables: meeting room use per room (the total last) and office supplies per department."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableWidget

from kiosk.application.gateways.desk_reports import DepartmentConsumption, RoomLine, Unit
from kiosk.ui.desk.reports.texts import value_shown
from kiosk.ui.desk.supplies.texts import cell, fill, grid, retitle

translate = QCoreApplication.translate


ROOM_HEADERS: tuple[Callable[[], str], ...] = (
    lambda: translate("DeskReports", "Room"), lambda: translate("DeskReports", "Floor"),
    lambda: translate("DeskReports", "Hours"), lambda: translate("DeskReports", "Use"),
    lambda: translate("DeskReports", "Meetings"), lambda: translate("DeskReports", "Not confirmed"))
SUPPLY_HEADERS: tuple[Callable[[], str], ...] = (
    lambda: translate("DeskReports", "Department"), lambda: translate("DeskReports", "Units"),
    lambda: translate("DeskReports", "Value"))


def _sized(table: QTableWidget) -> QTableWidget:
    """The name column takes the room left; the figures sit beside their headings."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(360)
    return table


def rooms_table() -> QTableWidget:
    return _sized(grid(ROOM_HEADERS))


def supplies_table() -> QTableWidget:
    return _sized(grid(SUPPLY_HEADERS))


def show_rooms(table: QTableWidget, lines: Sequence[RoomLine]) -> None:
    retitle(table, ROOM_HEADERS)
    fill(table, [[cell(line.name or translate("DeskReports", "Total")), cell(line.floor),
                  cell(f"{line.booked_hours:,.1f}", number=True), cell(value_shown(line.use_ratio, Unit.SHARE),
                                                                        number=True),
                  cell(f"{line.meetings:,}", number=True), cell(f"{line.released:,}", number=True)]
                 for line in lines if len(lines) > 1])


def show_supplies(table: QTableWidget, lines: Sequence[DepartmentConsumption]) -> None:
    retitle(table, SUPPLY_HEADERS)
    rows = [[cell(line.department), cell(f"{line.quantity:,}", number=True),
             cell(value_shown(line.value_cents, Unit.CENTS), number=True)] for line in lines]
    if lines:
        rows.append([cell(translate("DeskReports", "Total")), cell(f"{sum(d.quantity for d in lines):,}", number=True),
                     cell(value_shown(sum(d.value_cents for d in lines), Unit.CENTS), number=True)])
    fill(table, rows)
