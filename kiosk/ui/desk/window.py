"""``kiosk-admin``: the receptionist's window. Sign-in first; then the shell; locked after idle.

The views are made per person (``views_for(session)``): every gateway they call acts as the
person signed in, so the audit trail names them, and what a role may not do is not shown.
Signing out stops and drops the views; the next person gets fresh ones.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QApplication, QLayout, QMainWindow, QStackedWidget, QWidget

from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.services.auth import StaffSession
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.visits.visit_log import VisitSummary
from kiosk.ui.common.chime import Chime
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.idle import IdleWatcher
from kiosk.ui.common.theme import BASE_FONT_PX
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.lock import LockPage
from kiosk.ui.desk.password import ChangePasswordDialog
from kiosk.ui.desk.quick_find import QuickFind
from kiosk.ui.desk.shell import DeskShell, DeskView
from kiosk.ui.desk.sign_in import SignInPage

DEFAULT_LOCK_MINUTES = 10


def measure_again(window: QWidget) -> None:
    """Every widget styled, then measured afresh. Views are built before they are in the window, in the
    application's look (the kiosk's, larger, when both windows share one application: the demo); a layout of a
    view not shown yet keeps the widths it measured then (Qt measures a hidden page again only once it is
    shown), and the window would ask for them: 1833 pixels for a desk that needs 1300."""
    widgets = window.findChildren(QWidget)
    for widget in widgets:
        widget.ensurePolished()
    for widget in widgets:
        widget.updateGeometry()
    for layout in window.findChildren(QLayout):
        layout.invalidate()


class DeskWindow(QMainWindow):
    def __init__(
        self,
        auth: DeskAuthGateway,
        pool: WorkerPool,
        languages: LanguageManager,
        *,
        site_name: str,
        views_for: Callable[[StaffSession], list[DeskView]],
        lock_minutes: int = DEFAULT_LOCK_MINUTES,
        chime: Callable[[], None] | None = None,
        status_for: Callable[[StaffSession], QWidget] | None = None,
        finder_for: Callable[[StaffSession], QuickFind] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("DeskWindow")
        self.auth, self.pool, self.languages = auth, pool, languages
        self.site_name, self.views_for = site_name, views_for
        self.chime = chime or Chime()
        self.status_for = status_for
        self.finder_for = finder_for
        self.session: StaffSession | None = None
        self.shell: DeskShell | None = None
        # The desk's own text size, whatever the application's (the kiosk's is larger in the demo).
        font = QFont(self.font())
        font.setPixelSize(BASE_FONT_PX["admin"])
        self.setFont(font)
        self.resize(1440, 900)

        self.pages = QStackedWidget()
        self.sign_in = SignInPage(auth, pool, site_name)
        self.lock_page = LockPage(auth, pool)
        self.pages.addWidget(self.sign_in)
        self.pages.addWidget(self.lock_page)
        self.setCentralWidget(self.pages)
        self.sign_in.signed_in.connect(self._signed_in)
        self.lock_page.unlocked.connect(self._unlocked)
        self.lock_page.sign_out_requested.connect(self.sign_out)
        self.idle = IdleWatcher(self, lock_minutes * 60)
        self.idle.idle.connect(self.lock)
        languages.changed.connect(lambda _language: self._retranslate())
        self._retranslate()

    # -- life cycle ---------------------------------------------------------------------------------------------

    def start(self) -> None:
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.start()

    def stop(self) -> None:
        self.idle.stop()
        self._drop_shell()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # -- who is at the desk ---------------------------------------------------------------------------------------

    def _signed_in(self, session: StaffSession) -> None:
        self.session = session
        status = self.status_for(session) if self.status_for is not None else None
        finder = self.finder_for(session) if self.finder_for is not None else None
        self.shell = DeskShell(session, self.views_for(session), self.site_name, status, finder)
        if finder is not None:
            finder.visit_chosen.connect(self._visit_found)
            finder.host_chosen.connect(self._host_found)
        alerts_clicked = getattr(status, "alerts_clicked", None)
        if alerts_clicked is not None:
            alerts_clicked.connect(lambda: self.shell.show_view("today") if self.shell is not None else None)
        self.shell.lock_requested.connect(self.lock)
        self.shell.sign_out_requested.connect(self.sign_out)
        self.shell.change_password_requested.connect(self.change_password)
        self.shell.attention.connect(self._attention)
        self.shell.language_requested.connect(lambda: self.languages.set_language(self.languages.other()))
        self.pages.addWidget(self.shell)
        measure_again(self)
        self.pages.setCurrentWidget(self.shell)
        self.shell.start()
        self.idle.start()
        self._retranslate()

    def _visit_found(self, visit: VisitSummary) -> None:
        """Today, on the visit's day, with the visit chosen and shown in full."""
        if self.shell is None:
            return
        self.shell.show_view("today")
        today = self.shell.view("today")
        show_visit = getattr(today, "show_visit", None)
        if callable(show_visit):
            show_visit(visit.id, visit.visit_date)

    def _host_found(self, host: HostSummary) -> None:
        """The host in the Hosts view where there is one; otherwise today's board narrowed to them."""
        if self.shell is None:
            return
        hosts_view = self.shell.view("hosts")
        select_host = getattr(hosts_view, "select_host", None)
        if callable(select_host):
            self.shell.show_view("hosts")
            select_host(host.id)
            return
        self.shell.show_view("today")
        today = self.shell.view("today")
        search = getattr(today, "search", None)
        if search is not None:
            search.setText(host.name)

    def _attention(self, text: str) -> None:
        """A sound, the taskbar entry flashing if the window is behind another, and the line that says why."""
        self.chime()
        QApplication.alert(self)
        self.statusBar().showMessage(text, 15_000)

    def lock(self) -> None:
        if self.session is None or self.shell is None:
            return
        self.idle.stop()
        self.lock_page.lock(self.session)
        self.pages.setCurrentWidget(self.lock_page)

    def _unlocked(self, session: StaffSession) -> None:
        if self.shell is None:
            return
        self.session = session
        self.pages.setCurrentWidget(self.shell)
        self.idle.start()

    def sign_out(self) -> None:
        self.idle.stop()
        self._drop_shell()
        self.session = None
        self.start()

    def _drop_shell(self) -> None:
        if self.shell is not None:
            self.shell.stop()
            self.pages.removeWidget(self.shell)
            self.shell.deleteLater()
            self.shell = None

    def change_password(self) -> None:
        if self.session is not None:
            ChangePasswordDialog(self.auth, self.pool, self.session, self).open()

    # -- language ---------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Front desk \u2014 {site}").format(site=self.site_name))
        self.sign_in.retranslate()
        self.lock_page.retranslate()
        if self.shell is not None:
            self.shell.retranslate()
            measure_again(self)  # the views not on screen measured their old words
