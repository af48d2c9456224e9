"""A pre-forked kiosk for the SIGKILL row: imports once, then forks one child per check-in.

    python -m tests.faults.kill_worker DB_URL SMTP_PORT WORK_DIR START_ISO

Reads ``spawn TOKEN`` lines on stdin. For each it forks a child that opens its own database
connections, says ``ready PID`` and waits for SIGUSR1; then it checks the visitor in the kiosk's
way (``KioskGateway.check_in``), says ``ok VISIT_ID`` (what the screen would now show), runs one
pass of the badge printer and one of the dispatcher, like the kiosk's loops right after a
check-in, and says ``done``. The test kills the child with SIGKILL at a random moment after
SIGUSR1 (a child that finished waits to be killed).
The parent reaps it and says ``exit PID STATUS``. Forking saves the ~1 s of imports
per round, so 100 rounds take seconds.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime
from pathlib import Path


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def child(token: str, db_url: str, smtp_port: int, work: Path, start: datetime) -> None:
    from kiosk.application.bootstrap import use_keys_of
    from kiosk.application.gateways.touchscreen import KioskGateway
    from kiosk.application.notification_loop import Dispatcher
    from kiosk.application.print_loop import BadgePrintLoop
    from kiosk.clock import FixedClock
    from kiosk.config import (
        EmailSettings,
        KioskSettings,
        NotifySettings,
        PrinterSettings,
        SecuritySettings,
        Settings,
    )
    from kiosk.db import Database

    settings = Settings(
        email=EmailSettings(host="127.0.0.1", port=smtp_port, timeout=2.0, sender="Lobby Kiosk <kiosk@hq.example.com>"),
        notify=NotifySettings(link_secret_file=str(work / "link.key")),
        printer=PrinterSettings(kind="file", path=str(work / "badges.bin"), text_mode="gb18030"),
        kiosk=KioskSettings(id="K1"),
        security=SecuritySettings(data_key_file=str(work / "data.key")),
    )
    use_keys_of(settings)  # as the kiosk's start-up does: every run seals and opens codes with one key file
    database = Database.from_url(db_url, clock=FixedClock(start))
    gateway = KioskGateway(database, "HQ", "kiosk:K1")
    printer = BadgePrintLoop(database, settings)
    dispatcher = Dispatcher(database, settings)
    with database.engine.connect() as connection:  # connected before the signal: the kill lands in the work
        connection.exec_driver_sql("SELECT 1")
    say(f"ready {os.getpid()}")
    signal.sigwait({signal.SIGUSR1})
    result = gateway.check_in(token)
    say(f"ok {result.visit_id}")
    printer.run_once()
    dispatcher.run_once()
    say("done")
    signal.sigwait({signal.SIGUSR1})  # alive until the test kills it: its pid is never reused under the kill


def main() -> None:
    db_url, smtp_port, work, start = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), datetime.fromisoformat(
        sys.argv[4])
    # Everything the child needs, imported once here.
    import kiosk.application.gateways.touchscreen
    import kiosk.application.notification_loop
    import kiosk.application.print_loop  # noqa: F401

    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    say("zygote")
    for line in sys.stdin:
        command, _, token = line.strip().partition(" ")
        if command != "spawn":
            continue
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(token, db_url, smtp_port, work, start)
            except BaseException as exc:
                say(f"error {type(exc).__name__}: {exc}")
                code = 1
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


if __name__ == "__main__":
    main()
