"""HeldWorkerPool keeps the real pool's promises: answers go to on_done/on_error, cancelled ones go nowhere."""

from __future__ import annotations

import pytest

from kiosk.services.errors import Conflict
from kiosk.ui.common.workers import UnexpectedError
from tests.ui.held_pool import HeldWorkerPool


@pytest.fixture
def pool(qtbot) -> HeldWorkerPool:
    held = HeldWorkerPool()
    yield held
    held.shutdown()


def test_nothing_runs_until_the_test_says_and_answers_come_in_any_order(pool: HeldWorkerPool) -> None:
    calls: list[str] = []
    seen: list[str] = []

    def echo(text: str) -> str:
        calls.append(text)
        return text.upper()

    first = pool.submit(echo, "a", on_done=seen.append)
    pool.submit(echo, "b", on_done=seen.append)
    assert calls == [] and pool.is_pending(first) and not pool.wait_idle()
    pool.run(1)
    pool.run(0)
    assert (calls, seen) == (["b", "a"], ["B", "A"])
    assert pool.pending() == [] and not pool.is_pending(first) and pool.wait_idle()


@pytest.mark.expect_log("background job")
def test_errors_and_made_up_answers_go_where_the_real_pool_sends_them(pool: HeldWorkerPool, caplog) -> None:
    errors: list[Exception] = []
    done: list[object] = []
    pool.submit(lambda: 1 / 0, on_error=errors.append)
    pool.submit(pytest.fail, "not called", on_done=done.append, on_error=errors.append)
    pool.submit(pytest.fail, "not called", on_done=done.append, on_error=errors.append)
    pool.run(0)
    pool.resolve(1, error=Conflict("already rated"))
    pool.resolve(2, result="made up")
    assert [type(e) for e in errors] == [UnexpectedError, Conflict]
    assert done == ["made up"]
    assert "background job" in caplog.text


def test_cancelled_jobs_still_run_but_nobody_is_told(pool: HeldWorkerPool) -> None:
    calls: list[int] = []
    told: list[object] = []
    pool.submit(calls.append, 1, on_done=told.append)
    pool.cancel_pending()
    assert len(pool.pending()) == 1
    pool.run_all()
    assert (calls, told) == ([1], [])


def test_execute_reads_now_and_delivers_later(pool: HeldWorkerPool) -> None:
    state = {"value": "before"}
    seen: list[str] = []
    pool.submit(lambda: state["value"], on_done=seen.append)
    job = pool.execute(-1)
    state["value"] = "after"
    assert seen == []
    pool.run(job)
    assert seen == ["before"]
    with pytest.raises(AssertionError, match="already answered"):
        pool.run(job)


def test_run_all_follows_answers_that_ask_again_and_stops_a_loop(pool: HeldWorkerPool) -> None:
    def again(_result: object) -> None:
        pool.submit(int, on_done=again)

    pool.submit(int, on_done=again)
    with pytest.raises(AssertionError, match="polling loop"):
        pool.run_all(limit=5)
