"""Pick up: the recipient's code (scanned or typed) or their name finds everything waiting for them, all
offered at once; who takes it, what identity was checked, a signature on screen; on someone's behalf the
collector's name, phone and a second signature. A parcel another desk handed out first is refused with
who took it and when, and the list is read again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_parcels import (
    DeskParcelsGateway,
    ParcelRow,
    PickupRequest,
    RecipientChoice,
    RecipientKind,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.common.signature_pad import SignaturePad
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels.recipients import RecipientPicker
from kiosk.ui.desk.parcels.scanning import ScanField
from kiosk.ui.desk.parcels.texts import (
    INVALID_STYLE,
    ITEM_HEIGHT,
    mark,
    money,
    problem_text,
    recipient_name,
    wrong_fields,
)
from kiosk.ui.desk.widgets import button, label

# What was checked, as the desk ticks it (stored as the words shown).
IDENTITY_CHECKS = ("staff_card", "id_card", "known")


class PickupPanel(QWidget):
    handed_over = Signal(object)  # list[ParcelRow]

    def __init__(self, gateway: DeskParcelsGateway, pool: WorkerPool) -> None:
        super().__init__()
        self.gateway, self.pool = gateway, pool
        self.setStyleSheet(INVALID_STYLE)
        self.rows: list[ParcelRow] = []
        self._looked_up: tuple[str, object] | None = None  # ("code", text) or ("recipient", choice)
        self.code = ScanField(min_length=6)
        self.find_button = button("", "primary")
        self.find_button.clicked.connect(self.look_up_code)
        self.code.returnPressed.connect(self.look_up_code)
        self.code.scanned.connect(lambda _text: self.look_up_code())
        self.by_name = RecipientPicker(gateway.find_recipients, pool)
        self.by_name.chosen_changed.connect(self._recipient_chosen)
        self.parcels = QListWidget()
        self.parcels.setMinimumHeight(120)
        self.parcels.itemChanged.connect(lambda _item: self._update())
        self.found = label(role="section")
        self.taker = QLineEdit()
        self.taker.setMaxLength(100)
        self.identity = QCheckBox()
        self.identity_kind = QComboBox()
        for key in IDENTITY_CHECKS:
            self.identity_kind.addItem(key, key)
        self.identity_kind.setEditable(True)
        self.identity_kind.setMinimumWidth(200)
        self.identity.toggled.connect(lambda _on: self._update())
        self.signature = SignaturePad()
        self.signature.setMinimumSize(380, 150)
        self.signature.changed.connect(lambda _ink: self._update())
        self.clear_signature = button("")
        self.clear_signature.clicked.connect(self.signature.clear)
        self.behalf = QCheckBox()
        self.behalf.toggled.connect(self._behalf_toggled)
        self.collector, self.collector_phone = QLineEdit(), QLineEdit()
        self.collector.setMaxLength(100)
        self.collector_phone.setMaxLength(30)
        self.proxy_signature = SignaturePad()
        self.proxy_signature.setMinimumSize(380, 150)
        self.proxy_signature.changed.connect(lambda _ink: self._update())
        self.hand_over_button = button("", "primary")
        self.hand_over_button.clicked.connect(self.hand_over)
        self.message = label(role="error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.done_line = label(role="section")

        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.find_button)
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity)
        identity_row.addWidget(self.identity_kind, 1)
        signature_row = QHBoxLayout()
        signature_row.addWidget(self.signature, 1)
        signature_row.addWidget(self.clear_signature, 0, Qt.AlignmentFlag.AlignBottom)
        self.behalf_box = QWidget()
        behalf_form = QFormLayout(self.behalf_box)
        behalf_form.setContentsMargins(0, 0, 0, 0)
        self.behalf_labels = [label(), label(), label()]
        behalf_form.addRow(self.behalf_labels[0], self.collector)
        behalf_form.addRow(self.behalf_labels[1], self.collector_phone)
        behalf_form.addRow(self.behalf_labels[2], self.proxy_signature)
        self.behalf_box.hide()
        self.labels = [label() for _ in range(5)]
        search, form = QFormLayout(), QFormLayout()
        for each in (search, form):
            each.setSpacing(10)
            each.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        search.addRow(self.labels[0], code_row)
        search.addRow(self.labels[1], self.by_name)
        form.addRow(self.labels[2], self.taker)
        form.addRow(self.labels[3], identity_row)
        form.addRow(self.labels[4], signature_row)
        self.parcels.setMaximumHeight(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(search)
        layout.addWidget(self.found)
        layout.addWidget(self.parcels)
        layout.addLayout(form)
        layout.addWidget(self.behalf)
        layout.addWidget(self.behalf_box)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.done_line, 1)
        bottom.addWidget(self.hand_over_button)
        layout.addLayout(bottom)
        self.fields = {"picked_up_by": self.taker, "identity_checked": self.identity, "signature_png": self.signature,
                       "on_behalf_of": self.collector, "proxy_phone": self.collector_phone,
                       "proxy_signature_png": self.proxy_signature}
        self.retranslate()
        self._update()

    def stop(self) -> None:
        self.by_name.stop()

    # -- finding what waits ----------------------------------------------------------------------------------

    def look_up_code(self) -> None:
        code = self.code.text().strip()
        if code:
            self._looked_up = ("code", code)
            self.pool.submit(self.gateway.waiting_for_code, code, on_done=self.show_rows, on_error=self._failed)

    def _recipient_chosen(self, choice: RecipientChoice | None) -> None:
        if choice is not None:
            self._looked_up = ("recipient", choice)
            self.pool.submit(self.gateway.waiting_for_recipient, choice, on_done=self.show_rows,
                             on_error=self._failed)

    def look_again(self) -> None:
        """Read what waits again for the same code or person (after a conflict, or another desk's change)."""
        if self._looked_up is None:
            return
        kind, key = self._looked_up
        if kind == "code":
            self.pool.submit(self.gateway.waiting_for_code, key, on_done=self.show_rows, on_error=self._failed)
        else:
            self.pool.submit(self.gateway.waiting_for_recipient, key, on_done=self.show_rows, on_error=self._failed)

    def show_rows(self, rows: list[ParcelRow]) -> None:
        self.rows = rows
        self.parcels.blockSignals(True)
        self.parcels.clear()
        for row in rows:
            parts = [row.tracking_no, row.carrier_code, self.tr("shelf {shelf}").format(shelf=row.shelf or "—"),
                     self.tr("%n piece(s)", "", row.pieces)]
            if row.cod_cents:
                parts.append(self.tr("COD {amount}").format(amount=money(row.cod_cents)))
            item = QListWidgetItem("   ".join(parts))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, row.parcel_id)
            item.setSizeHint(QSize(0, ITEM_HEIGHT))
            self.parcels.addItem(item)
        self.parcels.blockSignals(False)
        if rows:
            first = rows[0]
            who = recipient_name(first.recipient_kind, first.recipient_name)
            self.found.setText(self.tr("%n parcel(s) waiting for {name}", "", len(rows)).format(name=who))
            if not self.taker.text().strip() and first.recipient_kind is RecipientKind.HOST:
                self.taker.setText(first.recipient_name)
        elif self._looked_up is not None:
            self.found.setText(self.tr("Nothing is waiting for this code or person."))
        else:
            self.found.setText("")
        self._update()

    def chosen_ids(self) -> list[int]:
        return [int(self.parcels.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.parcels.count())
                if self.parcels.item(i).checkState() == Qt.CheckState.Checked]

    # -- handing over ----------------------------------------------------------------------------------------

    def _behalf_toggled(self, on: bool) -> None:
        self.behalf_box.setVisible(on)
        self._update()

    def _update(self) -> None:
        self.identity_kind.setEnabled(self.identity.isChecked())
        self.hand_over_button.setEnabled(bool(self.chosen_ids()))

    def hand_over(self) -> None:
        ids = self.chosen_ids()
        wrong: set[str] = set()
        if not self.identity.isChecked() or not self.identity_kind.currentText().strip():
            wrong.add("identity_checked")
        if not self.signature.has_ink():
            wrong.add("signature_png")
        behalf = self.behalf.isChecked()
        if not (self.collector.text().strip() if behalf else self.taker.text().strip()):
            wrong.add("on_behalf_of" if behalf else "picked_up_by")
        if behalf and not self.collector_phone.text().strip():
            wrong.add("proxy_phone")
        if behalf and not self.proxy_signature.has_ink():
            wrong.add("proxy_signature_png")
        if not ids or wrong:
            self._refused(wrong, self.tr("Tick what was checked, and sign.") if wrong else "")
            return
        versions = {row.parcel_id: row.version for row in self.rows if row.parcel_id in ids}
        first = self.rows[0]
        request = PickupRequest(
            parcel_ids=ids, versions=versions,
            picked_up_by=self.collector.text().strip() if behalf else self.taker.text().strip(),
            identity_checked=self.identity_kind.currentText().strip(), signature_png=self.signature.to_png() or b"",
            on_behalf_of=(self.taker.text().strip() or first.recipient_name) if behalf else "",
            proxy_phone=self.collector_phone.text().strip() if behalf else "",
            proxy_signature_png=self.proxy_signature.to_png() if behalf else None,
        )
        self.hand_over_button.setEnabled(False)
        self.pool.submit(self.gateway.hand_over, request, on_done=self._handed_over, on_error=self._failed)

    def _refused(self, wrong: set[str], text: str) -> None:
        mark(self.fields, wrong)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _handed_over(self, rows: list[ParcelRow]) -> None:
        self.done_line.setText(self.tr("%n parcel(s) handed over.", "", len(rows)))
        self.reset()
        self.handed_over.emit(rows)

    def _failed(self, error: ServiceError) -> None:
        self._refused(wrong_fields(error) & set(self.fields), problem_text(error))
        self._update()
        if error.code == "conflict":
            self.look_again()

    def reset(self) -> None:
        self._looked_up = None
        self.code.clear()
        self.by_name.clear()
        self.taker.clear()
        self.identity.setChecked(False)
        self.signature.clear()
        self.behalf.setChecked(False)
        self.collector.clear()
        self.collector_phone.clear()
        self.proxy_signature.clear()
        self.show_rows([])
        mark(self.fields, set())
        self.message.hide()
        self.code.setFocus()

    # -- language --------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for widget, text in zip(self.labels, (self.tr("Pickup code"), self.tr("Or by name"), self.tr("Collected by"),
                                              self.tr("Identity"), self.tr("Signature")), strict=True):
            widget.setText(text)
        self.code.setPlaceholderText(self.tr("Scan the recipient's QR or type the code"))
        self.find_button.setText(self.tr("Find"))
        self.taker.setPlaceholderText(self.tr("Name of the person taking the parcels"))
        self.identity.setText(self.tr("Identity checked:"))
        names = {"staff_card": self.tr("staff card"), "id_card": self.tr("ID card"),
                 "known": self.tr("known in person")}
        for index in range(self.identity_kind.count()):
            key = self.identity_kind.itemData(index)
            if key in names:
                self.identity_kind.setItemText(index, names[key])
        self.clear_signature.setText(self.tr("Clear"))
        self.behalf.setText(self.tr("Collected on someone's behalf"))
        for widget, text in zip(self.behalf_labels, (self.tr("Collector's name"), self.tr("Collector's phone"),
                                                     self.tr("Collector's signature")), strict=True):
            widget.setText(text)
        self.hand_over_button.setText(self.tr("Hand over"))
