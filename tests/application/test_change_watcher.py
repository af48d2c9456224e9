"""The desk hears, within a second, which areas a kiosk or another desk changed (and its own changes),
and nothing when nobody changed anything. Runs on SQLite and, with KIOSK_TEST_DATABASE_URL, PostgreSQL."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.application.change_watcher import ChangeWatcher
from kiosk.application.housekeeping import Housekeeping
from kiosk.config import Settings, SiteSettings
from kiosk.db import Database
from kiosk.db.changes import LISTENER_APPLICATION_NAME
from kiosk.domain.changes import ALL_AREAS, Area
from kiosk.domain.security import DenyKind
from kiosk.models import Host
from kiosk.services.directory import hosts
from kiosk.services.visits import denylist
from tests.conftest import SITE, START
from tests.factories import add_host, invite

WRITER = Path(__file__).with_name("change_writer.py")
ROOT = Path(__file__).parents[2]
LIMIT = 1.0  # seconds from a commit to the desk hearing of it


class Heard:
    """What the desk's on_change was called with, and when (wall clock, like the writer's times)."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, frozenset[Area]]] = []
        self._changed = threading.Condition()

    def __call__(self, areas: frozenset[Area]) -> None:
        with self._changed:
            self.calls.append((time.time(), areas))
            self._changed.notify_all()

    def first(self, area: Area, *, after: float = 0.0, timeout: float = 10.0) -> tuple[float, frozenset[Area]] | None:
        """The first call since ``after`` naming ``area``, waiting up to ``timeout`` s for it."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for call in self.calls:
                    if call[0] >= after and area in call[1]:
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._changed.wait(remaining)

    def areas(self) -> set[Area]:
        with self._changed:
            return {area for _, areas in self.calls for area in areas}


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def watch(database: Database, heard: Heard) -> Iterator[Callable[..., ChangeWatcher]]:
    """Start a watcher on the test database (as a desk does) and wait until it is watching."""
    started: list[ChangeWatcher] = []

    def start(db: Database | None = None, *, wait: bool = True, **options: float) -> ChangeWatcher:
        watcher = ChangeWatcher(db or database, heard, **options)  # type: ignore[arg-type]
        started.append(watcher.start())
        if wait:
            assert watcher.wait_until_watching(10), "the watcher never got going"
        return watcher

    yield start
    for watcher in started:
        assert watcher.stop(5)


def in_another_process(db_url: str, action: str, *args: str) -> list[dict[str, float]]:
    """Another kiosk or desk: a separate OS process that commits and says when."""
    result = subprocess.run(
        [sys.executable, str(WRITER), db_url, START.isoformat(), action, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_check_in_at_another_kiosk_reaches_the_desk_within_a_second(database, db_url, watch, heard):
    host = add_host(database)
    token = invite(database, host.id).token
    watch()
    [commit] = in_another_process(db_url, "checkin", token)
    call = heard.first(Area.VISITS, after=commit["started"])
    assert call is not None, f"the desk never heard of the check-in (heard: {heard.calls})"
    assert call[0] - commit["committed"] < LIMIT
    # The outbox (host told) and the audit trail changed with it; the directory, staff and kiosks did not.
    assert heard.areas() == {Area.VISITS, Area.NOTIFICATIONS, Area.AUDIT}


def test_a_host_added_at_another_desk_is_a_directory_change(database, db_url, watch, heard):
    watch()
    [commit] = in_another_process(db_url, "host", "li.na@example.com")
    call = heard.first(Area.DIRECTORY, after=commit["started"])
    assert call is not None and call[0] - commit["committed"] < LIMIT
    assert Area.VISITS not in heard.areas()


def test_a_kiosk_heartbeat_is_a_kiosks_change(database, db_url, watch, heard):
    watch()
    [commit] = in_another_process(db_url, "heartbeat", "K2")
    call = heard.first(Area.KIOSKS, after=commit["started"])
    assert call is not None and call[0] - commit["committed"] < LIMIT
    assert heard.areas() == {Area.KIOSKS}


def test_the_desk_hears_its_own_change(database, watch, heard):
    watch()
    before = time.time()
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, DenyKind.NAME, "Mallory", reason="trespass")
    committed = time.time()
    call = heard.first(Area.STAFF, after=before)
    assert call is not None and call[0] - committed < LIMIT


def test_reading_and_idle_loops_report_nothing(database, watch, heard):
    add_host(database, email="someone@example.com")
    settings = Settings(site=SiteSettings(code=SITE, timezone="Asia/Shanghai"))
    housekeeping = Housekeeping(database, settings)
    housekeeping.run_once()  # the day's purge, done
    watch()
    with database.unit_of_work("desk", write=False) as uow:
        assert [h.email for h in hosts.list_hosts(uow)] == ["someone@example.com"]
    with database.unit_of_work("desk") as uow:  # a write unit of work that read and changed nothing
        hosts.list_hosts(uow)
        uow.commit()
    # Housekeeping with nothing to do: runs every minute on every kiosk, must not wake every desk.
    housekeeping.run_once()
    time.sleep(0.6)  # four polls
    assert heard.calls == []
    # Still watching: the silence was not a dead watcher.
    add_host(database, email="another@example.com")
    assert heard.first(Area.DIRECTORY, timeout=5) is not None


def test_a_rolled_back_change_reports_nothing(database, watch, heard):
    watch()
    with pytest.raises(RuntimeError), database.unit_of_work("desk") as uow:
        uow.session.add(Host(name="Ghost", email="ghost@example.com"))
        uow.session.flush()
        raise RuntimeError("the receptionist pressed cancel")
    time.sleep(0.6)
    assert heard.calls == []


def test_many_commits_in_a_burst_arrive_as_few_calls_and_none_is_lost(database, watch, heard):
    watch()
    before = time.time()
    for i in range(20):
        add_host(database, name=f"Host {i}", email=f"h{i}@example.com")
    assert heard.first(Area.DIRECTORY, after=before) is not None
    time.sleep(0.5)
    assert len(heard.calls) < 20
    # The last commit's change is among those heard (nothing after it is needed to see it).
    assert heard.calls[-1][0] >= before and Area.DIRECTORY in heard.calls[-1][1]


def test_the_watcher_stops_within_a_second(database, watch):
    watcher = watch()
    started = time.monotonic()
    assert watcher.stop(5)
    assert time.monotonic() - started < 1.0
    assert not watcher.alive


@pytest.mark.expect_log("the change listener failed")
def test_a_failing_listener_does_not_stop_the_watcher(database, watch, heard):
    calls: list[frozenset[Area]] = []

    def clumsy(areas: frozenset[Area]) -> None:
        calls.append(areas)
        if len(calls) == 1:
            raise ValueError("a view fell over")

    watcher = ChangeWatcher(database, clumsy).start()
    try:
        assert watcher.wait_until_watching(10)
        add_host(database, email="a@example.com")
        deadline = time.monotonic() + 5
        while len(calls) < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)
        add_host(database, name="B", email="b@example.com")
        deadline = time.monotonic() + 5
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(calls) == 2 and watcher.health.healthy
    finally:
        assert watcher.stop(5)


# -- SQLite --------------------------------------------------------------------------------------------------------


def test_sqlite_a_database_that_appears_later_is_reported_whole(database, db_url, tmp_path, heard, watch, request):
    if database.dialect != "sqlite":
        pytest.skip("SQLite: the database file is not there yet")
    request.node.add_marker(pytest.mark.expect_log("pass failed"))
    later = tmp_path / "later.sqlite3"
    absent = Database.from_url(f"sqlite:///{later}")
    try:
        watcher = watch(absent, wait=False, max_backoff=0.2)
        time.sleep(0.5)
        assert not watcher.wait_until_watching(0) and watcher.health.failures_in_a_row > 0
        shutil.copyfile(Path(db_url.removeprefix("sqlite:///")), later)
        # The desk started blind: it must refetch everything once the database can be read.
        assert heard.first(Area.VISITS, timeout=5) is not None
        assert heard.areas() == ALL_AREAS
    finally:
        absent.dispose()


def test_sqlite_in_memory_cannot_be_watched():
    memory = Database.from_url("sqlite://")
    try:
        with pytest.raises(ValueError, match="in-memory"):
            ChangeWatcher(memory, lambda areas: None)
    finally:
        memory.dispose()


# -- PostgreSQL ----------------------------------------------------------------------------------------------------


def _postgres_only(database: Database, request: pytest.FixtureRequest | None = None, *expected_logs: str) -> None:
    if database.dialect != "postgresql":
        pytest.skip("PostgreSQL: LISTEN/NOTIFY")
    if request is not None:
        request.node.add_marker(pytest.mark.expect_log(*expected_logs))


def _listening_backends(database: Database) -> list[int]:
    with database.engine.connect() as conn:
        return list(conn.execute(
            text("SELECT pid FROM pg_stat_activity WHERE application_name = :name AND datname = current_database()"),
            {"name": LISTENER_APPLICATION_NAME},
        ).scalars())


def test_postgres_a_killed_listening_connection_is_reopened_and_changes_still_arrive(
    database, db_url, watch, heard
):
    _postgres_only(database)
    watcher = watch()
    [pid] = _listening_backends(database)
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    # A change while the watcher is between connections is not lost: the versions say so on reconnect.
    add_host(database, email="during@example.com")
    assert heard.first(Area.DIRECTORY, timeout=5) is not None
    deadline = time.monotonic() + 5
    while _listening_backends(database) in ([], [pid]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _listening_backends(database) not in ([], [pid])
    [commit] = in_another_process(db_url, "heartbeat", "K2")
    call = heard.first(Area.KIOSKS, after=commit["started"])
    assert call is not None and call[0] - commit["committed"] < LIMIT
    assert watcher.health.healthy


def test_postgres_without_listen_the_desk_still_hears_by_polling(database, watch, heard, monkeypatch, request):
    _postgres_only(database, request, "pass failed")
    import psycopg

    from kiosk.db.changes import PostgresListener

    def refused(self: PostgresListener) -> None:
        raise psycopg.OperationalError("LISTEN is not available here")

    monkeypatch.setattr(PostgresListener, "open", refused)
    watcher = watch(wait=False, fallback_poll_seconds=0.3, max_backoff=0.3)
    assert watcher.wait_until_watching(5)  # the versions, read through the pool
    before = time.time()
    add_host(database, email="polled@example.com")
    call = heard.first(Area.DIRECTORY, after=before, timeout=5)
    assert call is not None and call[0] - before < 2.0
    # The desk can say why its updates are slower.
    health = watcher.health
    assert health.running and not health.healthy and "LISTEN is not available" in (health.last_error or "")
