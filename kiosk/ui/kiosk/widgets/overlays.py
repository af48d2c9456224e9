"""Things shown over the current screen: the "still there?" countdown and short toasts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.kiosk.widgets.base import button, label
from kiosk.ui.kiosk.widgets.free_spot import free_spot, shown_parts

COUNTDOWN_SECONDS = 10


class IdleOverlay(QWidget):
    """Dims the screen and counts down; a touch anywhere means "still here"."""

    still_here = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.remaining = 0
        card = QFrame(self)
        card.setObjectName("IdleCard")
        card.setFixedWidth(760)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.title = label("title", align=centre)
        self.count = label("countdown", align=centre)
        self.body = label("subtitle", align=centre)
        self.stay = button("primary")
        self.stay.clicked.connect(self._stay)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(56, 56, 56, 56)
        inner.setSpacing(20)
        inner.addWidget(self.title)
        inner.addWidget(self.count)
        inner.addWidget(self.body)
        inner.addSpacing(12)
        inner.addWidget(self.stay)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._tick_down)
        self.hide()

    def begin(self, seconds: int = COUNTDOWN_SECONDS) -> None:
        self.remaining = seconds
        self.setGeometry(self._host.rect())
        self.retranslate()
        self.show()
        self.raise_()
        self._tick.start()

    def cancel(self) -> None:
        self._tick.stop()
        self.hide()

    def _stay(self) -> None:
        self.cancel()
        self.still_here.emit()

    def mousePressEvent(self, event: object) -> None:
        self._stay()

    def _tick_down(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.cancel()
            self.expired.emit()
        else:
            self.count.setText(str(self.remaining))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.count.setText(str(self.remaining))
        self.body.setText(self.tr("For your privacy, this screen will clear itself."))
        self.stay.setText(self.tr("I'm still here"))


TOAST_WIDTHS = (1100, 960, 820, 680, 560)
EDGE = 24  # px from the window's edges


class Toast(QLabel):
    """A short note that goes away by itself, put where it hides nothing on the screen below it (the
    free place nearest the bottom centre, as wide as fits). A screen with no room for it: over the foot
    of the camera preview when the screen shows one (the note is about what the camera saw, and the
    framing guide stays clear), else at the bottom."""

    def __init__(self, parent: QWidget, current_screen: Callable[[], QWidget | None] | None = None) -> None:
        super().__init__(parent)
        self._host = parent
        self._current_screen = current_screen or self._stacked_page
        self.setProperty("role", "toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str, seconds: float = 6) -> None:
        self.setText(text)
        self.setGeometry(self._place())
        self.show()
        self.raise_()
        self._timer.start(int(seconds * 1000))

    def _stacked_page(self) -> QWidget | None:
        """The window's page on show (its screens sit in one QStackedWidget)."""
        stack = self._host.findChild(QStackedWidget)
        return stack.currentWidget() if stack is not None else None

    def _height_for(self, width: int) -> int:
        self.setFixedWidth(width)
        self.adjustSize()
        return self.height()

    def _place(self) -> QRect:
        host = self._host
        area = host.rect().adjusted(EDGE, EDGE, -EDGE, -EDGE)
        widths = [w for w in TOAST_WIDTHS if w <= area.width()] or [area.width()]
        screen = self._current_screen()
        if screen is not None:
            anchor = QPoint(host.width() // 2, host.height() - EDGE)
            spot = free_spot(area, shown_parts(screen, host), widths, self._height_for, anchor)
            if spot is not None:
                self.setFixedWidth(spot.width())
                return spot
            preview = getattr(screen, "preview", None)
            if isinstance(preview, QWidget) and preview.isVisibleTo(host) and preview.width() > 2 * EDGE:
                frame = QRect(preview.mapTo(host, QPoint(0, 0)), preview.size())
                width = frame.width() - 2 * EDGE
                height = self._height_for(width)
                return QRect(frame.left() + EDGE, frame.bottom() - EDGE - height, width, height)
        width = min(1100, host.width() - 96)
        height = self._height_for(width)
        return QRect((host.width() - width) // 2, host.height() - height - 56, width, height)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
