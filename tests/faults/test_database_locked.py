"""SQLite locked by another writer (another process) for 7 s while visitors check in and the loops run.

Every write transaction starts with ``BEGIN IMMEDIATE`` and waits on the busy timeout
(``[database] busy_timeout_ms``, 10 s by default), so a 7 s lock is a slow check-in, not a failed one.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from kiosk.application.notification_loop import Dispatcher
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import DatabaseSettings
from tests.faults.harness import Lobby, Stopwatch, distinct, settings_for
from tests.faults.table import Row, record

pytestmark = pytest.mark.faults
LOCK_SECONDS = 7.0
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE sites SET name = name")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
print("released", flush=True)
"""


def test_database_locked_by_another_writer_for_7_seconds(backend, database, db_url, tmp_path, smtp, screens) -> None:
    if backend != "sqlite":
        pytest.skip("the 7 s writer lock is a SQLite fault (PostgreSQL locks rows, not the database)")
    assert DatabaseSettings().busy_timeout_ms > LOCK_SECONDS * 1000
    watch = Stopwatch()
    settings = settings_for(tmp_path, smtp_port=smtp.port)
    lobby = Lobby.build(database, settings, 3)
    printer = BadgePrintLoop(database, settings, poll_seconds=0.1)
    dispatcher = Dispatcher(database, settings, poll_seconds=0.1)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, db_url.removeprefix("sqlite:///"), str(LOCK_SECONDS)],
                              stdout=subprocess.PIPE, text=True)
    saw, waited = [], []
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        locked_at = time.monotonic()
        printer.start()
        dispatcher.start()
        for invitation in lobby.invitations:
            started = time.monotonic()
            attempt = lobby.check_in(invitation)
            waited.append(time.monotonic() - started)
            saw.append(attempt)
        assert holder.stdout.readline().strip() == "released"
        assert time.monotonic() - locked_at >= LOCK_SECONDS - 0.5
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
        printer.stop()
        dispatcher.stop()
    lobby.retry_until_checked_in()
    lobby.print_all(printer)
    lobby.send_all(dispatcher)
    texts = [screens.after(a, lobby.badge_progress(a.invitation.visit_id)) for a in saw]
    row = record(Row("database locked by another writer for 7 s", saw=distinct(texts),
                     note=f"the first check-in waited {waited[0]:.1f} s on the busy timeout, the next "
                          f"{max(waited[1:]):.2f} s; printer and dispatcher waited too, no pass failed"))
    problems = lobby.audit(row)
    row.seconds = watch()
    assert not problems, problems
    assert all(a.told_success for a in saw), "a check-in failed while the lock was held"
    assert printer.health.failures_in_a_row == 0 and dispatcher.health.failures_in_a_row == 0
