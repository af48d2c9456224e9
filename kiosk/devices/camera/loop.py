"""The camera worker: read frames, decode QR codes, debounce, report; survive any fault.

Qt-free so it is testable without a display. The kiosk runs ``CameraLoop.run`` in a
QThread (or calls ``start()`` for a plain thread) and turns the callbacks into signals.
Callbacks run on the worker thread; keep them short and thread-safe (emitting a Qt
signal is both).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np

from kiosk.backoff import Backoff
from kiosk.config import CameraSettings
from kiosk.devices.camera.capture import CameraSource, SourceKind
from kiosk.devices.camera.codes import ScannedCode, classify_code
from kiosk.devices.camera.debounce import Debouncer
from kiosk.devices.camera.decode import decode_qr
from kiosk.devices.camera.photo import fit_within
from kiosk.devices.camera.status import CameraState, CameraStatus

log = logging.getLogger(__name__)

PREVIEW_MAX_SIDE = 640


class CameraLoop:
    """Scan ``settings.source`` until stopped.

    - ``on_code(ScannedCode)``: each code once per ``debounce_seconds``, ours or foreign.
    - ``on_preview(frame)``: at most ``preview_fps`` times a second, a BGR uint8 frame no
      longer than 640 px (``QImage.Format_BGR888`` takes it without conversion).
    - ``on_status(CameraStatus)``: starting, ok, unavailable (with reason), disabled, stopped;
      sent only when the state or reason changes.
    """

    def __init__(
        self,
        settings: CameraSettings,
        *,
        on_code: Callable[[ScannedCode], None],
        on_preview: Callable[[np.ndarray], None] | None = None,
        on_status: Callable[[CameraStatus], None] | None = None,
        source: CameraSource | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] | None = None,
        backoff: Backoff | None = None,
        preview_max_side: int = PREVIEW_MAX_SIDE,
        every_format: bool = False,  # 1D barcodes and every 2D code too (the desk's tracking numbers)
    ) -> None:
        self._every_format = every_format
        self._source = source or CameraSource(settings.source, width=settings.width, height=settings.height)
        self._on_code = on_code
        self._on_preview = on_preview
        self._on_status = on_status
        self._clock = clock
        self._stop = threading.Event()
        # Waiting on the stop event, not time.sleep, is what lets stop() cut a 10 s backoff short.
        self._sleep = sleep or self._stop.wait
        self._backoff = backoff or Backoff()
        self._debouncer = Debouncer(settings.debounce_seconds)
        self._preview_interval = 1.0 / settings.preview_fps
        self._preview_max_side = preview_max_side
        self._last_preview = float("-inf")
        self._status: CameraStatus | None = None
        self._latest: np.ndarray | None = None
        self._thread: threading.Thread | None = None
        self.frames_processed = 0

    @property
    def status(self) -> CameraStatus | None:
        return self._status

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest_frame(self) -> np.ndarray | None:
        """The newest full-size frame (read-only), e.g. for ``capture_still``; None before the first."""
        return self._latest

    def start(self) -> None:
        """Run the loop on a daemon thread of its own."""
        if self.is_running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="camera-loop", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the loop to end after the current frame; safe from any thread, including callbacks."""
        self._stop.set()

    def stop(self, timeout: float = 1.0) -> bool:
        """Stop and wait up to ``timeout`` s; True when the worker thread has ended.

        A network stream stuck in a read can outlast the timeout (OpenCV gives no way to
        interrupt it); the thread is a daemon and ends by itself when the read times out.
        """
        self.request_stop()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def run(self) -> None:
        """The loop itself; blocks until ``request_stop()``/``stop()``. Never raises."""
        try:
            if self._source.kind is SourceKind.NONE:
                self._set_status(CameraStatus(CameraState.DISABLED, "no camera is configured"))
                return
            self._set_status(CameraStatus(CameraState.STARTING))
            while not self._stop.is_set():
                self._step()
        finally:
            self._source.close()
            self._set_status(CameraStatus(CameraState.STOPPED))

    def _step(self) -> None:
        try:
            if not self._source.is_open and not self._source.open():
                self._wait_before_retry(self._source.last_error)
                return
            frame = self._source.read()
            if frame is None:
                self._wait_before_retry(self._source.last_error)
                return
            if self._status is None or self._status.state is not CameraState.OK:
                self._backoff.reset()
                self._set_status(CameraStatus(CameraState.OK))
            started = self._clock()
            self._process(frame, started)
            self._pace(started)
        except Exception as exc:
            # A bug or a driver surprise must not end scanning for the day: treat it as a fault.
            log.exception("camera loop step failed")
            self._source.close()
            self._wait_before_retry(f"unexpected error: {exc}")

    def _process(self, frame: np.ndarray, now: float) -> None:
        self._latest = frame
        self.frames_processed += 1
        for decoded in decode_qr(frame, every_format=self._every_format):
            code = classify_code(decoded.text if decoded.text is not None else decoded.raw)
            if self._debouncer.should_report(code.text, now):
                self._call(self._on_code, code)
        if self._on_preview is not None and now - self._last_preview >= self._preview_interval:
            self._last_preview = now
            self._call(self._on_preview, fit_within(frame, self._preview_max_side))

    def _pace(self, started: float) -> None:
        # Files would otherwise be decoded as fast as the CPU allows; cameras block in read().
        interval = self._source.frame_interval
        if interval > 0:
            remaining = interval - (self._clock() - started)
            if remaining > 0:
                self._stop.wait(remaining)

    def _wait_before_retry(self, reason: str | None) -> None:
        delay = self._backoff.next()
        self._set_status(CameraStatus(CameraState.UNAVAILABLE, reason or "camera unavailable", delay))
        if not self._stop.is_set():
            self._sleep(delay)

    def _set_status(self, status: CameraStatus) -> None:
        previous = self._status
        self._status = status
        # Only changes are news; a 10 s retry cycle must not flood the UI with identical statuses.
        if previous is not None and (previous.state, previous.reason) == (status.state, status.reason):
            return
        level = logging.WARNING if status.state is CameraState.UNAVAILABLE else logging.INFO
        log.log(level, "camera %s%s", status.state.value, f": {status.reason}" if status.reason else "")
        if self._on_status is not None:
            self._call(self._on_status, status)

    @staticmethod
    def _call(callback: Callable[..., object], argument: object) -> None:
        try:
            callback(argument)
        except Exception:
            # The UI's problem, not the camera's: log it and keep scanning.
            log.exception("camera callback %r failed", callback)
