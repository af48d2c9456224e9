"""Staff accounts: who may use the desk, in which role; add, change a role, deactivate or reactivate,
reset a forgotten password (which also lifts a lockout).

A view of the desk's shell for administrators (``Permission.MANAGE_STAFF``; the gateway's services
refuse anyone else, and refuse to leave the site without an active administrator). The list is
small (a lobby has tens of staff), so it is read whole, on start, after each action, and when the
STAFF area changes anywhere (another desk, kioskctl, someone signing in).

    view = StaffView(DeskStaffGateway(database, session.actor, session.role, session.username), pool,
                     zone=zone, live=live)

The questions the view asks (the new account, the new role, the new password twice, "are you sure")
are replaceable attributes: a test answers them instead of a modal dialog. Names are shown as
written (``<h2>x</h2>`` stays those characters): table cells are plain text, labels ``plain()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_staff import DeskStaffGateway, StaffAccount, StaffRole
from kiosk.domain.changes import Area
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.shell import role_name
from kiosk.ui.desk.widgets import button, label, plain, table

Index = QModelIndex | QPersistentModelIndex
MIN_PASSWORD = 8
LOCKED_COLOUR = "#b42318"
INACTIVE_COLOUR = "#7b8794"
LOCAL_STYLE = (
    "QComboBox { font-size: 15px; min-height: 36px; padding: 0 10px; border: 1px solid #cbd2d9;"
    " border-radius: 8px; background: #ffffff; color: #1f2a33; }"
)


@dataclass(frozen=True)
class NewAccount:
    """What the "add an account" form gives: the password as typed twice (the view compares them)."""

    username: str
    display_name: str
    role: StaffRole
    password: str
    repeat: str


def staff_problem(error: Exception, account: str = "") -> str:
    """One line an administrator can act on, in the desk's language."""
    translate = QCoreApplication.translate
    code = getattr(error, "code", "")
    if code == "not_allowed":
        return translate("StaffView", "Only an administrator may manage staff accounts.")
    if code == "last_admin":
        return translate("StaffView", "{name} is the only active administrator. Make someone else an "
                                      "administrator first, or nobody could manage staff accounts."
                         ).format(name=account)
    if code == "conflict":
        return translate("StaffView", "The user name {name} is taken. Choose another.").format(name=account)
    if code == "not_found":
        return translate("StaffView", "This account no longer exists.")
    if isinstance(error, ValidationFailed):
        fields = {(e.field, e.code) for e in error.errors}
        if ("password", "too_short") in fields:
            return translate("StaffView", "A password has at least 8 characters.")
        if ("username", "required") in fields:
            return translate("StaffView", "Please fill in a user name.")
        if ("username", "too_long") in fields:
            return translate("StaffView", "A user name has at most 64 characters.")
        if ("display_name", "too_long") in fields:
            return translate("StaffView", "A display name has at most 200 characters.")
        if any(code == "bad_characters" for _field, code in fields):
            return translate("StaffView", "The name has characters that are not allowed (line breaks, "
                                          "control characters).")
    return translate("StaffView", "That did not work. Try again in a moment.")


def _local(instant: datetime | None, zone: ZoneInfo, today: datetime | None = None) -> str:
    if instant is None:
        return ""
    local = instant.astimezone(zone)
    if today is not None and local.date() == today.astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


