"""Large text and high contrast, one tap away on the welcome screen, and Enter for keyboard users.

The choice is the visitor's: ``AccessibilityModes`` re-renders the application's style
sheet (``theme.Look``), so every screen follows, and goes back to the site's defaults
(``[kiosk] large_text`` / ``high_contrast``) when the visitor has gone, with the language.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.common.theme import DEFAULT_ACCENT, Look, apply_theme
from kiosk.ui.kiosk.themed_icons import IconRole, colour, repaint_all

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYBOARD_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
_BY_KEYBOARD = "kioskKeyboardFocus"  # dynamic property: did the widget's focus come from Tab or the arrows?


def _note_focus_reason(widget: QObject, event: QEvent) -> bool:
    """Remember how a watched widget got focus; True when that was not the keyboard."""
    if event.type() != QEvent.Type.FocusIn or not isinstance(event, QFocusEvent):
        return False
    by_keyboard = event.reason() in _KEYBOARD_REASONS
    widget.setProperty(_BY_KEYBOARD, by_keyboard)
    return not by_keyboard


def focused_by_keyboard(widget: QWidget) -> bool:
    """The widget has focus, given by Tab or an arrow key (a button or list made keyboard-operable here)."""
    return widget.hasFocus() and widget.property(_BY_KEYBOARD) is True


class AccessibilityModes(QObject):
    """The look in force now; ``changed`` carries the new ``Look`` after it has been applied."""

    changed = Signal(object)

    def __init__(self, defaults: Look | None = None, *, accent: str = DEFAULT_ACCENT,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.defaults = defaults or Look()
        self.accent = accent  # the company's colour ([site] accent) stays through every look
        self.look = Look()  # what app.py's apply_theme drew before any visitor chose anything

    def set_large_text(self, on: bool) -> None:
        self._use(Look(on, self.look.high_contrast))

    def set_high_contrast(self, on: bool) -> None:
        self._use(Look(self.look.large_text, on))

    def reset(self) -> None:
        self._use(self.defaults)

    def _use(self, look: Look) -> None:
        if look == self.look:
            return  # re-polishing every widget costs a frame or two: never for nothing
        self.look = look
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, "kiosk", accent=self.accent, look=look)
            repaint_all()  # icons are pixmaps: the style sheet cannot recolour them
        self.changed.emit(look)


def contrast_icon(size: int, colour: str) -> QIcon:
    """The usual contrast sign, a circle half filled (no SVG needed for two shapes)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(2.0, size / 12)
    radius = (size - pen_width) / 2
    centre = QPointF(size / 2, size / 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawPie(round(centre.x() - radius), round(centre.y() - radius), round(2 * radius), round(2 * radius),
                    90 * 16, 180 * 16)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = painter.pen()
    pen.setStyle(Qt.PenStyle.SolidLine)
    pen.setColor(QColor(colour))
    pen.setWidthF(pen_width)
    painter.setPen(pen)
    painter.drawEllipse(centre, radius, radius)
    painter.end()
    return QIcon(pixmap)


class AccessibilityToggles(QWidget):
    """Two round toggle buttons: "A+ Larger text" and the contrast sign with "High contrast"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.large_text = self._toggle()
        self.high_contrast = self._toggle()
        self.high_contrast.setIconSize(QSize(32, 32))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.large_text)
        row.addWidget(self.high_contrast)
        self.show_look(Look())
        self.retranslate()

    @staticmethod
    def _toggle() -> QPushButton:
        toggle = QPushButton()
        toggle.setProperty("role", "look")
        toggle.setCheckable(True)
        toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        return toggle

    def connect_to(self, modes: AccessibilityModes) -> None:
        self.large_text.toggled.connect(modes.set_large_text)
        self.high_contrast.toggled.connect(modes.set_high_contrast)
        modes.changed.connect(self.show_look)
        self.show_look(modes.look)

    def show_look(self, look: Look) -> None:
        self.large_text.setChecked(look.large_text)
        self.high_contrast.setChecked(look.high_contrast)
        # Checked: the text colour of the accent fill; else the page's (drawn again for each look).
        role = IconRole.ON_ACCENT if look.high_contrast else IconRole.INK
        self.high_contrast.setIcon(contrast_icon(64, colour(role)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # Words beside the signs: "A+" and a half-filled circle alone say little to most visitors.
        self.large_text.setText("A+  " + self.tr("Larger text"))
        self.large_text.setAccessibleName(self.tr("Larger text"))
        self.high_contrast.setText("  " + self.tr("High contrast"))  # a gap after the sign, as "A+" has
        self.high_contrast.setAccessibleName(self.tr("High contrast"))


class _KeyboardFocus(QObject):
    """Enter on a focused button presses it (Qt only does that inside dialogs; Space works anyway).

    Focus that did not come from Tab (Qt gives the first button focus when the window is
    activated) is dropped, so the focus ring shows only for someone using a keyboard.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _note_focus_reason(watched, event) and isinstance(watched, QWidget):
            QTimer.singleShot(0, watched, watched.clearFocus)
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and isinstance(watched, QAbstractButton)
            and watched.isEnabled()
        ):
            watched.click()
            return True
        return False


def make_keyboard_operable(owner: QObject, *widgets: QWidget) -> None:
    """Tab reaches each widget in the order given and Enter presses the buttons among them.

    Buttons take focus from Tab only (TabFocus), so touch visitors never see a focus ring left
    behind; other widgets (fields, lists) keep their own focus policy and only join the order.
    Calling it again for the same owner reuses its key filter (message buttons come and go)."""
    enter = owner.findChild(_KeyboardFocus, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if enter is None:
        enter = _KeyboardFocus(owner)
    for widget in widgets:
        if isinstance(widget, QAbstractButton):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            widget.installEventFilter(enter)
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)


class _ListKeys(QObject):
    """Enter or Space on a list's current row picks it, as a tap on the row would."""

    def __init__(self, view: QAbstractItemView, pick: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._pick = pick

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        _note_focus_reason(watched, event)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (*_ENTER_KEYS, Qt.Key.Key_Space)
            and isinstance(watched, QAbstractItemView)
            and watched.currentIndex().isValid()
        ):
            self._pick(watched.currentIndex())
            return True
        return False


class _DownIntoList(QObject):
    """Down in the search field goes to the first result, as in any search box with suggestions."""

    def __init__(self, field: QWidget, view: QAbstractItemView) -> None:
        super().__init__(field)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self._view
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and view.isVisible()
            and view.model() is not None
            and view.model().rowCount() > 0
        ):
            view.setFocus(Qt.FocusReason.TabFocusReason)
            view.setCurrentIndex(view.model().index(0, 0))
            return True
        return False


def make_list_keyboard_operable(view: QAbstractItemView, pick: Callable[[QModelIndex], None],
                                field: QWidget | None = None) -> None:
    """A list of choices reached by Tab (a tap never leaves it focused), or by Down from ``field``
    (the search box above it): arrows move, Enter or Space picks."""
    view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    view.installEventFilter(_ListKeys(view, pick))
    if field is not None:
        field.installEventFilter(_DownIntoList(field, view))


def first_focusable(widgets: Iterable[QWidget]) -> QWidget | None:
    """The first of ``widgets`` that Tab could reach right now (shown, enabled, taking focus)."""
    return next((w for w in widgets if w.isVisible() and w.isEnabled()
                 and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value), None)
