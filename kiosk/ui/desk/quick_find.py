"""Ctrl+K from anywhere on the desk: type a name, a phone number, pinyin or initials; pick a visitor
or a host from the list that drops down. The search runs in the worker pool as you type (shortly
after the last key); an answer for text since changed is dropped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk import DeskGateway
from kiosk.services.desk_search import SearchResults
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.visits.visit_log import VisitSummary
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import status_key, status_text

DEBOUNCE_MS = 200
ROW_HEIGHT = 34


class QuickFind(QLineEdit):
    visit_chosen = Signal(object)  # VisitSummary
    host_chosen = Signal(object)  # HostSummary

    def __init__(self, desk: DeskGateway, pool: WorkerPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.pool = desk, pool
        self.setObjectName("QuickFind")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.results: SearchResults | None = None
        self._asked = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setObjectName("QuickFindPopup")
        self.list = QListWidget()
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.installEventFilter(self)
        box = QVBoxLayout(self.popup)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Find a visitor or a host (Ctrl+K)"))

    def stop(self) -> None:
        self._timer.stop()
        self._asked += 1
        self.popup.hide()

    def search_now(self) -> None:
        """Search without waiting for the pause after typing (Enter, and tests)."""
        self._timer.stop()
        self._search()

    def _search(self) -> None:
        self._asked += 1
        asked, text = self._asked, self.text()
        if not text.strip():
            self.popup.hide()
            return
        self.pool.submit(self.desk.find, text, on_done=lambda results: self._show(asked, results),
                         on_error=lambda _error: None)

    def _show(self, asked: int, results: SearchResults) -> None:
        if asked != self._asked:
            return  # typed on since: this answer is for older text
        self.results = results
        self.list.clear()
        if results.empty:
            self._add(self.tr("Nothing found"), None, enabled=False)
        for visit in results.visits:
            line = self.tr("Visitor: {name} · {company} — {day} {status}, to see {host}").format(
                name=visit.visitor_name, company=visit.company or "—", day=visit.visit_date.isoformat(),
                status=status_text(status_key(visit)), host=visit.host_name)
            self._add(line, visit)
        for host in results.hosts:
            line = self.tr("Host: {name} · {department} · {email}").format(
                name=host.name, department=host.department or "—", email=host.email)
            self._add(line, host)
        self.list.setCurrentRow(0 if self.list.item(0) and self.list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
                                else -1)
        rows = min(self.list.count(), 12)
        self.popup.resize(max(self.width(), 560), rows * ROW_HEIGHT + 8)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height() + 2)))
        self.popup.show()
        self.setFocus()

    def _add(self, text: str, target: object, *, enabled: bool = True) -> None:
        item = QListWidgetItem(text)  # a list item's text is plain: names arrive as written
        item.setSizeHint(QSize(0, ROW_HEIGHT))
        item.setData(Qt.ItemDataRole.UserRole, target)
        if not enabled:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target is None:
            return
        self.popup.hide()
        self.clear()
        if isinstance(target, VisitSummary):
            self.visit_chosen.emit(target)
        elif isinstance(target, HostSummary):
            self.host_chosen.emit(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
            self.list.setFocus()
            self.list.keyPressEvent(event)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.list.currentItem()
            if self.popup.isVisible() and current is not None:
                self._chosen(current)
            else:
                self.search_now()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.popup.hide()
            self.clear()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Typing while the list has focus goes on into the box.
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            typed = event.text()
            if typed and typed.isprintable() and event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.setFocus()
                self.keyPressEvent(event)
                return True
        return False
