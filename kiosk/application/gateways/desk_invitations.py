"""The desk's invitations: the list (ids sorted in SQL, rows for the ids on screen), the invitation form,
edit, reschedule, cancel, resend, a group visit from a CSV file, and a walk-in registered at the desk.

One unit of work per call, acting as the person signed in (``actor``): every change is audited with
their name. The views import the query, row and form types from here (the UI reaches services
through the application layer).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.domain.visits import Purpose
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.directory.sites import get_site
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.visits import invitations, visitors, walkins
from kiosk.services.visits.invitations import (
    GROUP_MAX_ROWS,
    GroupImportReport,
    GroupRow,
    GroupRowProblem,
    InvitationCreated,
    InvitationEdited,
    InvitationForm,
    InvitationQuery,
    InvitationRow,
    InvitationSort,
)
from kiosk.services.visits.visitors import ReturningVisitor
from kiosk.services.visits.walkins import WalkInForm, WalkInPolicy, WalkInResult

__all__ = [
    "GROUP_MAX_ROWS", "DeskInvitationsGateway", "GroupImportReport", "GroupRequest", "GroupRow", "GroupRowProblem",
    "HostSummary", "InvitationCreated", "InvitationEdited", "InvitationForm", "InvitationQuery", "InvitationRow",
    "InvitationSort", "ReturningVisitor", "WalkInForm", "WalkInResult",
]

HOSTS_SHOWN = 12


@dataclass(frozen=True)
class GroupRequest:
    """The group dialog's form: who the group visits, when, and why (every row of the file shares it)."""

    host_id: int | None
    visit_date: date
    start: time | None = None
    end: time | None = None
    purpose: str = Purpose.MEETING.value
    purpose_note: str = ""


@dataclass
class DeskInvitationsGateway:
    """What the Invitations view and the desk's forms call; ``actor`` names the person signed in.

    ``policy`` and ``protector`` are the kiosk's walk-in rules and ID-number key, so a walk-in
    registered at the desk is checked and stored as one at the kiosk would be.
    """

    database: Database
    site_code: str
    actor: str = "staff:reception"
    policy: WalkInPolicy = field(default_factory=WalkInPolicy)
    protector: IdNumberProtector | None = None

    @classmethod
    def from_settings(cls, database: Database, settings: Settings, actor: str,
                      protector: IdNumberProtector | None = None) -> DeskInvitationsGateway:
        policy = WalkInPolicy(settings.visits.host_consent_required, settings.visits.refuse_sales_without_appointment)
        return cls(database, settings.site.code, actor, policy=policy, protector=protector)

    @property
    def keeps_id_numbers(self) -> bool:
        """Whether an ID number can be stored (a data key is configured); the walk-in form asks only then."""
        return self.protector is not None

    # -- the list -------------------------------------------------------------------------------------------

    def ids(self, query: InvitationQuery, limit: int | None = None) -> array[int]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return invitations.invitation_ids(uow, self.site_code, query, limit=limit)

    def rows(self, ids: Sequence[int]) -> list[InvitationRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return invitations.invitation_rows(uow, ids)

    def detail(self, visit_id: int) -> InvitationRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return invitations.invitation_detail(uow, visit_id)

    def today(self) -> date:
        """Today at the site, by the database's clock."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return get_site(uow, self.site_code).local_date(uow.now())

    def search_hosts(self, text: str) -> list[HostSummary]:
        """Hosts by name, full pinyin or initials (张伟: ``zhangwei``, ``zw``), the best first."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return hosts.search_hosts(uow, text, limit=HOSTS_SHOWN)

    def returning_visitor(self, phone: str) -> ReturningVisitor | None:
        """A visitor known by this phone (name and company to prefill; the ID number only masked)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return visitors.find_returning_visitor(uow, phone)

    # -- one invitation ---------------------------------------------------------------------------------------

    def create(self, form: InvitationForm) -> InvitationCreated:
        with self.database.unit_of_work(self.actor) as uow:
            return invitations.create_invitation(
                uow, site_code=self.site_code, host_id=form.host_id, visitor_name=form.visitor_name,
                phone=form.phone, email=form.email, company=form.company, visit_date=form.visit_date,
                start=form.start, end=form.end, purpose=form.purpose, purpose_note=form.purpose_note, vip=form.vip,
                booking_id=form.booking_id,
            )

    def edit(self, visit_id: int, form: InvitationForm) -> InvitationEdited:
        """The form's details and time (its host and day are not changed here: see ``reschedule``)."""
        with self.database.unit_of_work(self.actor) as uow:
            return invitations.edit_invitation(
                uow, visit_id, visitor_name=form.visitor_name, phone=form.phone, email=form.email,
                company=form.company, purpose=form.purpose, purpose_note=form.purpose_note,
                start=form.start, end=form.end,
            )

    def reschedule(self, visit_id: int, visit_date: date, start: time | None = None,
                   end: time | None = None) -> InvitationCreated:
        with self.database.unit_of_work(self.actor) as uow:
            return invitations.reschedule_invitation(uow, visit_id, visit_date=visit_date, start=start, end=end)

    def cancel(self, visit_id: int) -> None:
        with self.database.unit_of_work(self.actor) as uow:
            invitations.cancel_invitation(uow, visit_id)

    def resend(self, visit_id: int) -> InvitationCreated:
        with self.database.unit_of_work(self.actor) as uow:
            return invitations.resend_invitation(uow, visit_id)

    # -- a group ------------------------------------------------------------------------------------------------

    def preview_group(self, data: bytes, request: GroupRequest) -> GroupImportReport:
        """Every row checked, nothing saved."""
        return self._group(data, request, dry_run=True)

    def import_group(self, data: bytes, request: GroupRequest) -> GroupImportReport:
        """Every row invited, or (any problem) none."""
        return self._group(data, request, dry_run=False)

    def _group(self, data: bytes, request: GroupRequest, *, dry_run: bool) -> GroupImportReport:
        with self.database.unit_of_work(self.actor, write=not dry_run) as uow:
            return invitations.import_group_csv(
                uow, data, site_code=self.site_code, host_id=request.host_id, visit_date=request.visit_date,
                start=request.start, end=request.end, purpose=request.purpose, purpose_note=request.purpose_note,
                dry_run=dry_run,
            )

    # -- a walk-in at the desk ----------------------------------------------------------------------------------

    def register_walk_in(self, form: WalkInForm) -> WalkInResult:
        """As at the kiosk: the same checks and policy; the host is asked (unless the site says not)."""
        with self.database.unit_of_work(self.actor) as uow:
            return walkins.register_walk_in(uow, form, site_code=self.site_code, policy=self.policy,
                                            protector=self.protector)
