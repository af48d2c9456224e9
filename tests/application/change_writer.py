"""Another OS process writing to the database, as another kiosk or desk would: run by the change
watcher's tests and benchmark, not collected by pytest.

    python tests/application/change_writer.py URL AT ACTION [ARG ...]

AT is the instant its clock is fixed at (ISO, or "now" for the system clock). Actions, each one unit
of work: ``checkin TOKEN ...`` (one check-in per token, PAUSE seconds apart with ``--pause``),
``host EMAIL``, ``heartbeat KIOSK``. For each commit it prints one JSON line,
``{"started": t0, "committed": t1, "commit_ms": ms}`` (wall-clock seconds; ``commit_ms`` is the
time ``uow.commit()`` itself took), so a test can tell how long after the commit its callback came.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.clock import FixedClock
from kiosk.db import Database, UnitOfWork
from kiosk.domain.kiosks import CameraHealth, PrinterHealth
from kiosk.services.directory import hosts
from kiosk.services.directory.heartbeats import record_heartbeat
from kiosk.services.visits.checkin import check_in_by_token

SITE = "HQ"


class TimedCommit:
    """Times ``uow.commit()`` itself, the baseline a change's latency is compared with."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.seconds = 0.0
        original = uow.commit

        def commit() -> None:
            start = time.perf_counter()
            original()
            self.seconds = time.perf_counter() - start

        uow.commit = commit  # type: ignore[method-assign]


def one(db: Database, action: str, arg: str) -> None:
    started = time.time()
    with db.unit_of_work(f"kiosk:{action}") as uow:
        timer = TimedCommit(uow)
        if action == "checkin":
            check_in_by_token(uow, arg, site_code=SITE, grace_seconds=0)
        elif action == "host":
            hosts.add_host(uow, name="Li Na", email=arg, department="Sales")
        elif action == "heartbeat":
            record_heartbeat(uow, kiosk_code=arg, site_code=SITE, camera=CameraHealth.OK,
                             printer=PrinterHealth.PAPER_LOW, detail="paper low")
        else:
            raise SystemExit(f"unknown action {action!r}")
    committed = time.time()
    print(json.dumps({"started": started, "committed": committed, "commit_ms": timer.seconds * 1000}), flush=True)


def main(argv: list[str]) -> None:
    pause = 0.0
    if "--pause" in argv:
        i = argv.index("--pause")
        pause = float(argv[i + 1])
        del argv[i:i + 2]
    url, at, action, *args = argv
    clock = None if at == "now" else FixedClock(datetime.fromisoformat(at))
    db = Database.from_url(url, clock=clock)
    try:
        for n, arg in enumerate(args):
            if n and pause:
                time.sleep(pause)
            one(db, action, arg)
    finally:
        db.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
