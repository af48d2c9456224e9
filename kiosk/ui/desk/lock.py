"""The locked desk: after ``[desk] lock_minutes`` without a touch, only the same person's password opens it.

Someone else at the desk signs out from here (what was on screen is not shown to them).
Wrong passwords count towards the account's lockout, as at sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.services.auth import StaffSession
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.sign_in import sign_in_problem
from kiosk.ui.desk.widgets import button, label, plain


class LockPage(QWidget):
    unlocked = Signal(object)  # StaffSession
    sign_out_requested = Signal()

    def __init__(self, auth: DeskAuthGateway, pool: WorkerPool) -> None:
        super().__init__()
        self.setObjectName("SignInPage")
        self.auth, self.pool = auth, pool
        self.session: StaffSession | None = None
        self._asked = 0
        self.title = label(role="title")
        self.who = plain(label(role="muted"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(280)
        self.password.returnPressed.connect(self.submit)
        self.error = plain(label(role="error"))
        self.error.hide()
        self.unlock_button = button("", "primary")
        self.unlock_button.clicked.connect(self.submit)
        self.other_button = button("")
        self.other_button.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        card = QFrame()
        card.setObjectName("SignInCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(16)
        for widget in (self.title, self.who, self.password, self.error):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("The desk is locked"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.other_button.setText(self.tr("Sign in as someone else"))
        self._show_who()

    def lock(self, session: StaffSession) -> None:
        self.session = session
        self._asked += 1  # an unlock still in flight for the previous lock no longer counts
        self.password.clear()
        self.error.hide()
        self.unlock_button.setEnabled(True)
        self._show_who()
        self.password.setFocus()

    def _show_who(self) -> None:
        if self.session is not None:
            self.who.setText(self.tr("Signed in: {name}. Enter your password to continue.").format(
                name=self.session.shown_name))

    def submit(self) -> None:
        if self.session is None or not self.password.text() or not self.unlock_button.isEnabled():
            return
        self._asked += 1
        asked = self._asked
        self.unlock_button.setEnabled(False)
        self.pool.submit(self.auth.unlock, self.session, self.password.text(),
                         on_done=lambda session: self._done(asked, session),
                         on_error=lambda error: self._failed(asked, error))

    def _done(self, asked: int, session: StaffSession) -> None:
        if asked == self._asked:
            self.password.clear()
            self.unlocked.emit(session)

    def _failed(self, asked: int, error: ServiceError) -> None:
        if asked != self._asked:
            return
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.error.setText(sign_in_problem(error))
        self.error.show()
