"""The desk's door: nothing before sign-in, the first administrator on a fresh database, lockout,
the idle lock with a quick unlock, sign-out, and every action carrying the person into the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent, Visit, VisitStatus
from kiosk.services import auth
from kiosk.services.auth import StaffSession
from kiosk.services.visits import walkins
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.today import TodayView
from kiosk.ui.desk.views import desk_views
from kiosk.ui.desk.window import DeskWindow
from tests.factories import SITE


@pytest.fixture
def desk(qtbot, database: Database) -> Iterator[DeskWindow]:
    pool = WorkerPool(synchronous=True)
    languages = LanguageManager("en")
    languages.reset()
    factory = DeskGatewayFactory(database, SITE)
    window = DeskWindow(
        DeskAuthGateway(database), pool, languages, site_name="Test Tower", chime=lambda: None,
        views_for=lambda session: desk_views(factory.for_session(session), pool, site_name="Test Tower",
                                             zone=ZoneInfo("Asia/Shanghai")),
    )
    qtbot.addWidget(window)
    window.start()
    window.show()
    yield window
    window.stop()
    pool.shutdown()
    languages.shutdown()


def _add_user(database: Database, name: str = "amy", password: str = "correct horse",
              role: StaffRole = StaffRole.RECEPTIONIST, display_name: str = "") -> None:
    with database.unit_of_work("test") as uow:
        auth.add_user(uow, name, password, role, display_name)


def _sign_in(desk: DeskWindow, name: str, password: str) -> None:
    desk.sign_in.username.setText(name)
    desk.sign_in.password.setText(password)
    desk.sign_in.submit_button.click()


def test_a_fresh_database_offers_the_first_administrator_and_nothing_else(desk: DeskWindow, database) -> None:
    assert desk.pages.currentWidget() is desk.sign_in and desk.shell is None
    assert desk.sign_in.first_admin and desk.sign_in.submit_button.text() == "Create administrator"
    desk.sign_in.username.setText("root")
    desk.sign_in.display_name.setText("Li Na")
    desk.sign_in.password.setText("long enough 1")
    desk.sign_in.repeat.setText("long enough 2")
    desk.sign_in.submit_button.click()
    assert desk.sign_in.error.text() == "The two passwords are not the same." and desk.shell is None
    desk.sign_in.password.setText("long enough 1")
    desk.sign_in.repeat.setText("long enough 1")
    desk.sign_in.submit_button.click()
    assert desk.shell is not None and desk.pages.currentWidget() is desk.shell
    assert desk.shell.person.text() == "Li Na · Administrator"
    with database.unit_of_work("test") as uow:
        assert auth.authenticate(uow, "root", "long enough 1").role is StaffRole.ADMIN


def test_with_an_account_it_asks_to_sign_in_and_a_wrong_password_is_one_plain_line(desk: DeskWindow, database):
    _add_user(database)
    desk.start()
    assert not desk.sign_in.first_admin and desk.sign_in.submit_button.text() == "Sign in"
    assert not desk.sign_in.display_name.isVisibleTo(desk.sign_in)
    _sign_in(desk, "amy", "wrong horse")
    assert desk.shell is None
    assert desk.sign_in.error.text() == "The user name or password is not right."
    assert desk.sign_in.password.text() == ""  # never left in the field


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(desk: DeskWindow, database) -> None:
    _add_user(database)
    desk.start()
    for _ in range(5):
        _sign_in(desk, "amy", "wrong horse")
    _sign_in(desk, "amy", "correct horse")
    assert desk.shell is None
    assert desk.sign_in.error.text() == "Too many wrong passwords. This account is locked for 15 minutes."
    database.clock.advance(minutes=16)
    _sign_in(desk, "amy", "correct horse")
    assert desk.shell is not None


def test_idle_locks_the_desk_and_only_the_same_persons_password_opens_it(desk: DeskWindow, database) -> None:
    _add_user(database, display_name="Amy Wu")
    desk.start()
    _sign_in(desk, "amy", "correct horse")
    shell = desk.shell
    shell.show_view("today")
    desk.idle.idle.emit()  # ten quiet minutes
    assert desk.pages.currentWidget() is desk.lock_page
    assert "Amy Wu" in desk.lock_page.who.text()
    desk.lock_page.password.setText("wrong horse")
    desk.lock_page.unlock_button.click()
    assert desk.pages.currentWidget() is desk.lock_page
    assert desk.lock_page.error.text() == "The user name or password is not right."
    desk.lock_page.password.setText("correct horse")
    desk.lock_page.unlock_button.click()
    assert desk.pages.currentWidget() is shell and shell.current_key() == "today"


def test_someone_else_at_a_locked_desk_signs_out_and_sees_nothing_of_the_last_person(desk: DeskWindow, database):
    _add_user(database)
    desk.start()
    _sign_in(desk, "amy", "correct horse")
    desk.lock()
    desk.lock_page.other_button.click()
    assert desk.shell is None and desk.session is None
    assert desk.pages.currentWidget() is desk.sign_in and desk.sign_in.username.text() == ""


def test_approving_at_the_desk_names_the_person_signed_in(desk: DeskWindow, database, host) -> None:
    _add_user(database)
    with database.unit_of_work("kiosk:K1") as uow:
        visit_id = walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="meeting"), site_code=SITE
        ).visit_id
    desk.start()
    _sign_in(desk, "amy", "correct horse")
    today = desk.shell.view("today")
    assert isinstance(today, TodayView)
    today.refresh()
    today.select_visit(visit_id)
    today.approve_button.click()
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert (visit.status, visit.decided_by) == (VisitStatus.APPROVED, "staff:amy")
        actors = set(uow.session.scalars(
            select(AuditEvent.actor).where(AuditEvent.entity_id == visit_id, AuditEvent.action == "visit.approved")))
    assert actors == {"staff:amy"}


def test_a_display_name_that_looks_like_html_is_shown_as_written(desk: DeskWindow, database) -> None:
    _add_user(database, display_name="<h2>Fire drill</h2><img src=x>")
    desk.start()
    _sign_in(desk, "amy", "correct horse")
    person = desk.shell.person
    assert person.text().startswith("<h2>Fire drill</h2><img src=x>")
    assert person.textFormat().name == "PlainText"


def test_changing_the_password_needs_the_current_one(desk: DeskWindow, database) -> None:
    _add_user(database)
    desk.start()
    _sign_in(desk, "amy", "correct horse")
    from kiosk.ui.desk.password import ChangePasswordDialog

    dialog = ChangePasswordDialog(desk.auth, desk.pool, desk.session, desk)
    dialog.current.setText("not it at all")
    dialog.new.setText("battery staple")
    dialog.repeat.setText("battery staple")
    dialog.save.click()
    assert dialog.error.text() == "The user name or password is not right."
    dialog.current.setText("correct horse")
    dialog.save.click()
    with database.unit_of_work("test") as uow:
        assert isinstance(auth.authenticate(uow, "amy", "battery staple"), StaffSession)
