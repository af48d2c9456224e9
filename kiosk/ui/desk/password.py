"""Changing one's own password: the current one first, then the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.services.auth import StaffSession
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.sign_in import sign_in_problem
from kiosk.ui.desk.widgets import button, label, plain


class ChangePasswordDialog(QDialog):
    def __init__(self, auth: DeskAuthGateway, pool: WorkerPool, session: StaffSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auth, self.pool, self.session = auth, pool, session
        self.setWindowTitle(self.tr("Change password"))
        self.current, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        form = QFormLayout()
        for text, field in ((self.tr("Current password"), self.current), (self.tr("New password"), self.new),
                            (self.tr("Repeat new password"), self.repeat)):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMinimumWidth(260)
            form.addRow(label(text), field)
        self.error = plain(label(role="error"))
        self.error.hide()
        self.save = button(self.tr("Change password"), "primary")
        self.cancel = button(self.tr("Cancel"))
        self.save.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self._show(self.tr("The two new passwords are not the same."))
            return
        self.save.setEnabled(False)
        self.pool.submit(self.auth.change_password, self.session, self.current.text(), self.new.text(),
                         on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, error: ServiceError) -> None:
        self.save.setEnabled(True)
        self._show(sign_in_problem(error))

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
