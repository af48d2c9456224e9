"""A worker pool that holds every job until the test says it is answered: late and out-of-order answers, on demand.

The kiosk runs each service call through ``WorkerPool``; tests usually run it
``synchronous=True``, so an answer always arrives before the next tap and the flow's
guards against stale answers (the visitor went home, a newer search overtook an older
one, the visitor withdrew) never meet one. ``HeldWorkerPool`` records each ``submit()``
and runs nothing::

    @pytest.fixture
    def kiosk_pool():                    # tests/ui/conftest.py builds ``kiosk`` with this pool
        return HeldWorkerPool()

    ...                                  # taps and scans: jobs pile up in kiosk.pool
    z, zh = kiosk.pool.pending("search_hosts")
    kiosk.pool.run(zh)                   # the newer question is answered first
    kiosk.pool.run(z)                    # the older answer arrives late

``run(job)`` calls the job's function on the test thread and delivers its result (or its
``ServiceError``; any other exception is logged and wrapped exactly as the real pool does)
through ``WorkerPool._deliver``, the real pool's delivery path: after
``cancel_pending()`` the answer is dropped, as it is in the kiosk. ``resolve(job,
result=...)`` / ``resolve(job, error=...)`` deliver a made-up answer without calling the
function; ``execute(job)`` calls the function now and leaves the answer undelivered (the
database was read at this moment, the answer arrives later). Jobs are ``HeldJob`` objects
or their index in ``jobs`` (every job submitted, in order; ``-1`` is the latest).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool, _call, _Job

_UNSET: Any = object()


@dataclass(eq=False)
class HeldJob:
    """One service call the kiosk asked for: the function, its arguments, and whether it has been answered."""

    id: int
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Any], None] | None
    outcome: tuple[bool, Any] | None = field(default=None, repr=False)  # (ok, value) once executed
    delivered: bool = False

    @property
    def name(self) -> str:
        """The function's name, e.g. ``"search_hosts"`` for ``gateway.search_hosts``."""
        return str(getattr(self.fn, "__name__", self.fn))

    def __repr__(self) -> str:
        state = "delivered" if self.delivered else "executed" if self.outcome else "held"
        return f"<HeldJob {self.id} {self.name}{self.args!r} {state}>"


class HeldWorkerPool(WorkerPool):
    """``WorkerPool`` whose jobs wait until the test runs or resolves them (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(synchronous=False, max_threads=1)
        self.jobs: list[HeldJob] = []
        self._held_ids = itertools.count(1)

    # -- the WorkerPool interface the kiosk uses ---------------------------------------------------------------

    def submit(
        self, fn: Callable[..., Any], *args: Any,
        on_done: Callable[[Any], None] | None = None, on_error: Callable[[Any], None] | None = None,
    ) -> int:
        job = HeldJob(next(self._held_ids), fn, args, on_done, on_error)
        # The real pool's bookkeeping, so is_pending() and cancel_pending() behave as they do in the kiosk.
        self._jobs[job.id] = _Job(on_done, on_error)
        self.jobs.append(job)
        return job.id

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Nothing runs by itself here: "idle" means no job is left waiting for the test."""
        return not self.pending()

    def shutdown(self, timeout_ms: int = 5_000) -> None:
        self.cancel_pending()

    # -- what the test does --------------------------------------------------------------------------------------

    def pending(self, name: str | None = None) -> list[HeldJob]:
        """Jobs not yet answered, oldest first (also those whose callbacks cancel_pending() dropped: they still
        run in the real pool); ``name`` keeps only calls of that function."""
        return [j for j in self.jobs if not j.delivered and (name is None or j.name == name)]

    def job(self, which: HeldJob | int) -> HeldJob:
        return which if isinstance(which, HeldJob) else self.jobs[which]

    def execute(self, which: HeldJob | int) -> HeldJob:
        """Call the function now (on the test thread); its answer is delivered by a later ``run``/``resolve``."""
        job = self.job(which)
        assert job.outcome is None, f"{job} was already executed"
        job.outcome = _call(job.fn, job.args)
        return job

    def run(self, which: HeldJob | int) -> HeldJob:
        """Call the function (unless ``execute`` already did) and deliver its answer as the real pool would."""
        job = self.job(which)
        if job.outcome is None:
            self.execute(job)
        assert job.outcome is not None
        return self._deliver_held(job, *job.outcome)

    def resolve(self, which: HeldJob | int, *, result: Any = _UNSET, error: ServiceError | None = None) -> HeldJob:
        """Deliver ``result`` (to on_done) or ``error`` (to on_error) without calling the function;
        with neither, the same as ``run``."""
        job = self.job(which)
        if error is not None:
            assert result is _UNSET, "a result or an error, not both"
            return self._deliver_held(job, False, error)
        if result is _UNSET:
            return self.run(job)
        return self._deliver_held(job, True, result)

    def run_all(self, *, limit: int = 100) -> int:
        """Answer every held job in order, also those the answers themselves ask for; returns how many ran."""
        count = 0
        while queue := self.pending():
            assert count < limit, f"still asking after {limit} answers (a polling loop?): {queue}"
            self.run(queue[0])
            count += 1
        return count

    def _deliver_held(self, job: HeldJob, ok: bool, value: Any) -> HeldJob:
        assert not job.delivered, f"{job} was already answered"
        job.delivered = True
        self._deliver(job.id, ok, value)
        return job
