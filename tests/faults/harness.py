"""What every fault row shares: a lobby of invited visitors, the kiosk's own calls, the drains and the audit.

The visitor's side goes through the kiosk's real paths: ``KioskGateway`` called the way the
kiosk's worker pool calls it (``kiosk.ui.common.workers._call``: a ServiceError as is, anything
else as "unexpected"), and the texts are read off the kiosk's real screens and messages.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import EmailSettings, KioskSettings, NotifySettings, PrinterSettings, SecuritySettings, Settings
from kiosk.db import Database
from kiosk.domain.printing import BadgeProgress
from kiosk.domain.visits import CheckInOutcome
from kiosk.models import BadgePrintJob, Notification, Visit, VisitStatus
from kiosk.services.errors import ServiceError
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.invitations import InvitationCreated
from tests import factories
from tests.faults.table import Row


def settings_for(tmp_path: Path, *, smtp_port: int, printer: PrinterSettings | None = None) -> Settings:
    email = EmailSettings(host="127.0.0.1", port=smtp_port, timeout=2.0, sender="Lobby Kiosk <kiosk@hq.example.com>")
    return Settings(email=email, notify=NotifySettings(link_secret_file=str(tmp_path / "link.key")),
                    kiosk=KioskSettings(id="K1"),  # the lobby checks in as kiosk:K1: its badges print here
                    security=SecuritySettings(data_key_file=str(tmp_path / "data.key")),
                    printer=printer or PrinterSettings(kind="file", path=str(tmp_path / "badges.bin"),
                                                       text_mode="gb18030"))


@dataclass
class Attempt:
    invitation: InvitationCreated
    result: CheckInResult | None = None
    error: ServiceError | None = None

    @property
    def told_success(self) -> bool:
        return self.result is not None and self.result.outcome is CheckInOutcome.CHECKED_IN


@dataclass
class Lobby:
    database: Database
    settings: Settings
    gateway: KioskGateway
    invitations: list[InvitationCreated]
    attempts: dict[int, list[Attempt]] = field(default_factory=dict)

    @classmethod
    def build(cls, database: Database, settings: Settings, visitors: int, actor: str = "kiosk:K1") -> Lobby:
        host = factories.add_host(database)
        invitations = [
            factories.invite(database, host.id, name=f"Guest {i}", phone=f"139{i:08d}", email=f"guest{i}@example.org")
            for i in range(visitors)
        ]
        gateway = KioskGateway(database, "HQ", actor)
        return cls(database, settings, gateway, invitations)

    def check_in(self, invitation: InvitationCreated, gateway: KioskGateway | None = None) -> Attempt:
        """One scan at the kiosk, through the worker pool's own error mapping."""
        from kiosk.ui.common.workers import _call

        ok, value = _call((gateway or self.gateway).check_in, (invitation.token, None))
        attempt = Attempt(invitation, value if ok else None, None if ok else value)
        self.attempts.setdefault(invitation.visit_id, []).append(attempt)
        return attempt

    def retry_until_checked_in(self, tries: int = 3) -> None:
        """After the fault: whoever was not let in tries again, as a person would (a few times)."""
        for invitation in self.invitations:
            if invitation.visit_id not in self.attempts:
                continue
            for _ in range(tries):
                if self.visit_status(invitation.visit_id) is VisitStatus.CHECKED_IN:
                    break
                self.check_in(invitation)

    @property
    def backend_note(self) -> str:
        return "" if self.database.dialect == "sqlite" else f" ({self.database.dialect})"

    def visit_status(self, visit_id: int) -> VisitStatus:
        with self.database.unit_of_work("audit", write=False) as uow:
            visit = uow.session.get(Visit, visit_id)
            assert visit is not None
            return VisitStatus(visit.status)

    # -- the background loops, run until there is nothing left to do (the fault has cleared) --------------------

    def print_all(self, loop: BadgePrintLoop | None = None, *, max_passes: int = 200) -> None:
        loop = loop or BadgePrintLoop(self.database, self.settings)
        clock = self.database.clock
        for _ in range(max_passes):
            if loop.run_once() is not None:
                continue
            if not self._jobs_waiting():
                return
            clock.advance(seconds=200)  # type: ignore[attr-defined]  # the retry backoff, on the fixed clock
        raise AssertionError("badge jobs still waiting after the fault cleared")

    def _jobs_waiting(self) -> bool:
        with self.database.unit_of_work("audit", write=False) as uow:
            return bool(uow.session.scalar(select(func.count()).select_from(BadgePrintJob).where(
                BadgePrintJob.status == "queued")))

    def send_all(self, dispatcher: Dispatcher | None = None, *, max_passes: int = 200) -> None:
        dispatcher = dispatcher or Dispatcher(self.database, self.settings)
        clock = self.database.clock
        for _ in range(max_passes):
            if dispatcher.run_once().claimed:
                continue
            with self.database.unit_of_work("audit", write=False) as uow:
                waiting = uow.session.scalar(select(func.count()).select_from(Notification).where(
                    Notification.status.in_(["pending", "sending"])))
            if not waiting:
                return
            clock.advance(minutes=61)  # type: ignore[attr-defined]  # past any backoff and any lease
        raise AssertionError("notices still waiting after the fault cleared")

    # -- the audit -------------------------------------------------------------------------------------------------

    def audit(self, row: Row) -> list[str]:
        """Fill the row's counts from the database; returns one line per lost check-in or notice."""
        problems: list[str] = []
        visitors = [inv for inv in self.invitations if inv.visit_id in self.attempts]
        row.attempted = len(visitors)
        with self.database.unit_of_work("audit", write=False) as uow:
            for invitation in visitors:
                visit = uow.session.get(Visit, invitation.visit_id)
                told = any(a.told_success for a in self.attempts[invitation.visit_id])
                jobs = list(uow.session.scalars(select(BadgePrintJob).where(
                    BadgePrintJob.visit_id == invitation.visit_id)))
                notices = uow.session.scalar(select(func.count()).select_from(Notification).where(
                    Notification.visit_id == invitation.visit_id, Notification.event == "visitor_arrived"))
                checked_in = visit is not None and visit.status == VisitStatus.CHECKED_IN
                whole = checked_in and bool(jobs) and bool(notices) and all(
                    job.status in ("done", "failed") for job in jobs)
                if whole:
                    row.completed += 1
                    continue
                row.lost += 1
                why = ("told it succeeded, not checked in" if told and not checked_in else
                       "half done" if checked_in else "could not check in after the fault cleared")
                problems.append(f"{invitation.visitor_name}: {why} (status {visit.status if visit else None}, "
                                f"jobs {[j.status for j in jobs]}, notices {notices})")
            rows = list(uow.session.scalars(select(Notification)))
        row.queued = len(rows)
        row.sent = sum(1 for n in rows if n.status == "sent")
        row.notices_lost = row.queued - row.sent
        problems += [f"notice {n.id} ({n.event} to {n.channel}) is {n.status}: {n.last_error}"
                     for n in rows if n.status != "sent"]
        return problems

    def badge_progress(self, visit_id: int) -> BadgeProgress:
        with self.database.unit_of_work("audit", write=False) as uow:
            status = uow.session.scalar(select(BadgePrintJob.status).where(BadgePrintJob.visit_id == visit_id)
                                        .order_by(BadgePrintJob.id).limit(1))
        return BadgeProgress.MISSING if status is None else BadgeProgress(str(status))


