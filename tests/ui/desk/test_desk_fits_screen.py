"""The desk fits a 1440-pixel screen: for every role, in English and in Chinese, on the demo's busy day, the
window asks for at most 1440 pixels and every view of the navigation fits beside it, whichever tab is open and
whatever is chosen in its lists (a detail beside a list is where views grow).

The application wears the kiosk's larger look and the window the desk's style sheet, as in the demo: the desk must
measure itself in its own look all the same (views are built before they are in the window)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget

from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services import auth, demo
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.theme import admin_stylesheet, apply_theme
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.shell import DeskView
from kiosk.ui.desk.views import desk_finder, desk_status, desk_views
from kiosk.ui.desk.window import DeskWindow
from tests.factories import SITE

SCREEN = 1440
ZONE = ZoneInfo("Asia/Shanghai")
PASSWORD = "long enough 1"


@pytest.fixture
def kiosk_look(qapp: QApplication) -> Iterator[None]:
    """The demo's application: the kiosk's font and style sheet (put back afterwards)."""
    font, sheet = qapp.font(), qapp.styleSheet()
    apply_theme(qapp, "kiosk")
    try:
        yield
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)


@pytest.fixture
def busy_day(database: Database, kiosk_look: None) -> Database:
    with database.unit_of_work("test") as uow:
        demo.seed_demo(uow, site_code=SITE)
        for role in StaffRole:
            auth.add_user(uow, role.value, PASSWORD, role, "Alexandra Konstantinopoulou-Whitfield")
    return database


@contextmanager
def build_desk(qtbot, database: Database, language: str, role: StaffRole, *,
               leave_out: frozenset[str] = frozenset()) -> Iterator[tuple[DeskWindow, LanguageManager]]:
    pool = WorkerPool(synchronous=True)
    languages = LanguageManager(language)
    languages.reset()
    factory = DeskGatewayFactory(database, SITE)

    def views(session) -> list[DeskView]:
        made = desk_views(factory.for_session(session), pool, site_name="星辰大厦 Star Tower", zone=ZONE)
        return [view for view in made if view.key not in leave_out]

    window = DeskWindow(DeskAuthGateway(database), pool, languages, site_name="星辰大厦 Star Tower", chime=lambda: None,
                        views_for=views, status_for=lambda s: desk_status(factory.for_session(s), pool, zone=ZONE),
                        finder_for=lambda s: desk_finder(factory.for_session(s), pool))
    window.setStyleSheet(admin_stylesheet())
    qtbot.addWidget(window)
    window.resize(SCREEN, 900)
    window.show()
    window.start()
    window.sign_in.username.setText(role.value)
    window.sign_in.password.setText(PASSWORD)
    window.sign_in.submit_button.click()
    assert window.shell is not None, window.sign_in.error.text()
    try:
        yield window, languages
    finally:
        window.stop()
        pool.shutdown()
        languages.shutdown()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def walk(view: QWidget) -> Iterator[str]:
    """Each tab of the view shown in turn, with the first row of each of its lists chosen: what it looks like."""
    yield "as opened"
    for tabs in view.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            yield f"tab {tabs.tabText(index)!r}"
            for listing in tabs.widget(index).findChildren(QAbstractItemView):
                model = listing.model()
                if listing.isVisible() and model is not None and model.rowCount() > 0 and listing.selectionModel():
                    listing.setCurrentIndex(model.index(0, 0))
                    settle()
                    yield f"tab {tabs.tabText(index)!r}, first row of {type(listing).__name__} chosen"


def too_wide(window: DeskWindow) -> list[str]:
    """Every view and moment that asks for more than the screen has beside the navigation."""
    shell = window.shell
    assert shell is not None
    room = SCREEN - shell.nav.width()
    found = []
    for view in shell.views:
        shell.show_view(view.key)
        settle()
        for moment in walk(view.widget):
            width = view.widget.minimumSizeHint().width()
            if width > room:
                found.append(f"{view.key} ({moment}): {width} px > {room}")
            if window.minimumSizeHint().width() > SCREEN:
                found.append(f"the window with {view.key} ({moment}): {window.minimumSizeHint().width()} px")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("role", list(StaffRole))
def test_every_view_fits_beside_the_navigation_for_every_role(qtbot, busy_day, role, language) -> None:
    with build_desk(qtbot, busy_day, language, role) as (window, _languages):
        assert window.minimumSizeHint().width() <= SCREEN
        assert too_wide(window) == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_desk_measures_itself_again_in_the_other_language(qtbot, busy_day, language) -> None:
    other = "zh_CN" if language == "en" else "en"
    with build_desk(qtbot, busy_day, language, StaffRole.RECEPTIONIST) as (window, languages):
        languages.set_language(other)
        settle()
        assert window.minimumSizeHint().width() <= SCREEN
        assert too_wide(window) == []


def test_the_reports_dashboard_fits(qtbot, busy_day) -> None:
    with build_desk(qtbot, busy_day, "en", StaffRole.SUPERVISOR) as (window, _languages):
        assert window.shell is not None and window.shell.view("reports") is not None
        assert too_wide(window) == []
        assert window.minimumSizeHint().width() <= SCREEN
