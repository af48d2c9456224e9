"""The supply views' words and small parts: statuses, money, one line for what went wrong, a plain table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.application.gateways.desk_supplies import PurchaseStatus, RequisitionStatus, StocktakeStatus
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.plain_text import plain_tooltip

translate = QCoreApplication.translate

LOW = ("#b42318", "#fef3f2")  # foreground, background of an item under its minimum
GAIN = ("#0b5d52", "#e3f1ef")  # 盘盈
LOSS = ("#b42318", "#fef3f2")  # 盘亏
STYLE = (
    "QComboBox, QSpinBox, QDoubleSpinBox, QLineEdit { font-size: 15px; min-height: 34px; padding: 0 8px;"
    " border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    "QTableWidget { font-size: 14px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }"
    "QListWidget { font-size: 14px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }"
    'QPushButton[role="chip"] { color: #b42318; border: 1px solid #d64545; font-size: 14px; font-weight: 600;'
    " padding: 6px 14px; border-radius: 16px; background: #ffffff; }"
    'QPushButton[role="chip"]:checked { background: #fef3f2; color: #b42318; border-color: #d64545;'
    " font-weight: 600; }"
    'QLabel[role="short"] { font-size: 15px; font-weight: 600; color: #b42318; background: #fef3f2;'
    " border-radius: 8px; padding: 8px 12px; }"
)


def money(cents: int) -> str:
    return f"¥{cents / 100:,.2f}"


def cents_of(yuan: float) -> int:
    return round(yuan * 100)


def requisition_status_text(status: RequisitionStatus) -> str:
    return {
        RequisitionStatus.PENDING_APPROVAL: translate("DeskSupplies", "Waiting for approval"),
        RequisitionStatus.APPROVED: translate("DeskSupplies", "Approved"),
        RequisitionStatus.PARTIALLY_ISSUED: translate("DeskSupplies", "Partially issued"),
        RequisitionStatus.ISSUED: translate("DeskSupplies", "Issued"),
        RequisitionStatus.DECLINED: translate("DeskSupplies", "Declined"),
        RequisitionStatus.CANCELLED: translate("DeskSupplies", "Cancelled"),
    }.get(status, str(status))


def purchase_status_text(status: PurchaseStatus) -> str:
    return {
        PurchaseStatus.DRAFT: translate("DeskSupplies", "Draft"),
        PurchaseStatus.PENDING_APPROVAL: translate("DeskSupplies", "Waiting for approval"),
        PurchaseStatus.APPROVED: translate("DeskSupplies", "Approved"),
        PurchaseStatus.ORDERED: translate("DeskSupplies", "Ordered"),
        PurchaseStatus.PARTIALLY_RECEIVED: translate("DeskSupplies", "Partially received"),
        PurchaseStatus.RECEIVED: translate("DeskSupplies", "Received"),
        PurchaseStatus.CANCELLED: translate("DeskSupplies", "Cancelled"),
    }.get(status, str(status))


def stocktake_status_text(status: StocktakeStatus) -> str:
    return {
        StocktakeStatus.COUNTING: translate("DeskSupplies", "Counting"),
        StocktakeStatus.POSTED: translate("DeskSupplies", "Posted"),
        StocktakeStatus.CANCELLED: translate("DeskSupplies", "Cancelled"),
    }.get(status, str(status))


def variance_text(variance: int | None) -> str:
    if variance is None or variance == 0:
        return "" if variance is None else "0"
    if variance > 0:
        return translate("DeskSupplies", "+{n} 盘盈 gain").format(n=variance)
    return translate("DeskSupplies", "{n} 盘亏 loss").format(n=variance)


def problem_text(error: ServiceError) -> str:
    if isinstance(error, ValidationFailed):
        return translate("DeskSupplies", "Check: {problems}").format(
            problems="; ".join(e.message or e.field for e in error.errors))
    if error.code == "permission_denied":
        return translate("DeskSupplies", "A supervisor approves this.")
    if error.code == "conflict":
        return translate("DeskSupplies", "Someone changed this meanwhile: {error}").format(error=error.message)
    if error.code == "not_found":
        return translate("DeskSupplies", "Nothing found: it may have been changed meanwhile.")
    return translate("DeskSupplies", "That did not work: {error}").format(error=error.message)


def grid(headers: Sequence[Callable[[], str]]) -> QTableWidget:
    """A read-only table of whole rows; the headers are set by ``retitle``."""
    widget = QTableWidget(0, len(headers))
    widget.setProperty("headers", list(headers))
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setAlternatingRowColors(True)
    widget.setShowGrid(False)
    widget.verticalHeader().hide()
    widget.verticalHeader().setDefaultSectionSize(32)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return widget


def retitle(widget: QTableWidget, headers: Sequence[Callable[[], str]]) -> None:
    widget.setHorizontalHeaderLabels([header() for header in headers])


def cell(text: Any, *, colours: tuple[str, str] | None = None, number: bool = False, key: object = None
         ) -> QTableWidgetItem:
    """Plain text (a QTableWidgetItem never parses HTML); its tooltip is made plain too."""
    item = QTableWidgetItem(str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colours is not None:
        item.setForeground(QColor(colours[0]))
        item.setBackground(QColor(colours[1]))
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    if len(str(text)) > 30:
        item.setToolTip(plain_tooltip(str(text)) or "")
    return item


def fill(widget: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
    widget.setRowCount(len(rows))
    for r, items in enumerate(rows):
        for c, item in enumerate(items):
            widget.setItem(r, c, item)


def key_at(widget: QTableWidget, row: int) -> Any:
    item = widget.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