class StaffTableModel(QAbstractTableModel):
    """The accounts, one a row; the person signed in is marked, locked ones in red, inactive ones grey."""

    def __init__(self, zone: ZoneInfo, me: str, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.zone, self.me, self.now = zone, me, now
        self.accounts: list[StaffAccount] = []

    def set_accounts(self, accounts: list[StaffAccount]) -> None:
        self.beginResetModel()
        self.accounts = list(accounts)
        self.endResetModel()

    def row_of(self, username: str) -> int:
        return next((row for row, a in enumerate(self.accounts) if a.username == username), -1)

    def headers(self) -> list[str]:
        return [self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Status"),
                self.tr("Last sign-in"), self.tr("Added")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.accounts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def status(self, account: StaffAccount) -> str:
        if not account.active:
            return self.tr("Inactive")
        if account.locked_until is not None:
            return self.tr("Locked until {time}").format(time=_local(account.locked_until, self.zone, self.now()))
        return self.tr("Active")

    def cells(self, account: StaffAccount) -> list[str]:
        name = account.username
        if account.username == self.me:
            name = self.tr("{name} (you)").format(name=account.username)
        return [name, account.display_name, role_name(account.role), self.status(account),
                _local(account.last_sign_in_at, self.zone) or self.tr("Never"), _local(account.created_at, self.zone)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.accounts):
            return None
        account = self.accounts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(account)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if not account.active:
                return QColor(INACTIVE_COLOUR)
            if account.locked_until is not None and index.column() == 3:
                return QColor(LOCKED_COLOUR)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self.accounts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.accounts) - 1, 5))


