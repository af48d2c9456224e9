"""Run a callable off the GUI thread; get its result (or its ServiceError) back on the GUI thread.

    pool.submit(gateway.check_in, token, on_done=self.show_done, on_error=self.show_problem)

The callable runs on a ``QThreadPool`` thread; ``on_done``/``on_error`` run on the
thread that owns the pool (the GUI thread), delivered through a queued signal, so a
slow database or SMTP server never freezes the screen. ``cancel_pending()`` drops the
callbacks of jobs still in flight (the visitor walked away; their answer is stale).

``synchronous=True`` runs the job inline: tests get deterministic, single-threaded flows.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.services.errors import ServiceError

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class UnexpectedError(ServiceError):
    """A bug or an outage (database gone): the screen says "something went wrong", the log has the trace."""

    code = "unexpected"


@dataclass
class _Job:
    on_done: Callback | None
    on_error: Callback | None


class _Bridge(QObject):
    # (job id, succeeded, result or error); emitted on a pool thread, received on the GUI thread.
    finished = Signal(int, bool, object)


class _Runnable(QRunnable):
    def __init__(self, job_id: int, bridge: _Bridge, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self._job_id, self._bridge, self._fn, self._args = job_id, bridge, fn, args

    def run(self) -> None:
        ok, value = _call(self._fn, self._args)
        self._bridge.finished.emit(self._job_id, ok, value)


def _call(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
    try:
        return True, fn(*args)
    except ServiceError as exc:
        return False, exc
    except Exception as exc:
        log.exception("background job %s failed", getattr(fn, "__qualname__", fn))
        return False, UnexpectedError(str(exc) or type(exc).__name__)


class WorkerPool(QObject):
    """A small pool (2 threads: the kiosk writes one thing at a time, the machine is small)."""

    def __init__(self, *, synchronous: bool = False, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}

    def submit(
        self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None, on_error: Callback | None = None
    ) -> int:
        job_id = next(self._ids)
        self._jobs[job_id] = _Job(on_done, on_error)
        if self.synchronous:
            ok, value = _call(fn, args)
            self._deliver(job_id, ok, value)
        else:
            self._pool.start(_Runnable(job_id, self._bridge, fn, args))
        return job_id

    def is_pending(self, job_id: int | None) -> bool:
        return job_id is not None and job_id in self._jobs

    def cancel_pending(self) -> None:
        """Forget every job in flight: it still finishes, but nobody is told."""
        self._jobs.clear()

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every started job has run (tests, shutdown). Results are delivered by the event loop."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 5_000) -> None:
        self.cancel_pending()
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)

    def _deliver(self, job_id: int, ok: bool, value: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        callback = job.on_done if ok else job.on_error
        if callback is not None:
            callback(value)
        elif not ok:
            log.warning("background job failed and nobody asked: %s", value)
