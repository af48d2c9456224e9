"""After use: the inspection lines ticked, a note, damage found (what, and a photo from a file), consumables
issued from the supplies (water, paper) with quantities; recorded in one call on the worker pool."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_rooms import (
    BookingDetail,
    BookingRow,
    ChecklistKey,
    ChecklistPhase,
    DamageForm,
    DeskRoomsGateway,
    InspectionForm,
)
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed
from kiosk.ui.desk.rooms.context import RoomsContext, SupplyChoice
from kiosk.ui.desk.rooms.texts import LINE_HEIGHT, checklist_text, problem_text, translate
from kiosk.ui.desk.widgets import button, label

PHOTO_MAX = 8 * 1024 * 1024


def jpeg_of(path: Path) -> bytes:
    """The file as a JPEG (a PNG or other picture is converted); ValidationFailed when it is not a picture."""
    data = path.read_bytes()
    if data[:3] == b"\xff\xd8\xff":
        return data
    image = QImage.fromData(data)
    if image.isNull():
        raise ValidationFailed([FieldError("photo", "invalid", translate("DeskRooms", "This file is not a picture."))])
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(encoded.data())


def record_inspection(gateway: DeskRoomsGateway, form: InspectionForm, photo: str) -> BookingRow:
    """On the worker pool: the photo is read (and converted) here, not on the GUI thread."""
    if photo and form.damage is not None:
        jpeg = jpeg_of(Path(photo))
        if len(jpeg) > PHOTO_MAX:
            too_large = translate("DeskRooms", "The photo is over 8 MB.")
            raise ValidationFailed([FieldError("photo", "too_large", too_large)])
        form = replace(form, damage=replace(form.damage, photo_jpeg=jpeg))
    return gateway.inspect(form)


class InspectionBox(QWidget):
    """Replaceable: ``choose_photo() -> path`` ("" = none)."""

    recorded = Signal(object)  # BookingRow
    failed = Signal(str)

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: BookingDetail | None = None
        self.photo = ""
        self.items: list[SupplyChoice] = []
        self.consumables: dict[int, int] = {}
        self.choose_photo: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, translate("DeskRooms", "Photo of the damage"), "", "JPEG / PNG (*.jpg *.jpeg *.png)")[0]
        self.ticks: dict[ChecklistKey, QCheckBox] = {}
        self.tick_grid = QGridLayout()
        self.tick_grid.setVerticalSpacing(4)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(translate("DeskRooms", "How it went, for the organiser (optional)"))
        self.damage = QLineEdit()
        self.damage.setMaxLength(500)
        self.damage.setPlaceholderText(translate("DeskRooms", "Damage found: what, where (leave empty if none)"))
        self.photo_button = button(translate("DeskRooms", "Photo…"))
        self.photo_button.clicked.connect(self._choose_photo)
        self.photo_name = label(role="hint")
        self.item = QComboBox()
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 999)
        self.add_button = button(translate("DeskRooms", "Add"))
        self.add_button.clicked.connect(self.add_consumable)
        self.used = QListWidget()
        self.used.hide()
        self.record_button = button(translate("DeskRooms", "Record inspection"), "primary")
        self.record_button.clicked.connect(self.record)
        damage_row = QHBoxLayout()
        damage_row.addWidget(self.damage, 1)
        damage_row.addWidget(self.photo_button)
        used_row = QHBoxLayout()
        used_row.addWidget(self.item, 1)
        used_row.addWidget(self.quantity)
        used_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self.tick_grid)
        layout.addWidget(self.note)
        layout.addLayout(damage_row)
        layout.addWidget(self.photo_name)
        layout.addWidget(label(translate("DeskRooms", "Consumables used (issued from the supplies)"), "field"))
        layout.addLayout(used_row)
        layout.addWidget(self.used)
        layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_booking(self, detail: BookingDetail) -> None:
        """The booking read again (a change anywhere, the minute): what is being filled in stays."""
        same = self.detail is not None and self.detail.row.booking_id == detail.row.booking_id
        ticked = {key: box.isChecked() for key, box in self.ticks.items()} if same else {}
        if not same:
            self.note.clear()
            self.damage.clear()
            self.photo = ""
            self.photo_name.clear()
            self.consumables.clear()
            self._show_used()
        self.detail = detail
        for box in self.ticks.values():
            self.tick_grid.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.ticks = {}
        lines = [line for line in detail.checklist if line.phase is ChecklistPhase.INSPECT]
        for index, line in enumerate(lines):
            box = QCheckBox(checklist_text(line))
            box.setChecked(ticked.get(line.key, line.done_at is not None))
            self.ticks[line.key] = box
            self.tick_grid.addWidget(box, index, 0)
        self.ctx.pool.submit(self.ctx.supply_items, on_done=self._show_items, on_error=lambda _e: None)

    def _show_items(self, items: list[SupplyChoice]) -> None:
        self.items = items
        chosen = self.item.currentData()
        self.item.clear()
        for item in items:
            self.item.addItem(f"{item.name} ({item.unit})" if item.unit else item.name, item.item_id)
        if chosen is not None and self.item.findData(chosen) >= 0:
            self.item.setCurrentIndex(self.item.findData(chosen))
        self.add_button.setEnabled(bool(items))

    def _choose_photo(self) -> None:
        path = self.choose_photo()
        if path:
            self.photo = path
            self.photo_name.setText(translate("DeskRooms", "Photo: {name}").format(name=Path(path).name))

    def add_consumable(self) -> None:
        item_id = self.item.currentData()
        if item_id is None:
            return
        self.consumables[int(item_id)] = self.consumables.get(int(item_id), 0) + self.quantity.value()
        self._show_used()

    def _show_used(self) -> None:
        names = {item.item_id: (item.name, item.unit) for item in self.items}
        self.used.clear()
        for item_id, quantity in self.consumables.items():
            name, unit = names.get(item_id, (f"#{item_id}", ""))
            entry = QListWidgetItem(f"{name} × {quantity} {unit}".strip())
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setSizeHint(QSize(0, LINE_HEIGHT))
            self.used.addItem(entry)
        self.used.setFixedHeight(10 + LINE_HEIGHT * min(3, len(self.consumables)))
        self.used.setVisible(bool(self.consumables))

    def form(self) -> InspectionForm | None:
        if self.detail is None:
            return None
        what = self.damage.text().strip()
        damage = (DamageForm(room_id=self.detail.row.room_id, what=what, booking_id=self.detail.row.booking_id)
                  if what else None)
        return InspectionForm(booking_id=self.detail.row.booking_id,
                              ticked=frozenset(key for key, box in self.ticks.items() if box.isChecked()),
                              note=self.note.text().strip(), damage=damage,
                              consumables=tuple(self.consumables.items()))

    def record(self) -> None:
        form = self.form()
        if form is None:
            return
        if self.photo and form.damage is None:
            self.failed.emit(translate("DeskRooms", "Say what is damaged: the photo goes with a damage report."))
            return
        self.record_button.setEnabled(False)
        self.ctx.pool.submit(record_inspection, self.ctx.gateway, form, self.photo, on_done=self._recorded,
                             on_error=self._failed)

    def _recorded(self, row: BookingRow) -> None:
        self.record_button.setEnabled(True)
        self.consumables.clear()
        self.photo = ""
        self.recorded.emit(row)

    def _failed(self, error: ServiceError) -> None:
        self.record_button.setEnabled(True)
        self.failed.emit(problem_text(error))
