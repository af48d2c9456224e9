"""Staff accounts at the desk: the list as an administrator reads it, add (password twice), change a
role, deactivate and reactivate, reset a password (which unlocks); the last administrator is told
plainly why not; names shown as written; anyone else sees a refusal."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QLabel

from kiosk.application.gateways.desk_staff import DeskStaffGateway, StaffRole
from kiosk.db import Database
from kiosk.domain.changes import Area
from kiosk.services import auth
from kiosk.services.errors import AuthError
from kiosk.ui.common.assets import asset
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.staff import AccountDialog, NewAccount, PasswordDialog, StaffView

ZONE = ZoneInfo("Asia/Shanghai")


def _view(qtbot, database: Database, me: str = "root", role: StaffRole = StaffRole.ADMIN,
          live: LiveChanges | None = None) -> StaffView:
    view = StaffView(DeskStaffGateway(database, f"staff:{me}", role, me), WorkerPool(synchronous=True), zone=ZONE,
                     now=database.clock.now, live=live)
    qtbot.addWidget(view)
    view.ask_new_account = lambda: pytest.fail("unexpected form")
    view.ask_role = lambda account: pytest.fail("unexpected question")
    view.ask_new_password = lambda account: pytest.fail("unexpected question")
    view.confirm = lambda *texts: pytest.fail(f"unexpected confirmation: {texts}")
    view.resize(1300, 600)
    view.show()
    return view


def _rows(view: StaffView) -> dict[str, list[str]]:
    model = view.model
    return {account.username: [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r, account in enumerate(model.accounts)}


def _sign_in(db: Database, name: str, password: str) -> auth.StaffSession:
    with db.unit_of_work("desk:sign-in") as uow:
        return auth.authenticate(uow, name, password, max_failures=3, lockout_minutes=15)


@pytest.fixture
def staff(database: Database) -> Database:
    with database.unit_of_work("desk:sign-in") as uow:
        auth.create_first_admin(uow, "root", "root-password")
    with database.unit_of_work("cli:ops") as uow:
        auth.add_user(uow, "rita", "rita-password", StaffRole.RECEPTIONIST, "<h2>x</h2>")
    return database


@pytest.fixture
def view(qtbot, staff: Database) -> Iterator[StaffView]:
    shown = _view(qtbot, staff)
    shown.start()
    yield shown
    shown.stop()


def test_the_list_as_an_administrator_reads_it(view: StaffView, staff: Database) -> None:
    rows = _rows(view)
    assert rows["root"][:5] == ["root (you)", "", "Administrator", "Active", "Never"]
    assert rows["rita"][:5] == ["rita", "<h2>x</h2>", "Receptionist", "Active", "Never"]  # as written
    assert view.count.text() == "Active accounts: 2"
    assert not view.role_button.isEnabled()  # nothing chosen yet

    _sign_in(staff, "rita", "rita-password")
    for _ in range(3):
        with pytest.raises(AuthError):
            _sign_in(staff, "rita", "wrong")
    view.refresh()
    rita = _rows(view)["rita"]
    assert rita[3] == "Locked until 09:15" and rita[4] == "2026-06-15 09:00"
    assert view.model.data(view.model.index(view.model.row_of("rita"), 3), Qt.ItemDataRole.ForegroundRole).name() \
        == "#b42318"


def test_add_an_account_the_password_twice(view: StaffView, staff: Database) -> None:
    view.ask_new_account = lambda: NewAccount("amy", "Amy Wong", StaffRole.SUPERVISOR, "amy-password", "amy-passw0rd")
    view.add_account()
    assert view.error.text() == "The two passwords are not the same."
    assert "amy" not in _rows(view)

    view.ask_new_account = lambda: NewAccount("amy", "Amy Wong", StaffRole.SUPERVISOR, "amy-password", "amy-password")
    view.add_account()
    assert view.message.text() == "amy can sign in now, as Supervisor." and view.error.isHidden()
    assert _rows(view)["amy"][:4] == ["amy", "Amy Wong", "Supervisor", "Active"]
    assert view.selected() is not None and view.selected().username == "amy"
    assert _sign_in(staff, "amy", "amy-password").role is StaffRole.SUPERVISOR

    view.ask_new_account = lambda: NewAccount("amy", "", StaffRole.RECEPTIONIST, "long-enough", "long-enough")
    view.add_account()
    assert view.error.text() == "The user name amy is taken. Choose another."
    view.ask_new_account = lambda: NewAccount("bo", "", StaffRole.RECEPTIONIST, "short", "short")
    view.add_account()
    assert view.error.text() == "A password has at least 8 characters."
    assert set(_rows(view)) == {"root", "rita", "amy"}


def test_change_a_role_deactivate_and_reactivate(view: StaffView, staff: Database) -> None:
    assert view.select("rita")
    asked: list[str] = []
    view.ask_role = lambda account: asked.append(account.username) or StaffRole.SUPERVISOR
    view.change_role()
    assert asked == ["rita"] and _rows(view)["rita"][2] == "Supervisor"
    assert view.message.text() == "rita is now Supervisor."

    questions: list[tuple[str, ...]] = []
    view.confirm = lambda *texts: questions.append(texts) or True
    assert view.active_button.text() == "Deactivate"
    view.toggle_active()
    assert questions[0][1] == "Deactivate <h2>x</h2>? They will not be able to sign in; their history stays."
    assert _rows(view)["rita"][3] == "Inactive" and view.count.text() == "Active accounts: 1"
    assert view.active_button.text() == "Reactivate"
    with pytest.raises(AuthError):
        _sign_in(staff, "rita", "rita-password")
    view.toggle_active()  # reactivating asks nothing
    assert _rows(view)["rita"][3] == "Active" and len(questions) == 1
    assert _sign_in(staff, "rita", "rita-password").role is StaffRole.SUPERVISOR


def test_the_last_administrator_is_told_why_not(view: StaffView) -> None:
    assert view.select("root")
    view.confirm = lambda *texts: True
    view.toggle_active()
    refusal = ("root is the only active administrator. Make someone else an administrator first, "
               "or nobody could manage staff accounts.")
    assert view.error.text() == refusal and not view.error.isHidden() and view.message.text() == ""
    assert _rows(view)["root"][2:4] == ["Administrator", "Active"]
    view.ask_role = lambda account: StaffRole.RECEPTIONIST
    view.change_role()
    assert view.error.text() == refusal and _rows(view)["root"][2] == "Administrator"


def test_a_reset_password_unlocks(view: StaffView, staff: Database) -> None:
    for _ in range(3):
        with pytest.raises(AuthError):
            _sign_in(staff, "rita", "wrong")
    view.refresh()
    assert _rows(view)["rita"][3].startswith("Locked until")
    assert view.select("rita")
    view.ask_new_password = lambda account: ("fresh-start-1", "fresh-start-2")
    view.reset_password()
    assert view.error.text() == "The two passwords are not the same."
    view.ask_new_password = lambda account: ("fresh-start-1", "fresh-start-1")
    view.reset_password()
    assert view.message.text() == "New password set for rita; the account is unlocked."
    assert _rows(view)["rita"][3] == "Active"
    assert _sign_in(staff, "rita", "fresh-start-1").username == "rita"


def test_the_forms_check_before_they_close(qtbot, view: StaffView) -> None:
    form = AccountDialog(view)
    qtbot.addWidget(form)
    form.username.setText("amy")
    form.password.setText("long-enough")
    form.repeat.setText("long-enougH")
    form.submit()
    assert form.result() == 0 and form.error.text() == "The two passwords are not the same."
    form.repeat.setText("long-enough")
    form.submit()
    assert form.result() == form.DialogCode.Accepted
    assert form.answer() == NewAccount("amy", "", StaffRole.RECEPTIONIST, "long-enough", "long-enough")

    rita = next(a for a in view.model.accounts if a.username == "rita")
    reset = PasswordDialog(view, rita)
    qtbot.addWidget(reset)
    prompts = [w for w in reset.findChildren(QLabel) if "<h2>x</h2>" in w.text()]
    assert prompts and all(w.textFormat() == Qt.TextFormat.PlainText for w in prompts)
    reset.password.setText("short")
    reset.repeat.setText("short")
    reset.submit()
    assert reset.error.text() == "A password has at least 8 characters."


def test_anyone_else_sees_a_refusal(qtbot, staff: Database) -> None:
    view = _view(qtbot, staff, me="sue", role=StaffRole.SUPERVISOR)
    view.start()
    assert view.model.rowCount() == 0
    assert view.error.text() == "Only an administrator may manage staff accounts."
    view.stop()


def test_live_a_change_elsewhere_shows(qtbot, staff: Database) -> None:
    live = LiveChanges()
    view = _view(qtbot, staff, live=live)
    view.start()
    with staff.unit_of_work("cli:ops") as uow:
        auth.add_user(uow, "zoe", "zoe-password", StaffRole.SUPERVISOR)
    live.listener(frozenset({Area.STAFF}))
    qtbot.waitUntil(lambda: "zoe" in _rows(view))
    view.stop()


def test_in_chinese(view: StaffView) -> None:
    translator = QTranslator()
    assert translator.load(str(asset("translations", "kiosk_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        view.retranslate()
        assert view.title.text() == "员工账号"
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "用户名"
        assert _rows(view)["root"][:4] == ["root（你）", "", "管理员", "正常"]
    finally:
        QCoreApplication.removeTranslator(translator)
        view.retranslate()
