"""Where a note can go over a screen without hiding anything on it: the free space between what the
screen shows (its buttons, texts, pictures, fields), found on a coarse grid."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QLineEdit, QWidget

CELL = 8  # px: the grid the search runs on
CLEARANCE = 16  # px kept free around what the screen shows


def shown_parts(screen: QWidget, window: QWidget) -> list[QRect]:
    """What a visitor sees on ``screen``, in ``window`` coordinates: every visible leaf widget that draws
    something (a label with text or a picture, a button, a field, a list), and any custom-drawn widget
    with nothing inside (a camera preview)."""
    parts = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0 or widget.height() <= 0:
            continue
        if isinstance(widget, QLabel):
            if not widget.text() and widget.pixmap().isNull():
                continue
        elif not isinstance(widget, (QAbstractButton, QLineEdit, QAbstractScrollArea)):
            if any(child.isVisibleTo(window) for child in widget.findChildren(QWidget)):
                continue  # a container: its contents count, not its empty space
            if type(widget) is QWidget:
                continue  # a bare spacer widget draws nothing
        parts.append(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
    return parts


def free_spot(area: QRect, taken: Iterable[QRect], widths: Iterable[int], height_for: Callable[[int], int],
              anchor: QPoint) -> QRect | None:
    """The widest of ``widths`` that fits somewhere in ``area`` clear of ``taken``, at the free place nearest
    ``anchor``; None when no width fits anywhere."""
    columns, rows = area.width() // CELL, area.height() // CELL
    if columns <= 0 or rows <= 0:
        return None
    busy = [[0] * columns for _ in range(rows)]
    for rect in taken:
        grown = rect.adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE).translated(-area.left(), -area.top())
        for row in range(max(0, grown.top() // CELL), min(rows, grown.bottom() // CELL + 1)):
            line = busy[row]
            for column in range(max(0, grown.left() // CELL), min(columns, grown.right() // CELL + 1)):
                line[column] = 1
    # Sums over the grid, so "is this block free" is four lookups.
    sums = [[0] * (columns + 1) for _ in range(rows + 1)]
    for row in range(rows):
        running = 0
        for column in range(columns):
            running += busy[row][column]
            sums[row + 1][column + 1] = sums[row][column + 1] + running
    for width in sorted(widths, reverse=True):
        height = height_for(width)
        span_x, span_y = -(-width // CELL), -(-height // CELL)
        # Measured from the anchor to the spot's centre, in px relative to the grid's origin.
        aim_x, aim_y = anchor.x() - area.left() - width // 2, anchor.y() - area.top() - height // 2
        best: tuple[int, int, int] | None = None
        for top in range(rows - span_y + 1):
            upper, lower = sums[top], sums[top + span_y]
            for left in range(columns - span_x + 1):
                right = left + span_x
                if lower[right] - upper[right] - lower[left] + upper[left]:
                    continue
                distance = abs(left * CELL - aim_x) + abs(top * CELL - aim_y)
                if best is None or distance < best[0]:
                    best = (distance, left, top)
        if best is not None:
            return QRect(area.left() + best[1] * CELL, area.top() + best[2] * CELL, width, height)
    return None
