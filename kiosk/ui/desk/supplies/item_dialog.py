"""The item form (add or edit) and stock received by hand, as small dialogs the Supplies view opens through
replaceable attributes (tests answer them directly)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_supplies import ItemForm, ItemRow
from kiosk.ui.desk.supplies.texts import STYLE, cents_of
from kiosk.ui.desk.widgets import button, label

translate = QCoreApplication.translate
MAX_QTY = 1_000_000


def quantity_box(minimum: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, MAX_QTY)
    return box


def yuan_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 1_000_000)
    box.setDecimals(2)
    box.setPrefix("¥")
    return box


def buttons_row(dialog: QDialog, action: str) -> QHBoxLayout:
    ok = button(action, "primary")
    cancel = button(translate("Desk", "Cancel"))
    ok.clicked.connect(dialog.accept)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    dialog.setProperty("ok_button", ok)
    return row


class ItemDialog(QDialog):
    def __init__(self, parent: QWidget | None, item: ItemRow | None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskSupplies", "Edit item") if item else translate("DeskSupplies", "New item"))
        self.name, self.spec, self.unit, self.category, self.location, self.barcode = (
            QLineEdit() for _ in range(6))
        self.min_qty, self.reorder_qty = quantity_box(), quantity_box()
        self.cost = yuan_box()
        self.active = QCheckBox(translate("DeskSupplies", "In use"))
        self.active.setChecked(True)
        form = QFormLayout()
        for text, widget in (
            (translate("DeskSupplies", "Name"), self.name), (translate("DeskSupplies", "Specification"), self.spec),
            (translate("DeskSupplies", "Unit"), self.unit), (translate("DeskSupplies", "Category"), self.category),
            (translate("DeskSupplies", "Location"), self.location),
            (translate("DeskSupplies", "Barcode"), self.barcode),
            (translate("DeskSupplies", "Minimum"), self.min_qty),
            (translate("DeskSupplies", "Reorder up to"), self.reorder_qty),
            (translate("DeskSupplies", "Unit cost"), self.cost), ("", self.active),
        ):
            form.addRow(label(text), widget)
        if item is not None:
            self.name.setText(item.name)
            self.spec.setText(item.specification)
            self.unit.setText(item.unit)
            self.category.setText(item.category)
            self.location.setText(item.location)
            self.barcode.setText(item.barcode)
            self.min_qty.setValue(item.min_qty)
            self.reorder_qty.setValue(item.reorder_qty)
            self.cost.setValue(item.unit_cost_cents / 100)
            self.active.setChecked(item.active)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addLayout(buttons_row(self, translate("DeskSupplies", "Save")))

    def form(self) -> ItemForm:
        return ItemForm(name=self.name.text().strip(), unit=self.unit.text().strip(),
                        specification=self.spec.text().strip(), category=self.category.text().strip(),
                        location=self.location.text().strip(), barcode=self.barcode.text().strip(),
                        min_qty=self.min_qty.value(), reorder_qty=self.reorder_qty.value(),
                        unit_cost_cents=cents_of(self.cost.value()), active=self.active.isChecked())


def ask_item_form(parent: QWidget, item: ItemRow | None) -> ItemForm | None:
    dialog = ItemDialog(parent, item)
    return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReceiveDialog(QDialog):
    """Stock taken in by hand: how many, at what cost (blank: the item's), why."""

    def __init__(self, parent: QWidget | None, item: ItemRow) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskSupplies", "Receive stock"))
        self.quantity = quantity_box(1)
        self.cost = yuan_box()
        self.cost.setValue(item.unit_cost_cents / 100)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        form = QFormLayout()
        form.addRow(label(translate("DeskSupplies", "Item")), label(f"{item.name} {item.specification}".strip()))
        form.addRow(label(translate("DeskSupplies", "Quantity")), self.quantity)
        form.addRow(label(translate("DeskSupplies", "Unit cost")), self.cost)
        form.addRow(label(translate("DeskSupplies", "Reason")), self.reason)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addLayout(buttons_row(self, translate("DeskSupplies", "Receive")))


def ask_receipt(parent: QWidget, item: ItemRow) -> tuple[int, int | None, str] | None:
    dialog = ReceiveDialog(parent, item)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.quantity.value(), cents_of(dialog.cost.value()), dialog.reason.text().strip()
