"""The shelf-label print loop: one thread of a desk that prints the labels of the parcels it received.

It claims one of its station's jobs (the station is the process's ``[kiosk] id``, the one the desk's
gateway writes into the jobs it queues), lays the label out for the paper (``domain/label_layout.py``),
hands the layout to the output (ESC/POS by default, ``devices/printer/output.py``) and records the
outcome. A printer that is away is retried with backoff by the job queue; a label that may already have
come out is not retried (the desk reprints). Jobs a crash left "sent" are queued again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from kiosk.application.loops import BackgroundLoop
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.printer.output import EscposLayoutOutput, LayoutOutput
from kiosk.devices.printer.protocol import Printer, PrinterUnavailable
from kiosk.domain.label_layout import label_labels_for_language, layout_label
from kiosk.domain.printing import PrintJobStatus
from kiosk.services.parcels import labels

log = logging.getLogger(__name__)
ACTOR = "printer"


def label_station(settings: Settings) -> str:
    """The station a desk's labels name: its ``[kiosk] id`` when it has a printer, else "" (no labels)."""
    return settings.kiosk.id if settings.printer.kind != "none" else ""


@dataclass(frozen=True)
class LabelUpdate:
    job_id: int
    parcel_id: int
    status: PrintJobStatus  # done, queued (will retry) or failed (the desk reprints)
    reason: str = ""
    code: str = ""


class LabelPrintLoop(BackgroundLoop):
    name = "label-printer"

    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        output: LayoutOutput | None = None,
        printer_factory: Callable[[], Printer] | None = None,
        on_update: Callable[[LabelUpdate], None] | None = None,
        poll_seconds: float = 1.0,
    ) -> None:
        """``output`` replaces ESC/POS rendering and sending (an OS printer, a test); it raises
        ``PrinterUnavailable`` when the label did not print."""
        super().__init__(interval=poll_seconds, max_backoff=30.0)
        self._database = database
        self._printer_kind = settings.printer.kind
        self._output = output or EscposLayoutOutput(settings.printer, printer_factory=printer_factory)
        self._paper = settings.printer.paper_width_mm
        self._labels = label_labels_for_language(settings.site.language)
        self._station, self._site_code = settings.kiosk.id, settings.site.code
        self._on_update = on_update or (lambda update: None)
        self._stale_check = timedelta(seconds=labels.SENT_STALE_SECONDS)
        self._next_recovery = database.clock.now() + self._stale_check

    @property
    def station(self) -> str:
        return self._station

    def before_first_step(self) -> None:
        self.recover()

    def recover(self) -> list[int]:
        """Queue again the jobs a crash left "sent" (those sent long enough ago)."""
        with self._database.unit_of_work(ACTOR) as uow:
            return labels.recover_interrupted_label_jobs(uow, station=self._station)

    def step(self) -> bool:
        now = self._database.clock.now()
        if now >= self._next_recovery:
            self._next_recovery = now + self._stale_check
            self.recover()
        return self.run_once() is not None

    def run_once(self) -> LabelUpdate | None:
        """Print the next due label, if any. Raises only when the database cannot be reached."""
        with self._database.unit_of_work(ACTOR) as uow:
            ticket = labels.claim_next_label(uow, station=self._station, site_code=self._site_code)
        if ticket is None:
            return None
        try:
            self._output(layout_label(ticket.label, self._paper, self._labels))
        except PrinterUnavailable as exc:
            retry = not exc.delivered and self._printer_kind != "none"
            return self._failed(ticket, exc.reason, exc.code, retry=retry)
        except Exception as exc:  # a renderer bug must not kill the thread or lose the job
            log.exception("label job %s could not be rendered", ticket.job_id)
            return self._failed(ticket, f"the label could not be prepared ({type(exc).__name__})", "unknown",
                                retry=False)
        with self._database.unit_of_work(ACTOR) as uow:
            labels.finish_label_job(uow, ticket.job_id)
        return self._report(LabelUpdate(ticket.job_id, ticket.parcel_id, PrintJobStatus.DONE))

    def _failed(self, ticket: labels.LabelTicket, reason: str, code: str, *, retry: bool) -> LabelUpdate:
        with self._database.unit_of_work(ACTOR) as uow:
            status = labels.fail_label_job(uow, ticket.job_id, reason, retry=retry)
        log.warning("label job %s: %s (%s, now %s)", ticket.job_id, reason, code, status)
        return self._report(LabelUpdate(ticket.job_id, ticket.parcel_id, status, reason, code))

    def _report(self, update: LabelUpdate) -> LabelUpdate:
        try:
            self._on_update(update)
        except Exception:
            log.exception("label job listener failed")
        return update
