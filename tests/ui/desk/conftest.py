"""Fixtures the desk's view tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.ui.common.workers import WorkerPool


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    """A worker pool that runs each job at once on the test's thread, shut down after the test."""
    made = WorkerPool(synchronous=True)
    yield made
    made.shutdown()
