"""The deny list at the desk: an administrator sees it and keeps it (add, reword, remove, each as them);
a receptionist or supervisor is not given the view, and a view built for them anyway shows nothing."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.db import Database
from kiosk.domain.changes import Area
from kiosk.domain.security import DenyKind, StaffRole
from kiosk.models import AuditEvent
from kiosk.services.auth import StaffSession
from kiosk.services.visits import denylist
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.deny_list import DenyListView
from kiosk.ui.desk.directory_views import directory_views
from tests.factories import SITE

ZONE = ZoneInfo("Asia/Shanghai")


def _directory(database: Database, role: StaffRole, name: str) -> DeskDirectoryGateway:
    return DeskDirectoryGateway.for_session(database, SITE, StaffSession(1, name, role))


def _view(qtbot, directory: DeskDirectoryGateway, live: LiveChanges | None = None) -> DenyListView:
    view = DenyListView(directory, WorkerPool(synchronous=True), zone=ZONE, live=live)
    qtbot.addWidget(view)
    view.confirm = lambda *texts: pytest.fail(f"unexpected confirmation: {texts}")
    view.ask_reason = lambda *texts: pytest.fail(f"unexpected question: {texts}")
    view.resize(1200, 700)
    view.show()
    view.start()
    return view


@pytest.fixture
def live() -> LiveChanges:
    return LiveChanges()


@pytest.fixture
def admin_view(qtbot, database: Database, live: LiveChanges) -> Iterator[DenyListView]:
    view = _view(qtbot, _directory(database, StaffRole.ADMIN, "root"), live)
    yield view
    view.stop()


def _add(view: DenyListView, kind: DenyKind, value: str, reason: str = "") -> None:
    view.kind.setCurrentIndex(view.kind.findData(kind.value))
    view.value.setText(value)
    view.reason.setText(reason)
    view.add_button.click()


def _entries(database: Database) -> list[tuple[str, str, str]]:
    with database.unit_of_work(write=False) as uow:
        return [(e.kind, e.value, e.reason) for e in denylist.list_entries(uow)]


@pytest.mark.parametrize("role", [StaffRole.RECEPTIONIST, StaffRole.SUPERVISOR])
def test_only_an_administrator_is_given_the_deny_list_and_the_agreement_texts(qtbot, database, role) -> None:
    pool = WorkerPool(synchronous=True)
    theirs = directory_views(_directory(database, role, "amy"), pool, zone=ZONE)
    admins = directory_views(_directory(database, StaffRole.ADMIN, "root"), pool, zone=ZONE)
    for view in theirs + admins:
        qtbot.addWidget(view.widget)
    assert [v.key for v in theirs] == ["hosts"]
    assert [v.key for v in admins] == ["hosts", "deny_list", "agreements"]
    assert [v.title() for v in admins] == ["Hosts", "Deny list", "Agreement texts"]


@pytest.mark.parametrize("role", [StaffRole.RECEPTIONIST, StaffRole.SUPERVISOR])
def test_a_view_built_for_someone_else_shows_nothing_of_the_list(qtbot, database, role) -> None:
    with database.unit_of_work("cli:root") as uow:
        denylist.add_entry(uow, DenyKind.NAME, "Mallory Bad", "trespass", role=StaffRole.ADMIN)
    view = _view(qtbot, _directory(database, role, "amy"))
    assert view.refused.text() == "Only an administrator can see or change the deny list."
    assert view.refused.isVisible()
    for hidden in (view.table, view.value, view.add_button, view.remove_button, view.edit_button):
        assert not hidden.isVisible()
    assert view.model.rows == []  # nothing was read


def test_an_administrator_adds_an_entry_shown_exactly_as_written(admin_view, database) -> None:
    _add(admin_view, DenyKind.COMPANY, "<b>Evil</b> Corp", "<i>trespass</i>")
    assert _entries(database) == [("company", "<b>Evil</b> Corp", "<i>trespass</i>")]
    [row] = admin_view.shown_rows()
    assert row[:4] == ["Company", "<b>Evil</b> Corp", "<i>trespass</i>", "root"]
    assert admin_view.selected_entry() is not None and admin_view.selected_entry().value == "<b>Evil</b> Corp"
    assert admin_view.value.text() == "" and admin_view.count.text() == "1 on the list"
    with database.unit_of_work(write=False) as uow:
        event = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "denylist.added")).one()
    assert event.actor == "staff:root"


def test_a_wrong_or_repeated_entry_is_one_plain_line_and_nothing_is_added(admin_view, database) -> None:
    _add(admin_view, DenyKind.PHONE, "12345")
    assert admin_view.error.text() == "What to hold: not a phone number"
    assert admin_view.error.textFormat() == Qt.TextFormat.PlainText and admin_view.error.isVisible()
    assert admin_view.value.text() == "12345"  # kept, to be put right
    _add(admin_view, DenyKind.PHONE, "13800138000")
    _add(admin_view, DenyKind.PHONE, "138 0013 8000")
    assert admin_view.error.text() == "This is on the deny list already."
    assert len(_entries(database)) == 1


def test_rewording_and_removing_ask_first_and_act_as_the_administrator(admin_view, database) -> None:
    _add(admin_view, DenyKind.NAME, "<h2>x</h2>", "trespass")
    asked: list[tuple[str, ...]] = []

    def answer(*texts: str) -> str:
        asked.append(texts)
        return "trespassed twice"

    admin_view.ask_reason = answer
    admin_view.edit_button.click()
    assert "\u201c<h2>x</h2>\u201d" in asked[0][1] and asked[0][3] == "trespass"  # the current reason to start from
    assert admin_view.shown_rows()[0][2] == "trespassed twice"

    admin_view.confirm = lambda *texts: asked.append(texts) or False
    admin_view.remove_button.click()
    assert len(_entries(database)) == 1  # changed their mind
    assert asked[-1][1] == "Visitors matching \u201c<h2>x</h2>\u201d will no longer be held at check-in."
    admin_view.confirm = lambda *texts: True
    admin_view.remove_button.click()
    assert _entries(database) == [] and admin_view.shown_rows() == []
    with database.unit_of_work(write=False) as uow:
        actors = {e.actor for e in uow.session.scalars(select(AuditEvent).where(AuditEvent.entity == "deny_list"))}
    assert actors == {"staff:root"}


def test_the_service_refuses_even_when_the_screen_would_let_someone_try(admin_view, database) -> None:
    admin_view.directory.role = StaffRole.RECEPTIONIST  # demoted while signed in: the database still says no
    _add(admin_view, DenyKind.NAME, "Mallory Bad")
    assert admin_view.error.text() == "Only an administrator may do this."
    assert _entries(database) == []


def test_an_entry_added_elsewhere_shows_up_and_the_list_can_be_searched(qtbot, admin_view, database, live) -> None:
    with database.unit_of_work("cli:root") as uow:
        denylist.add_entry(uow, DenyKind.KEYWORD, "推销", "sales calls", role=StaffRole.ADMIN)
    with database.unit_of_work("cli:root") as uow:
        denylist.add_entry(uow, DenyKind.NAME, "Mallory Bad", role=StaffRole.ADMIN)
    assert admin_view.shown_rows() == []
    live.listener(frozenset({Area.VISITS}))  # not what the list shows: nothing is read
    qtbot.wait(200)
    assert admin_view.shown_rows() == []
    live.listener(frozenset({Area.STAFF}))  # what the change watcher says after kioskctl's commit
    qtbot.waitUntil(lambda: len(admin_view.shown_rows()) == 2, timeout=2000)
    assert [r[1] for r in admin_view.shown_rows()] == ["推销", "Mallory Bad"]
    assert [r[3] for r in admin_view.shown_rows()] == ["cli:root", "cli:root"]
    admin_view.search.setText("mallory")
    assert [r[1] for r in admin_view.shown_rows()] == ["Mallory Bad"]
