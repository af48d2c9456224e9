"""Complaints at the desk: the list with a status filter (overdue rows in red and saying OVERDUE), the chosen
complaint in full with its follow-up notes, and what the desk does with it: pass it on, in progress, the
outcome, the customer's satisfaction (1-5), close without an answer; "New complaint" records one.

``complaints_view(gateways, pool, *, zone, now, live=None)`` is what the Front desk records page
(``records/__init__.py``) builds for its Complaints tab (``live``: follow the RECORDS area).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_complaints import (
    UNRESOLVED,
    ComplaintDetail,
    ComplaintRow,
    ComplaintStatus,
    DepartmentChoice,
    DeskComplaintsGateway,
)
from kiosk.application.gateways.desk_session import DeskGateways
from kiosk.domain.changes import Area
from kiosk.services.errors import ServiceError
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.column_fit import ColumnFit
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.filters import COMBO_STYLE, combo, header_row
from kiosk.ui.desk.records.complaint_dialogs import AssignDialog, NewComplaintDialog, ResolveDialog
from kiosk.ui.desk.records.complaint_panel import ComplaintPanel
from kiosk.ui.desk.records.complaint_texts import (
    DONE,
    OVERDUE,
    passed_to,
    problem_text,
    row_status,
    status_text,
    translate,
    when,
    when_short,
)
from kiosk.ui.desk.supplies.texts import STYLE, cell, fill, grid, key_at, retitle
from kiosk.ui.desk.widgets import button, label

FILTERS = ("active", "overdue", "all", *(status.value for status in ComplaintStatus))
LIST = [
    lambda: translate("DeskComplaints", "No."), lambda: translate("DeskComplaints", "Status"),
    lambda: translate("DeskComplaints", "Recorded"), lambda: translate("DeskComplaints", "Customer"),
    lambda: translate("DeskComplaints", "Passed to"), lambda: translate("DeskComplaints", "Due"),
    lambda: translate("DeskComplaints", "What"),
]


def run_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class ComplaintsView(QWidget):
    """Replaceable: ``run_dialog(dialog) -> bool`` (new, pass on, outcome), ``confirm(text) -> bool`` (close)."""

    def __init__(self, gateway: DeskComplaintsGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE + COMBO_STYLE)
        self.run_dialog: Callable[[QDialog], bool] = run_dialog
        self.confirm: Callable[[str], bool] = lambda text: ask_to_confirm(
            self, self.tr("Complaint"), text, self.tr("Close it"))
        self.rows: list[ComplaintRow] = []
        self.panel = ComplaintPanel(zone)
        panel = self.panel
        panel.note_box.returnPressed.connect(self.add_note)
        for widget, slot in ((panel.note_button, self.add_note), (panel.assign_button, self.assign),
                             (panel.progress_button, self.mark_in_progress), (panel.resolve_button, self.resolve),
                             (panel.close_button, self.close_unanswered),
                             (panel.score_button, self.record_satisfaction)):
            widget.clicked.connect(slot)
        self.title, self.count = label(role="title"), label(role="count")
        self.shown = combo(FILTERS)
        self.shown.setMinimumWidth(160)
        self.shown.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = button("", "primary")
        self.new_button.clicked.connect(self.new)
        self.table = grid(LIST)
        # The complaint's text takes what width is left, cut short with "…" (its tooltip has it whole).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(len(LIST) - 1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # Narrow: when it was recorded and where it went make room for what it is about (the detail says them).
        self.columns = ColumnFit(self.table, (2, 4), least={len(LIST) - 1: 160})
        self.table.currentCellChanged.connect(lambda _r, _c, _pr, _pc: self._load_detail())
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(header_row(self.title, self.count, actions=(self.shown, self.new_button)))
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.panel, 2)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        pass

    # -- the list --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        shown = self.shown.currentData()
        statuses = ([*UNRESOLVED, ComplaintStatus.RESOLVED] if shown == "active"
                    else [ComplaintStatus(shown)] if shown not in ("overdue", "all") else [])
        self.pool.submit(lambda: self.gateway.complaints(statuses, overdue_only=shown == "overdue"),
                         on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[ComplaintRow]) -> None:
        chosen = self.current_id()
        self.rows = rows
        fill(self.table, [self._cells(row) for row in rows])
        self.columns.fit()
        again = next((i for i, r in enumerate(rows) if r.complaint_id == chosen), None)
        if again is not None:
            self.table.selectRow(again)
        self.retranslate()
        self._load_detail()

    def _cells(self, row: ComplaintRow) -> list[QTableWidgetItem]:
        colours = OVERDUE if row.overdue else DONE if row.status is ComplaintStatus.CLOSED else None
        return [cell(f"#{row.complaint_id}", key=row.complaint_id, colours=colours),
                cell(row_status(row), colours=colours), cell(when_short(row.created_at, self.zone), colours=colours),
                cell(row.customer_name, colours=colours), cell(passed_to(row), colours=colours),
                cell(when_short(row.due_at, self.zone), colours=colours),
                cell(" ".join(row.what.split()), colours=colours)]

    def current_id(self) -> int | None:
        key = key_at(self.table, self.table.currentRow())
        return int(key) if key is not None else None

    def choose(self, complaint_id: int) -> None:
        row = next((i for i, r in enumerate(self.rows) if r.complaint_id == complaint_id), None)
        if row is not None:
            self.table.selectRow(row)

    # -- the chosen one --------------------------------------------------------------------------------------

    def _load_detail(self) -> None:
        complaint_id = self.current_id()
        if complaint_id is None:
            self._show_detail(None)
            return
        self.pool.submit(self.gateway.detail, complaint_id, on_done=self._show_detail, on_error=self._failed)

    def _show_detail(self, detail: ComplaintDetail | None) -> None:
        if detail is not None and detail.complaint.complaint_id != self.current_id():
            return  # another row was chosen meanwhile
        self.panel.show_detail(detail)

    @property
    def detail(self) -> ComplaintDetail | None:
        return self.panel.detail

    # -- actions ---------------------------------------------------------------------------------------------

    def new(self) -> None:
        self.pool.submit(self.gateway.departments, on_done=self._ask_new, on_error=self._failed)

    def _ask_new(self, departments: list[DepartmentChoice]) -> None:
        dialog = NewComplaintDialog(self, self.gateway, self.pool, departments, zone=self.zone, now=self.now())
        form = dialog.answer() if self.run_dialog(dialog) else None
        dialog.deleteLater()
        if form is not None:
            self.pool.submit(self.gateway.add, form, on_done=self._recorded, on_error=self._failed)

    def _recorded(self, row: ComplaintRow) -> None:
        self.message.setText(self.tr("Recorded #{n}: tell the customer the department will contact them by "
                                     "{due}.").format(n=row.complaint_id, due=when(row.due_at, self.zone)))
        self._changed(row)

    def assign(self) -> None:
        if self.detail is not None:
            self.pool.submit(self.gateway.departments, on_done=self._ask_assign, on_error=self._failed)

    def _ask_assign(self, departments: list[DepartmentChoice]) -> None:
        if self.detail is None:
            return
        row = self.detail.complaint
        dialog = AssignDialog(self, self.gateway, self.pool, departments, row.department_id)
        chosen = dialog.answer() if self.run_dialog(dialog) else None
        dialog.deleteLater()
        if chosen is not None:
            self.pool.submit(self.gateway.assign, row.complaint_id, *chosen, row.version, on_done=self._changed,
                             on_error=self._failed)

    def mark_in_progress(self) -> None:
        if self.detail is not None:
            row = self.detail.complaint
            self.pool.submit(self.gateway.mark_in_progress, row.complaint_id, row.version, on_done=self._changed,
                             on_error=self._failed)

    def resolve(self) -> None:
        if self.detail is None:
            return
        row = self.detail.complaint
        dialog = ResolveDialog(self, by_email=self.detail.rated_by_link)
        text = dialog.answer() if self.run_dialog(dialog) else None
        dialog.deleteLater()
        if text is not None:
            self.pool.submit(self.gateway.resolve, row.complaint_id, text, row.version, on_done=self._changed,
                             on_error=self._failed)

    def record_satisfaction(self) -> None:
        if self.detail is not None:
            row = self.detail.complaint
            self.pool.submit(self.gateway.record_satisfaction, row.complaint_id, int(self.panel.score.currentData()),
                             row.version, on_done=self._changed, on_error=self._failed)

    def close_unanswered(self) -> None:
        if self.detail is not None and self.confirm(self.tr(
                "Close #{n} without the customer's answer (they could not be reached)?").format(
                n=self.detail.complaint.complaint_id)):
            row = self.detail.complaint
            self.pool.submit(self.gateway.close, row.complaint_id, row.version, on_done=self._changed,
                             on_error=self._failed)

    def add_note(self) -> None:
        complaint_id = self.current_id()
        if complaint_id is not None and self.panel.note_box.text().strip():
            self.pool.submit(self.gateway.add_note, complaint_id, self.panel.note_box.text(),
                             on_done=lambda _note: self._noted(), on_error=self._failed)

    def _noted(self) -> None:
        self.panel.note_box.clear()
        self._load_detail()

    def _changed(self, row: ComplaintRow) -> None:
        self.refresh()
        self.choose(row.complaint_id)

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Complaints"))
        overdue = sum(1 for row in self.rows if row.overdue)
        self.count.setText(self.tr("%n complaint(s)", "", len(self.rows)) + (
            self.tr(" · %n overdue", "", overdue) if overdue else ""))
        for index, text in enumerate((self.tr("Still open"), self.tr("Overdue"), self.tr("All"),
                                      *(status_text(status) for status in ComplaintStatus))):
            self.shown.setItemText(index, text)
        self.new_button.setText(self.tr("New complaint…"))
        retitle(self.table, LIST)


def complaints_view(gateways: DeskGateways | DeskComplaintsGateway, pool: WorkerPool, *, zone: ZoneInfo,
                    now: Callable[[], datetime], live: LiveChanges | None = None) -> QWidget:
    """The records page's Complaints tab (it passes every gateway; a test may pass the complaints one)."""
    gateway = gateways if isinstance(gateways, DeskComplaintsGateway) else gateways.complaints
    view = ComplaintsView(gateway, pool, zone=zone, now=now)
    if live is not None:
        AreaFollower(live, frozenset({Area.RECORDS}), view.refresh, coalesce_ms=500, parent=view)
    return view
