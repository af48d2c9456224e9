"""Ctrl+K: a visitor or a host found from anywhere on the desk; choosing a visitor opens Today on the
visit's day with it chosen; an answer for text typed over is dropped."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest

from kiosk.application.gateways.desk import DeskGateway
from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.db import Database
from kiosk.services import auth
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.quick_find import QuickFind
from kiosk.ui.desk.today import TodayView
from kiosk.ui.desk.views import desk_finder, desk_views
from kiosk.ui.desk.window import DeskWindow
from tests.factories import SITE, add_host, invite
from tests.ui.held_pool import HeldWorkerPool

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def desk(qtbot, database: Database) -> Iterator[DeskWindow]:
    with database.unit_of_work("test") as uow:
        auth.add_user(uow, "amy", "correct horse")
    pool = WorkerPool(synchronous=True)
    languages = LanguageManager("en")
    languages.reset()
    factory = DeskGatewayFactory(database, SITE)
    window = DeskWindow(
        DeskAuthGateway(database), pool, languages, site_name="Test Tower", chime=lambda: None,
        views_for=lambda s: desk_views(factory.for_session(s), pool, site_name="Test Tower", zone=ZONE),
        finder_for=lambda s: desk_finder(factory.for_session(s), pool),
    )
    qtbot.addWidget(window)
    window.start()
    window.sign_in.username.setText("amy")
    window.sign_in.password.setText("correct horse")
    window.sign_in.submit_button.click()
    yield window
    window.stop()
    pool.shutdown()
    languages.shutdown()


def _lines(finder: QuickFind) -> list[str]:
    return [finder.list.item(row).text() for row in range(finder.list.count())]


def test_a_visitor_from_last_week_is_found_by_name_and_opened_on_their_day(desk: DeskWindow, database) -> None:
    host = add_host(database)
    last_week = database.clock.now().astimezone(ZONE).date()
    old = invite(database, host.id, name="Jane Doe", company="Acme")
    database.clock.advance(days=7)
    finder = desk.shell.finder
    assert isinstance(finder, QuickFind)
    finder.setText("jane")
    finder.search_now()
    lines = _lines(finder)
    assert lines == [f"Visitor: Jane Doe · Acme — {last_week.isoformat()} Expected, to see 张伟"]
    finder.list.setCurrentRow(0)
    finder._chosen(finder.list.item(0))
    today = desk.shell.view("today")
    assert isinstance(today, TodayView)
    assert desk.shell.current_key() == "today"
    assert today.title.text() == f"Visitors on {last_week.isoformat()}"
    assert today.selected_visit() is not None and today.selected_visit().id == old.visit_id


def test_hosts_by_initials_and_visitors_by_phone(desk: DeskWindow, database) -> None:
    host = add_host(database)
    invite(database, host.id, name="Jane Doe", phone="13800138000")
    finder = desk.shell.finder
    finder.setText("zw")
    finder.search_now()
    assert _lines(finder) == ["Host: 张伟 · Sales · zhang.wei@example.com"]
    finder.setText("138 0013 8000")
    finder.search_now()
    assert [line.split(" · ")[0] for line in _lines(finder)] == ["Visitor: Jane Doe"]
    finder.setText("no such person")
    finder.search_now()
    assert _lines(finder) == ["Nothing found"]


def test_an_answer_for_text_typed_over_is_dropped(qtbot, database) -> None:
    host = add_host(database)
    invite(database, host.id, name="Jane Doe")
    invite(database, host.id, name="Jack Smith", phone="13800138001")
    pool = HeldWorkerPool()
    finder = QuickFind(DeskGateway(database, SITE), pool)
    qtbot.addWidget(finder)
    finder.setText("ja")
    finder.search_now()
    finder.setText("jane")
    finder.search_now()
    older, newer = pool.pending("find")
    pool.run(newer)
    pool.run(older)  # the slower answer for "ja" arrives last
    assert [line.split(" · ")[0] for line in _lines(finder)] == ["Visitor: Jane Doe"]
