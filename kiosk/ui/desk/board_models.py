"""Table models for the desk: today's visits and who is on site. Read-only views of service dataclasses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from kiosk.domain.printing import PrintJobStatus
from kiosk.services.visits.roster import RosterEntry
from kiosk.services.visits.visit_log import VisitSummary

Index = QModelIndex | QPersistentModelIndex

# (background, text) per status: calm tints, the strongest colour kept for "needs you".
STATUS_COLOURS = {
    "pending_approval": ("#fff4d6", "#8d5b00"),
    "held": ("#fde8e7", "#b42318"),
    "approved": ("#e3f4f1", "#0b5c55"),
    "checked_in": ("#dff3e4", "#1b6b36"),
    "invited": ("#eef2f6", "#3e4c59"),
    "checked_out": ("#f5f7f8", "#7b8794"),
    "denied": ("#f5f7f8", "#7b8794"),
    "cancelled": ("#f5f7f8", "#7b8794"),
    "no_show": ("#f5f7f8", "#7b8794"),
}


def status_key(visit: VisitSummary) -> str:
    return "held" if visit.on_hold and visit.status in ("pending_approval", "invited") else visit.status


# The board reads top-down as a to-do list: who needs the desk, who is here, who is coming, who has gone.
_BOARD_RANK = {"held": 0, "pending_approval": 0, "approved": 1, "checked_in": 2, "invited": 3}


def board_order(visit: VisitSummary) -> tuple[int, float, int]:
    expected = visit.expected_start.timestamp() if visit.expected_start else float("inf")
    return _BOARD_RANK.get(status_key(visit), 4), expected, -visit.id


def status_text(key: str) -> str:
    translate = QCoreApplication.translate
    return {
        "pending_approval": translate("Desk", "Waiting for approval"),
        "held": translate("Desk", "Held: see visitor"),
        "approved": translate("Desk", "Approved"),
        "checked_in": translate("Desk", "On site"),
        "invited": translate("Desk", "Expected"),
        "checked_out": translate("Desk", "Signed out"),
        "denied": translate("Desk", "Declined"),
        "cancelled": translate("Desk", "Cancelled"),
        "no_show": translate("Desk", "No-show"),
    }.get(key, key)


# A badge job's status as the desk reads it: is the visitor holding a badge, or does someone need to act?
BADGE_COLOURS = {PrintJobStatus.FAILED: "#b42318", PrintJobStatus.DONE: "#1b6b36"}


def badge_text(state: PrintJobStatus) -> str:
    translate = QCoreApplication.translate
    return {
        PrintJobStatus.QUEUED: translate("Desk", "Printing"), PrintJobStatus.SENT: translate("Desk", "Printing"),
        PrintJobStatus.DONE: translate("Desk", "Printed"), PrintJobStatus.FAILED: translate("Desk", "Print failed"),
    }[state]


def purpose_text(purpose: str) -> str:
    translate = QCoreApplication.translate
    return {
        "meeting": translate("Desk", "Meeting"), "interview": translate("Desk", "Interview"),
        "delivery": translate("Desk", "Delivery"), "maintenance": translate("Desk", "Maintenance"),
        "sales": translate("Desk", "Sales"), "other": translate("Desk", "Other"),
    }.get(purpose, purpose)


class RowsModel(QAbstractTableModel):
    columns: Sequence[tuple[str, Callable[[Any], str]]] = ()

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.rows: list[Any] = []

    def clock(self, instant: datetime | None) -> str:
        return instant.astimezone(self.zone).strftime("%H:%M") if instant else ""

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        return None


class VisitTableModel(RowsModel):
    """Today's visits; ``badge_states`` (visit id -> print job status) fills the Badge column where known."""

    BADGE_COLUMN = 9

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(zone)
        self.badge_states: dict[int, PrintJobStatus] = {}
        self.all_rows: list[VisitSummary] = []
        self._filter = ""
        self.highlighted: set[int] = set()  # walk-ins that just started waiting: shown bold until chosen

    def set_highlighted(self, visit_ids: set[int]) -> None:
        self.highlighted |= visit_ids
        self.layoutChanged.emit()

    def clear_highlight(self, visit_id: int) -> None:
        if visit_id in self.highlighted:
            self.highlighted.discard(visit_id)
            self.layoutChanged.emit()

    def set_rows(self, rows: list[Any]) -> None:
        self.all_rows = list(rows)
        super().set_rows([v for v in self.all_rows if self._matches(v)])

    def set_filter(self, text: str) -> None:
        """Only the day's visits whose visitor, company, host or department contain ``text``."""
        self._filter = text.strip().casefold()
        super().set_rows([v for v in self.all_rows if self._matches(v)])

    def _matches(self, visit: VisitSummary) -> bool:
        if not self._filter:
            return True
        return any(self._filter in field.casefold()
                   for field in (visit.visitor_name, visit.company, visit.host_name, visit.department))

    def set_badge_states(self, states: dict[int, PrintJobStatus]) -> None:
        self.badge_states = dict(states)
        if self.rows:
            column = self.BADGE_COLUMN
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def headers(self) -> list[str]:
        translate = QCoreApplication.translate
        return [translate("Desk", "Status"), translate("Desk", "Visitor"), translate("Desk", "Company"),
                translate("Desk", "Host"), translate("Desk", "Department"), translate("Desk", "Purpose"),
                translate("Desk", "Expected at"), translate("Desk", "In"), translate("Desk", "Out"),
                translate("Desk", "Badge")]

    def cell(self, row: VisitSummary, column: int) -> str:
        values = (
            status_text(status_key(row)), row.visitor_name, row.company, row.host_name, row.department,
            purpose_text(row.purpose), self.clock(row.expected_start), self.clock(row.checked_in_at),
            self.clock(row.checked_out_at), self._badge(row),
        )
        return values[column]

    def _badge(self, row: VisitSummary) -> str:
        state = self.badge_states.get(row.id)
        return badge_text(state) if state else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0 and role in (
            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
        ):
            background, text = STATUS_COLOURS.get(status_key(self.rows[index.row()]), ("#ffffff", "#1f2a33"))
            return QColor(background if role == Qt.ItemDataRole.BackgroundRole else text)
        if index.isValid() and role == Qt.ItemDataRole.FontRole and self.rows[index.row()].id in self.highlighted:
            font = QFont()
            font.setBold(True)
            return font
        if index.isValid() and index.column() == self.BADGE_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            state = self.badge_states.get(self.rows[index.row()].id)
            colour = BADGE_COLOURS.get(state) if state is not None else None
            return QColor(colour) if colour else None
        return super().data(index, role)

    def visit(self, row: int) -> VisitSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, visit_id: int) -> int:
        return next((i for i, v in enumerate(self.rows) if v.id == visit_id), -1)


class RosterTableModel(RowsModel):
    def headers(self) -> list[str]:
        translate = QCoreApplication.translate
        return [translate("Desk", "Visitor"), translate("Desk", "Company"), translate("Desk", "Phone"),
                translate("Desk", "Host"), translate("Desk", "Department"), translate("Desk", "Since")]

    def cell(self, row: RosterEntry, column: int) -> str:
        values = (row.visitor_name, row.company, row.phone, row.host_name, row.department,
                  self.clock(row.checked_in_at))
        return values[column]
