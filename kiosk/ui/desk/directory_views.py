"""The directory's views for one signed-in person, in the navigation's order: Hosts for everyone; the
deny list and the agreement texts only for a role that may manage them (the others never see them).

The shell's registry adds them after its own::

    directory = DeskDirectoryGateway.for_session(database, site_code, session)
    views += directory_views(directory, pool, zone=zone, live=live)
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.domain.security import Permission
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.agreements import AgreementsView
from kiosk.ui.desk.deny_list import DenyListView
from kiosk.ui.desk.hosts import HostsView
from kiosk.ui.desk.shell import DeskView


def directory_views(directory: DeskDirectoryGateway, pool: WorkerPool, *, zone: ZoneInfo,
                    live: LiveChanges | None = None) -> list[DeskView]:
    translate = QCoreApplication.translate
    views = [DeskView("hosts", lambda: translate("DeskShell", "Hosts"), HostsView(directory, pool, live=live))]
    if directory.may(Permission.MANAGE_DENY_LIST):
        views.append(DeskView("deny_list", lambda: translate("DeskShell", "Deny list"),
                              DenyListView(directory, pool, zone=zone, live=live)))
    if directory.may(Permission.MANAGE_SETTINGS):
        views.append(DeskView("agreements", lambda: translate("DeskShell", "Agreement texts"),
                              AgreementsView(directory, pool, zone=zone, live=live)))
    return views
