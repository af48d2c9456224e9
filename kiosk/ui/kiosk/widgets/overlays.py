"""Things shown over the current screen: the "still there?" countdown and short toasts."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.kiosk.widgets.base import button, label

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


class Toast(QLabel):
    """A short note at the bottom of the window that goes away by itself."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
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
        parent = self._host
        width = min(1100, parent.width() - 96)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - width) // 2, parent.height() - self.height() - 56)
        self.show()
        self.raise_()
        self._timer.start(int(seconds * 1000))

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()
