"""The printer worker: one thread that turns queued badge jobs into printed badges.

It claims a job (a row first), renders it, sends it, and records the outcome; the
GUI thread only ever hears about it through ``on_update``. A printer that is away
is retried with backoff by the job queue; a job that may already have printed is
never retried automatically (the desk reprints), so a visitor never gets two badges.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.printer.backends import printer_from_settings
from kiosk.devices.printer.escpos_render import render_badge_for
from kiosk.devices.printer.protocol import Printer, PrinterUnavailable
from kiosk.domain.badge_layout import BadgeData, labels_for_language
from kiosk.services.visits import print_jobs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobUpdate:
    job_id: int
    visit_id: int
    status: str  # done | queued (will retry) | failed (the desk prints it)
    reason: str = ""
    code: str = ""


class PrintWorker:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        on_update: Callable[[JobUpdate], None] | None = None,
        printer_factory: Callable[[], Printer] | None = None,
        output: Callable[[BadgeData], None] | None = None,
        poll_seconds: float = 1.0,
    ) -> None:
        """``output`` replaces ESC/POS rendering and sending, e.g. for OS printers drawn with QPainter;
        it raises ``PrinterUnavailable`` when the badge did not print."""
        self._database = database
        self._settings = settings
        self._on_update = on_update or (lambda update: None)
        self._printer_factory = printer_factory or (lambda: printer_from_settings(settings.printer))
        self._output = output or self._print_escpos
        self._poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        hour, minute = map(int, settings.visits.auto_signout_time.split(":"))
        self._day_ends_at = time(hour, minute)
        self._labels = labels_for_language(settings.site.language)

    def run_once(self) -> JobUpdate | None:
        """Print the next due job, if any. Never raises: every problem becomes a job outcome."""
        with self._database.unit_of_work("printer") as uow:
            ticket = print_jobs.claim_next_job(uow, day_ends_at=self._day_ends_at)
        if ticket is None:
            return None
        try:
            self._output(ticket.badge)
        except PrinterUnavailable as exc:
            retry = not exc.delivered and self._settings.printer.kind != "none"
            return self._failed(ticket, exc.reason, exc.code, retry=retry)
        except Exception as exc:  # a renderer bug must not kill the thread or lose the job
            log.exception("badge job %s could not be rendered", ticket.job_id)
            return self._failed(ticket, f"the badge could not be prepared ({type(exc).__name__})", "unknown",
                                retry=False)
        with self._database.unit_of_work("printer") as uow:
            print_jobs.finish_job(uow, ticket.job_id)
        return self._report(JobUpdate(ticket.job_id, ticket.visit_id, "done"))

    def _print_escpos(self, badge: BadgeData) -> None:
        self._printer_factory().send(render_badge_for(badge, self._settings.printer, self._labels))

    def _failed(self, ticket: print_jobs.PrintTicket, reason: str, code: str, *, retry: bool) -> JobUpdate:
        with self._database.unit_of_work("printer") as uow:
            status = print_jobs.fail_job(uow, ticket.job_id, reason, retry=retry)
        log.warning("badge job %s: %s (%s, now %s)", ticket.job_id, reason, code, status)
        return self._report(JobUpdate(ticket.job_id, ticket.visit_id, status, reason, code))

    def _report(self, update: JobUpdate) -> JobUpdate:
        try:
            self._on_update(update)
        except Exception:
            log.exception("print job listener failed")
        return update

    def run(self) -> None:
        """Until stopped: recover interrupted jobs once, then print whatever is due."""
        with self._database.unit_of_work("printer") as uow:
            print_jobs.recover_interrupted_jobs(uow)
        while not self._stop.is_set():
            try:
                update = self.run_once()
            except Exception:  # the database went away: wait and try again
                log.exception("printer worker could not reach the database")
                update = None
            if update is None:
                self._wake.wait(self._poll_seconds)
                self._wake.clear()

    def wake(self) -> None:
        """A job was just queued: look now rather than at the next poll."""
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="printer-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True
