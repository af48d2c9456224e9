"""Live: what a kiosk or another desk does shows on Today within a second, the receptionist keeps their
place, and a walk-in that starts waiting rings the chime and marks Today in the navigation."""

from __future__ import annotations

import time
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.application.gateways.desk import DeskGateway
from kiosk.application.wiring import BackgroundLoops, desk_background
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.auth import StaffSession
from kiosk.services.visits import walkins
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.shell import DeskShell, DeskView
from kiosk.ui.desk.today import TodayView
from tests.application.test_change_watcher import in_another_process
from tests.factories import SITE, add_host, invite

LIMIT_S = 1.0


@pytest.fixture
def live_today(qtbot, database: Database) -> Iterator[tuple[TodayView, BackgroundLoops]]:
    live = LiveChanges()
    background = desk_background(database, on_change=live.listener).start()
    watcher = background.loops[0]
    assert watcher.wait_until_watching(10)  # type: ignore[attr-defined]
    view = TodayView(DeskGateway(database, SITE), WorkerPool(synchronous=True), site_name="Test Tower",
                     zone=ZoneInfo("Asia/Shanghai"), now=database.clock.now, live=live)
    qtbot.addWidget(view)
    view.start()
    yield view, background
    view.stop()
    assert background.stop(5)


def _wait_for(condition, timeout: float) -> float:
    """Seconds until ``condition()`` held (processing Qt events meanwhile); fails after ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        QApplication.processEvents()
        if condition():
            return time.monotonic() - started
        time.sleep(0.01)
    pytest.fail(f"not seen within {timeout} s")


def test_a_check_in_at_a_kiosk_in_another_process_shows_within_a_second(live_today, database, db_url) -> None:
    view, _background = live_today
    host = add_host(database)
    invitation = invite(database, host.id, name="Jane Doe")
    _wait_for(lambda: view.visits.row_of(invitation.visit_id) >= 0, 5)
    view.select_visit(invitation.visit_id)
    [commit] = in_another_process(db_url, "checkin", invitation.token)
    seen = _wait_for(lambda: view.chips["on_site"].text() == "On site 1", 5)
    assert time.time() - commit["committed"] < LIMIT_S + seen  # the wait began before the commit
    assert view.selected_visit() is not None and view.selected_visit().id == invitation.visit_id
    assert view.panel.detail is not None and view.panel.detail.summary.status == "checked_in"


def test_a_new_walk_in_rings_once_marks_the_row_and_the_navigation(qtbot, live_today, database) -> None:
    view, _background = live_today
    host = add_host(database)
    rung: list[str] = []
    other = TodayView(DeskGateway(database, SITE), WorkerPool(synchronous=True), site_name="T",
                      zone=ZoneInfo("Asia/Shanghai"), now=database.clock.now)
    qtbot.addWidget(other)
    shell = DeskShell(StaffSession(1, "amy", StaffRole.RECEPTIONIST), [
        DeskView("visitors", lambda: "Visitors", other), DeskView("today", lambda: "Today", view)], "Test Tower")
    qtbot.addWidget(shell)
    shell.attention.connect(rung.append)
    with database.unit_of_work("kiosk:K1") as uow:
        visit_id = walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="meeting"), site_code=SITE
        ).visit_id
    _wait_for(lambda: bool(rung), 5)
    assert rung == ["1 walk-in(s) waiting for approval"]
    assert view.visits.index(view.visits.row_of(visit_id), 1).data(Qt.ItemDataRole.FontRole).bold()
    assert shell.nav.item(1).text().endswith("●")
    view.refresh()  # nothing new: no second chime
    assert len(rung) == 1
    shell.show_view("today")
    assert not shell.nav.item(1).text().endswith("●")
    view.select_visit(visit_id)
    assert view.visits.index(view.visits.row_of(visit_id), 1).data(Qt.ItemDataRole.FontRole) is None
