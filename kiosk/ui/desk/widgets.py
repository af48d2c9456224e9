"""The desk's building blocks, styled by kiosk/assets/themes/admin.qss through their ``role`` property.

Text that a visitor, a host or a file supplied reaches Qt as plain text (``kiosk/ui/common/plain_text.py``):
every ``label`` is plain, and ``plain()`` is kept for the places that say so on purpose.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableView

from kiosk.ui.common.plain_text import plain

__all__ = ["button", "label", "plain", "table"]


def table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(40)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def button(text: str, role: str = "") -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    return widget


def label(text: str = "", role: str = "") -> QLabel:
    """Every desk label is plain text: whatever it shows later (a name, a reason, an error) is never read as HTML."""
    widget = plain(QLabel())
    widget.setText(text)
    if role:
        widget.setProperty("role", role)
    return widget
