"""The Rooms tab: every room (in use or not) with its seats, equipment, rules and state; added and edited in a
small dialog. Replaceable: ``ask_room(row | None) -> RoomForm | None``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_rooms import Equipment, RoomForm, RoomRow, RoomState
from kiosk.services.errors import ServiceError
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.tables import cell, fill, grid, key_at, retitle, select_key, stretch
from kiosk.ui.desk.rooms.texts import (
    STATE_COLOURS,
    STYLE,
    equipment_list,
    equipment_text,
    problem_text,
    state_text,
    translate,
)
from kiosk.ui.desk.widgets import button, label

HEADERS = [
    lambda: translate("DeskRooms", "Name"), lambda: translate("DeskRooms", "Floor"),
    lambda: translate("DeskRooms", "Seats"), lambda: translate("DeskRooms", "Equipment"),
    lambda: translate("DeskRooms", "Cleaning time"), lambda: translate("DeskRooms", "Confirm within"),
    lambda: translate("DeskRooms", "Rules"), lambda: translate("DeskRooms", "State"),
]


def spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class RoomDialog(QDialog):
    def __init__(self, parent: QWidget | None, room: RoomRow | None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskRooms", "Edit room") if room else translate("DeskRooms", "New room"))
        self.name, self.floor = QLineEdit(), QLineEdit()
        self.name.setMaxLength(100)
        self.floor.setMaxLength(20)
        self.name.setMinimumWidth(320)
        minutes = translate("DeskRooms", " min")
        self.capacity = spin(1, 500)
        self.capacity.setValue(8)
        self.cleaning = spin(0, 120, minutes)
        self.cleaning.setValue(10)
        self.confirm_within = spin(1, 120, minutes)
        self.confirm_within.setValue(10)
        self.equipment = {item: QCheckBox(equipment_text(item)) for item in Equipment}
        self.needs_approval = QCheckBox(translate("DeskRooms", "Lent only with a supervisor's approval"))
        self.active = QCheckBox(translate("DeskRooms", "In use (offered for booking)"))
        self.active.setChecked(True)
        boxes = QGridLayout()
        for index, box in enumerate(self.equipment.values()):
            boxes.addWidget(box, index // 3, index % 3)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for text, part in ((translate("DeskRooms", "Name"), self.name), (translate("DeskRooms", "Floor"), self.floor),
                           (translate("DeskRooms", "Seats"), self.capacity),
                           (translate("DeskRooms", "Cleaning after each meeting"), self.cleaning),
                           (translate("DeskRooms", "Released if not confirmed within"), self.confirm_within)):
            form.addRow(label(text, "field"), part)
        form.addRow(label(translate("DeskRooms", "Equipment"), "field"), boxes)
        form.addRow("", self.needs_approval)
        form.addRow("", self.active)
        if room is not None:
            self.name.setText(room.name)
            self.floor.setText(room.floor)
            self.capacity.setValue(room.capacity)
            self.cleaning.setValue(room.cleaning_minutes)
            self.confirm_within.setValue(room.confirm_within_minutes)
            for item in room.equipment:
                self.equipment[item].setChecked(True)
            self.needs_approval.setChecked(room.needs_approval)
            self.active.setChecked(room.active)
        self.ok = button(translate("DeskRooms", "Save"), "primary")
        cancel = button(translate("Desk", "Cancel"))
        self.ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(self.name.text().strip()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def form(self) -> RoomForm:
        return RoomForm(name=self.name.text().strip(), capacity=self.capacity.value(), floor=self.floor.text().strip(),
                        equipment=frozenset(item for item, box in self.equipment.items() if box.isChecked()),
                        needs_approval=self.needs_approval.isChecked(), cleaning_minutes=self.cleaning.value(),
                        confirm_within_minutes=self.confirm_within.value(), active=self.active.isChecked())


def ask_room_form(parent: QWidget, room: RoomRow | None) -> RoomForm | None:
    dialog = RoomDialog(parent, room)
    return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RoomsTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ask_room: Callable[[RoomRow | None], RoomForm | None] = lambda row: ask_room_form(self, row)
        self.count = label(role="count")
        self.add_button, self.edit_button = button("", "primary"), button("")
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        self.table = grid(HEADERS, numbers=(2, 4, 5))
        stretch(self.table, 3)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit(self.current()))
        self.message = label(role="muted")
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def show_rooms(self) -> None:
        """The rooms in the context (the page reads them): drawn again, the chosen one kept."""
        chosen = self.current()
        self.table.blockSignals(True)
        fill(self.table, [self._cells(room) for room in self.ctx.rooms])
        self.table.blockSignals(False)
        if chosen is not None:
            select_key(self.table, chosen.room_id)
        n = len(self.ctx.rooms)
        self.count.setText(translate("DeskRooms", "%n room(s)", "", n))
        self._update_buttons()

    def _cells(self, room: RoomRow) -> list[QTableWidgetItem]:
        minutes = translate("DeskRooms", "{n} min")
        rules = [translate("DeskRooms", "needs approval")] if room.needs_approval else []
        if not room.active:
            rules.append(translate("DeskRooms", "not in use"))
        state = RoomState.OUT_OF_ORDER if room.out_of_order else RoomState.FREE
        state_word = state_text(state) if room.out_of_order else translate("DeskRooms", "In order")
        return [cell(room.name, key=room.room_id, bold=True), cell(room.floor), cell(room.capacity, number=True),
                cell(equipment_list(room.equipment)), cell(minutes.format(n=room.cleaning_minutes), number=True),
                cell(minutes.format(n=room.confirm_within_minutes), number=True), cell(", ".join(rules)),
                cell(state_word, colours=STATE_COLOURS[state])]

    def current(self) -> RoomRow | None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        room_id = key_at(self.table, selected[0].row()) if selected else None
        return self.ctx.room(room_id)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current() is not None)

    def edit(self, room: RoomRow | None) -> None:
        form = self.ask_room(room)
        if form is None:
            return
        if room is None:
            self.ctx.pool.submit(self.ctx.gateway.add_room, form, on_done=self._saved, on_error=self._failed)
        else:
            self.ctx.pool.submit(self.ctx.gateway.edit_room, room.room_id, form, on_done=self._saved,
                                 on_error=self._failed)

    def _saved(self, room: RoomRow) -> None:
        self.message.setText(translate("DeskRooms", "Saved: {name}").format(name=room.name))
        self.changed.emit()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def retranslate(self) -> None:
        self.add_button.setText(translate("DeskRooms", "New room"))
        self.edit_button.setText(translate("DeskRooms", "Edit"))
        retitle(self.table)
        self.show_rooms()
