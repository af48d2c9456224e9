"""The receptionist's window: a live board of today's visitors and the on-site roster.

Both lists are read in a worker every few seconds (and on demand); each button runs one
service action in a worker as ``staff:<name>`` and refreshes when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.ui.admin.models import RosterTableModel, VisitTableModel, board_order, status_key
from kiosk.ui.common.gateway import DeskGateway
from kiosk.ui.common.workers import WorkerPool

REFRESH_MS = 5000


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(40)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def _button(text: str, role: str = "") -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    return widget


class AdminWindow(QMainWindow):
    def __init__(
        self, desk: DeskGateway, pool: WorkerPool, *, site_name: str, zone: ZoneInfo,
        now: Callable[[], datetime], refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__()
        self.desk, self.pool, self.zone, self.now = desk, pool, zone, now
        self.setWindowTitle(self.tr("Front desk \u2014 {site}").format(site=site_name))
        self.resize(1280, 800)
        self.visits = VisitTableModel(zone)
        self.roster = RosterTableModel(zone)
        self._refreshing = False

        self.title = QLabel(self.tr("Today's visitors"))
        self.title.setProperty("role", "title")
        self.updated = QLabel()
        self.updated.setProperty("role", "muted")
        self.refresh_button = _button(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.updated)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.board = _table(self.visits)
        self.board.selectionModel().selectionChanged.connect(self._selection_changed)
        self.approve_button = _button(self.tr("Approve"), "primary")
        self.deny_button = _button(self.tr("Decline"), "danger")
        self.check_in_button = _button(self.tr("Check in"))
        self.sign_out_button = _button(self.tr("Sign out"))
        self.approve_button.clicked.connect(lambda: self._act(self.desk.approve))
        self.deny_button.clicked.connect(lambda: self._act(self.desk.deny))
        self.check_in_button.clicked.connect(lambda: self._act(self.desk.check_in))
        self.sign_out_button.clicked.connect(lambda: self._act(self.desk.sign_out))
        self.waiting = QLabel()
        self.waiting.setProperty("role", "count")
        actions = QHBoxLayout()
        actions.addWidget(self.waiting)
        actions.addStretch(1)
        for widget in (self.approve_button, self.deny_button, self.check_in_button, self.sign_out_button):
            actions.addWidget(widget)
        board_page = QWidget()
        board_layout = QVBoxLayout(board_page)
        board_layout.setContentsMargins(12, 12, 12, 12)
        board_layout.addLayout(actions)
        board_layout.addWidget(self.board, 1)

        self.roster_view = _table(self.roster)
        self.roster_count = QLabel()
        self.roster_count.setProperty("role", "count")
        self.roster_hint = QLabel(self.tr("Everyone signed in right now: the list to check at the assembly point."))
        self.roster_hint.setProperty("role", "muted")
        roster_top = QHBoxLayout()
        roster_top.addWidget(self.roster_count)
        roster_top.addSpacing(12)
        roster_top.addWidget(self.roster_hint)
        roster_top.addStretch(1)
        roster_page = QWidget()
        roster_layout = QVBoxLayout(roster_page)
        roster_layout.setContentsMargins(12, 12, 12, 12)
        roster_layout.addLayout(roster_top)
        roster_layout.addWidget(self.roster_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(board_page, self.tr("Visitor board"))
        self.tabs.addTab(roster_page, self.tr("On site (evacuation)"))

        central = QWidget()
        central.setObjectName("AdminCentral")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._update_buttons()

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        self.pool.submit(self._read_both, on_done=self._show, on_error=self._read_failed)

    def _read_both(self) -> tuple[list[Any], list[Any]]:
        return self.desk.todays_visits(), self.desk.roster()

    def _show(self, lists: tuple[list[Any], list[Any]]) -> None:
        self._refreshing = False
        visits, roster = lists
        chosen = self.selected_visit()
        self.visits.set_rows(sorted(visits, key=board_order))
        self.roster.set_rows(roster)
        if chosen is not None and (row := self.visits.row_of(chosen.id)) >= 0:
            self.board.selectionModel().select(
                self.visits.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        pending = sum(1 for v in visits if status_key(v) in ("pending_approval", "held"))
        self.waiting.setText(self.tr("%n waiting for approval", "", pending))
        self.roster_count.setText(self.tr("%n on site", "", len(roster)))
        stamp = self.now().astimezone(self.zone).strftime("%H:%M:%S")
        self.updated.setText(self.tr("Updated {time}").format(time=stamp))
        self._update_buttons()

    def _read_failed(self, error: ServiceError) -> None:
        self._refreshing = False
        self.statusBar().showMessage(self.tr("Could not read the visitor list: {error}").format(error=error), 10_000)

    def selected_visit(self) -> Any:
        rows = self.board.selectionModel().selectedRows() if self.board.selectionModel() else []
        return self.visits.visit(rows[0].row()) if rows else None

    def select_visit(self, visit_id: int) -> None:
        row = self.visits.row_of(visit_id)
        if row >= 0:
            self.board.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        visit = self.selected_visit()
        status = visit.status if visit else ""
        self.approve_button.setEnabled(status == "pending_approval")
        self.deny_button.setEnabled(status == "pending_approval")
        self.check_in_button.setEnabled(status in ("invited", "approved"))
        self.sign_out_button.setEnabled(status == "checked_in")

    def _act(self, action: Callable[[int], Any]) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        self.pool.submit(action, visit.id, on_done=lambda _r: self._acted(), on_error=self._action_failed)

    def _acted(self) -> None:
        self.statusBar().showMessage(self.tr("Done."), 4000)
        self.refresh()

    def _action_failed(self, error: ServiceError) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("Desk", "That did not work: {error}").format(error=error.message), 10_000)
        self.refresh()
