"""The kiosk's one window: every screen in a stack, overlays on top, fullscreen without a way out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.ui.kiosk.accessibility import focused_by_keyboard
from kiosk.ui.kiosk.brand import Brand
from kiosk.ui.kiosk.screens.agreement import AgreementScreen
from kiosk.ui.kiosk.screens.delivery import DeliveryScreen
from kiosk.ui.kiosk.screens.done import DoneScreen
from kiosk.ui.kiosk.screens.message import MessageScreen
from kiosk.ui.kiosk.screens.photo import PhotoScreen
from kiosk.ui.kiosk.screens.rating import RatingScreen
from kiosk.ui.kiosk.screens.scan import ScanScreen
from kiosk.ui.kiosk.screens.sign_out import SignOutScreen
from kiosk.ui.kiosk.screens.waiting import WaitingScreen
from kiosk.ui.kiosk.screens.walk_in import WalkInScreen
from kiosk.ui.kiosk.screens.welcome import WelcomeScreen
from kiosk.ui.kiosk.widgets.base import Screen
from kiosk.ui.kiosk.widgets.keyboard_panel import KeyboardPanel, keyboard_in_window
from kiosk.ui.kiosk.widgets.overlays import IdleOverlay, Toast

log = logging.getLogger(__name__)
KEYBOARD_GAP = 32  # px between the field being typed in and the top of the on-screen keyboard
DESIGN_SIZE = (1920, 1080)  # what every screen is laid out for, turned for portrait


def scale_to_fit(width: int, height: int, scale: float) -> float | None:
    """The ``[kiosk] scale`` that fits the screens on a ``width`` x ``height`` panel (device pixels) drawn at
    ``scale``, when the present one does not (None: it fits). Logical pixels are device pixels / scale."""
    long_side, short_side = max(width, height), min(width, height)
    fits = min(long_side / scale / DESIGN_SIZE[0], short_side / scale / DESIGN_SIZE[1])
    if fits >= 0.98:
        return None
    return round(min(long_side / DESIGN_SIZE[0], short_side / DESIGN_SIZE[1]), 2)


class KioskWindow(QWidget):
    def __init__(self, brand: Brand, now: Callable[[], datetime], zone: ZoneInfo) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setWindowTitle(brand.name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Only the program may close the kiosk (shutdown, tests); Alt+F4 and friends are ignored.
        self.allow_close = False
        self.welcome = WelcomeScreen(brand, now, zone)
        self.scan = ScanScreen()
        self.done = DoneScreen()
        self.message = MessageScreen()
        self.rating = RatingScreen()
        self.sign_out = SignOutScreen()
        self.walk_in = WalkInScreen()
        self.waiting = WaitingScreen()
        self.agreement = AgreementScreen()
        self.photo = PhotoScreen()
        self.delivery = DeliveryScreen()
        # The camera's preview is wired to the scan screen; welcome and the photo step show the same frames.
        self.scan.frame_arrived.connect(self.photo.set_preview)
        self.scan.frame_arrived.connect(self.welcome.set_preview)
        # Placed by hand, not by a layout: when the on-screen keyboard covers the lower half,
        # the whole page slides up so the field being typed in stays visible (see pan_for_keyboard).
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("KioskStack")
        for screen in self.screens():
            self.stack.addWidget(screen)
        self._pan = 0
        self._typing_repaints: _RepaintOnTyping | None = None
        self.idle_overlay = IdleOverlay(self)
        self.toast = Toast(self)
        # The on-screen keyboard drawn in this window (cage would focus a window of its own); made
        # before the connections below so it is placed before the page pans for it.
        self.keyboard_panel = KeyboardPanel(self) if keyboard_in_window() else None
        keyboard = QGuiApplication.inputMethod()
        keyboard.visibleChanged.connect(self.follow_keyboard)
        keyboard.keyboardRectangleChanged.connect(self.follow_keyboard)

    def screens(self) -> list[Screen]:
        return [self.welcome, self.scan, self.done, self.message, self.rating, self.sign_out, self.walk_in,
                self.waiting, self.agreement, self.photo, self.delivery]

    def current(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def show_screen(self, screen: Screen) -> None:
        # A button or list reached by Tab or the arrows means a keyboard user: the next screen's
        # first step gets the focus too. A touch visitor's next screen gets none.
        focus = QApplication.focusWidget()
        by_keyboard = (
            focus is not None
            and self.stack.isAncestorOf(focus)
            and focused_by_keyboard(focus)
            and screen is not self.current()
        )
        if by_keyboard and focus is not None:
            focus.clearFocus()
        self.stack.setCurrentWidget(screen)
        if by_keyboard:
            entry = screen.keyboard_entry()
            if entry is not None:
                entry.setFocus(Qt.FocusReason.TabFocusReason)

    def resizeEvent(self, event: object) -> None:
        self.stack.setGeometry(0, -self._pan, self.width(), self.height())
        if self.idle_overlay.isVisible():
            self.idle_overlay.setGeometry(self.rect())
        if self.keyboard_panel is not None and self.keyboard_panel.isVisible():
            self.keyboard_panel.place()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def follow_keyboard(self) -> None:
        keyboard = QGuiApplication.inputMethod()
        if self.keyboard_panel is not None:
            panel = self.keyboard_panel
            self.pan_for_keyboard(panel.y() if keyboard.isVisible() and panel.isVisible() else None)
            return
        area = keyboard.keyboardRectangle()
        # The window fills the screen from its top-left corner, so screen and window coordinates agree.
        self.pan_for_keyboard(int(area.top()) if keyboard.isVisible() and not area.isEmpty() else None)

    def pan_for_keyboard(self, keyboard_top: int | None) -> None:
        """Slide the page up just enough to keep the focused field above ``keyboard_top`` (None: keyboard gone)."""
        focus = QApplication.focusWidget()
        shift = 0
        if keyboard_top is not None and focus is not None and self.stack.isAncestorOf(focus):
            bottom = focus.mapTo(self.stack, QPoint(0, focus.height())).y()
            shift = max(0, bottom + KEYBOARD_GAP - keyboard_top)
        self._pan = shift
        self.stack.setGeometry(0, -shift, self.width(), self.height())

    def repaint_whole_on_typing(self) -> None:
        """At a fractional scale (``[kiosk] scale``) Qt under Wayland loses small repaints: a word typed into
        a field never showed. Each key or input-method event then repaints the whole window (typing is
        slow enough for that to cost nothing a visitor notices)."""
        if self._typing_repaints is None:
            self._typing_repaints = _RepaintOnTyping(self)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self._typing_repaints)

    def show_kiosk(self) -> None:
        """Fullscreen on the primary screen. Without a window manager, showFullScreen alone may not
        place or size the window, so the geometry is set first; frameless so nothing can be dragged."""
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
            self._warn_if_too_small(screen.geometry().width(), screen.geometry().height(),
                                    screen.devicePixelRatio())
        self.showFullScreen()

    @staticmethod
    def _warn_if_too_small(width: int, height: int, ratio: float) -> None:
        wanted = scale_to_fit(round(width * ratio), round(height * ratio), ratio)
        if wanted is not None:
            log.warning("the screen is %dx%d pixels and the kiosk is laid out for 1920x1080: parts of the screens "
                        "will be cut off; set [kiosk] scale = %s", round(width * ratio), round(height * ratio),
                        f"{wanted:g}")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            super().closeEvent(event)
        else:
            event.ignore()


class _RepaintOnTyping(QObject):
    _TYPING = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._queued = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._TYPING and not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._repaint)  # after the field has taken the text
        return False

    def _repaint(self) -> None:
        self._queued = False
        self._window.update()
