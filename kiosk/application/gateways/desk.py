"""The front desk's visit actions: one unit of work each, acting as the signed-in person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.db import Database
from kiosk.domain.notifications import Channel
from kiosk.domain.printing import PrintJobStatus
from kiosk.services.directory.sites import get_site
from kiosk.services.notifications import sending
from kiosk.services.notifications.sending import NotificationView
from kiosk.services.visits import checkin, print_jobs, roster, signout, visit_log, walkins
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.roster import RosterEntry
from kiosk.services.visits.signout import SignOutResult
from kiosk.services.visits.visit_log import VisitSummary

# A busy lobby's day of alerts; the desk acts on today's, not on last month's.
NOTICES_SHOWN = 100


@dataclass
class DeskGateway:
    """The receptionist's actions; the actor names the person (a login will fill it in later)."""

    database: Database
    site_code: str
    actor: str = "staff:reception"

    def todays_visits(self) -> list[VisitSummary]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            today = get_site(uow, self.site_code).local_date(uow.now())
            return visit_log.list_visits(uow, self.site_code, day=today)

    def roster(self) -> list[RosterEntry]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return roster.on_site_roster(uow, site_code=self.site_code)

    def approve(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.approve_visit(uow, visit_id)

    def deny(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.deny_visit(uow, visit_id)

    def check_in(self, visit_id: int) -> CheckInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return checkin.check_in_visit(uow, visit_id, site_code=self.site_code)

    def sign_out(self, visit_id: int) -> SignOutResult:
        with self.database.unit_of_work(self.actor) as uow:
            return signout.sign_out_visit(uow, visit_id, via="desk")

    def reprint_badge(self, visit_id: int) -> int:
        with self.database.unit_of_work(self.actor) as uow:
            return print_jobs.reprint_badge(uow, visit_id)

    def reissue_badge(self, visit_id: int) -> int:
        with self.database.unit_of_work(self.actor) as uow:
            return print_jobs.reissue_badge(uow, visit_id)

    def badge_states(self, visit_ids: Iterable[int]) -> dict[int, PrintJobStatus]:
        """Each visit's newest badge job status (queued, sent, done, failed), read in one go for the board."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return print_jobs.latest_badge_states(uow, list(visit_ids))

    def notices(self) -> tuple[list[NotificationView], list[NotificationView]]:
        """Reception's alerts and every notice that gave up, newest first: the Notices tab."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return (sending.list_recent(uow, channel=Channel.RECEPTION, limit=NOTICES_SHOWN),
                    sending.list_failed(uow, limit=NOTICES_SHOWN))

    def retry_notice(self, notification_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            sending.retry_notification(uow, notification_id)
