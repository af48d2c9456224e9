"""The front desk's notices on the welcome screen, kept fresh through the flow's worker pool.

Read a moment after the kiosk comes back to welcome (the visitor has turned away; several returns in
a row are one read) and every few minutes while welcome shows (a notice comes up or ends at
midnight, or the desk publishes one). One read asks for both languages in one unit of work, so the
language button switches the notices at once, with no read and no answer to wait for.

Late answers: ``go_home`` cancels every pending answer, this one included; a read is never asked
while the previous one is still unanswered (a slow database gets no pile of identical questions);
a read that fails leaves what is shown (nothing is worse for a visitor than notices blinking out).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.application.gateways.touchscreen import KioskGateway, WelcomeNotice
from kiosk.services.errors import ServiceError
from kiosk.ui.common.i18n import LANGUAGES
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

REFRESH_MS = 3 * 60_000
SETTLE_MS = 1500


class WelcomeNotices(QObject):
    def __init__(self, window: KioskWindow, gateway: KioskGateway, pool: WorkerPool, *,
                 refresh_ms: int = REFRESH_MS, settle_ms: int = SETTLE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.gateway, self.pool = window, gateway, pool
        self._job: int | None = None
        self._every = QTimer(self)
        self._every.setInterval(refresh_ms)
        self._every.timeout.connect(self._tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(settle_ms)
        self._soon.timeout.connect(self.read_now)

    def start(self) -> None:
        self._every.start()
        self.welcome_shown()

    def stop(self) -> None:
        self._every.stop()
        self._soon.stop()

    def welcome_shown(self) -> None:
        """The kiosk is back on welcome: read in a moment (a burst of returns is one read)."""
        if not self._soon.isActive():
            self._soon.start()

    def _tick(self) -> None:
        if self.window.current() is self.window.welcome:
            self.read_now()

    def read_now(self) -> None:
        self._soon.stop()
        if self.pool.is_pending(self._job):
            return  # the last question is still out
        self._job = self.pool.submit(self.gateway.welcome_notices, LANGUAGES, on_done=self._arrived,
                                     on_error=self._failed)

    def _arrived(self, notices: dict[str, list[WelcomeNotice]]) -> None:
        self.window.welcome.set_notices(notices)

    def _failed(self, error: ServiceError) -> None:
        log.info("welcome notices not read, the last ones stay: %s", error)