class Screens:
    """The kiosk's own screens and messages, to read what a visitor was shown."""

    def __init__(self) -> None:
        from kiosk.ui.kiosk.screens.done import DoneScreen
        from kiosk.ui.kiosk.screens.scan import ScanScreen

        self.done = DoneScreen()
        self.scan = ScanScreen()

    def close(self) -> None:
        for widget in (self.done, self.scan):
            widget.deleteLater()

    def after(self, attempt: Attempt, badge: BadgeProgress | None = None) -> str:
        """What the kiosk showed for this attempt; ``badge``: the job's state while the done screen polled it."""
        from kiosk.ui.kiosk.flow import visitor_messages
        from kiosk.ui.kiosk.screens.done import BADGE_FAILED, BADGE_PRINTED

        if attempt.error is not None:
            message = visitor_messages.service_error(attempt.error)
            return f"“{message.title()}. {message.body()}”"
        assert attempt.result is not None
        if attempt.result.outcome is CheckInOutcome.HELD:
            message = visitor_messages.see_front_desk()
            return f"“{message.title()}”"
        # One text for every visitor: the name is the only difference.
        self.done.show_result(dataclasses.replace(attempt.result, visitor_name="<name>"))
        if badge is BadgeProgress.DONE:
            self.done.set_badge_state(BADGE_PRINTED)
        elif badge is not None:
            # Failed, or still queued when the done screen's polls ran out: the desk hands it over.
            self.done.set_badge_state(BADGE_FAILED)
        return f"“{self.done.title.text()}. {self.done.body.text()} {self.done.badge_line.text()}”"

    def camera_line(self, status: object) -> str:
        self.scan.set_camera_status(status)  # type: ignore[arg-type]
        return f"“{self.scan.camera_line.text().lstrip('● ')}”"


def distinct(texts: list[str]) -> str:
    seen: list[str] = []
    for text in texts:
        if text not in seen:
            seen.append(text)
    return " → ".join(seen)


class Stopwatch:
    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self) -> float:
        return time.monotonic() - self.started


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
