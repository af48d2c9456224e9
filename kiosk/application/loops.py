"""One base for the background loops: housekeeping, notification dispatch, badge printing.

A loop calls ``step()`` on a daemon thread of its own until it is stopped. ``step`` does one
pass and says whether more work is already waiting (then the next pass starts at once);
otherwise the loop sleeps ``interval`` seconds or until ``wake()``. A pass that raises is
logged, and the loop waits longer after each failure in a row (``Backoff``), so a database
that went away is not hammered, and starts over at ``interval`` after a success. ``stop()``
cuts any wait short. ``health`` tells a status bar whether the loop is alive and well.

Only the entry points (``kiosk``, ``kiosk-admin``, ``kioskctl``) call ``start()``; tests call
``step()`` or ``run_once()`` directly.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

from kiosk.backoff import Backoff

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoopHealth:
    name: str
    running: bool
    last_success_at: datetime | None
    failures_in_a_row: int
    last_error: str | None

    @property
    def healthy(self) -> bool:
        return self.running and self.failures_in_a_row == 0


class BackgroundLoop:
    name = "loop"

    def __init__(self, *, interval: float, max_backoff: float = 60.0) -> None:
        self.interval = interval
        self._backoff = Backoff(initial=interval, maximum=max(max_backoff, interval))
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_success_at: datetime | None = None
        self._failures = 0
        self._last_error: str | None = None

    # -- what a loop does ---------------------------------------------------------------------------

    def step(self) -> bool:
        """One pass; True when more is waiting and the next pass should start at once."""
        raise NotImplementedError

    def before_first_step(self) -> None:
        """Runs once on the loop's thread before the first pass (recover what a crash left behind)."""

    # -- running ----------------------------------------------------------------------------------------

    def run(self) -> None:
        """Blocks until ``stop()``/``request_stop()``; never raises."""
        log.info("%s started", self.name)
        first = True
        while not self._stop.is_set():
            try:
                if first:
                    self.before_first_step()
                    first = False
                more = self.step()
            except Exception as exc:
                self._note_failure(exc)
                self._sleep(self._backoff.next())
                continue
            self._note_success()
            if not more:
                self._sleep(self.interval)
        log.info("%s stopped", self.name)

    def _note_success(self) -> None:
        if self._failures:
            log.info("%s works again after %d failed passes", self.name, self._failures)
        self._failures, self._last_error = 0, None
        self._last_success_at = datetime.now(UTC)
        self._backoff.reset()

    def _note_failure(self, exc: Exception) -> None:
        self._failures += 1
        self._last_error = f"{type(exc).__name__}: {exc}"
        # The trace once per streak; after that one line, or a long outage would fill the log.
        log.warning("%s pass failed (%d in a row)", self.name, self._failures, exc_info=self._failures == 1)

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def start(self) -> Self:
        if self._thread is not None and self._thread.is_alive():
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name=self.name, daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """Work was just queued: look now rather than after the interval."""
        self._wake.set()

    def request_stop(self) -> None:
        """Ask the loop to end after the current pass; safe from any thread and from signal handlers."""
        self._stop.set()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop and wait up to ``timeout`` s for the current pass to finish; True when the thread has ended."""
        self.request_stop()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def health(self) -> LoopHealth:
        return LoopHealth(self.name, self.alive, self._last_success_at, self._failures, self._last_error)