class _Form(QDialog):
    """A small form with an error line and two buttons; the subclasses say which fields and what is right."""

    def __init__(self, parent: QWidget | None, title: str, action: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(LOCAL_STYLE)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok = button(action, "primary")
        self.cancel = button(QCoreApplication.translate("Desk", "Cancel"))
        self.ok.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def field(self, caption: str, widget: QWidget) -> None:
        widget.setMinimumWidth(280)
        self.form.addRow(label(caption), widget)

    def problem(self) -> str:
        return ""

    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _password_problem(password: str, repeat: str) -> str:
    translate = QCoreApplication.translate
    if password != repeat:
        return translate("StaffView", "The two passwords are not the same.")
    if len(password) < MIN_PASSWORD:
        return translate("StaffView", "A password has at least 8 characters.")
    return ""


def _role_combo(chosen: StaffRole) -> QComboBox:
    combo = QComboBox()
    for role in StaffRole:
        combo.addItem(role_name(role), role.value)
    combo.setCurrentIndex(combo.findData(chosen.value))
    return combo


class AccountDialog(_Form):
    def __init__(self, parent: QWidget | None, last: NewAccount | None = None) -> None:
        super().__init__(parent, self.tr("Add a staff account"), self.tr("Add account"))
        self.username, self.display_name = QLineEdit(), QLineEdit()
        self.username.setMaxLength(64)
        self.display_name.setMaxLength(200)
        self.role = _role_combo(last.role if last else StaffRole.RECEPTIONIST)
        self.password, self.repeat = _password_field(), _password_field()
        if last is not None:  # the form as it was, after a refusal (the user name taken): not the passwords
            self.username.setText(last.username)
            self.display_name.setText(last.display_name)
        self.field(self.tr("User name"), self.username)
        self.field(self.tr("Display name"), self.display_name)
        self.field(self.tr("Role"), self.role)
        self.field(self.tr("Password"), self.password)
        self.field(self.tr("Repeat password"), self.repeat)

    def problem(self) -> str:
        if not self.username.text().strip():
            return QCoreApplication.translate("StaffView", "Please fill in a user name.")
        return _password_problem(self.password.text(), self.repeat.text())

    def answer(self) -> NewAccount:
        return NewAccount(self.username.text().strip(), self.display_name.text().strip(),
                          StaffRole(self.role.currentData()), self.password.text(), self.repeat.text())


class RoleDialog(_Form):
    def __init__(self, parent: QWidget | None, account: StaffAccount) -> None:
        super().__init__(parent, self.tr("Change role"), self.tr("Change role"))
        prompt = plain(label(self.tr("The role of {name}:").format(name=account.shown_name)))
        prompt.setWordWrap(True)
        self.form.addRow(prompt)
        self.role = _role_combo(account.role)
        self.field(self.tr("Role"), self.role)

    def answer(self) -> StaffRole:
        return StaffRole(self.role.currentData())


class PasswordDialog(_Form):
    def __init__(self, parent: QWidget | None, account: StaffAccount) -> None:
        super().__init__(parent, self.tr("Reset password"), self.tr("Set password"))
        prompt = plain(label(self.tr("A new password for {name}. Tell it to them in person; the account is "
                                     "unlocked too.").format(name=account.shown_name)))
        prompt.setWordWrap(True)
        self.form.addRow(prompt)
        self.password, self.repeat = _password_field(), _password_field()
        self.field(self.tr("New password"), self.password)
        self.field(self.tr("Repeat password"), self.repeat)

    def problem(self) -> str:
        return _password_problem(self.password.text(), self.repeat.text())

    def answer(self) -> tuple[str, str]:
        return self.password.text(), self.repeat.text()


class StaffView(QWidget):
    """The Staff accounts view (see the module docstring)."""

    AREAS = frozenset({Area.STAFF})

    def __init__(self, gateway: DeskStaffGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime] | None = None, live: LiveChanges | None = None) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone = gateway, pool, zone
        self.now = now or (lambda: datetime.now(zone))
        self.setObjectName("AdminCentral")
        self._asked = 0
        self._last_new: NewAccount | None = None
        self._select_next: str | None = None  # the account just added or changed, chosen when the list is back
        # Replaced in tests: a modal dialog would wait for a click nobody makes.
        self.ask_new_account: Callable[[], NewAccount | None] = self._ask_new_account
        self.ask_role: Callable[[StaffAccount], StaffRole | None] = self._ask_role
        self.ask_new_password: Callable[[StaffAccount], tuple[str, str] | None] = self._ask_new_password
        self.confirm: Callable[[str, str, str], bool] = lambda *texts: ask_to_confirm(self, *texts)

        self.model = StaffTableModel(zone, gateway.username, self.now)
        self.table = table(self.model)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.change_role())

        self.title = label("", "title")
        self.count = plain(label(role="count"))
        self.count.hide()  # until the list is read
        self.add_button = button("", "primary")
        self.role_button = button("")
        self.password_button = button("")
        self.active_button = button("", "danger")
        self.add_button.clicked.connect(self.add_account)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addStretch(1)
        for widget in (self.role_button, self.password_button, self.active_button, self.add_button):
            top.addWidget(widget)
        self.hint = label(role="muted")
        self.hint.setWordWrap(True)
        self.message = plain(label(role="muted"))
        self.message.setWordWrap(True)
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self.follower = AreaFollower(live, self.AREAS, self.refresh, parent=self) if live is not None else None
        self.retranslate()
        self._update_buttons()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        self._asked += 1  # answers still in flight are dropped
        if self.follower is not None:
            self.follower.stop()

    def refresh(self) -> None:
        self._asked += 1
        asked = self._asked
        self.pool.submit(self.gateway.accounts, on_done=lambda accounts: self._show(asked, accounts),
                         on_error=lambda error: self._failed(error))

    # -- the list ---------------------------------------------------------------------------------------------

    def selected(self) -> StaffAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.accounts[rows[0].row()] if rows and rows[0].row() < len(self.model.accounts) else None

    def select(self, username: str) -> bool:
        row = self.model.row_of(username)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _show(self, asked: int, accounts: list[StaffAccount]) -> None:
        if asked != self._asked:
            return
        chosen = self._select_next or (account.username if (account := self.selected()) else None)
        self._select_next = None
        self.model.set_accounts(accounts)
        if chosen is not None:
            self.select(chosen)
        active = sum(1 for account in accounts if account.active)
        self.count.setText(self.tr("Active accounts: {count}").format(count=active))
        self.count.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        account = self.selected()
        for widget in (self.role_button, self.password_button, self.active_button):
            widget.setEnabled(account is not None)
        if account is not None and not account.active:
            self.active_button.setText(self.tr("Reactivate"))
            self.active_button.setProperty("role", "")
        else:
            self.active_button.setText(self.tr("Deactivate"))
            self.active_button.setProperty("role", "danger")
        self.active_button.style().unpolish(self.active_button)
        self.active_button.style().polish(self.active_button)

    # -- actions ----------------------------------------------------------------------------------------------

    def add_account(self) -> None:
        answer = self.ask_new_account()
        if answer is None:
            return
        self._last_new = answer
        if answer.password != answer.repeat:
            self._say(QCoreApplication.translate("StaffView", "The two passwords are not the same."), error=True)
            return
        self._run(self.gateway.add, answer.username, answer.password, answer.role, answer.display_name,
                  account=answer.username,
                  done=lambda added: self.tr("{name} can sign in now, as {role}.").format(
                      name=added.username, role=role_name(added.role)))

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        role = self.ask_role(account)
        if role is None or role == account.role:
            return
        self._run(self.gateway.change_role, account.username, role, account=account.username,
                  done=lambda changed: self.tr("{name} is now {role}.").format(
                      name=changed.username, role=role_name(changed.role)))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        if not account.active:
            self._run(self.gateway.reactivate, account.username, account=account.username,
                      done=lambda changed: self.tr("{name} can sign in again.").format(name=changed.username))
            return
        if account.username == self.gateway.username:
            text = self.tr("Deactivate your own account? You will not be able to sign in again; "
                           "another administrator would have to reactivate it.")
        else:
            text = self.tr("Deactivate {name}? They will not be able to sign in; their history stays."
                           ).format(name=account.shown_name)
        if not self.confirm(self.tr("Deactivate account"), text, self.tr("Deactivate")):
            return
        self._run(self.gateway.deactivate, account.username, account=account.username,
                  done=lambda changed: self.tr("{name} can no longer sign in.").format(name=changed.username))

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        answer = self.ask_new_password(account)
        if answer is None:
            return
        password, repeat = answer
        if password != repeat:
            self._say(QCoreApplication.translate("StaffView", "The two passwords are not the same."), error=True)
            return
        self._run(self.gateway.reset_password, account.username, password, account=account.username,
                  done=lambda changed: self.tr("New password set for {name}; the account is unlocked.").format(
                      name=changed.username))

    def _run(self, action: Callable[..., StaffAccount], *args: Any, account: str,
             done: Callable[[StaffAccount], str]) -> None:
        def finished(changed: StaffAccount) -> None:
            if self._last_new is not None and changed.username == self._last_new.username:
                self._last_new = None  # added: the next form starts empty
            self._say(done(changed))
            self._select_next = changed.username
            self.refresh()

        def failed(error: ServiceError) -> None:
            self._say(staff_problem(error, account), error=True)
            self.refresh()

        self.pool.submit(action, *args, on_done=finished, on_error=failed)

    def _say(self, text: str, *, error: bool = False) -> None:
        """One line under the list: what was done, or (in red) why not."""
        self.message.setText("" if error else text)
        self.message.setVisible(not error)
        self.error.setText(text if error else "")
        self.error.setVisible(error)

    def _failed(self, error: Exception) -> None:
        self._say(staff_problem(error), error=True)

    # -- the questions (dialogs at the desk; answered directly in tests) ------------------------------------

    def _ask_new_account(self) -> NewAccount | None:
        dialog = AccountDialog(self, self._last_new)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_role(self, account: StaffAccount) -> StaffRole | None:
        dialog = RoleDialog(self, account)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_new_password(self, account: StaffAccount) -> tuple[str, str] | None:
        dialog = PasswordDialog(self, account)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff accounts"))
        self.hint.setText(self.tr("Who may use the desk. A receptionist does the day's work; a supervisor also "
                                  "approves, reads reports and the audit log; an administrator also manages "
                                  "accounts, settings and the deny list."))
        self.add_button.setText(self.tr("Add account…"))
        self.role_button.setText(self.tr("Change role…"))
        self.password_button.setText(self.tr("Reset password…"))
        self.model.retranslate()
        self._update_buttons()
        if self.model.accounts:
            active = sum(1 for account in self.model.accounts if account.active)
            self.count.setText(self.tr("Active accounts: {count}").format(count=active))
