"""The front desk's visit actions: one unit of work each, acting as the signed-in person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from kiosk.db import Database
from kiosk.domain.notifications import Channel
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.security import StaffRole
from kiosk.services import desk_search
from kiosk.services.desk_search import SearchResults
from kiosk.services.directory import heartbeats
from kiosk.services.directory.heartbeats import KioskHealth
from kiosk.services.directory.sites import get_site
from kiosk.services.notifications import sending
from kiosk.services.notifications.sending import NotificationView
from kiosk.services.visits import (
    checkin,
    denylist,
    invitations,
    print_jobs,
    roster,
    signout,
    visit_detail,
    visit_log,
    walkins,
)
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.roster import RosterEntry
from kiosk.services.visits.signout import SignOutResult
from kiosk.services.visits.visit_detail import VisitDetail
from kiosk.services.visits.visit_log import VisitSummary

# A busy lobby's day of alerts; the desk acts on today's, not on last month's.
NOTICES_SHOWN = 100


@dataclass(frozen=True)
class DeskStatus:
    """The desk's status bar: each kiosk's health, and reception's alerts today nobody has seen to."""

    kiosks: list[KioskHealth]
    new_alerts: int


@dataclass
class DeskGateway:
    """The desk's visit actions, acting as the person signed in (``actor``, with their ``role``)."""

    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    # The hosts' web page (``[notify] public_url`` + /host), named in a released pre-registration's request.
    host_page: str = ""

    def visits_on(self, day: date | None = None) -> tuple[date, list[VisitSummary]]:
        """A day's visits (today at the site when ``day`` is None), with the day they are for."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            shown = day or get_site(uow, self.site_code).local_date(uow.now())
            return shown, visit_log.list_visits(uow, self.site_code, day=shown)

    def detail(self, visit_id: int) -> VisitDetail:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visit_detail.visit_detail(uow, visit_id)

    def override_hold(self, visit_id: int, reason: str) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            denylist.override_hold(uow, visit_id, reason=reason, role=self.role, host_page=self.host_page)

    def mark_no_show(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            invitations.mark_no_show(uow, visit_id)

    def roster(self) -> list[RosterEntry]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return roster.on_site_roster(uow, site_code=self.site_code)

    def approve(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.approve_visit(uow, visit_id)

    def deny(self, visit_id: int, reason: str = "") -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.deny_visit(uow, visit_id, reason)

    def check_in(self, visit_id: int) -> CheckInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return checkin.check_in_visit(uow, visit_id, site_code=self.site_code)

    def sign_out(self, visit_id: int) -> SignOutResult:
        with self.database.unit_of_work(self.actor) as uow:
            return signout.sign_out_visit(uow, visit_id, via="desk")

    def reprint_badge(self, visit_id: int, reason: str = "") -> int:
        with self.database.unit_of_work(self.actor) as uow:
            return print_jobs.reprint_badge(uow, visit_id, reason)

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

    def status(self) -> DeskStatus:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            site = get_site(uow, self.site_code)
            start_of_day = site.local_instant(site.local_date(uow.now()), time.min)
            return DeskStatus(heartbeats.kiosk_health(uow, site_code=self.site_code),
                              sending.count_unacknowledged_alerts(uow, since=start_of_day))

    def find(self, text: str) -> SearchResults:
        """Ctrl+K: visitors and hosts matching what was typed."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return desk_search.search(uow, text)

    def acknowledge_alert(self, notification_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            sending.acknowledge_alert(uow, notification_id)

    def retry_notice(self, notification_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            sending.retry_notification(uow, notification_id)
