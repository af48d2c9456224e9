"""The worker pool: results and service errors come back on the GUI thread; stale answers are dropped."""

from __future__ import annotations

import threading

import pytest

from kiosk.services.errors import Conflict
from kiosk.ui.common.workers import UnexpectedError, WorkerPool


@pytest.fixture
def pool(qtbot):
    created = WorkerPool()
    yield created
    created.shutdown()


def test_result_is_delivered_on_the_gui_thread(pool: WorkerPool, qtbot) -> None:
    seen: list[tuple[object, bool]] = []
    main = threading.current_thread()

    def job() -> str:
        assert threading.current_thread() is not main
        return "done"

    pool.submit(job, on_done=lambda value: seen.append((value, threading.current_thread() is main)))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [("done", True)]


def test_service_error_goes_to_on_error(pool: WorkerPool, qtbot) -> None:
    errors: list[Exception] = []

    def job() -> None:
        raise Conflict("already rated")

    pool.submit(job, on_done=lambda _v: pytest.fail("no result expected"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], Conflict)


@pytest.mark.expect_log("background job")
def test_a_bug_is_logged_and_reported_as_unexpected(qtbot, caplog) -> None:
    errors: list[Exception] = []
    pool = WorkerPool(synchronous=True)
    pool.submit(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], UnexpectedError)
    assert "background job" in caplog.text
    pool.shutdown()


def test_cancelled_jobs_finish_but_nobody_is_told(pool: WorkerPool, qtbot) -> None:
    release = threading.Event()
    told: list[object] = []
    pool.submit(release.wait, 5, on_done=told.append)
    pool.cancel_pending()
    release.set()
    assert pool.wait_idle(3000)
    qtbot.wait(50)
    assert told == []
