"""Another OS process writing to the database, as another kiosk or desk would: run by the change
watcher's tests and benchmark, not collected by pytest.

    python tests/application/change_writer.py URL AT ACTION [ARG ...]

AT is the instant its clock is fixed at (ISO, or "now" for the system clock). Actions, each one unit
of work per argument: ``checkin TOKEN ...``, ``host EMAIL ...``, ``heartbeat KIOSK ...``. Options
(before URL): ``--pause S`` waits 0.5..1.5 x S seconds between units of work; ``--no-record``
leaves out the change recording (a benchmark's baseline), ``--alternate`` leaves it out of every
second unit of work (a baseline under the same conditions); ``--go FILE`` waits for FILE to exist
first (several writers starting together). For each commit it prints one JSON line,
``{"started": t0, "committed": t1, "commit_ms": ms, "recorded": bool}`` (wall-clock seconds;
``commit_ms`` is the time ``uow.commit()`` itself took), so a test can tell how long after the
commit its callback came.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import kiosk.db.uow
from kiosk.clock import FixedClock
from kiosk.db import Database, UnitOfWork
from kiosk.domain.kiosks import CameraHealth, PrinterHealth
from kiosk.services import token_vault
from kiosk.services.directory import hosts
from kiosk.services.directory.heartbeats import record_heartbeat
from kiosk.services.token_vault import TokenSealer
from kiosk.services.visits.checkin import check_in_by_token

SITE = "HQ"
RECORD = kiosk.db.uow.record_changes


def _no_record(connection: object, areas: object) -> None:
    """The baseline: the unit of work as it would be without the change recording."""


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


def one(db: Database, action: str, arg: str, *, record: bool = True) -> None:
    kiosk.db.uow.record_changes = RECORD if record else _no_record  # type: ignore[assignment]
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
    print(json.dumps({"started": started, "committed": committed, "commit_ms": timer.seconds * 1000,
                      "recorded": record}), flush=True)


def _option(argv: list[str], name: str) -> str | None:
    if name not in argv:
        return None
    i = argv.index(name)
    value = argv[i + 1]
    del argv[i:i + 2]
    return value


def main(argv: list[str]) -> None:
    pause = float(_option(argv, "--pause") or 0)
    go = _option(argv, "--go")
    flags = {flag for flag in ("--no-record", "--alternate") if flag in argv}
    argv = [arg for arg in argv if arg not in flags]
    url, at, action, *args = argv
    clock = None if at == "now" else FixedClock(datetime.fromisoformat(at))
    db = Database.from_url(url, clock=clock)
    try:
        with db.engine.connect():  # connected before the clock starts
            pass
        if go:
            deadline = time.monotonic() + 60
            while not Path(go).exists() and time.monotonic() < deadline:
                time.sleep(0.002)
        for n, arg in enumerate(args):
            if n and pause:
                time.sleep(pause * random.uniform(0.5, 1.5))
            record = "--no-record" not in flags and not ("--alternate" in flags and n % 2)
            one(db, action, arg, record=record)
    finally:
        db.dispose()


if __name__ == "__main__":
    token_vault.install(TokenSealer(os.urandom(32)))  # what bootstrap does in a real kiosk, with a throwaway key
    main(sys.argv[1:])
