"""Two kiosks and a desk on one PostgreSQL server, the server restarted mid-run: they reconnect by themselves.

Each kiosk has its own engine (its own pool), its badge printer and its dispatcher running on
their threads; the desk runs its change watcher (LISTEN). The server is stopped for a moment
(a visitor scanning then is asked to try again) and started again; nobody is restarted by hand.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.application.wiring import desk_background
from kiosk.config import KioskSettings, PrinterSettings
from kiosk.db import Database
from kiosk.db.engine import make_engine
from kiosk.db.migrate import upgrade
from kiosk.models import BadgePrintJob, Notification
from kiosk.services.directory.sites import ensure_site
from tests.faults import table
from tests.faults.harness import Lobby, Stopwatch, distinct, settings_for, wait_until
from tests.faults.pg_cluster import Cluster, postgres_bin
from tests.faults.table import Row, record

pytestmark = pytest.mark.faults
FAULT = "two kiosks and a desk on PostgreSQL, server restarted mid-run"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        reason = "PostgreSQL binaries (initdb, pg_ctl) are not installed"
        table.SKIPPED.append((FAULT, reason))
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        reason = "psycopg is not installed (the [postgres] extra)"
        table.SKIPPED.append((FAULT, reason))
        pytest.skip(reason)
    server = Cluster(bin_dir)
    try:
        server.create()
        engine = make_engine(server.url)
        upgrade(engine)
        engine.dispose()
        yield server
    finally:
        server.destroy()


@pytest.mark.expect_log("pass failed", "background job KioskGateway.check_in failed")
def test_postgres_restarted_mid_run(cluster: Cluster, clock, tmp_path, smtp, screens) -> None:
    watch = Stopwatch()
    kiosk1, kiosk2, desk = (Database.from_url(cluster.url, clock=clock) for _ in range(3))
    with kiosk1.unit_of_work("test") as uow:
        ensure_site(uow, "HQ", "Test Tower", "Asia/Shanghai")
        uow.commit()
    settings1 = settings_for(tmp_path, smtp_port=smtp.port)
    settings2 = dataclasses.replace(settings1, printer=PrinterSettings(kind="file", path=str(tmp_path / "k2.bin"),
                                                                       text_mode="gb18030"),
                                    kiosk=KioskSettings(id="K2"))
    lobby = Lobby.build(kiosk1, settings1, 6)
    second = KioskGateway(kiosk2, "HQ", "kiosk:K2")
    changes: list[frozenset[object]] = []
    heard = threading.Event()

    def on_change(areas: frozenset[object]) -> None:
        changes.append(areas)
        heard.set()

    loops = [BadgePrintLoop(kiosk1, settings1, poll_seconds=0.2), Dispatcher(kiosk1, settings1, poll_seconds=0.2),
             BadgePrintLoop(kiosk2, settings2, poll_seconds=0.2), Dispatcher(kiosk2, settings2, poll_seconds=0.2)]
    desk_loops = desk_background(desk, on_change=on_change)
    attempts = []
    try:
        for loop in loops:
            loop.start()
        desk_loops.start()
        watcher = desk_loops.loops[0]
        assert watcher.wait_until_watching(10)  # type: ignore[attr-defined]
        v = lobby.invitations
        attempts += [lobby.check_in(v[0]), lobby.check_in(v[1], second)]
        assert wait_until(lambda: _all_done(kiosk1), 20), "the loops did not finish before the restart"

        cluster.stop("fast")
        down = [lobby.check_in(v[2]), lobby.check_in(v[3], second)]  # the server is away
        time.sleep(1.0)  # the loops try meanwhile, fail and back off
        cluster.start()
        heard.clear()

        # The visitors who were asked to try again do; the next ones come. Nothing was restarted by hand.
        attempts += [lobby.check_in(v[2]), lobby.check_in(v[3], second), lobby.check_in(v[4]),
                     lobby.check_in(v[5], second)]
        assert wait_until(lambda: _all_done(kiosk1), 60), "the loops did not reconnect and finish"
        assert heard.wait(15), "the desk's change watcher did not hear the check-ins after the restart"
        every_loop = [*loops, *desk_loops.loops]
        wait_until(lambda: all(loop.health.healthy for loop in every_loop), 15)  # a loop may be in its backoff
        health = [loop.health for loop in every_loop]
    finally:
        desk_loops.stop()
        for loop in loops:
            loop.stop()
    lobby.retry_until_checked_in()
    lobby.print_all()
    lobby.send_all()

    saw = [screens.after(a, lobby.badge_progress(a.invitation.visit_id)) for a in down + attempts[2:3]]
    row = record(Row(FAULT, saw=distinct(saw),
                     note="while down: " + ", ".join("told Welcome" if a.told_success else "asked to try again"
                                                      for a in down)
                          + "; after the restart every loop works again without a restart by hand ("
                          + ", ".join(f"{h.name}: {'ok' if h.running and h.failures_in_a_row == 0 else 'not ok'}"
                                      for h in health) + "); the desk heard the changes"))
    problems = lobby.audit(row)
    row.seconds = watch()
    for database in (kiosk1, kiosk2, desk):
        database.dispose()
    assert not problems, problems
    assert all(h.running and h.failures_in_a_row == 0 for h in health), health


def _all_done(database: Database) -> bool:
    with database.unit_of_work("audit", write=False) as uow:
        jobs = uow.session.scalar(select(func.count()).select_from(BadgePrintJob).where(
            BadgePrintJob.status.in_(["queued", "sent"])))
        notices = uow.session.scalar(select(func.count()).select_from(Notification).where(
            Notification.status.in_(["pending", "sending"])))
    return not jobs and not notices
