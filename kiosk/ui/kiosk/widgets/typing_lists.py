"""Lists that filter as you type stay in sight above the on-screen keyboard.

The window slides the page just far enough to keep the field being typed in above the keyboard
(``KioskWindow.pan_for_keyboard``), so a list under the field is mostly under the keyboard: after
"zw" only the first 张伟 showed, and a visitor could pick the wrong one. While the keyboard is up
and its field has the focus, the list goes where its rows fit: under the field when there is room
between the field and the keyboard, else floating over the page just above the field (the page
above is only read while typing). Its rows get lower (not below ``MIN_ROW``) before fewer show, and
it scrolls for the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication, QLayout, QListWidget, QScroller, QWidget

from kiosk.ui.kiosk.widgets.keyboard_panel import keyboard_top, keyboard_watch

FRAME = 16  # the list's border and padding (kiosk.qss), added to its rows' heights
GAP = 10  # between the field and the list, as in the forms' layouts
EDGE = 8  # kept clear at the window's top edge and above the keyboard
MIN_ROW = 60  # px: a row still easy to hit with a finger, its name still one line of body text


def _slot(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    """The layout (nested or not) that holds ``widget``, and its index there."""
    index = layout.indexOf(widget)
    if index >= 0:
        return layout, index
    for position in range(layout.count()):
        item = layout.itemAt(position)
        child = item.layout() if item is not None else None
        found = _slot(child, widget) if child is not None else None
        if found is not None:
            return found
    return None


class ListInSight(QObject):
    """Keeps ``results`` (the list filtered by ``field``) in sight while the on-screen keyboard is up.

    ``rows_wanted`` is how many rows the list shows at most when there is room; the owner calls
    ``update`` after changing the rows. ``floating`` is True while the list sits above the field."""

    def __init__(self, field: QWidget, results: QListWidget, row_height: int,
                 rows_wanted: Callable[[], int]) -> None:
        super().__init__(results)
        self.field, self.results = field, results
        self.row_height, self.rows_wanted = row_height, rows_wanted
        self.floating = False
        self._home: tuple[QWidget, QLayout, int] | None = None
        QScroller.grabGesture(results.viewport(), QScroller.ScrollerGestureType.TouchGesture)  # a finger scrolls
        # Later, not now: the window pans the page for the keyboard in the same signal's other slots.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.update)
        keyboard_watch().changed.connect(self._later.start)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._later.start()

    def _fit(self, room: int, wanted: int) -> tuple[int, int]:
        """(rows, row height) for ``wanted`` rows in ``room`` px: full-height rows if they all fit, else lower ones."""
        inside = room - FRAME
        if inside >= wanted * self.row_height:
            return wanted, self.row_height
        rows = min(wanted, max(0, inside // MIN_ROW))
        return (rows, min(self.row_height, inside // rows)) if rows else (0, self.row_height)

    def update(self) -> None:
        """Place and size the list for the keyboard as it is now (down: in its layout, as many rows as wanted)."""
        count = self.results.count()
        wanted = min(count, self.rows_wanted())
        top = keyboard_top(self.field.window()) if count and self.field.hasFocus() else None
        if top is None:
            self._dock(wanted, self.row_height)
            return
        window = self.field.window()
        field_top = self.field.mapTo(window, QPoint(0, 0)).y()
        field_bottom = field_top + self.field.height()
        below = self._fit(top - EDGE - field_bottom - GAP, wanted)
        above = self._fit(field_top - GAP - EDGE, wanted)
        if below[0] >= above[0] and below[0] > 0:
            self._dock(*below)
        elif above[0] > 0:
            self._float(*above)
        else:  # no room either side (a screen this small has no kiosk): as without the keyboard
            self._dock(wanted, self.row_height)

    def _rows_of(self, height: int) -> None:
        for index in range(self.results.count()):
            item = self.results.item(index)
            if item.sizeHint().height() != height:
                item.setSizeHint(QSize(0, height))

    def _dock(self, rows: int, row_height: int) -> None:
        if self.floating and self._home is not None:
            parent, layout, index = self._home
            self.results.setParent(parent)
            layout.insertWidget(index, self.results)  # type: ignore[attr-defined]
            self.floating = False
        self._rows_of(row_height)
        self.results.setFixedHeight(row_height * rows + FRAME)
        self.results.setVisible(self.results.count() > 0)

    def _float(self, rows: int, row_height: int) -> None:
        page = self._page()
        if not self.floating:
            parent = self.results.parentWidget()
            layout = parent.layout() if parent is not None else None
            slot = _slot(layout, self.results) if layout is not None else None
            if parent is None or slot is None:
                return
            self._home = (parent, slot[0], slot[1])
            slot[0].removeWidget(self.results)
            self.results.setParent(page)
            self.floating = True
        self._rows_of(row_height)
        height = row_height * rows + FRAME
        corner = self.field.mapTo(page, QPoint(0, 0))
        self.results.setFixedHeight(height)
        self.results.setGeometry(QRect(corner.x(), corner.y() - GAP - height, self.field.width(), height))
        self.results.show()
        self.results.raise_()

    def _page(self) -> QWidget:
        """The screen the field is on (the stack's page): the floating list moves with it when the window pans."""
        widget = self.field
        while widget.parentWidget() is not None and widget.parentWidget() is not widget.window():
            parent = widget.parentWidget()
            assert parent is not None
            if parent.property("screen") is True:
                return parent
            widget = parent
        return widget
