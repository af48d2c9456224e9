"""The disk full under SQLite (a 2 MB tmpfs): the visitor is asked to try again or see the desk, the log
says why, nothing is corrupted, and everything goes through once space returns.

Needs ``mount`` (root): skipped with the reason otherwise, e.g. in CI without root.
"""

from __future__ import annotations

import errno
import logging
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.application.notification_loop import Dispatcher
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.db import Database
from kiosk.services.directory.sites import ensure_site
from tests.faults import table
from tests.faults.harness import Lobby, Stopwatch, distinct, settings_for
from tests.faults.table import Row, record

pytestmark = pytest.mark.faults
FAULT = "disk full under SQLite (2 MB tmpfs)"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "small-disk"
    where.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
                                 capture_output=True, text=True, check=False)
    except FileNotFoundError:
        mounted = None
    if mounted is None or mounted.returncode != 0:
        reason = f"cannot mount a 2 MB tmpfs here ({mounted.stderr.strip() if mounted else 'no mount command'})"
        table.SKIPPED.append((FAULT, reason))
        pytest.skip(reason)
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True, check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def _fill(where: Path) -> Path:
    """Take every free byte; returns the filler file (delete it to give the space back)."""
    filler = where / "filler"
    block = b"\0" * 4096
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


@pytest.mark.expect_log("background job KioskGateway.check_in failed")
def test_disk_full_under_sqlite(small_disk: Path, _sqlite_template: Path, clock, tmp_path, smtp, screens,
                                caplog) -> None:
    watch = Stopwatch()
    path = small_disk / "kiosk.sqlite3"
    shutil.copyfile(_sqlite_template, path)
    database = Database.from_url(f"sqlite:///{path}", clock=clock)
    try:
        with database.unit_of_work("test") as uow:
            ensure_site(uow, "HQ", "Test Tower", "Asia/Shanghai")
            uow.commit()
        settings = settings_for(tmp_path, smtp_port=smtp.port)
        lobby = Lobby.build(database, settings, 4)
        printer, dispatcher = BadgePrintLoop(database, settings), Dispatcher(database, settings)
        lobby.send_all(dispatcher)
        filler = _fill(small_disk)

        saw, loop_errors = [], []
        for invitation in lobby.invitations[:3]:
            saw.append(screens.after(lobby.check_in(invitation)))
            for loop in (printer.run_once, dispatcher.run_once):
                try:
                    loop()
                except Exception as exc:  # what BackgroundLoop logs as a failed pass, and retries after a backoff
                    loop_errors.append(str(exc).splitlines()[0])
        told = [a for attempts in lobby.attempts.values() for a in attempts if a.told_success]
        # The log line names the job; its trace ends with SQLite's own words.
        log_lines = [f"{r.getMessage()}: {str(r.exc_info[1]).splitlines()[0] if r.exc_info else ''}"
                     for r in caplog.records if r.levelno >= logging.WARNING]

        filler.unlink()  # space returns
        lobby.check_in(lobby.invitations[3])  # the next visitor
        lobby.retry_until_checked_in()  # and the three who were asked to try again
        lobby.print_all(printer)
        lobby.send_all(dispatcher)
        with database.engine.connect() as connection:
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar()
        after = [screens.after(attempts[-1], lobby.badge_progress(visit_id))
                 for visit_id, attempts in lobby.attempts.items()]
        full = [line for line in log_lines if "disk is full" in line]
        row = record(Row(FAULT, saw=distinct(saw) + " → space back, trying again: " + distinct(after),
                         note=f"{len(told)} told “Welcome” while full; the log: "
                              f"“{full[0][:110] if full else 'nothing'}”; integrity_check {integrity}"))
        problems = lobby.audit(row)
        row.seconds = watch()
        assert not problems, problems
        assert integrity == "ok"
        assert full, "nothing in the log says the disk is full"
    finally:
        database.dispose()
