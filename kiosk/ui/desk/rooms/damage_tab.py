"""Damage and repairs: the open damage reports (room, what, who, when; the photo shown on demand), a repair
recorded with a note (the room is back in order), damage reported outside an inspection; the rooms out of
order now. Replaceable: ``ask_repair_note(report) -> str | None``, ``ask_damage() -> (form, photo path) | None``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_rooms import DamageForm, DamageRow, DeskRoomsGateway
from kiosk.services.errors import ServiceError
from kiosk.ui.desk.dialogs import ask_reason
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.inspection import jpeg_of
from kiosk.ui.desk.rooms.tables import cell, fill, grid, key_at, retitle, select_key, stretch
from kiosk.ui.desk.rooms.texts import FINE, REFUSED, STYLE, day_hm, person, problem_text, translate
from kiosk.ui.desk.widgets import button, label

HEADERS = [
    lambda: translate("DeskRooms", "Room"), lambda: translate("DeskRooms", "What"),
    lambda: translate("DeskRooms", "Reported by"), lambda: translate("DeskRooms", "When"),
    lambda: translate("DeskRooms", "Booking"), lambda: translate("DeskRooms", "Photo"),
    lambda: translate("DeskRooms", "Repair"),
]
THUMBNAIL = 300


def report_with_photo(gateway: DeskRoomsGateway, form: DamageForm, photo: str) -> DamageRow:
    """On the worker pool: the photo file read (and made a JPEG) here."""
    if photo:
        form = replace(form, photo_jpeg=jpeg_of(Path(photo)))
    return gateway.report_damage(form)


class DamageDialog(QDialog):
    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskRooms", "Report damage"))
        self.photo = ""
        self.room = QComboBox()
        for room in ctx.rooms:
            if room.active:
                self.room.addItem(" · ".join(p for p in (room.name, room.floor) if p), room.room_id)
        self.what = QLineEdit()
        self.what.setMaxLength(500)
        self.what.setMinimumWidth(420)
        self.photo_button = button(translate("DeskRooms", "Photo…"))
        self.photo_button.clicked.connect(self._choose)
        self.photo_name = label(role="hint")
        form = QFormLayout()
        form.addRow(label(translate("DeskRooms", "Room"), "field"), self.room)
        form.addRow(label(translate("DeskRooms", "What"), "field"), self.what)
        form.addRow(self.photo_button, self.photo_name)
        ok, cancel = button(translate("DeskRooms", "Report"), "primary"), button(translate("Desk", "Cancel"))
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.what.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _choose(self) -> None:
        path = QFileDialog.getOpenFileName(self, translate("DeskRooms", "Photo of the damage"), "",
                                           "JPEG / PNG (*.jpg *.jpeg *.png)")[0]
        if path:
            self.photo = path
            self.photo_name.setText(Path(path).name)

    def answer(self) -> tuple[DamageForm, str] | None:
        room_id = self.room.currentData()
        if room_id is None or not self.what.text().strip():
            return None
        return DamageForm(room_id=int(room_id), what=self.what.text().strip()), self.photo


class DamageTab(QWidget):
    changed = Signal()  # a repair or a report: the rooms' states changed

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DamageRow] = []
        self.ask_repair_note: Callable[[DamageRow], str | None] = lambda row: ask_reason(
            self, translate("DeskRooms", "Record repair"),
            translate("DeskRooms", "{room}: {what}\nWhat was done? The room is back in order.").format(
                room=row.room_name, what=row.what), translate("DeskRooms", "Record repair"), required=True)
        self.ask_damage: Callable[[], tuple[DamageForm, str] | None] = self._ask_damage
        self.show_repaired = QCheckBox()
        self.show_repaired.toggled.connect(lambda _on: self.refresh())
        self.count = label(role="count")
        self.report_button = button("")
        self.repair_button = button("", "primary")
        self.photo_button = button("")
        self.report_button.clicked.connect(self.report)
        self.repair_button.clicked.connect(self.record_repair)
        self.photo_button.clicked.connect(self.load_photo)
        self.table = grid(HEADERS)
        stretch(self.table, 1)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.out_title = label(role="section")
        self.out_of_order = label(role="small")
        self.out_of_order.setWordWrap(True)
        self.photo = label()
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumSize(THUMBNAIL, 220)
        self.photo.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo.setWordWrap(True)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.show_repaired)
        top.addWidget(self.count)
        top.addStretch(1)
        for action in (self.report_button, self.photo_button, self.repair_button):
            top.addWidget(action)
        side = QVBoxLayout()
        side.addWidget(self.out_title)
        side.addWidget(self.out_of_order)
        side.addSpacing(8)
        side.addWidget(self.photo)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def refresh(self) -> None:
        open_only = not self.show_repaired.isChecked()
        self.ctx.pool.submit(lambda: self.ctx.gateway.damage_reports(open_only=open_only), on_done=self._show,
                             on_error=self._failed)
        self.show_rooms()

    def show_rooms(self) -> None:
        broken = [room for room in self.ctx.rooms if room.out_of_order and room.active]
        self.out_of_order.setText("\n".join(" · ".join(p for p in (r.name, r.floor) if p) for r in broken)
                                  or translate("DeskRooms", "None: every room is in order."))

    def _show(self, rows: list[DamageRow]) -> None:
        chosen = self.current()
        self.rows = rows
        self.table.blockSignals(True)
        fill(self.table, [self._cells(row) for row in rows])
        self.table.blockSignals(False)
        self._count()
        if chosen is None or not select_key(self.table, chosen.report_id):
            self._photo_hint()
        self._update_buttons()

    def _cells(self, row: DamageRow) -> list[QTableWidgetItem]:
        zone = self.ctx.zone
        repair = (translate("DeskRooms", "Repaired {when} by {who}: {note}").format(
            when=day_hm(row.repaired_at, zone), who=person(row.repaired_by), note=row.repair_note)
            if row.repaired_at else translate("DeskRooms", "Waiting for repair"))
        return [cell(row.room_name, key=row.report_id), cell(row.what), cell(person(row.reported_by)),
                cell(day_hm(row.reported_at, zone)), cell(f"#{row.booking_id}" if row.booking_id else ""),
                cell(translate("DeskRooms", "yes") if row.has_photo else ""),
                cell(repair, colours=FINE if row.repaired_at else REFUSED)]

    def current(self) -> DamageRow | None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        report_id = key_at(self.table, selected[0].row()) if selected else None
        return next((r for r in self.rows if r.report_id == report_id), None)

    def _chosen(self) -> None:
        self._photo_hint()
        self._update_buttons()

    def _photo_hint(self) -> None:
        self.photo.clear()
        self.photo.setText(translate("DeskRooms", "A report's photo shows here: choose the report, then Show photo."))

    def _update_buttons(self) -> None:
        row = self.current()
        self.repair_button.setEnabled(row is not None and row.repaired_at is None)
        self.photo_button.setEnabled(row is not None and row.has_photo)

    def load_photo(self) -> None:
        row = self.current()
        if row is not None and row.has_photo:
            self.ctx.pool.submit(self.ctx.gateway.damage_photo, row.report_id, on_done=self._photo,
                                 on_error=self._failed)

    def _photo(self, data: bytes | None) -> None:
        picture = QPixmap()
        if data and picture.loadFromData(data):
            self.photo.setPixmap(picture.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setText(translate("DeskRooms", "No photo."))

    def record_repair(self) -> None:
        row = self.current()
        note = self.ask_repair_note(row) if row is not None else None
        if row is None or note is None:
            return
        self.ctx.pool.submit(self.ctx.gateway.record_repair, row.report_id, note, on_done=self._repaired,
                             on_error=self._failed)

    def _repaired(self, row: DamageRow) -> None:
        self.message.setText(translate("DeskRooms", "{room} is back in order.").format(room=row.room_name))
        self.changed.emit()

    def _ask_damage(self) -> tuple[DamageForm, str] | None:
        dialog = DamageDialog(self.ctx, self)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def report(self) -> None:
        answer = self.ask_damage()
        if answer is None:
            return
        form, photo = answer
        self.ctx.pool.submit(report_with_photo, self.ctx.gateway, form, photo, on_done=self._reported,
                             on_error=self._failed)

    def _reported(self, row: DamageRow) -> None:
        self.message.setText(translate("DeskRooms", "{room} is out of order until the repair is recorded.").format(
            room=row.room_name))
        self.changed.emit()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def _count(self) -> None:
        n = len(self.rows)
        self.count.setText(translate("DeskRooms", "%n report(s)", "", n))

    def retranslate(self) -> None:
        self.show_repaired.setText(translate("DeskRooms", "Show repaired too"))
        self.report_button.setText(translate("DeskRooms", "Report damage…"))
        self.repair_button.setText(translate("DeskRooms", "Record repair…"))
        self.photo_button.setText(translate("DeskRooms", "Show photo"))
        self.out_title.setText(translate("DeskRooms", "Out of order now"))
        if self.photo.pixmap().isNull():
            self._photo_hint()
        self._count()
        retitle(self.table)
        self.show_rooms()
