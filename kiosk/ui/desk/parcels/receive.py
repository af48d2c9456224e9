"""Receive: one parcel, or a courier's batch (scan, pick the recipient, next), saved parcel by parcel.

The tracking number is typed, scanned by a keyboard-wedge scanner or read by the desk's webcam; the
carrier is guessed from the number as it is typed (the list stays editable). Damaged or wet parcels
need a photo and a note. The form's state is kept in a draft file as it is filled in.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_parcels import (
    CarrierView,
    DeskParcelsGateway,
    ParcelCondition,
    ParcelForm,
    ParcelReceived,
    RecipientChoice,
    RecipientKind,
)
from kiosk.config import CameraSettings
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels.draft import default_draft_path, load_draft, remove_draft, save_draft
from kiosk.ui.desk.parcels.recipients import RecipientPicker
from kiosk.ui.desk.parcels.scanning import CameraDialog, ScanField, jpeg_from_file
from kiosk.ui.desk.parcels.texts import (
    INVALID_STYLE,
    YUAN_PATTERN,
    cents_of,
    condition_text,
    mark,
    money,
    problem_text,
    wrong_fields,
)
from kiosk.ui.desk.widgets import button, label

GUESS_DELAY_MS = 200
DRAFT_DELAY_MS = 400
# Kept from one parcel to the next in batch mode (the courier's, and the shelf they go to).
BATCH_KEEPS = ("carrier", "sender", "company", "shelf")


def carrier_name(carrier: CarrierView) -> str:
    chinese = QLocale().language() == QLocale.Language.Chinese
    name = (carrier.name_zh if chinese else carrier.name_en) or carrier.name_en or carrier.name_zh
    return f"{carrier.code} · {name}" if name and name != carrier.code else carrier.code


class ReceivePanel(QWidget):
    """The receive form (see the module docstring). ``choose_photo_file``/``take_photo``/``scan_with_camera``
    are replaceable (tests answer them instead of a dialog)."""

    received = Signal(object)  # ParcelReceived

    def __init__(self, gateway: DeskParcelsGateway, pool: WorkerPool, *, camera: CameraSettings | None = None,
                 draft_path: Path | None = None, guess_delay_ms: int = GUESS_DELAY_MS) -> None:
        super().__init__()
        self.gateway, self.pool, self.camera = gateway, pool, camera
        self.draft_path = draft_path or default_draft_path()
        self.setStyleSheet(INVALID_STYLE)
        self.choose_photo_file: Callable[[], str] = self._ask_for_photo_file
        self.take_photo: Callable[[], bytes | None] = lambda: self._camera(photo=True).photo_jpeg
        self.scan_with_camera: Callable[[], str] = lambda: self._camera(photo=False).code
        self.photo_jpeg: bytes | None = None
        self.batch_id = ""
        self.batch_count = 0
        self.announced_parcel_id: int | None = None
        self.last: ParcelReceived | None = None
        self._carrier_by_hand = False
        self._restoring = False
        self._saving = False

        self.tracking = ScanField()
        self.scan_button = button("")
        self.scan_button.clicked.connect(self._scan_with_camera)
        self.carrier = QComboBox()
        self.carrier.setMinimumWidth(180)
        self.carrier.activated.connect(lambda _index: self._carrier_chosen())
        self.recipient = RecipientPicker(gateway.find_recipients, pool)
        self.reception = button("")
        self.reception.clicked.connect(self.recipient.choose_reception)
        self.sender_box, self.company, self.shelf = QLineEdit(), QLineEdit(), QLineEdit()
        for box, length in ((self.sender_box, 60), (self.company, 100), (self.shelf, 20)):
            box.setMaxLength(length)
        self.pieces = QSpinBox()
        self.pieces.setRange(1, 99)
        self.cod = QLineEdit()
        self.cod.setValidator(QRegularExpressionValidator(QRegularExpression(YUAN_PATTERN), self.cod))
        self.cod.setMaximumWidth(140)
        self.cod_paid_by = QLineEdit()
        self.cod_paid_by.setMaxLength(60)
        self.conditions = QButtonGroup(self)
        self.condition_buttons: dict[ParcelCondition, QRadioButton] = {}
        condition_row = QHBoxLayout()
        for condition in ParcelCondition:
            radio = QRadioButton()
            self.condition_buttons[condition] = radio
            self.conditions.addButton(radio)
            condition_row.addWidget(radio)
        condition_row.addStretch(1)
        self.condition_buttons[ParcelCondition.INTACT].setChecked(True)
        self.conditions.buttonToggled.connect(lambda _button, _on: self._condition_changed())
        self.photo = label(role="small")
        self.photo.setMinimumHeight(40)
        self.photo_camera, self.photo_file = button(""), button("")
        self.photo_camera.clicked.connect(self._take_photo)
        self.photo_file.clicked.connect(self._photo_from_file)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.batch = QCheckBox()
        self.batch.toggled.connect(self._batch_toggled)
        self.save = button("", "primary")
        self.save.clicked.connect(self.submit)
        self.error = label(role="error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.batch_line = label(role="muted")

        tracking_row = QHBoxLayout()
        tracking_row.addWidget(self.tracking, 1)
        tracking_row.addWidget(self.scan_button)
        recipient_row = QHBoxLayout()
        recipient_row.addWidget(self.recipient, 1)
        recipient_row.addWidget(self.reception, 0, Qt.AlignmentFlag.AlignTop)
        cod_row = QHBoxLayout()
        cod_row.addWidget(self.cod)
        cod_row.addWidget(self.cod_paid_by, 1)
        self.photo_row = QWidget()
        photo_layout = QHBoxLayout(self.photo_row)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo, 1)
        photo_layout.addWidget(self.photo_camera)
        photo_layout.addWidget(self.photo_file)
        self.form = QFormLayout()
        self.form.setSpacing(10)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.labels: dict[str, Any] = {}
        for key, field in (("tracking", tracking_row), ("carrier", self.carrier), ("recipient", recipient_row),
                           ("sender", self.sender_box), ("company", self.company), ("pieces", self.pieces),
                           ("cod", cod_row), ("condition", condition_row), ("photo", self.photo_row),
                           ("note", self.note), ("shelf", self.shelf)):
            self.labels[key] = label()
            self.form.addRow(self.labels[key], field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.batch)
        buttons.addWidget(self.batch_line, 1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # What a ValidationFailed names, and the box it marks.
        self.fields: dict[str, QWidget] = {
            "tracking_no": self.tracking, "carrier_code": self.carrier, "recipient": self.recipient.box,
            "sender_name": self.sender_box, "sender_company": self.company, "pieces": self.pieces,
            "cod_cents": self.cod, "cod_paid_by": self.cod_paid_by, "photo_jpeg": self.photo,
            "condition_note": self.note, "shelf": self.shelf,
        }

        self._guess_timer = QTimer(self)
        self._guess_timer.setSingleShot(True)
        self._guess_timer.setInterval(guess_delay_ms)
        self._guess_timer.timeout.connect(self.guess_now)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self.tracking.textChanged.connect(self._tracking_changed)
        self.tracking.scanned.connect(self._scanned)
        self.tracking.returnPressed.connect(self.recipient.box.setFocus)
        for box in (self.sender_box, self.company, self.cod, self.cod_paid_by, self.note, self.shelf):
            box.textChanged.connect(self._changed)
        self.pieces.valueChanged.connect(self._changed)
        self.recipient.chosen_changed.connect(self._changed)
        self._condition_changed()
        self.retranslate()
        self.restore_draft()

    # -- the shell's calls ---------------------------------------------------------------------------------

    def start(self) -> None:
        self.pool.submit(self.gateway.carriers, on_done=self._show_carriers, on_error=self._failed)

    def stop(self) -> None:
        self._guess_timer.stop()
        self.recipient.stop()
        if self._draft_timer.isActive():
            self.keep_draft()

    # -- carriers ------------------------------------------------------------------------------------------

    def _show_carriers(self, carriers: list[CarrierView]) -> None:
        chosen = self.carrier.currentData()
        self.carrier.clear()
        self.carrier.addItem(self.tr("Carrier: guess from the number"), "")
        for carrier in carriers:
            if carrier.active:
                self.carrier.addItem(carrier_name(carrier), carrier.code)
        self.select_carrier(chosen or "")

    def select_carrier(self, code: str) -> None:
        index = self.carrier.findData(code)
        if index < 0 and code:
            self.carrier.addItem(code, code)
            index = self.carrier.count() - 1
        self.carrier.setCurrentIndex(max(index, 0))

    def carrier_code(self) -> str:
        return str(self.carrier.currentData() or "")

    def _carrier_chosen(self) -> None:
        self._carrier_by_hand = True
        self._changed()

    def _tracking_changed(self, text: str) -> None:
        if not text.strip():
            self._carrier_by_hand = False
        self._guess_timer.start()
        self._changed()

    def guess_now(self) -> None:
        self._guess_timer.stop()
        number = self.tracking.text().strip()
        if not number or self._carrier_by_hand:
            return
        self.pool.submit(self.gateway.guess_carrier, number, on_done=lambda code: self._guessed(number, code),
                         on_error=lambda _error: None)

    def _guessed(self, number: str, code: str) -> None:
        if number == self.tracking.text().strip() and not self._carrier_by_hand:
            self.select_carrier(code)

    def _scanned(self, _number: str) -> None:
        self.guess_now()
        self.recipient.box.setFocus()

    def _scan_with_camera(self) -> None:
        code = self.scan_with_camera()
        if code:
            self.tracking.setText(code)
            self._scanned(code)

    def _camera(self, *, photo: bool) -> CameraDialog:
        dialog = CameraDialog(self, self.camera, photo=photo)
        dialog.exec()
        dialog.deleteLater()
        return dialog

    # -- condition and photo -------------------------------------------------------------------------------

    def condition(self) -> ParcelCondition:
        return next((c for c, radio in self.condition_buttons.items() if radio.isChecked()), ParcelCondition.INTACT)

    def set_condition(self, condition: ParcelCondition) -> None:
        self.condition_buttons[condition].setChecked(True)

    def _condition_changed(self) -> None:
        needs_claim = self.condition() is not ParcelCondition.INTACT
        for key in ("photo", "note"):
            self.labels[key].setVisible(needs_claim)
        self.photo_row.setVisible(needs_claim)
        self.note.setVisible(needs_claim)
        self._changed()

    def _take_photo(self) -> None:
        photo = self.take_photo()
        if photo:
            self.set_photo(photo)

    def _photo_from_file(self) -> None:
        path = self.choose_photo_file()
        if path:
            self.pool.submit(jpeg_from_file, path, on_done=self.set_photo, on_error=self._failed)

    def _ask_for_photo_file(self) -> str:
        chosen, _kind = QFileDialog.getOpenFileName(self, self.tr("Photo of the parcel"), str(Path.home()),
                                                    self.tr("Pictures (*.jpg *.jpeg *.png)"))
        return chosen

    def set_photo(self, jpeg: bytes | None) -> None:
        self.photo_jpeg = jpeg
        if jpeg:
            pixmap = QPixmap()
            if pixmap.loadFromData(jpeg):
                self.photo.setPixmap(pixmap.scaledToHeight(96, Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.clear()
            self.photo.setText(self.tr("No photo yet"))
        self._changed()

    # -- batch ---------------------------------------------------------------------------------------------

    def _batch_toggled(self, on: bool) -> None:
        if on and not self.batch_id:
            self.batch_id = uuid.uuid4().hex[:12]
            self.batch_count = 0
        if not on:
            self.batch_id, self.batch_count = "", 0
        self._show_batch()
        self._changed()

    def _show_batch(self) -> None:
        self.batch_line.setText(self.tr("%n parcel(s) in this batch", "", self.batch_count)
                                if self.batch.isChecked() else "")

    # -- completing an announcement ------------------------------------------------------------------------

    def complete(self, parcel_id: int, tracking_no: str, carrier_code: str, recipient: RecipientChoice | None) -> None:
        """Fill the form from a courier's announcement at the kiosk; saving completes it."""
        self.announced_parcel_id = parcel_id
        self.tracking.setText(tracking_no)
        if carrier_code:
            self.select_carrier(carrier_code)
        if recipient is not None:
            self.recipient.choose(recipient)
        self.tracking.setFocus()

    # -- saving --------------------------------------------------------------------------------------------

    def submit(self) -> None:
        wrong: set[str] = set()
        if not self.tracking.text().strip():
            wrong.add("tracking_no")
        if self.recipient.chosen is None:
            wrong.add("recipient")
        cod = cents_of(self.cod.text())
        if cod is None:
            wrong.add("cod_cents")
        if self.condition() is not ParcelCondition.INTACT:
            if not self.photo_jpeg:
                wrong.add("photo_jpeg")
            if not self.note.text().strip():
                wrong.add("condition_note")
        if wrong:
            self._refused(wrong, self.tr("Fill in the marked fields."))
            return
        assert self.recipient.chosen is not None
        form = ParcelForm(
            tracking_no=self.tracking.text().strip(), carrier_code=self.carrier_code(),
            recipient=self.recipient.chosen, sender_name=self.sender_box.text().strip(),
            sender_company=self.company.text().strip(), pieces=self.pieces.value(), cod_cents=cod or 0,
            cod_paid_by=self.cod_paid_by.text().strip() if cod else "", condition=self.condition(),
            condition_note=self.note.text().strip() if self.condition() is not ParcelCondition.INTACT else "",
            photo_jpeg=self.photo_jpeg if self.condition() is not ParcelCondition.INTACT else None,
            shelf=self.shelf.text().strip(), batch_id=self.batch_id,
            announced_parcel_id=self.announced_parcel_id,
        )
        self.save.setEnabled(False)
        self.pool.submit(self.gateway.receive, form, on_done=self._received, on_error=self._failed)

    def _refused(self, wrong: set[str], text: str) -> None:
        mark(self.fields, wrong)
        self.error.setText(text)
        self.error.show()
        first = next((widget for key, widget in self.fields.items() if key in wrong), None)
        if first is not None and first is not self.photo:
            first.setFocus()

    def _received(self, result: ParcelReceived) -> None:
        self.save.setEnabled(True)
        self.last = result
        self.error.hide()
        mark(self.fields, set())
        if self.batch.isChecked():
            self.batch_count += 1
        self.clear(keep=BATCH_KEEPS if self.batch.isChecked() else ())
        self._show_batch()
        self.keep_draft()
        self.tracking.setFocus()
        self.received.emit(result)

    def _failed(self, error: ServiceError) -> None:
        self.save.setEnabled(True)
        self._refused(wrong_fields(error), problem_text(error))

    def clear(self, keep: tuple[str, ...] = ()) -> None:
        """Empty the form but for ``keep`` (the batch's fields)."""
        self._restoring = True
        self.tracking.clear()
        self._carrier_by_hand = "carrier" in keep and self._carrier_by_hand
        if "carrier" not in keep:
            self.select_carrier("")
        self.recipient.clear()
        for key, box in (("sender", self.sender_box), ("company", self.company), ("shelf", self.shelf)):
            if key not in keep:
                box.clear()
        self.pieces.setValue(1)
        self.cod.clear()
        self.cod_paid_by.clear()
        self.set_condition(ParcelCondition.INTACT)
        self.note.clear()
        self.set_photo(None)
        self.announced_parcel_id = None
        self._restoring = False

    # -- the draft -----------------------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if not self._restoring:
            self._draft_timer.start()

    def state(self) -> dict[str, Any]:
        chosen = self.recipient.chosen
        return {
            "tracking": self.tracking.text(), "carrier": self.carrier_code(),
            "carrier_by_hand": self._carrier_by_hand,
            "recipient": None if chosen is None else {
                "kind": chosen.kind.value, "host_id": chosen.host_id, "department_id": chosen.department_id,
                "name": chosen.name, "department": chosen.department},
            "sender": self.sender_box.text(), "company": self.company.text(), "pieces": self.pieces.value(),
            "cod": self.cod.text(), "cod_paid_by": self.cod_paid_by.text(), "condition": self.condition().value,
            "note": self.note.text(), "shelf": self.shelf.text(),
            "photo": base64.b64encode(self.photo_jpeg).decode("ascii") if self.photo_jpeg else "",
            "batch": self.batch.isChecked(), "batch_id": self.batch_id, "batch_count": self.batch_count,
            "announced_parcel_id": self.announced_parcel_id,
        }

    def keep_draft(self) -> None:
        self._draft_timer.stop()
        save_draft(self.draft_path, self.state())

    def restore_draft(self) -> None:
        state = load_draft(self.draft_path)
        if not state:
            return
        self._restoring = True
        try:
            self.batch.setChecked(bool(state.get("batch")))
            self.batch_id = str(state.get("batch_id") or self.batch_id)
            self.batch_count = int(state.get("batch_count") or 0)
            self.tracking.setText(str(state.get("tracking", "")))
            self.select_carrier(str(state.get("carrier", "")))
            self._carrier_by_hand = bool(state.get("carrier_by_hand"))
            chosen = state.get("recipient")
            if isinstance(chosen, dict):
                self.recipient.choose(RecipientChoice(
                    RecipientKind(chosen["kind"]), chosen.get("host_id"), chosen.get("department_id"),
                    str(chosen.get("name", "")), str(chosen.get("department", ""))))
            self.sender_box.setText(str(state.get("sender", "")))
            self.company.setText(str(state.get("company", "")))
            self.pieces.setValue(int(state.get("pieces") or 1))
            self.cod.setText(str(state.get("cod", "")))
            self.cod_paid_by.setText(str(state.get("cod_paid_by", "")))
            self.set_condition(ParcelCondition(state.get("condition", ParcelCondition.INTACT.value)))
            self.note.setText(str(state.get("note", "")))
            self.shelf.setText(str(state.get("shelf", "")))
            photo = str(state.get("photo") or "")
            self.set_photo(base64.b64decode(photo) if photo else None)
            announced = state.get("announced_parcel_id")
            self.announced_parcel_id = int(announced) if announced is not None else None
        except (KeyError, ValueError, TypeError):
            remove_draft(self.draft_path)
        finally:
            self._restoring = False
            self._guess_timer.stop()
            self._draft_timer.stop()
        self._show_batch()

    # -- language ------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {
            "tracking": self.tr("Tracking number"), "carrier": self.tr("Carrier"), "recipient": self.tr("For"),
            "sender": self.tr("Sender"), "company": self.tr("Company"), "pieces": self.tr("Pieces"),
            "cod": self.tr("Cash on delivery (yuan)"), "condition": self.tr("Condition"),
            "photo": self.tr("Photo"), "note": self.tr("Note for the claim"), "shelf": self.tr("Shelf"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.tracking.setPlaceholderText(self.tr("Scan the label or type the number"))
        self.scan_button.setText(self.tr("Scan with camera"))
        self.reception.setText(self.tr("Reception"))
        self.sender_box.setPlaceholderText(self.tr("Sender's name"))
        self.company.setPlaceholderText(self.tr("Sender's company"))
        self.cod.setPlaceholderText(money(0))
        self.cod_paid_by.setPlaceholderText(self.tr("Paid by (e.g. Reception, or a name)"))
        for condition, radio in self.condition_buttons.items():
            radio.setText(condition_text(condition))
        self.photo_camera.setText(self.tr("Take photo"))
        self.photo_file.setText(self.tr("Choose file…"))
        if not self.photo_jpeg:
            self.photo.setText(self.tr("No photo yet"))
        self.note.setPlaceholderText(self.tr("What is damaged, for the claim"))
        self.shelf.setPlaceholderText(self.tr("e.g. A3"))
        self.batch.setText(self.tr("Batch: a courier with many parcels"))
        self.save.setText(self.tr("Save and print label"))
        if self.carrier.count():
            self.carrier.setItemText(0, self.tr("Carrier: guess from the number"))
        self._show_batch()
