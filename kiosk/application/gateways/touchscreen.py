"""The kiosk's and the desk's actions as plain calls: one unit of work each, run on a worker thread.

No rule lives here: each method opens a unit of work with the right actor and calls a
service. Widgets never see a session; they get the services' dataclasses back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.uow import UnitOfWork
from kiosk.domain.printing import BadgeStatus
from kiosk.domain.visits import WalkInProgress
from kiosk.services import pin_locks
from kiosk.services.desk import notices
from kiosk.services.desk.notices import WelcomeNotice as WelcomeNotice  # the welcome screen's notices
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.pin_locks import PinLockState
from kiosk.services.visits import (
    agreements,
    checkin,
    deliveries,
    print_jobs,
    signout,
    visitors,
    walkins,
)
from kiosk.services.visits.agreements import AgreementText, Consents
from kiosk.services.visits.checkin import CheckInResult, InvitationPreview
from kiosk.services.visits.deliveries import DeliveryAnnounced
from kiosk.services.visits.signout import OnSiteMatch, SignOutResult
from kiosk.services.visits.visitors import ReturningVisitor
from kiosk.services.visits.walkins import WalkInForm, WalkInPolicy, WalkInResult


@dataclass(frozen=True)
class EntryRequirements:
    """What a visitor does at the kiosk before entering: sign this agreement (if any), have a photo taken."""

    agreement: AgreementText | None = None
    photo: bool = False

    @property
    def any(self) -> bool:
        return self.agreement is not None or self.photo


@dataclass(frozen=True)
class InvitationEntry:
    preview: InvitationPreview
    requirements: EntryRequirements


@dataclass
class KioskGateway:
    database: Database
    site_code: str
    actor: str
    grace_seconds: int = 10
    policy: WalkInPolicy = field(default_factory=WalkInPolicy)
    protector: IdNumberProtector | None = None
    # [visits] agreement_for / photo_for: visitor types who sign, and who have their photo taken, first.
    agreement_for: tuple[str, ...] = ()
    photo_for: tuple[str, ...] = ()

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
            agreement_for=tuple(settings.visits.agreement_for),
            photo_for=tuple(settings.visits.photo_for),
        )

    @property
    def may_require_steps(self) -> bool:
        """False when no visitor type signs or poses: every check-in stays a single scan, with no extra read."""
        return bool(self.agreement_for or self.photo_for)

    def check_in(self, token: str, consents: Consents | None = None, typed: bool = False) -> CheckInResult:
        """``typed``: the visitor typed ``token`` into the code box (a wrong short code counts against
        this kiosk; ``RateLimited`` while it is refused typed codes)."""
        with self.database.unit_of_work(self.actor) as uow:
            return checkin.check_in_by_token(uow, token, site_code=self.site_code, grace_seconds=self.grace_seconds,
                                             consents=consents, typed_at=self.actor if typed else None)

    def _requirements(self, uow: UnitOfWork, visitor_type: str, language: str) -> EntryRequirements:
        agreement = None
        if visitor_type in self.agreement_for:
            agreement = agreements.current(uow, visitor_type=visitor_type, language=language)
        return EntryRequirements(agreement, visitor_type in self.photo_for)

    def invitation_entry(self, token: str, language: str, typed: bool = False) -> InvitationEntry:
        """Who the invitation is for and what they do first; the token is not spent. ``typed``: as for
        ``check_in`` (then the read may write: a wrong code is counted)."""
        with self.database.unit_of_work(self.actor, write=typed) as uow:
            preview = checkin.preview_invitation(uow, token, site_code=self.site_code,
                                                 grace_seconds=self.grace_seconds,
                                                 typed_at=self.actor if typed else None)
            requirements = self._requirements(uow, preview.visitor_type, language)
            if requirements.agreement is not None and agreements.accepted_current(
                    uow, preview.visit_id, preview.visitor_type):  # accepted on the web when registering ahead
                requirements = EntryRequirements(None, requirements.photo)
            return InvitationEntry(preview, requirements)

    def walk_in_entry(self, form: WalkInForm, language: str) -> EntryRequirements:
        """The form checked first (so the visitor fixes typos before signing), then what they do before entering."""
        walkins.check_walk_in(form, self.policy)
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return self._requirements(uow, form.visitor_type, language)

    def agreement_text(self, visitor_type: str, language: str) -> AgreementText | None:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return agreements.current(uow, visitor_type=visitor_type, language=language)

    def announce_delivery(self, host_id: int | None, carrier: str) -> DeliveryAnnounced:
        with self.database.unit_of_work(self.actor) as uow:
            return deliveries.announce_delivery(uow, site_code=self.site_code, host_id=host_id, carrier=carrier)

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

    def badge_status(self, job_id: int) -> BadgeStatus:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return print_jobs.badge_status(uow, job_id)

    def badge_to_desk(self, job_id: int) -> BadgeStatus:
        """The visitor is told the front desk hands their badge over: the job will not print here later."""
        with self.database.unit_of_work(self.actor) as uow:
            return print_jobs.send_badge_to_desk(uow, job_id)

    def search_hosts(self, query: str) -> list[HostSummary]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.search_hosts(uow, query, limit=8)

    def returning_visitor(self, phone: str) -> ReturningVisitor | None:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visitors.find_returning_visitor(uow, phone)

    def register_walk_in(self, form: WalkInForm, consents: Consents | None = None) -> WalkInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return walkins.register_walk_in(
                uow, form, site_code=self.site_code, policy=self.policy, protector=self.protector, consents=consents
            )

    def walk_in_status(self, visit_id: int) -> WalkInProgress:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return walkins.walk_in_status(uow, visit_id)

    def complete_walk_in(self, visit_id: int) -> CheckInResult:
        with self.database.unit_of_work(self.actor) as uow:
            return walkins.complete_approved_walk_in(uow, visit_id)

    def withdraw_walk_in(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.withdraw_walk_in(uow, visit_id)

    def current_notices(self, language: str) -> list[WelcomeNotice]:
        """Today's notices at the front desk in ``language`` (the other language where that one is empty)."""
        return self.welcome_notices((language,))[language]

    def welcome_notices(self, languages: tuple[str, ...] = ("zh_CN", "en")) -> dict[str, list[WelcomeNotice]]:
        """Today's notices in each language, read once: what the welcome screen shows whichever the visitor picks."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return notices.welcome_notices(uow, self.site_code, languages)

    def pin_lock_state(self) -> PinLockState:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return pin_locks.pin_lock_state(uow, self.actor)

    def record_pin_attempt(self, right: bool) -> PinLockState:
        with self.database.unit_of_work(self.actor) as uow:
            return pin_locks.record_pin_attempt(uow, self.actor, right=right)

    def leave_contact(self, name: str, phone: str, company: str) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            walkins.leave_contact_details(uow, name=name, phone=phone, company=company)
