"""Today's board as a receptionist works it: the selected visit in full, counts, a search, another day,
a held visitor only a supervisor can release, and names shown as written."""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.application.gateways.desk import DeskGateway
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import Visit, VisitStatus
from kiosk.services.visits import checkin, denylist
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.today import TodayView
from tests.factories import SITE, invite


@pytest.fixture
def held(database: Database, host) -> int:
    invitation = invite(database, host.id, name="Mallory Bad")
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "name", "mallory bad", reason="trespass")
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code=SITE)
    return invitation.visit_id


def _view(qtbot, database: Database, role: StaffRole, actor: str) -> TodayView:
    pool = WorkerPool(synchronous=True)
    view = TodayView(DeskGateway(database, SITE, actor=actor, role=role), pool, site_name="Test Tower",
                     zone=ZoneInfo("Asia/Shanghai"), now=database.clock.now)
    qtbot.addWidget(view)
    view.start()
    return view


def test_choosing_a_visit_shows_it_in_full_and_names_stay_plain_text(admin: TodayView, database, host) -> None:
    visit_id = invite(database, host.id, name="<b>Bold</b> <img src=x>", phone="13800138000").visit_id
    admin.refresh()
    admin.select_visit(visit_id)
    panel = admin.panel
    assert panel.detail is not None and panel.detail.summary.id == visit_id
    assert panel.name.text() == "<b>Bold</b> <img src=x>" and panel.name.textFormat().name == "PlainText"
    shown = " ".join(w.text() for w in panel.body.findChildren(type(panel.name)))
    assert "+8613800138000" in shown and "张伟" in shown


def test_the_counts_and_the_search_follow_the_board(admin: TodayView, database, host) -> None:
    invite(database, host.id, name="Jane Doe", start=time(9, 30))
    late = invite(database, host.id, name="Late Larry", phone="13800138001", start=time(8, 30))
    admin.refresh()
    assert admin.chips["expected"].text() == "Expected 2"
    assert admin.chips["overdue"].text() == "Late 1"  # the test clock says 09:00
    admin.search.setText("larry")
    assert [v.id for v in admin.visits.rows] == [late.visit_id]
    admin.search.clear()
    assert len(admin.visits.rows) == 2


def test_another_day_can_be_looked_at_and_today_is_one_click_away(admin: TodayView, database, host) -> None:
    tomorrow = database.clock.now().astimezone(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)
    coming = invite(database, host.id, name="Tom Orrow", visit_date=tomorrow).visit_id
    admin.refresh()
    assert admin.visits.row_of(coming) == -1 and not admin.today_button.isEnabled()
    admin.date.setDate(admin.date.date().addDays(1))
    assert admin.visits.row_of(coming) >= 0
    assert admin.title.text() == f"Visitors on {tomorrow.isoformat()}" and admin.today_button.isEnabled()
    admin.today_button.click()
    assert admin.visits.row_of(coming) == -1 and admin.title.text() == "Today's visitors"


def test_a_receptionist_cannot_let_a_held_visitor_in(admin: TodayView, held: int, database) -> None:
    admin.refresh()
    admin.select_visit(held)
    assert admin.chips["held"].text() == "Held 1"
    assert not admin.release_button.isVisibleTo(admin)
    assert not admin.check_in_button.isEnabled()


def test_a_supervisor_releases_a_hold_with_a_reason_then_checks_the_visitor_in(qtbot, held: int, database) -> None:
    view = _view(qtbot, database, StaffRole.SUPERVISOR, "staff:li")
    view.refresh()
    view.select_visit(held)
    assert view.release_button.isVisibleTo(view) and view.release_button.isEnabled()
    view.ask_reason = lambda *texts, required: "Cleared with security" if required else pytest.fail("optional?")
    view.release_button.click()
    view.select_visit(held)
    assert view.check_in_button.isEnabled()
    view.check_in_button.click()
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, held).status == VisitStatus.CHECKED_IN
    history = [(h.actor, h.action, h.details.get("reason")) for h in view.panel.detail.history]
    assert ("staff:li", "visit.hold_overridden", "Cleared with security") in history
    view.stop()


def test_clicking_down_the_board_shows_the_last_visit_chosen(qtbot, database, host) -> None:
    from tests.ui.held_pool import HeldWorkerPool

    first = invite(database, host.id, name="First One").visit_id
    second = invite(database, host.id, name="Second One", phone="13800138009").visit_id
    pool = HeldWorkerPool()
    view = TodayView(DeskGateway(database, SITE), pool, site_name="Test Tower", zone=ZoneInfo("Asia/Shanghai"),
                     now=database.clock.now)
    qtbot.addWidget(view)
    view.refresh()
    pool.run_all()
    view.select_visit(first)
    view.select_visit(second)
    details = pool.pending("detail")
    assert len(details) == 2
    pool.run(details[1])
    pool.run(details[0])  # the slower, older answer arrives last
    assert view.panel.detail is not None and view.panel.detail.summary.id == second


def test_a_walk_in_registered_at_the_desk_lands_on_the_board_chosen(qtbot, database, host) -> None:
    from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
    from kiosk.services.directory.hosts import HostSummary
    from kiosk.ui.desk.invitation_forms import DeskWalkInDialog

    opened: list[object] = []
    view = TodayView(DeskGateway(database, SITE), WorkerPool(synchronous=True), site_name="Test Tower",
                     zone=ZoneInfo("Asia/Shanghai"), now=database.clock.now,
                     invitations=DeskInvitationsGateway(database, SITE, "staff:amy"))
    qtbot.addWidget(view)
    view.show_dialog = opened.append
    view.start()
    view.walk_in_button.click()
    [dialog] = opened
    assert isinstance(dialog, DeskWalkInDialog)
    dialog.phone.setText("13900139000")
    dialog.name.setText("曹磊")
    dialog.host.choose(HostSummary(host.id, host.name, "Sales", host.email))
    dialog.purpose.set_value("maintenance")
    dialog.save_button.click()
    chosen = view.selected_visit()
    assert chosen is not None and chosen.visitor_name == "曹磊" and chosen.status == "pending_approval"
    assert "张伟" in view.statusBar().currentMessage()
    view.stop()
