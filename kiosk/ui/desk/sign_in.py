"""The desk's door: sign in, or on a database with no staff account yet, create the first administrator.

Nothing else of the desk exists until ``signed_in`` fires. Every answer comes from the worker pool;
errors are one plain line in the desk's language, and the password field is cleared after each try.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLineEdit, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.services.auth import StaffSession
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.widgets import button, label, plain


def sign_in_problem(error: ServiceError) -> str:
    """One line a receptionist understands, in the desk's language."""
    translate = QCoreApplication.translate
    if error.code == "locked":
        return translate("SignInPage", "Too many wrong passwords. This account is locked for 15 minutes.")
    if error.code in ("auth_failed", "wrong_password"):
        return translate("SignInPage", "The user name or password is not right.")
    if isinstance(error, ValidationFailed):
        if any(e.code == "too_short" for e in error.errors):
            return translate("SignInPage", "A password has at least 8 characters.")
        if any(e.code == "unchanged" for e in error.errors):
            return translate("SignInPage", "The new password is the same as the old one.")
        return translate("SignInPage", "Please fill in a user name and a password.")
    if error.code == "conflict":
        return translate("SignInPage", "An account already exists. Sign in with it.")
    return translate("SignInPage", "The desk cannot reach the database. Try again in a moment.")


class SignInPage(QWidget):
    signed_in = Signal(object)  # StaffSession

    def __init__(self, auth: DeskAuthGateway, pool: WorkerPool, site_name: str) -> None:
        super().__init__()
        self.setObjectName("SignInPage")
        self.auth, self.pool = auth, pool
        self.first_admin = False
        self._busy = False

        self.title = plain(label(site_name, "title"))
        self.subtitle = label(role="muted")
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.username, self.display_name, self.password, self.repeat):
            field.setMinimumWidth(280)
            field.returnPressed.connect(self.submit)
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()
        self.submit_button = button("", "primary")
        self.submit_button.clicked.connect(self.submit)

        self.form = QFormLayout()
        self.form.setSpacing(12)
        self.username_label, self.display_name_label = label(), label()
        self.password_label, self.repeat_label = label(), label()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.display_name_label, self.display_name)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.repeat_label, self.repeat)

        card = QFrame()
        card.setObjectName("SignInCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(16)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addLayout(self.form)
        inner.addWidget(self.error)
        inner.addWidget(self.submit_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslate()
        self._show_mode()

    def retranslate(self) -> None:
        self.username_label.setText(self.tr("User name"))
        self.display_name_label.setText(self.tr("Your name"))
        self.password_label.setText(self.tr("Password"))
        self.repeat_label.setText(self.tr("Repeat password"))
        self._show_mode()

    def start(self) -> None:
        """Ask whether any account exists (a fresh database offers to create the first administrator)."""
        self.reset()
        self.pool.submit(self.auth.needs_first_admin, on_done=self._set_first_admin, on_error=self._failed)

    def reset(self) -> None:
        self.username.clear()
        self.display_name.clear()
        self.password.clear()
        self.repeat.clear()
        self.error.hide()
        self._busy = False
        self.username.setFocus()

    def _set_first_admin(self, needed: bool) -> None:
        self.first_admin = needed
        self._show_mode()

    def _show_mode(self) -> None:
        first = self.first_admin
        for widget in (self.display_name, self.display_name_label, self.repeat, self.repeat_label):
            widget.setVisible(first)
        if first:
            self.subtitle.setText(self.tr("No one can sign in yet. Create the first administrator account."))
            self.submit_button.setText(self.tr("Create administrator"))
        else:
            self.subtitle.setText(self.tr("Front desk: sign in to continue."))
            self.submit_button.setText(self.tr("Sign in"))

    def submit(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(self.tr("Please fill in a user name and a password."))
            return
        if self.first_admin and password != self.repeat.text():
            self._show_error(self.tr("The two passwords are not the same."))
            return
        self._busy = True
        self.submit_button.setEnabled(False)
        if self.first_admin:
            self.pool.submit(self.auth.create_first_admin, username, password, self.display_name.text().strip(),
                             on_done=self._done, on_error=self._failed)
        else:
            self.pool.submit(self.auth.sign_in, username, password, on_done=self._done, on_error=self._failed)

    def _done(self, session: StaffSession) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        self.reset()
        self.signed_in.emit(session)

    def _failed(self, error: ServiceError) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        self.password.clear()
        self.repeat.clear()
        self.password.setFocus()
        self._show_error(sign_in_problem(error))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
