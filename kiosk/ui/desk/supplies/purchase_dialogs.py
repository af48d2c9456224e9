"""A purchase request written by hand (lines of items, quantity and cost) and a delivery received against one
(per line the quantity that came and its cost; partial when short)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_supplies import ItemRow, PurchaseLineForm, PurchaseRow, ReceiptLine
from kiosk.ui.desk.supplies.item_dialog import buttons_row, quantity_box, yuan_box
from kiosk.ui.desk.supplies.requisition_dialogs import item_text
from kiosk.ui.desk.supplies.texts import STYLE, cents_of, money
from kiosk.ui.desk.widgets import button, label

translate = QCoreApplication.translate


class PurchaseDialog(QDialog):
    def __init__(self, parent: QWidget | None, items: list[ItemRow]) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskSupplies", "New purchase request"))
        self.items = {item.item_id: item for item in items}
        self.lines: list[PurchaseLineForm] = []
        self.item = QComboBox()
        for item in items:
            self.item.addItem(item_text(item), item.item_id)
        self.item.currentIndexChanged.connect(self._item_chosen)
        self.quantity = quantity_box(1)
        self.cost = yuan_box()
        self.add_line_button = button(translate("DeskSupplies", "Add line"))
        self.add_line_button.clicked.connect(self.add_line)
        self.line_list = QListWidget()
        self.purpose, self.supplier = QLineEdit(), QLineEdit()
        self.purpose.setPlaceholderText(translate("DeskSupplies", "Purpose"))
        self.supplier.setPlaceholderText(translate("DeskSupplies", "Supplier (optional)"))
        row = QHBoxLayout()
        row.addWidget(self.item, 3)
        row.addWidget(self.quantity)
        row.addWidget(self.cost)
        row.addWidget(self.add_line_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(row)
        layout.addWidget(self.line_list)
        layout.addWidget(self.purpose)
        layout.addWidget(self.supplier)
        layout.addLayout(buttons_row(self, translate("DeskSupplies", "Create request")))
        self.setMinimumWidth(600)
        self._item_chosen()

    def _item_chosen(self, *_args: object) -> None:
        item = self.items.get(self.item.currentData())
        if item is not None:
            self.cost.setValue(item.unit_cost_cents / 100)
            self.quantity.setValue(max(1, item.to_purchase))

    def add_line(self) -> None:
        item_id = self.item.currentData()
        if item_id is None:
            return
        self.lines = [line for line in self.lines if line.item_id != item_id]
        self.lines.append(PurchaseLineForm(int(item_id), self.quantity.value(), cents_of(self.cost.value())))
        self.line_list.clear()
        for line in self.lines:
            self.line_list.addItem(f"{item_text(self.items[line.item_id])} × {line.quantity} @ "
                                   f"{money(line.unit_cost_cents)}")

    def answer(self) -> tuple[list[PurchaseLineForm], str, str] | None:
        if not self.lines:
            return None
        return list(self.lines), self.purpose.text().strip(), self.supplier.text().strip()


class ReceivePurchaseDialog(QDialog):
    def __init__(self, parent: QWidget | None, purchase: PurchaseRow) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskSupplies", "Receive purchase #{n}").format(n=purchase.purchase_id))
        self.quantities: dict[int, QSpinBox] = {}
        self.costs: dict[int, QDoubleSpinBox] = {}
        grid = QGridLayout()
        for column, text in enumerate((translate("DeskSupplies", "Item"), translate("DeskSupplies", "Ordered"),
                                       translate("DeskSupplies", "Received before"),
                                       translate("DeskSupplies", "Received now"),
                                       translate("DeskSupplies", "Unit cost"))):
            grid.addWidget(label(text, "muted"), 0, column)
        row = 1
        for line in purchase.lines:
            rest = line.quantity - line.received_qty
            if rest <= 0:
                continue
            quantity = QSpinBox()
            quantity.setRange(0, rest)
            quantity.setValue(rest)
            cost = yuan_box()
            cost.setValue(line.unit_cost_cents / 100)
            self.quantities[line.line_id], self.costs[line.line_id] = quantity, cost
            for column, widget in enumerate((label(line.item_name), label(str(line.quantity)),
                                             label(str(line.received_qty)), quantity, cost)):
                grid.addWidget(widget, row, column)
            row += 1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(grid)
        layout.addLayout(buttons_row(self, translate("DeskSupplies", "Into stock")))

    def answer(self) -> list[ReceiptLine]:
        return [ReceiptLine(line_id, box.value(), cents_of(self.costs[line_id].value()))
                for line_id, box in self.quantities.items() if box.value() > 0]
