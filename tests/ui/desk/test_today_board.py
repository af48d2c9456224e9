"""The front desk's board: a waiting walk-in shows up, approving it changes its status; by-hand actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import Visit, VisitStatus
from kiosk.services.visits import walkins
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.desk.board_models import STATUS_COLOURS
from kiosk.ui.desk.today import TodayView
from tests.factories import SITE, invite


@pytest.fixture
def walk_in(database: Database, host) -> int:
    with database.unit_of_work("kiosk:K1") as uow:
        return walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="maintenance"), site_code=SITE
        ).visit_id


def _status_cell(admin: TodayView, visit_id: int) -> str:
    return admin.visits.index(admin.visits.row_of(visit_id), 0).data()


def _status(database: Database, visit_id: int) -> VisitStatus:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Visit.status).where(Visit.id == visit_id)).one()


def test_pending_walk_in_is_on_the_board_and_approving_it_changes_the_status(
    admin: TodayView, walk_in: int, database: Database
) -> None:
    admin.refresh()
    assert _status_cell(admin, walk_in) == "Waiting for approval"
    assert admin.waiting.text() == "1 waiting for approval"
    admin.select_visit(walk_in)
    assert admin.approve_button.isEnabled() and not admin.sign_out_button.isEnabled()
    admin.approve_button.click()
    assert _status(database, walk_in) == VisitStatus.APPROVED
    assert _status_cell(admin, walk_in) == "Approved"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, walk_in).decided_by == "staff:reception"


def test_decline_from_the_desk(admin: TodayView, walk_in: int, database: Database) -> None:
    admin.refresh()
    admin.select_visit(walk_in)
    admin.ask_reason = lambda *texts, required=False: "" if not required else None
    admin.deny_button.click()
    assert _status(database, walk_in) == VisitStatus.DENIED


def test_check_in_and_sign_out_by_hand_and_the_roster_follows(
    admin: TodayView, host, database: Database
) -> None:
    visit_id = invite(database, host.id, name="Jane Doe").visit_id
    admin.refresh()
    admin.select_visit(visit_id)
    admin.check_in_button.click()
    assert _status(database, visit_id) == VisitStatus.CHECKED_IN
    assert [r.visitor_name for r in admin.roster.rows] == ["Jane Doe"]
    assert admin.roster_count.text() == "1 on site"
    admin.select_visit(visit_id)
    admin.sign_out_button.click()
    assert _status(database, visit_id) == VisitStatus.CHECKED_OUT
    assert admin.roster.rows == []


def test_refused_action_is_reported_in_the_status_bar(admin: TodayView, walk_in: int, database: Database) -> None:
    admin.refresh()
    admin.select_visit(walk_in)
    with database.unit_of_work("test") as uow:
        walkins.deny_visit(uow, walk_in)
    admin.approve_button.click()
    assert "did not work" in admin.statusBar().currentMessage()
    assert _status_cell(admin, walk_in) == "Declined"


def test_status_colours_tell_waiting_from_done(admin: TodayView, walk_in: int, host, database: Database) -> None:
    gone = invite(database, host.id, name="Jane Doe").visit_id
    admin.refresh()
    admin.select_visit(gone)
    admin.check_in_button.click()
    admin.select_visit(gone)
    admin.sign_out_button.click()
    colours = {
        visit_id: admin.visits.index(admin.visits.row_of(visit_id), 0).data(Qt.ItemDataRole.BackgroundRole).name()
        for visit_id in (walk_in, gone)
    }
    assert colours[walk_in] == STATUS_COLOURS["pending_approval"][0]
    assert colours[gone] == STATUS_COLOURS["checked_out"][0]
