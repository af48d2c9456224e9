"""The desk once someone has signed in: one navigation list, the chosen view, who is at the desk.

Views are plain widgets registered as ``DeskView``s (one per area: Today, Visitors, and the areas
the later issues add). A view may have ``start()``/``stop()`` (timers, subscriptions); the shell
calls them when the person signs in and out. Ctrl+1 ... Ctrl+9 open the views in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.security import StaffRole
from kiosk.services.auth import StaffSession
from kiosk.ui.desk.elided import ElidedLabel
from kiosk.ui.desk.widgets import button

FINDER_MIN_WIDTH, FINDER_MAX_WIDTH = 220, 420  # Ctrl+K's box: room for a name and a phone number


@dataclass(frozen=True)
class DeskView:
    key: str
    title: Callable[[], str]  # asked again when the language changes
    widget: QWidget


def role_name(role: StaffRole) -> str:
    translate = QCoreApplication.translate
    return {
        StaffRole.RECEPTIONIST: translate("DeskShell", "Receptionist"),
        StaffRole.SUPERVISOR: translate("DeskShell", "Supervisor"),
        StaffRole.ADMIN: translate("DeskShell", "Administrator"),
    }[role]


class DeskShell(QWidget):
    attention = Signal(str)  # a view wants the receptionist: the window chimes
    lock_requested = Signal()
    sign_out_requested = Signal()
    change_password_requested = Signal()
    language_requested = Signal()

    def __init__(self, session: StaffSession, views: list[DeskView], site_name: str,
                 status: QWidget | None = None, finder: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("DeskShell")
        self.session, self.views = session, views

        self.nav = QListWidget()
        self.nav.setObjectName("DeskNav")
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for view in views:
            item = QListWidgetItem(view.title())
            item.setSizeHint(QSize(0, 44))
            self.nav.addItem(item)
            self.stack.addWidget(view.widget)
        self.nav.currentRowChanged.connect(self._view_chosen)
        for row, view in enumerate(views):
            signal = getattr(view.widget, "attention", None)
            if signal is not None:
                signal.connect(lambda text, row=row: self._attention(row, text))

        # The bar fits the narrowest desk in either language: the names give way (whole in their tooltips), the
        # search box shrinks, and "Password…" says in its tooltip what it changes.
        self.site = ElidedLabel(site_name, "brand", min_chars=8)
        self.person = ElidedLabel(role="muted", min_chars=8)
        self.language_button = button("")
        self.password_button = button("")
        self.lock_button = button("")
        self.sign_out_button = button("")
        self.language_button.clicked.connect(self.language_requested)
        self.password_button.clicked.connect(self.change_password_requested)
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        top = QHBoxLayout()
        top.setContentsMargins(20, 10, 20, 10)
        top.addWidget(self.site)
        top.addSpacing(24)
        self.finder = finder
        if finder is not None:
            finder.setMinimumWidth(min(finder.minimumWidth(), FINDER_MIN_WIDTH))
            finder.setMaximumWidth(FINDER_MAX_WIDTH)
            top.addWidget(finder, 1)
            QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(lambda: finder.setFocus())
        top.addStretch(1)
        top.addWidget(self.person)
        top.addSpacing(12)
        for widget in (self.language_button, self.password_button, self.lock_button, self.sign_out_button):
            top.addWidget(widget)
        bar = QWidget()
        bar.setObjectName("DeskTopBar")
        bar.setLayout(top)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addLayout(body, 1)
        self.status = status
        if status is not None:
            layout.addWidget(status)

        for number, _view in enumerate(views[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.nav.setCurrentRow(row))
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.lock_requested)
        self.nav.setCurrentRow(0)
        self.retranslate()

    def retranslate(self) -> None:
        for row, view in enumerate(self.views):
            item = self.nav.item(row)
            if item is not None:
                item.setText(view.title())
        self.person.setText(self.tr("{name} · {role}").format(
            name=self.session.shown_name, role=role_name(self.session.role)))
        self.language_button.setText(self.tr("中文 / English"))
        self.password_button.setText(self.tr("Password…"))
        self.password_button.setToolTip(self.tr("Change password"))
        self.lock_button.setText(self.tr("Lock"))
        self.sign_out_button.setText(self.tr("Sign out"))
        retranslate = getattr(self.finder, "retranslate", None)
        if callable(retranslate):
            retranslate()

    def _view_chosen(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        item = self.nav.item(row)
        if item is not None:
            font = item.font()
            font.setBold(False)
            item.setFont(font)
            item.setText(self.views[row].title())

    def _attention(self, row: int, text: str) -> None:
        """The view's navigation item is marked until the receptionist opens it; the window chimes."""
        item = self.nav.item(row)
        if item is not None and row != self.nav.currentRow():
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            item.setText(f"{self.views[row].title()}  ●")
        self.attention.emit(text)

    def view(self, key: str) -> QWidget | None:
        return next((v.widget for v in self.views if v.key == key), None)

    def show_view(self, key: str) -> None:
        row = next((i for i, v in enumerate(self.views) if v.key == key), -1)
        if row >= 0:
            self.nav.setCurrentRow(row)

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return self.views[row].key if 0 <= row < len(self.views) else ""

    def _parts(self) -> list[QWidget]:
        return [view.widget for view in self.views] + [w for w in (self.status, self.finder) if w is not None]

    def start(self) -> None:
        for widget in self._parts():
            start = getattr(widget, "start", None)
            if callable(start):
                start()

    def stop(self) -> None:
        for widget in self._parts():
            stop = getattr(widget, "stop", None)
            if callable(stop):
                stop()

