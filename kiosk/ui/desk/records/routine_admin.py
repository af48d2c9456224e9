"""The routines themselves: every routine (in use or not) with its schedule and lines; add, edit, take out of use
and back, and the rulebook's corridor, restrooms and plants added in the site's language.

Replaceable: ``run_form(dialog) -> bool`` (the add/edit form, modal)."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_routines import DeskRoutinesGateway, TemplateRow
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records.routine_dialogs import TemplateDialog
from kiosk.ui.desk.records.routine_texts import DONE, MISSED, STYLE, problem_text, schedule_text, translate
from kiosk.ui.desk.supplies.texts import cell, fill, grid, key_at, retitle
from kiosk.ui.desk.widgets import button, label

HEADERS = [
    lambda: translate("DeskRoutines", "Routine"), lambda: translate("DeskRoutines", "Area"),
    lambda: translate("DeskRoutines", "Schedule"), lambda: translate("DeskRoutines", "Lines"),
    lambda: translate("DeskRoutines", "In use"),
]


def run_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class TemplatesDialog(QDialog):
    changed = Signal()  # a routine added, edited, taken out of use or back: the board reads its rounds again

    def __init__(self, gateway: DeskRoutinesGateway, pool: WorkerPool, zone: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gateway, self.pool, self.zone = gateway, pool, zone
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskRoutines", "Routines"))
        self.run_form: Callable[[TemplateDialog], bool] = run_dialog
        self.rows: list[TemplateRow] = []
        self._chosen_next: int | None = None  # the routine just saved: selected once the list is read again
        self.table = grid(HEADERS)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = button(translate("DeskRoutines", "New routine…"), "primary")
        self.edit_button = button(translate("DeskRoutines", "Edit…"))
        self.active_button = button("")
        self.defaults_button = button(translate("DeskRoutines", "Add the rulebook's routines"))
        self.defaults_button.setToolTip(translate(
            "DeskRoutines", "Corridor daily, restrooms twice a day, plants weekly (Mondays). The meeting rooms are "
                            "checked after each use on the Meeting rooms page."))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.defaults_button.clicked.connect(self.add_defaults)
        self.lines = label(role="hint")
        self.lines.setWordWrap(True)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        close = button(translate("DeskRoutines", "Close"))
        close.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.active_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.defaults_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.lines)
        layout.addLayout(bottom)
        self.resize(860, 520)
        retitle(self.table, HEADERS)
        self.refresh()

    def refresh(self) -> None:
        self.pool.submit(lambda: self.gateway.templates(include_inactive=True), on_done=self._show,
                         on_error=self._failed)

    def _show(self, rows: list[TemplateRow]) -> None:
        chosen = self.current()
        self.rows = rows
        self.table.blockSignals(True)
        fill(self.table, [self._cells(row) for row in rows])
        self.table.blockSignals(False)
        wanted = self._chosen_next or (chosen.template_id if chosen is not None else None)
        self._chosen_next = None
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()

    def _cells(self, row: TemplateRow) -> list[QTableWidgetItem]:
        in_use = translate("DeskRoutines", "In use") if row.active else translate("DeskRoutines", "Out of use")
        return [cell(row.name, key=row.template_id), cell(row.area), cell(schedule_text(row)),
                cell(str(len(row.items)), number=True), cell(in_use, colours=(DONE if row.active else MISSED)[:2])]

    def current(self) -> TemplateRow | None:
        model = self.table.selectionModel()
        selected = model.selectedRows() if model is not None else []
        template_id = key_at(self.table, selected[0].row()) if selected else None
        return next((row for row in self.rows if row.template_id == template_id), None)

    def select(self, template_id: int) -> None:
        index = next((i for i, row in enumerate(self.rows) if row.template_id == template_id), None)
        if index is not None:
            self.table.selectRow(index)

    def _update_buttons(self) -> None:
        row = self.current()
        self.edit_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        self.active_button.setText(translate("DeskRoutines", "Back in use") if row is not None and not row.active
                                   else translate("DeskRoutines", "Take out of use"))
        self.lines.setText(" · ".join(row.items) if row is not None else "")

    def add(self) -> None:
        dialog = TemplateDialog(None, self)
        if self.run_form(dialog):
            self.pool.submit(self.gateway.add_template, dialog.answer(), on_done=self._saved, on_error=self._failed)
        dialog.deleteLater()

    def edit(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = TemplateDialog(row, self)
        if self.run_form(dialog):
            self.pool.submit(self.gateway.edit_template, row.template_id, dialog.answer(), row.version,
                             on_done=self._saved, on_error=self._failed)
        dialog.deleteLater()

    def toggle_active(self) -> None:
        row = self.current()
        if row is not None:
            self.pool.submit(self.gateway.set_active, row.template_id, not row.active, row.version,
                             on_done=self._saved, on_error=self._failed)

    def add_defaults(self) -> None:
        self.pool.submit(self.gateway.add_defaults, on_done=self._defaults_added, on_error=self._failed)

    def _saved(self, row: TemplateRow) -> None:
        self.message.setText(translate("DeskRoutines", "Saved: {name}.").format(name=row.name))
        self.changed.emit()
        self._chosen_next = row.template_id
        self.refresh()

    def _defaults_added(self, rows: list[TemplateRow]) -> None:
        self.message.setText(translate("DeskRoutines", "Added: {names}.").format(names=", ".join(r.name for r in rows))
                             if rows else translate("DeskRoutines", "The rulebook's routines are there already."))
        self.changed.emit()
        self.refresh()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error, self.zone))
