"""The badge print loop: one thread that turns queued badge jobs into printed badges.

It claims one of its kiosk's jobs (a row first; ``[kiosk] id`` names the kiosk, jobs naming no
kiosk are its own when their visit is at its site), hands the badge to the output device, and records the
outcome; the GUI thread only ever hears about it through ``on_update``. A printer that
is away is retried with backoff by the job queue; a job that may already have printed is
never retried automatically (the desk reprints), so a visitor never gets two badges.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta

from kiosk.application.loops import BackgroundLoop
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.printer.output import BadgeOutput, EscposBadgeOutput
from kiosk.devices.printer.protocol import Printer, PrinterUnavailable
from kiosk.domain.badge_layout import labels_for_language
from kiosk.domain.printing import PrintJobStatus
from kiosk.services.visits import print_jobs

log = logging.getLogger(__name__)
ACTOR = "printer"


@dataclass(frozen=True)
class JobUpdate:
    job_id: int
    visit_id: int
    status: PrintJobStatus  # done, queued (will retry) or failed (the desk prints it)
    reason: str = ""
    code: str = ""


class BadgePrintLoop(BackgroundLoop):
    name = "badge-printer"

    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        on_update: Callable[[JobUpdate], None] | None = None,
        printer_factory: Callable[[], Printer] | None = None,
        output: BadgeOutput | None = None,
        poll_seconds: float = 1.0,
    ) -> None:
        """``output`` replaces ESC/POS rendering and sending, e.g. for OS printers drawn with QPainter;
        it raises ``PrinterUnavailable`` when the badge did not print."""
        super().__init__(interval=poll_seconds, max_backoff=30.0)
        self._database = database
        self._settings = settings
        self._on_update = on_update or (lambda update: None)
        labels = labels_for_language(settings.site.language)
        self._output = output or EscposBadgeOutput(settings.printer, labels, printer_factory=printer_factory)
        self._day_ends_at = time.fromisoformat(settings.visits.auto_signout_time)
        self._kiosk_code, self._site_code = settings.kiosk.id, settings.site.code
        # A crash leaves a job "sent"; it counts as interrupted only SENT_STALE_SECONDS later, usually after a
        # quick restart has run before_first_step: the running loop looks again that often, or it stays "sent".
        self._stale_check = timedelta(seconds=print_jobs.SENT_STALE_SECONDS)
        self._next_recovery = database.clock.now() + self._stale_check

    def before_first_step(self) -> None:
        with self._database.unit_of_work(ACTOR) as uow:
            print_jobs.recover_interrupted_jobs(uow)
        with self._database.unit_of_work(ACTOR) as uow:
            print_jobs.seal_clear_codes(uow)  # jobs queued before sign-out codes were sealed at rest

    def step(self) -> bool:
        now = self._database.clock.now()
        if now >= self._next_recovery:
            self._next_recovery = now + self._stale_check
            with self._database.unit_of_work(ACTOR) as uow:
                print_jobs.recover_interrupted_jobs(uow)
        return self.run_once() is not None

    def run_once(self) -> JobUpdate | None:
        """Print the next due job, if any. Raises only when the database cannot be reached."""
        with self._database.unit_of_work(ACTOR) as uow:
            ticket = print_jobs.claim_next_job(uow, kiosk_code=self._kiosk_code, site_code=self._site_code,
                                               day_ends_at=self._day_ends_at)
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
        with self._database.unit_of_work(ACTOR) as uow:
            print_jobs.finish_job(uow, ticket.job_id)
        return self._report(JobUpdate(ticket.job_id, ticket.visit_id, PrintJobStatus.DONE))

    def _failed(self, ticket: print_jobs.PrintTicket, reason: str, code: str, *, retry: bool) -> JobUpdate:
        with self._database.unit_of_work(ACTOR) as uow:
            status = print_jobs.fail_job(uow, ticket.job_id, reason, retry=retry)
        log.warning("badge job %s: %s (%s, now %s)", ticket.job_id, reason, code, status)
        return self._report(JobUpdate(ticket.job_id, ticket.visit_id, status, reason, code))

    def _report(self, update: JobUpdate) -> JobUpdate:
        try:
            self._on_update(update)
        except Exception:
            log.exception("print job listener failed")
        return update
