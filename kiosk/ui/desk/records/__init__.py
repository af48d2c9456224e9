"""The desk's "Front desk records" page (#14): one navigation entry with tabs: phone messages and transfers,
complaints, routine checks. The messages' quick form opens with Ctrl+M from anywhere in the desk; the page's
header shows how many messages need someone now (urgent and unacknowledged, or overdue), and the navigation
entry is marked (the shell's ``attention``) when that number goes up.

The other tabs come from their own modules, each a factory with this signature (called once per sign-in):

    complaints_view(gateways: DeskGateways, pool: WorkerPool, *, zone: ZoneInfo,
                    now: Callable[[], datetime], live: LiveChanges | None) -> QWidget   # records/complaints.py
    routines_view(gateways: DeskGateways, pool: WorkerPool, *, zone: ZoneInfo,
                  now: Callable[[], datetime], live: LiveChanges | None) -> QWidget     # records/routines.py

The widget may have ``start()``/``stop()`` (called with the page's), an ``attention = Signal(str)`` (passed on
to the shell) and follow its areas through ``live`` itself. A tab whose module is not there yet is left out.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_messages import CallKind, MessageCounts
from kiosk.application.gateways.desk_session import DeskGateways
from kiosk.domain.changes import Area
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records.message_texts import STYLE, translate
from kiosk.ui.desk.records.messages import MessagesView
from kiosk.ui.desk.shell import DeskShell, DeskView
from kiosk.ui.desk.widgets import label

__all__ = ["QUICK_MESSAGE_KEYS", "MessagesView", "RecordsPage", "records_view"]

QUICK_MESSAGE_KEYS = "Ctrl+M"
COUNTS_EVERY_MS = 60_000  # overdue is a matter of time as well as of changes
# The other tabs: (module, factory name, title).
TABS: tuple[tuple[str, str, Callable[[], str]], ...] = (
    ("kiosk.ui.desk.records.complaints", "complaints_view", lambda: translate("DeskRecords", "Complaints")),
    ("kiosk.ui.desk.records.routines", "routines_view", lambda: translate("DeskRecords", "Routines")),
)
ViewFactory = Callable[..., QWidget]


def _factory(module_name: str, name: str) -> ViewFactory | None:
    """The tab's factory, or None while its module does not exist (a module that fails to import still fails)."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as missing:
        if missing.name == module_name:
            return None
        raise
    factory: ViewFactory | None = getattr(module, name, None)
    return factory


class RecordsPage(QWidget):
    attention = Signal(str)

    def __init__(self, gateways: DeskGateways, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
                 live: LiveChanges | None = None) -> None:
        super().__init__()
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE)
        self.gateway, self.pool = gateways.messages, pool
        self.counts = MessageCounts()
        self._told = 0  # the attention count the shell was last told about
        self.messages = MessagesView(gateways.messages, pool, zone=zone, now=now, live=live)
        self.messages.changed.connect(self.refresh_counts)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.messages, "")
        self.others: list[tuple[QWidget, Callable[[], str]]] = []
        for module_name, name, title in TABS:
            factory = _factory(module_name, name)
            if factory is not None:
                widget = factory(gateways, pool, zone=zone, now=now, live=live)
                self.tabs.addTab(widget, "")
                self.others.append((widget, title))
                signal = getattr(widget, "attention", None)
                if signal is not None:
                    signal.connect(self.attention)
        self.title = label(role="title")
        self.badge = label(role="badge")
        self.badge.hide()
        top = QHBoxLayout()
        top.setContentsMargins(20, 14, 20, 0)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.badge)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.shortcut: QShortcut | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(COUNTS_EVERY_MS)
        self.timer.timeout.connect(self.refresh_counts)
        self.follower = AreaFollower(live, frozenset({Area.RECORDS}), self.refresh_counts, coalesce_ms=300,
                                     parent=self) if live is not None else None
        self.retranslate()

    # -- start and stop ----------------------------------------------------------------------------------------

    def _parts(self) -> list[Any]:
        return [self.messages, *(widget for widget, _title in self.others)]

    def start(self) -> None:
        for part in self._parts():
            start = getattr(part, "start", None)
            if callable(start):
                start()
        self._install_shortcut()
        self.refresh_counts()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.follower is not None:
            self.follower.stop()
        for part in self._parts():
            stop = getattr(part, "stop", None)
            if callable(stop):
                stop()
        if self.shortcut is not None:
            self.shortcut.setEnabled(False)
            self.shortcut.deleteLater()
            self.shortcut = None

    def _install_shortcut(self) -> None:
        """Ctrl+M wherever the desk is (a hidden page's own shortcut would never fire): on the shell, so a locked
        or signed-out desk, which hides the shell, does not answer it."""
        if self.shortcut is not None:
            return
        host: QWidget = self
        parent = self.parentWidget()
        while parent is not None and not isinstance(host, DeskShell):
            host, parent = parent, parent.parentWidget()
        self.shortcut = QShortcut(QKeySequence(QUICK_MESSAGE_KEYS), host)
        self.shortcut.activated.connect(self.quick_message)

    def quick_message(self) -> None:
        """The quick form, over whatever the desk shows; the page stays where it was."""
        self.messages.quick_message(CallKind.MESSAGE)

    # -- the badge -------------------------------------------------------------------------------------------

    def refresh_counts(self) -> None:
        self.pool.submit(self.gateway.counts, on_done=self._counted, on_error=lambda _error: None)

    def _counted(self, counts: MessageCounts) -> None:
        self.counts = counts
        self._show_counts()
        if counts.attention > self._told:
            self.attention.emit(self.badge.text())
        self._told = counts.attention

    def _show_counts(self) -> None:
        counts = self.counts
        urgent, overdue = counts.urgent, counts.overdue  # plain names: lupdate reads no expression there
        parts = []
        if urgent:
            parts.append(translate("DeskRecords", "%n urgent", "", urgent))
        if overdue:
            parts.append(translate("DeskRecords", "%n overdue", "", overdue))
        self.badge.setText(" · ".join(parts))
        self.badge.setVisible(bool(parts))
        title = translate("DeskRecords", "Messages")
        self.tabs.setTabText(0, f"{title} ({counts.attention})" if counts.attention else title)

    # -- words -------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("DeskRecords", "Front desk records"))
        for index, (_widget, title) in enumerate(self.others, start=1):
            self.tabs.setTabText(index, title())
        self._show_counts()


def records_view(gateways: DeskGateways, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
                 live: LiveChanges | None = None) -> DeskView:
    """The navigation's "Front desk records" entry."""
    page = RecordsPage(gateways, pool, zone=zone, now=now, live=live)
    return DeskView("records", lambda: QCoreApplication.translate("DeskShell", "Front desk records"), page)
