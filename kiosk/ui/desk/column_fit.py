"""A list's columns where there is room for them: while a table's columns do not fit its width, its optional
columns are hidden, in the order given (what the detail beside the list says anyway), and shown again when the
list is wider. So a desk on a 1440-pixel screen reads its lists without scrolling sideways, and a wider one
shows everything.

    fit = ColumnFit(table, optional=(5, 4), least={2: 140})   # column 2 stretches: at least 140 px for it
    fit.fit()   # after the rows change; the list's own resizes are followed
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFit(QObject):
    def __init__(self, view: QTableView, optional: Sequence[int], *, least: Mapping[int, int] | None = None) -> None:
        super().__init__(view)
        self.view, self.optional, self.least = view, tuple(optional), dict(least or {})
        self._fitting = False
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)  # the viewport: a scroll bar coming or going resizes it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport and self.view.isVisible():
            self.fit()
        return False

    def needs(self, column: int) -> int:
        """The width the column takes shown: its heading and contents, or for one that stretches, its least."""
        header = self.view.horizontalHeader()
        heading = header.sectionSizeHint(column)
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            return max(heading, self.least.get(column, 0))
        width = max(heading, self.view.sizeHintForColumn(column))
        last = header.count() - 1
        if column == last and header.stretchLastSection():  # stretched, it is never below the default size
            return max(width, self.least.get(column, 0), header.defaultSectionSize())
        return width

    def fit(self) -> None:
        if self._fitting or self.view.model() is None:
            return
        self._fitting = True
        try:
            for column in self.optional:
                self.view.setColumnHidden(column, False)  # measured shown (a hidden heading measures nothing)
            count = self.view.horizontalHeader().count()
            total = sum(self.needs(c) for c in range(count) if not self.view.isColumnHidden(c))
            room = self.view.viewport().width()
            for column in self.optional:
                if total <= room:
                    break
                total -= self.needs(column)
                self.view.setColumnHidden(column, True)
        finally:
            self._fitting = False

    def hidden(self) -> list[int]:
        return [column for column in self.optional if self.view.isColumnHidden(column)]


__all__ = ["ColumnFit"]
