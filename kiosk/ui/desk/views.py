"""Which views a signed-in person gets, in the navigation's order; a role sees what it may use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_directory import HostQuery
from kiosk.application.gateways.desk_invitations import InvitationQuery, InvitationRow
from kiosk.application.gateways.desk_session import DeskGateways
from kiosk.config import CameraSettings
from kiosk.domain.changes import Area
from kiosk.domain.security import Permission
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.audit_log import AuditLogView
from kiosk.ui.desk.directory_views import directory_views
from kiosk.ui.desk.invitations import InvitationsView
from kiosk.ui.desk.meeting_choice import day_meetings
from kiosk.ui.desk.notices import NoticesView
from kiosk.ui.desk.parcels import parcel_views
from kiosk.ui.desk.quick_find import QuickFind
from kiosk.ui.desk.records import records_view
from kiosk.ui.desk.reports import reports_view
from kiosk.ui.desk.rooms import SupplyChoice, room_views
from kiosk.ui.desk.shell import DeskView
from kiosk.ui.desk.staff import StaffView
from kiosk.ui.desk.status_strip import DeskStatusStrip
from kiosk.ui.desk.supplies import supply_views
from kiosk.ui.desk.today import TodayView
from kiosk.ui.desk.visitor_log import VisitorLogView


def desk_status(gateways: DeskGateways, pool: WorkerPool, *, zone: ZoneInfo,
                live: LiveChanges | None = None) -> DeskStatusStrip:
    return DeskStatusStrip(gateways.visits, pool, zone, live=live)


def desk_finder(gateways: DeskGateways, pool: WorkerPool) -> QuickFind:
    return QuickFind(gateways.visits, pool)


def host_finder(gateways: DeskGateways) -> Callable[[str], list[tuple[int, str, str]]]:
    """(id, name, department) of the active hosts a typed name finds: a requisition's requester."""
    def find(text: str) -> list[tuple[int, str, str]]:
        rows = gateways.directory.host_rows(gateways.directory.host_ids(HostQuery(text=text), 20))
        return [(row.id, row.name, row.department) for row in rows]
    return find


def supply_choices(gateways: DeskGateways) -> Callable[[], list[SupplyChoice]]:
    """The supply items an inspection may issue (water, paper): the rooms' consumables."""
    def items() -> list[SupplyChoice]:
        return [SupplyChoice(item.item_id, " ".join(p for p in (item.name, item.specification) if p), item.unit)
                for item in gateways.supplies.items()]
    return items


def invited_on(gateways: DeskGateways) -> Callable[[date], list[InvitationRow]]:
    """A day's invitations (not cancelled): the visitors a booking's attendees may be chosen from."""
    def rows(day: date) -> list[InvitationRow]:
        return gateways.invitations.rows(gateways.invitations.ids(InvitationQuery(first_day=day, last_day=day)))
    return rows


def desk_views(gateways: DeskGateways, pool: WorkerPool, *, site_name: str, zone: ZoneInfo,
               live: LiveChanges | None = None, public_url: str = "",
               camera: CameraSettings | None = None) -> list[DeskView]:
    translate = QCoreApplication.translate
    session, now = gateways.session, gateways.now
    meetings = day_meetings(gateways.rooms)  # an invitation may name the meeting the visitor comes to
    today = TodayView(gateways.visits, pool, site_name=site_name, zone=zone, now=now, live=live,
                      invitations=gateways.invitations, meetings=meetings)
    visitors = VisitorLogView(gateways.visitor_log, pool, zone=zone, now=now)
    if live is not None:  # the log refetches its id list and the rows on screen, keeping its place
        AreaFollower(live, frozenset({Area.VISITS}), visitors.refresh, coalesce_ms=500, parent=visitors)
    views = [
        DeskView("today", lambda: translate("DeskShell", "Today"), today),
        DeskView("visitors", lambda: translate("DeskShell", "Visitors"), visitors),
        DeskView("invitations", lambda: translate("DeskShell", "Invitations"),
                 InvitationsView(gateways.invitations, pool, zone=zone, now=now, live=live, site_name=site_name,
                                 public_url=public_url, meetings=meetings)),
        *directory_views(gateways.directory, pool, zone=zone, live=live),
        DeskView("notices", lambda: translate("DeskShell", "Notices for visitors"),
                 NoticesView(gateways.notices, pool, zone=zone, live=live)),
    ]
    if session.may(Permission.DAILY_WORK):
        views += parcel_views(gateways.parcels, pool, zone=zone, now=now, live=live, camera=camera)
        views += room_views(gateways.rooms, pool, zone=zone, now=now, live=live,
                            search_hosts=gateways.invitations.search_hosts, supply_items=supply_choices(gateways),
                            invited_on=invited_on(gateways))
        views += supply_views(gateways.supplies, pool, zone=zone, now=now, live=live,
                              may_approve=session.may(Permission.APPROVE), find_hosts=host_finder(gateways))
        views.append(records_view(gateways, pool, zone=zone, now=now, live=live))
    if session.may(Permission.REPORTS):
        views.append(reports_view(gateways.reports, pool, zone=zone, now=now))
    if session.may(Permission.AUDIT_LOG):
        views.append(DeskView("audit", lambda: translate("DeskShell", "Audit log"),
                              AuditLogView(gateways.audit, pool, zone=zone, now=now, live=live)))
    if session.may(Permission.MANAGE_STAFF):
        views.append(DeskView("staff", lambda: translate("DeskShell", "Staff accounts"),
                              StaffView(gateways.staff, pool, zone=zone, now=now, live=live)))
    return views
