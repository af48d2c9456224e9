"""Every gateway the desk's views use, made for one signed-in person so each acts as them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.application.bootstrap import load_protector
from kiosk.application.gateways.desk import DeskGateway
from kiosk.application.gateways.desk_audit import DeskAuditGateway
from kiosk.application.gateways.desk_complaints import DeskComplaintsGateway
from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
from kiosk.application.gateways.desk_messages import DeskMessagesGateway
from kiosk.application.gateways.desk_notices import DeskNoticesGateway
from kiosk.application.gateways.desk_parcels import DeskParcelsGateway
from kiosk.application.gateways.desk_reports import DeskReportsGateway
from kiosk.application.gateways.desk_rooms import DeskRoomsGateway
from kiosk.application.gateways.desk_routines import DeskRoutinesGateway
from kiosk.application.gateways.desk_staff import DeskStaffGateway
from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway
from kiosk.application.gateways.visitor_log import VisitorLogGateway
from kiosk.application.label_print_loop import label_station
from kiosk.config import ParcelSettings, RoomSettings, Settings
from kiosk.db import Database
from kiosk.services.auth import StaffSession
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.visits.walkins import WalkInPolicy


@dataclass(frozen=True)
class DeskGateways:
    session: StaffSession
    visits: DeskGateway
    visitor_log: VisitorLogGateway
    invitations: DeskInvitationsGateway
    directory: DeskDirectoryGateway
    notices: DeskNoticesGateway
    audit: DeskAuditGateway
    staff: DeskStaffGateway
    parcels: DeskParcelsGateway
    supplies: DeskSuppliesGateway
    rooms: DeskRoomsGateway
    messages: DeskMessagesGateway
    complaints: DeskComplaintsGateway
    reports: DeskReportsGateway  # the supervisor's figures (refused without Permission.REPORTS)
    routines: DeskRoutinesGateway
    now: Callable[[], datetime]  # the database's clock: "today" on screen agrees with the rules


def host_page_of(settings: Settings) -> str:
    """The hosts' web page named in their notices ("" without [notify] public_url)."""
    public_url = settings.notify.public_url.rstrip("/")
    return f"{public_url}/host" if public_url else ""


@dataclass(frozen=True)
class DeskGatewayFactory:
    database: Database
    site_code: str
    # The kiosk's walk-in rules and ID-number key: a walk-in registered at the desk is one at the kiosk.
    policy: WalkInPolicy = field(default_factory=WalkInPolicy)
    protector: IdNumberProtector | None = None
    host_page: str = ""  # the hosts' web page, when [notify] public_url is set
    # This desk's ``[kiosk] id`` when it has a [printer]: its shelf labels print there ("" = no labels).
    station: str = ""
    parcel_rules: ParcelSettings = field(default_factory=ParcelSettings)  # [parcels] reminder and return days
    public_url: str = ""  # [notify] public_url: the department heads' approval links ("" = at the desk only)
    room_rules: RoomSettings = field(default_factory=RoomSettings)  # [rooms] notice period, alert, opening hours
    message_remind_minutes: int = 30  # [records]: an unacknowledged message is overdue after this
    complaint_due_hours: int = 24  # [records]: a complaint is due this long after it is recorded
    site_language: str = "zh_CN"  # [site] language: the rulebook's routines are seeded in it

    @classmethod
    def from_settings(cls, database: Database, settings: Settings) -> DeskGatewayFactory:
        policy = WalkInPolicy(settings.visits.host_consent_required, settings.visits.refuse_sales_without_appointment)
        return cls(database, settings.site.code, policy, load_protector(settings), host_page_of(settings),
                   label_station(settings), settings.parcels,
                   settings.notify.public_url.rstrip("/"), settings.rooms,
                   message_remind_minutes=settings.records.message_remind_minutes,
                   complaint_due_hours=settings.records.complaint_due_hours,
                   site_language=settings.site.language)

    def for_session(self, session: StaffSession) -> DeskGateways:
        database, site, actor, role = self.database, self.site_code, session.actor, session.role
        return DeskGateways(
            session=session,
            visits=DeskGateway(database, site, actor=actor, role=role, host_page=self.host_page),
            visitor_log=VisitorLogGateway(database, site, actor=actor),
            invitations=DeskInvitationsGateway(database, site, actor, policy=self.policy, protector=self.protector),
            directory=DeskDirectoryGateway.for_session(database, site, session),
            notices=DeskNoticesGateway(database, site, actor=actor, role=role),
            audit=DeskAuditGateway(database, site, actor=actor, role=role),
            staff=DeskStaffGateway(database, actor=actor, role=role, username=session.username),
            parcels=DeskParcelsGateway(database, site, actor=actor, role=role, station=self.station,
                                       reminder_days=self.parcel_rules.reminder_days,
                                       return_days=self.parcel_rules.return_days),
            supplies=DeskSuppliesGateway(database, site, actor=actor, role=role, public_url=self.public_url),
            rooms=DeskRoomsGateway(database, site, actor=actor, role=role, notice_days=self.room_rules.notice_days,
                                   prepare_alert_minutes=self.room_rules.prepare_alert_minutes,
                                   opens=self.room_rules.opens, closes=self.room_rules.closes),
            messages=DeskMessagesGateway(database, site, actor=actor, role=role,
                                         remind_minutes=self.message_remind_minutes),
            complaints=DeskComplaintsGateway(database, site, actor=actor, role=role,
                                             due_hours=self.complaint_due_hours),
            routines=DeskRoutinesGateway(database, site, actor=actor, role=role, language=self.site_language),
            reports=DeskReportsGateway(database, site, actor=actor, role=role, opens=self.room_rules.opens,
                                       closes=self.room_rules.closes),
            now=database.clock.now,
        )
