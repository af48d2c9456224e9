"""The problems rounds found: the open ones (the follow-up items) or all, each with its routine, who reported it
and when, and its state in a colour and words; "Record fix…" asks what was done; "Show photo" shows it.

Replaceable: ``ask_fix_note(problem) -> str | None``."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_routines import DeskRoutinesGateway, ProblemRow
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.dialogs import ask_reason
from kiosk.ui.desk.records.routine_texts import DONE, MISSED, day_hm, person, translate
from kiosk.ui.desk.supplies.texts import cell, fill, grid, key_at, retitle
from kiosk.ui.desk.widgets import button, label

THUMBNAIL = 260
HEADERS = [lambda: translate("DeskRoutines", "Problem"), lambda: translate("DeskRoutines", "State")]


class ProblemsPanel(QWidget):
    fixed = Signal(object)  # the ProblemRow as fixed
    failed = Signal(object)  # the ServiceError of a fix or a photo
    shown_changed = Signal()  # "show fixed too" toggled: read the problems again

    def __init__(self, gateway: DeskRoutinesGateway, pool: WorkerPool, zone: ZoneInfo) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone = gateway, pool, zone
        self.ask_fix_note: Callable[[ProblemRow], str | None] = lambda row: ask_reason(
            self, translate("DeskRoutines", "Record fix"),
            translate("DeskRoutines", "{routine}: {what}\nWhat was done?").format(routine=row.template_name,
                                                                                  what=row.what),
            translate("DeskRoutines", "Record fix"), required=True)
        self.rows: list[ProblemRow] = []
        self.title = label(role="section")
        self.show_fixed = QCheckBox()
        self.show_fixed.toggled.connect(lambda _on: self.shown_changed.emit())
        self.table = grid(HEADERS)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.fix_button, self.photo_button = button("", "primary"), button("")
        self.fix_button.clicked.connect(self.record_fix)
        self.photo_button.clicked.connect(self.load_photo)
        self.photo = label()
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.hide()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.show_fixed)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.photo_button)
        actions.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.photo)
        self.retranslate()

    def show_problems(self, rows: list[ProblemRow]) -> None:
        chosen = self.current()
        self.rows = rows
        self.table.blockSignals(True)
        fill(self.table, [self._cells(row) for row in rows])
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        if chosen is not None:
            self.select(chosen.problem_id)
        self._count()
        self._chosen()

    def _count(self) -> None:
        open_count = sum(row.open for row in self.rows)
        self.title.setText(translate("DeskRoutines", "Open problems (%n)", "", open_count))

    def _cells(self, row: ProblemRow) -> list[QTableWidgetItem]:
        what = row.what + (" · " + translate("DeskRoutines", "photo") if row.has_photo else "")
        found = " · ".join(p for p in (row.template_name, row.area, day_hm(row.reported_at, self.zone),
                                       person(row.reported_by)) if p)
        if row.fixed_at is not None:
            state = cell(translate("DeskRoutines", "Fixed · {who} {when}").format(
                who=person(row.fixed_by), when=day_hm(row.fixed_at, self.zone)), colours=DONE[:2])
            state.setToolTip(plain_tooltip(row.fix_note) or "")
        else:
            state = cell(translate("DeskRoutines", "Waiting for the fix"), colours=MISSED[:2])
        return [cell(f"{what}\n{found}", key=row.problem_id), state]

    def current(self) -> ProblemRow | None:
        model = self.table.selectionModel()
        selected = model.selectedRows() if model is not None else []
        problem_id = key_at(self.table, selected[0].row()) if selected else None
        return next((row for row in self.rows if row.problem_id == problem_id), None)

    def select(self, problem_id: int) -> None:
        index = next((i for i, row in enumerate(self.rows) if row.problem_id == problem_id), None)
        if index is not None:
            self.table.selectRow(index)

    def _chosen(self) -> None:
        row = self.current()
        self.fix_button.setEnabled(row is not None and row.open)
        self.photo_button.setEnabled(row is not None and row.has_photo)
        self.photo.clear()
        self.photo.hide()

    def record_fix(self) -> None:
        row = self.current()
        note = self.ask_fix_note(row) if row is not None and row.open else None
        if row is None or note is None:
            return
        self.pool.submit(self.gateway.fix_problem, row.problem_id, note, on_done=self.fixed.emit,
                         on_error=self.failed.emit)

    def load_photo(self) -> None:
        row = self.current()
        if row is not None and row.has_photo:
            self.pool.submit(self.gateway.problem_photo, row.problem_id, on_done=self._photo,
                             on_error=self.failed.emit)

    def _photo(self, data: bytes | None) -> None:
        picture = QPixmap()
        if data and picture.loadFromData(data):
            self.photo.setPixmap(picture.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setText(translate("DeskRoutines", "No photo."))
        self.photo.show()

    def retranslate(self) -> None:
        self.show_fixed.setText(translate("DeskRoutines", "Show fixed too"))
        self.fix_button.setText(translate("DeskRoutines", "Record fix…"))
        self.photo_button.setText(translate("DeskRoutines", "Show photo"))
        retitle(self.table, HEADERS)
        self._count()
        if self.rows:
            self.show_problems(self.rows)
