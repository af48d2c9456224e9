"""Where scanned codes come from: the camera (on its own QThread) and a keyboard-wedge scanner.

Both end in ``ScanInput.code`` carrying a classified ``ScannedCode``, so the flow has
one path for every code however it arrived (tests feed that same path).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import CameraSettings
from kiosk.devices.camera import ScannedCode, classify_code
from kiosk.devices.scanner import WedgeDetector

if TYPE_CHECKING:
    import numpy as np

    from kiosk.devices.camera.loop import CameraLoop

log = logging.getLogger(__name__)


class CameraThread(QThread):
    """``CameraLoop.run`` on a QThread; its callbacks become signals (emitting is thread-safe)."""

    code = Signal(object)  # ScannedCode
    preview = Signal(QImage)
    status = Signal(object)  # CameraStatus

    def __init__(self, settings: CameraSettings, parent: QObject | None = None, *, every_format: bool = False) -> None:
        super().__init__(parent)
        self._every_format = every_format  # 1D barcodes too (the desk's parcel tracking numbers)
        self.setObjectName("camera")
        # Converting frames costs CPU on a small machine: only while a screen shows the preview.
        self.preview_wanted = False
        self._settings = settings
        self._loop: CameraLoop | None = None  # made on the camera thread
        self._stop_requested = False

    def run(self) -> None:
        # Imported here, on the camera thread: OpenCV and zxing-cpp stay off the kiosk's start-up path.
        from kiosk.devices.camera.loop import CameraLoop

        self._loop = CameraLoop(
            self._settings, on_code=self.code.emit, on_preview=self._send_preview, on_status=self.status.emit,
            every_format=self._every_format,
        )
        if not self._stop_requested:
            self._loop.run()

    def stop(self, timeout_ms: int = 3000) -> None:
        self._stop_requested = True
        if self._loop is not None:
            self._loop.request_stop()
        if self.isRunning() and not self.wait(timeout_ms):
            log.warning("camera thread did not stop within %d ms", timeout_ms)

    def _send_preview(self, frame: np.ndarray) -> None:
        if not self.preview_wanted:
            return
        import numpy as np  # on the camera thread, which has loaded it already

        height, width = frame.shape[:2]
        frame = np.ascontiguousarray(frame)
        image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)
        # copy(): the QImage must own its pixels once the numpy frame is gone.
        self.preview.emit(image.copy())


class ScanInput(QObject):
    """The single entry point for scanned text."""

    code = Signal(object)  # ScannedCode

    def deliver_text(self, text: str) -> None:
        self.code.emit(classify_code(text))

    def deliver(self, code: ScannedCode) -> None:
        self.code.emit(code)


class WedgeFilter(QObject):
    """Watches key presses in the kiosk window; a scanner's fast burst becomes a scan, typing passes through.

    Keys are held back for at most ``max_gap`` (50 ms) and then replayed to the widget
    that had focus, so a visitor typing in a form sees no difference.
    """

    def __init__(self, window: QWidget, scan_input: ScanInput, detector: WedgeDetector | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._input = scan_input
        self._detector = detector or WedgeDetector()
        self._replaying = False
        self._target: QObject | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._release_due)

    def install(self) -> None:
        app = QApplication.instance()
        assert app is not None, "needs a QApplication"
        app.installEventFilter(self)

    def uninstall(self) -> None:
        self._poll.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress or not self._in_window(watched):
            return False
        assert isinstance(event, QKeyEvent)
        char = self._char(event)
        if char is None:
            # Backspace, arrows, shortcuts: whatever is held goes first, in order.
            self._replay(self._detector.flush())
            return False
        self._target = watched
        stamp = event.timestamp() / 1000 if event.timestamp() else time.monotonic()
        out = self._detector.feed(char, stamp)
        self._replay(out.passthrough)
        if out.scanned is not None:
            self._input.deliver_text(out.scanned)
        if self._detector.holding:
            self._poll.start()
        return True

    def _in_window(self, watched: QObject) -> bool:
        # The event filter sees a key once per widget it propagates through; act on the first (the focus widget).
        if not isinstance(watched, QWidget) or not (watched is self._window or self._window.isAncestorOf(watched)):
            return False
        focus = QApplication.focusWidget()
        return focus is None or watched is focus

    @staticmethod
    def _char(event: QKeyEvent) -> str | None:
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return "\r"
        text = event.text()
        return text if len(text) == 1 and text.isprintable() else None

    def _release_due(self) -> None:
        self._replay(self._detector.poll(time.monotonic()))
        if not self._detector.holding:
            self._poll.stop()

    def _replay(self, text: str) -> None:
        target = self._target
        if not text or target is None:
            return
        self._replaying = True
        try:
            for char in text:
                key = Qt.Key.Key_Return if char in "\r\n" else Qt.Key.Key_unknown
                event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
                QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False
