"""A new requisition (the requester found by name, lines of items with quantities) and the Issue dialog
(per line the quantity now and a quality note, the receiver's name and signature)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_supplies import IssueLine, ItemRow, RequisitionLineForm, RequisitionRow
from kiosk.ui.common.signature_pad import SignaturePad
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.supplies.item_dialog import buttons_row, quantity_box
from kiosk.ui.desk.supplies.texts import STYLE, problem_text
from kiosk.ui.desk.widgets import button, label

translate = QCoreApplication.translate
# (host id, name, department) for a typed name
HostFinder = Callable[[str], list[tuple[int, str, str]]]


def item_text(item: ItemRow) -> str:
    return " ".join(part for part in (item.name, item.specification, f"({item.unit})") if part)


class RequisitionDialog(QDialog):
    def __init__(self, parent: QWidget | None, items: list[ItemRow], find_hosts: HostFinder, pool: WorkerPool
                 ) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskSupplies", "New requisition"))
        self.items, self.find_hosts, self.pool = items, find_hosts, pool
        self.lines: list[RequisitionLineForm] = []
        self.requester = QLineEdit()
        self.requester.setPlaceholderText(translate("DeskSupplies", "Requester's name or pinyin, then Enter"))
        self.requester.returnPressed.connect(self.look_up)
        self.hosts = QListWidget()
        self.hosts.setMaximumHeight(120)
        self.item = QComboBox()
        for item in items:
            self.item.addItem(item_text(item), item.item_id)
        self.quantity = quantity_box(1)
        self.add_line_button = button(translate("DeskSupplies", "Add line"))
        self.add_line_button.clicked.connect(self.add_line)
        self.line_list = QListWidget()
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(200)
        self.purpose.setPlaceholderText(translate("DeskSupplies", "Purpose (optional)"))
        self.problem = label(role="muted")
        line_row = QHBoxLayout()
        line_row.addWidget(self.item, 3)
        line_row.addWidget(self.quantity)
        line_row.addWidget(self.add_line_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (label(translate("DeskSupplies", "Requester"), "section"), self.requester, self.hosts,
                       label(translate("DeskSupplies", "Lines"), "section")):
            layout.addWidget(widget)
        layout.addLayout(line_row)
        layout.addWidget(self.line_list)
        layout.addWidget(self.purpose)
        layout.addWidget(self.problem)
        layout.addLayout(buttons_row(self, translate("DeskSupplies", "Create requisition")))
        self.setMinimumWidth(560)

    def look_up(self) -> None:
        self.pool.submit(self.find_hosts, self.requester.text().strip(), on_done=self._found,
                         on_error=lambda e: self.problem.setText(problem_text(e)))

    def _found(self, hosts: list[tuple[int, str, str]]) -> None:
        self.hosts.clear()
        for host_id, name, department in hosts:
            entry = QListWidgetItem(f"{name} · {department}" if department else name)
            entry.setData(Qt.ItemDataRole.UserRole, host_id)
            self.hosts.addItem(entry)
        if hosts:
            self.hosts.setCurrentRow(0)

    def add_line(self) -> None:
        item_id = self.item.currentData()
        if item_id is None:
            return
        self.lines = [line for line in self.lines if line.item_id != item_id]
        self.lines.append(RequisitionLineForm(int(item_id), self.quantity.value()))
        names = {item.item_id: item_text(item) for item in self.items}
        self.line_list.clear()
        for line in self.lines:
            self.line_list.addItem(f"{names.get(line.item_id, '')} × {line.quantity}")

    def host_id(self) -> int | None:
        chosen = self.hosts.currentItem()
        return int(chosen.data(Qt.ItemDataRole.UserRole)) if chosen is not None else None

    def answer(self) -> tuple[int, list[RequisitionLineForm], str] | None:
        host_id = self.host_id()
        if host_id is None or not self.lines:
            return None
        return host_id, list(self.lines), self.purpose.text().strip()


class IssueDialog(QDialog):
    """Per open line the quantity now (min(open, on hand) to begin with) and a quality note; the receiver's name
    and signature. Nothing is handed out without both."""

    def __init__(self, parent: QWidget | None, requisition: RequisitionRow) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskSupplies", "Issue requisition #{n}").format(n=requisition.requisition_id))
        self.quantities: dict[int, QSpinBox] = {}
        self.notes: dict[int, QLineEdit] = {}
        lines = QGridLayout()
        for column, text in enumerate((translate("DeskSupplies", "Item"), translate("DeskSupplies", "Open"),
                                       translate("DeskSupplies", "On hand"), translate("DeskSupplies", "Issue now"),
                                       translate("DeskSupplies", "Quality note"))):
            lines.addWidget(label(text, "muted"), 0, column)
        row = 1
        for line in requisition.lines:
            if line.open_qty <= 0:
                continue
            quantity = QSpinBox()
            quantity.setRange(0, line.open_qty)
            quantity.setValue(max(0, min(line.open_qty, line.on_hand)))
            note = QLineEdit(line.quality_note)
            note.setMaxLength(200)
            note.setPlaceholderText(translate("DeskSupplies", "e.g. box dented, one pen dry"))
            self.quantities[line.line_id], self.notes[line.line_id] = quantity, note
            for column, widget in enumerate((label(f"{line.item_name} {line.specification}".strip()),
                                             label(str(line.open_qty)), label(str(line.on_hand)), quantity, note)):
                lines.addWidget(widget, row, column)
            row += 1
        self.receiver = QLineEdit(requisition.requester)
        self.receiver.setMaxLength(100)
        self.pad = SignaturePad()
        self.clear_button = button(translate("DeskSupplies", "Clear signature"))
        self.clear_button.clicked.connect(self.pad.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(lines)
        layout.addWidget(label(translate("DeskSupplies", "Received by"), "section"))
        layout.addWidget(self.receiver)
        layout.addWidget(label(translate("DeskSupplies", "Signature"), "section"))
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons_row(self, translate("DeskSupplies", "Issue")))
        self.ok_button = self.property("ok_button")
        self.pad.changed.connect(partial(self._update))
        self.receiver.textChanged.connect(self._update)
        self._update()

    def _update(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.pad.has_ink() and bool(self.receiver.text().strip()))

    def answer(self) -> tuple[list[IssueLine], str, bytes] | None:
        png = self.pad.to_png()
        if png is None or not self.receiver.text().strip():
            return None
        lines = [IssueLine(line_id, box.value(), self.notes[line_id].text().strip())
                 for line_id, box in self.quantities.items() if box.value() > 0 or self.notes[line_id].text().strip()]
        return lines, self.receiver.text().strip(), png
