"""The way into maintenance: a 3-second press in the welcome screen's top-left corner, then a PIN.

Nothing on screen gives the corner away. The PIN is checked against ``[kiosk]
maintenance_pin_hash`` (argon2, about 50 ms, so in a worker); three wrong PINs lock the
pad for a minute, also across closing and reopening it and across restarting the kiosk: the
count is kept in the database (``services/pin_locks.py``, through the kiosk's gateway).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.common.idle import IdleWatcher
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.kiosk.widgets.base import button, label

log = logging.getLogger(__name__)

CORNER_PX = 80
HOLD_MS = 3000
MAX_WRONG_PINS = 3
PIN_MIN, PIN_MAX = 6, 12  # kioskctl kiosk set-pin refuses shorter ones


class PinLock(Protocol):
    """Where wrong PINs are counted: the kiosk's gateway (``KioskGateway``)."""

    def pin_lock_state(self) -> PinLockStateLike: ...

    def record_pin_attempt(self, right: bool) -> PinLockStateLike: ...


class PinLockStateLike(Protocol):
    @property
    def wrong_pins(self) -> int: ...

    @property
    def locked_seconds(self) -> int: ...


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return PasswordHasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


class MaintenanceCorner(QWidget):
    """An invisible square over the top-left corner; ``long_pressed`` after a press held ``hold_ms``.

    A tap passes nothing on (the corner of the welcome screen is empty margin), and a finger
    that slides off the square cancels, so brushing the edge of the screen does nothing.
    """

    long_pressed = Signal()

    def __init__(self, parent: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.setObjectName("MaintenanceCorner")
        self.setGeometry(0, 0, CORNER_PX, CORNER_PX)
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(hold_ms)
        self.hold.timeout.connect(self.long_pressed)

    @property
    def holding(self) -> bool:
        return self.hold.isActive()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hold.start()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self.rect().contains(event.position().toPoint()):
            self.hold.stop()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.hold.stop()

    def hideEvent(self, event: object) -> None:
        self.hold.stop()
        super().hideEvent(event)  # type: ignore[arg-type]


class MaintenanceOverlay(QWidget):
    """Dims the kiosk and shows one card; closes itself after ``idle_seconds`` without a touch."""

    closed = Signal()

    def __init__(self, window: QWidget, idle_seconds: int, card_width: int = 700) -> None:
        super().__init__(window)
        self.setObjectName("MaintenanceOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card = QFrame(self)
        self.card.setObjectName("MaintenanceCard")
        self.card.setFixedWidth(card_width)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(48, 44, 48, 44)
        self.body.setSpacing(20)
        outer = QVBoxLayout(self)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        self.idle = IdleWatcher(self, idle_seconds)
        self.idle.idle.connect(self.close_overlay)
        self._window = window  # also the parent: the overlay covers it
        window.installEventFilter(self)
        self.hide()

    def open_overlay(self) -> None:
        self.setGeometry(self._window.rect())
        self.show()
        self.raise_()
        self.idle.start()

    def close_overlay(self) -> None:
        if not self.isVisible():
            return
        self.idle.stop()
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
        return False


class PinPad(MaintenanceOverlay):
    """Big digit buttons, the PIN shown as dots; ``submitted`` carries the digits."""

    submitted = Signal(str)

    def __init__(self, window: QWidget, idle_seconds: int) -> None:
        super().__init__(window, idle_seconds, card_width=620)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.title = label("title", align=centre)
        self.message = label("body", align=centre)
        self.dots = label("pin", wrap=False, align=centre)
        self.digits = {str(n): self._key(str(n)) for n in range(10)}
        self.clear = self._key("")
        self.ok = self._key("")
        self.ok.setProperty("role", "digit-primary")
        self.clear.clicked.connect(lambda: self._set_entry(""))
        self.ok.clicked.connect(self._submit)
        keys = QGridLayout()
        keys.setSpacing(16)
        for index, digit in enumerate("123456789"):
            keys.addWidget(self.digits[digit], index // 3, index % 3)
        keys.addWidget(self.clear, 3, 0)
        keys.addWidget(self.digits["0"], 3, 1)
        keys.addWidget(self.ok, 3, 2)
        self.keys = QWidget()
        self.keys.setLayout(keys)
        self.cancel = button("quiet")
        self.cancel.clicked.connect(self.close_overlay)
        for widget in (self.title, self.message, self.dots, self.keys, self.cancel):
            self.body.addWidget(widget)
        self.entry = ""
        self.retranslate()

    def _key(self, text: str) -> QPushButton:
        key = button("digit", text)
        if text.isdigit():
            key.clicked.connect(lambda: self._set_entry(self.entry + text))
        return key

    def _set_entry(self, entry: str) -> None:
        self.entry = entry[:PIN_MAX]
        self.dots.setText("●" * len(self.entry))
        self.ok.setEnabled(len(self.entry) >= PIN_MIN)

    def _submit(self) -> None:
        if len(self.entry) >= PIN_MIN:
            self.submitted.emit(self.entry)

    def prompt(self, message: str, *, keys: bool = True) -> None:
        """Show ``message``; with ``keys``, an empty PIN ready to type (else only "Close")."""
        self._set_entry("")
        self.message.setText(message)
        self.keys.setVisible(keys)
        self.dots.setVisible(keys)
        self.set_enabled(keys)

    def set_enabled(self, enabled: bool) -> None:
        self.keys.setEnabled(enabled)
        if enabled:
            self.ok.setEnabled(len(self.entry) >= PIN_MIN)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Maintenance"))
        self.clear.setText(self.tr("Clear"))
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Close"))


class PinGate(QObject):
    """Opens the pad on the corner gesture and emits ``unlocked`` for the right PIN."""

    unlocked = Signal()

    def __init__(self, pad: PinPad, pool: WorkerPool, pin_hash: str, pins: PinLock,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(pad)
        self.pad, self.pool, self.pin_hash, self.pins, self.clock = pad, pool, pin_hash, pins, clock
        self.wrong = 0
        self.locked_until = 0.0
        self._checking = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_state)
        pad.submitted.connect(self.check)
        pad.closed.connect(self._countdown.stop)

    @property
    def locked(self) -> bool:
        return self.clock() < self.locked_until

    def begin(self) -> None:
        if not self.pin_hash:
            self.pad.prompt(self.tr("Maintenance needs a PIN first. On this computer, run "
                                    "\u201ckioskctl kiosk set-pin\u201d and put the line it prints "
                                    "under [kiosk] in the settings file."), keys=False)
        else:
            self.pad.prompt(self.tr("Enter the maintenance PIN."))
            self.pad.set_enabled(False)  # until the database says whether this kiosk is locked
            self.pool.submit(self.pins.pin_lock_state, on_done=self._apply,
                             on_error=lambda _e: self._show_state())
        self.pad.open_overlay()

    def _apply(self, state: PinLockStateLike) -> None:
        self.wrong = state.wrong_pins
        self.locked_until = self.clock() + state.locked_seconds if state.locked_seconds else 0.0
        self._show_state()

    def _show_state(self) -> None:
        if self.locked:
            seconds = max(1, round(self.locked_until - self.clock()))
            # No plural forms: English would otherwise need an English translation file for "second(s)".
            self.pad.prompt(self.tr("Too many wrong PINs. Try again in {seconds} s.").format(seconds=seconds))
            self.pad.set_enabled(False)
            self._countdown.start()
            return
        self._countdown.stop()
        if self.wrong >= MAX_WRONG_PINS:
            self.wrong = 0  # the minute is over: three more tries
        self.pad.prompt(self.tr("Enter the maintenance PIN."))

    def check(self, pin: str) -> None:
        if self.locked or self._checking or not self.pin_hash:
            return
        self._checking = True
        self.pad.set_enabled(False)
        self.pool.submit(self._attempt, self.pin_hash, pin, on_done=self._checked, on_error=self._not_checked)

    def _attempt(self, pin_hash: str, pin: str) -> tuple[bool, PinLockStateLike]:
        """On the worker: another kiosk process (a restart) may have locked the pad meanwhile."""
        state = self.pins.pin_lock_state()
        if state.locked_seconds:
            return False, state
        right = pin_matches(pin_hash, pin)
        return right, self.pins.record_pin_attempt(right)

    def _not_checked(self, _error: object) -> None:
        self._checking = False
        self.pad.prompt(self.tr("Enter the maintenance PIN."))

    def _checked(self, outcome: tuple[bool, PinLockStateLike]) -> None:
        self._checking = False
        matched, state = outcome
        if matched:
            self.wrong = 0
            self.pad.close_overlay()
            self.unlocked.emit()
            return
        log.warning("maintenance: wrong PIN (%d of %d)", state.wrong_pins, MAX_WRONG_PINS)
        if state.locked_seconds:
            self._apply(state)
            return
        self.wrong = state.wrong_pins
        left = MAX_WRONG_PINS - self.wrong
        self.pad.prompt(self.tr("Wrong PIN. Tries left before a one-minute wait: {left}").format(left=left))
