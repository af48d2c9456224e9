"""The kiosk's and the desk's actions as plain calls: one unit of work each, run on a worker thread.

No rule lives here: each method opens a unit of work with the right actor and calls a
service. Widgets never see a session; they get the services' dataclasses back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services import checkin, hosts, notifications, print_jobs, roster, signout, visitors, visits, walkins
from kiosk.services.checkin import CheckInResult
from kiosk.services.hosts import HostSummary
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.notifications import NotificationView
from kiosk.services.roster import RosterEntry
from kiosk.services.signout import OnSiteMatch, SignOutResult
from kiosk.services.sites import get_site
from kiosk.services.visitors import ReturningVisitor
from kiosk.services.visits import VisitSummary
from kiosk.services.walkins import WalkInForm, WalkInPolicy, WalkInResult

# A busy lobby's day of alerts; the desk acts on today's, not on last month's.
NOTICES_SHOWN = 100


@dataclass
class KioskGateway:
    database: Database
    site_code: str
    actor: str
    grace_seconds: int = 10
    policy: WalkInPolicy = field(default_factory=WalkInPolicy)
    protector: IdNumberProtector | None = None

    @classmethod
    def from_settings(
        cls, database: Database, settings: Settings, protector: IdNumberProtector | None = None
    ) -> KioskGateway:
        return cls(
            database, settings.site.code, f"kiosk:{settings.kiosk.id}",
            grace_seconds=settings.visits.double_scan_grace_seconds,
            policy=WalkInPolicy(
                settings.visits.host_consent_required, settings.visits.refuse_sales_without_appointment
            ),
            protector=protector,
        )

    def check_in(self, token: str) -> CheckInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return checkin.check_in_by_token(uow, token, site_code=self.site_code, grace_seconds=self.grace_seconds)

    def sign_out(self, token: str) -> SignOutResult:
        with self.database.unit_of_work(self.actor) as uow:
            return signout.sign_out_by_token(uow, token, site_code=self.site_code, grace_seconds=self.grace_seconds)

    def find_on_site(self, name: str) -> list[OnSiteMatch]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return signout.find_on_site_by_name(uow, name, site_code=self.site_code)

    def sign_out_by_name(self, visit_id: int) -> SignOutResult:
        with self.database.unit_of_work(self.actor) as uow:
            return signout.sign_out_visit(uow, visit_id, via="name")

    def rate(self, visit_id: int, rating: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            signout.record_feedback(uow, visit_id, rating)

    def badge_status(self, job_id: int) -> tuple[str, str | None]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return print_jobs.badge_status(uow, job_id)

    def search_hosts(self, query: str) -> list[HostSummary]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.search_hosts(uow, query, limit=8)

    def returning_visitor(self, phone: str) -> ReturningVisitor | None:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visitors.find_returning_visitor(uow, phone)

    def register_walk_in(self, form: WalkInForm) -> WalkInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return walkins.register_walk_in(
                uow, form, site_code=self.site_code, policy=self.policy, protector=self.protector
            )

    def walk_in_status(self, visit_id: int) -> str:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return walkins.walk_in_status(uow, visit_id)

    def complete_walk_in(self, visit_id: int) -> CheckInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return walkins.complete_approved_walk_in(uow, visit_id)

    def withdraw_walk_in(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.withdraw_walk_in(uow, visit_id)

    def leave_contact(self, name: str, phone: str, company: str) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.leave_contact_details(uow, name=name, phone=phone, company=company)


@dataclass
class DeskGateway:
    """The receptionist's actions; the actor names the person (a login will fill it in later)."""

    database: Database
    site_code: str
    actor: str = "staff:reception"

    def todays_visits(self) -> list[VisitSummary]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            today = get_site(uow, self.site_code).local_date(uow.now())
            return visits.list_visits(uow, self.site_code, day=today)

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

    def badge_states(self, visit_ids: Iterable[int]) -> dict[int, str]:
        """Each visit's newest badge job status (queued, sent, done, failed), read in one go for the board."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return print_jobs.latest_badge_states(uow, list(visit_ids))

    def notices(self) -> tuple[list[NotificationView], list[NotificationView]]:
        """Reception's alerts and every notice that gave up, newest first: the Notices tab."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return (notifications.list_recent(uow, channel="reception", limit=NOTICES_SHOWN),
                    notifications.list_failed(uow, limit=NOTICES_SHOWN))

    def retry_notice(self, notification_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            notifications.retry_notification(uow, notification_id)
