"""The room views' plain tables: read-only rows, plain cells (a table item never parses HTML; its tooltip is
made plain), the row's key kept in the first cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.ui.common.plain_text import plain_tooltip

Header = Callable[[], str]


def grid(headers: Sequence[Header], *, row_height: int = 36, numbers: Sequence[int] = ()) -> QTableWidget:
    """``numbers``: the columns of figures, right-aligned with their headings."""
    widget = QTableWidget(0, len(headers))
    widget.setProperty("headers", list(headers))
    widget.setProperty("numbers", list(numbers))
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setAlternatingRowColors(True)
    widget.setShowGrid(False)
    widget.setWordWrap(False)
    widget.verticalHeader().hide()
    widget.verticalHeader().setDefaultSectionSize(row_height)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return widget


def stretch(widget: QTableWidget, column: int) -> None:
    """This column takes the room left (a topic, a description); the others fit their contents."""
    header = widget.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def retitle(widget: QTableWidget) -> None:
    headers: list[Header] = widget.property("headers") or []
    widget.setHorizontalHeaderLabels([header() for header in headers])
    for column in widget.property("numbers") or []:
        item = widget.horizontalHeaderItem(column)
        if item is not None:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def cell(text: Any, *, colours: tuple[str, str] | None = None, number: bool = False, key: object = None,
         bold: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colours is not None:
        item.setForeground(QColor(colours[0]))
        item.setBackground(QColor(colours[1]))
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    if bold:
        shown = QFont(item.font())
        shown.setBold(True)
        item.setFont(shown)
    tooltip = tip or (str(text) if len(str(text)) > 28 else "")
    if tooltip:
        item.setToolTip(plain_tooltip(tooltip) or "")
    return item


def fill(widget: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
    widget.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            widget.setItem(r, c, item)


def key_at(widget: QTableWidget, row: int) -> Any:
    item = widget.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def select_key(widget: QTableWidget, key: object) -> bool:
    for row in range(widget.rowCount()):
        if key_at(widget, row) == key:
            widget.selectRow(row)
            return True
    return False


def texts(widget: QTableWidget, row: int) -> list[str]:
    """A row as the receptionist reads it (tests)."""
    items = [widget.item(row, c) for c in range(widget.columnCount())]
    return [item.text() if item is not None else "" for item in items]
