"""Supplies: the stock sheet per item (on hand, minimum, to purchase, value), low stock marked and counted at
the top, search, add/edit, import, stock received by hand, the chosen item's ledger beside the list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, ItemForm, ItemRow, MovementKind, MovementRow
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.filters import delayed_search, header_row
from kiosk.ui.desk.supplies.item_dialog import ask_item_form, ask_receipt
from kiosk.ui.desk.supplies.texts import LOW, STYLE, cell, fill, grid, key_at, money, problem_text, retitle, translate
from kiosk.ui.desk.widgets import button, label

HEADERS = [
    lambda: translate("DeskSupplies", "Name"), lambda: translate("DeskSupplies", "Specification"),
    lambda: translate("DeskSupplies", "Unit"), lambda: translate("DeskSupplies", "Category"),
    lambda: translate("DeskSupplies", "Location"), lambda: translate("DeskSupplies", "On hand"),
    lambda: translate("DeskSupplies", "Minimum"), lambda: translate("DeskSupplies", "To purchase"),
    lambda: translate("DeskSupplies", "Value"),
]
HISTORY = [
    lambda: translate("DeskSupplies", "When"), lambda: translate("DeskSupplies", "What"),
    lambda: translate("DeskSupplies", "Quantity"), lambda: translate("DeskSupplies", "Balance"),
    lambda: translate("DeskSupplies", "Who / why"),
]


def movement_text(kind: MovementKind) -> str:
    return {
        MovementKind.RECEIVED: translate("DeskSupplies", "Received"),
        MovementKind.ISSUED: translate("DeskSupplies", "Issued"),
        MovementKind.RETURNED: translate("DeskSupplies", "Returned"),
        MovementKind.ADJUSTED: translate("DeskSupplies", "Adjusted"),
        MovementKind.MOVED: translate("DeskSupplies", "Moved"),
    }.get(kind, str(kind))


class SuppliesView(QWidget):
    """Replaceable questions: ``ask_item(row | None) -> ItemForm | None``, ``ask_receipt(row) -> (quantity,
    cost cents, reason) | None``, ``choose_file() -> path`` ("" = none)."""

    def __init__(self, gateway: DeskSuppliesGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 search_delay_ms: int = 250) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone = gateway, pool, zone
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE)
        self.ask_item: Callable[[ItemRow | None], ItemForm | None] = lambda row: ask_item_form(self, row)
        self.ask_receipt: Callable[[ItemRow], tuple[int, int | None, str] | None] = lambda row: ask_receipt(
            self, row)
        self.choose_file: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, self.tr("Import items"), "", "CSV / Excel (*.csv *.xlsx)")[0]
        self.rows: list[ItemRow] = []
        self.low_count = 0
        self.title = label(role="title")
        self.count = label(role="count")
        self.low_chip = button("", "chip")
        self.low_chip.setCheckable(True)
        self.low_chip.toggled.connect(lambda _on: self.refresh())
        self.add_button, self.edit_button, self.receive_button, self.import_button = (
            button("", "primary"), button(""), button(""), button(""))
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current()))
        self.receive_button.clicked.connect(self.receive)
        self.import_button.clicked.connect(self.import_items)
        top = header_row(self.title, self.count, actions=(self.low_chip, self.add_button, self.edit_button,
                                                           self.receive_button, self.import_button))
        self.search, self._search_timer = delayed_search(self, self.refresh, delay_ms=search_delay_ms,
                                                         min_width=260)
        self.table = grid(HEADERS)
        self.table.currentCellChanged.connect(lambda row, _c, _r, _o: self._chosen(row))
        self.history_title = label(role="section")
        self.history = grid(HISTORY)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.history_title)
        side.addWidget(self.history, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 5)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        self._search_timer.stop()

    def refresh(self) -> None:
        self._search_timer.stop()
        self.pool.submit(self._read, self.search.text().strip(), self.low_chip.isChecked(), on_done=self._show,
                         on_error=self._failed)

    def _read(self, text: str, low_only: bool) -> tuple[list[ItemRow], int]:
        return self.gateway.items(text, below_minimum_only=low_only), len(self.gateway.low_stock())

    def _show(self, answer: tuple[list[ItemRow], int]) -> None:
        chosen = self.current()
        self.rows, self.low_count = answer
        fill(self.table, [self._cells(row) for row in self.rows])
        self.retranslate()
        again = next((i for i, r in enumerate(self.rows) if chosen and r.item_id == chosen.item_id), None)
        if again is not None:
            self.table.selectRow(again)
        self._update_buttons()

    def _cells(self, row: ItemRow) -> list[QTableWidgetItem]:
        colours = LOW if row.below_minimum else None
        name = row.name if not row.below_minimum else translate("DeskSupplies", "{name} · low").format(name=row.name)
        return [cell(name, colours=colours, key=row.item_id), cell(row.specification), cell(row.unit),
                cell(row.category), cell(row.location), cell(row.on_hand, colours=colours, number=True),
                cell(row.min_qty, number=True), cell(row.to_purchase or "", number=True),
                cell(money(row.value_cents), number=True)]

    def current(self) -> ItemRow | None:
        item_id = key_at(self.table, self.table.currentRow())
        return next((r for r in self.rows if r.item_id == item_id), None)

    def _chosen(self, _row: int) -> None:
        self._update_buttons()
        row = self.current()
        if row is None:
            self.history.setRowCount(0)
            return
        self.history_title.setText(self.tr("History of {name}").format(name=row.name))
        self.pool.submit(self.gateway.history, row.item_id, on_done=self._show_history, on_error=self._failed)

    def _show_history(self, moves: list[MovementRow]) -> None:
        def who(move: MovementRow) -> str:
            return " · ".join(part for part in (move.department, move.actor.removeprefix("staff:"), move.reason)
                              if part)

        fill(self.history, [[cell(m.at.astimezone(self.zone).strftime("%m-%d %H:%M")), cell(movement_text(m.kind)),
                             cell(f"{m.quantity:+d}", number=True), cell(m.balance_after, number=True), cell(who(m))]
                            for m in moves])

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.receive_button.setEnabled(chosen)

    # -- actions ---------------------------------------------------------------------------------------------

    def edit(self, row: ItemRow | None) -> None:
        form = self.ask_item(row)
        if form is None:
            return
        if row is None:
            self.pool.submit(self.gateway.add_item, form, on_done=self._saved, on_error=self._failed)
        else:
            self.pool.submit(self.gateway.edit_item, row.item_id, form, row.version, on_done=self._saved,
                             on_error=self._failed)

    def _saved(self, row: ItemRow) -> None:
        self.message.setText(self.tr("Saved: {name}").format(name=row.name))
        self.refresh()

    def receive(self) -> None:
        row = self.current()
        answer = self.ask_receipt(row) if row is not None else None
        if row is None or answer is None:
            return
        quantity, cost, reason = answer
        self.pool.submit(self.gateway.receive_stock, row.item_id, quantity, cost, reason,
                         on_done=self._received, on_error=self._failed)

    def _received(self, row: ItemRow) -> None:
        self.message.setText(self.tr("{name}: {n} on hand now").format(name=row.name, n=row.on_hand))
        self.refresh()
        self._chosen(self.table.currentRow())

    def import_items(self) -> None:
        path = self.choose_file()
        if path:
            self.pool.submit(self.gateway.import_items, Path(path), on_done=self._imported, on_error=self._failed)

    def _imported(self, answer: tuple[int, list[str]]) -> None:
        done, refused = answer
        text = self.tr("%n item(s) added or updated.", "", done)
        if refused:
            text += " " + self.tr("Refused: {rows}").format(rows="; ".join(refused[:5]))
        self.message.setText(text)
        self.refresh()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supplies"))
        self.count.setText(self.tr("%n item(s)", "", len(self.rows)))
        self.low_chip.setText(self.tr("Low stock: %n", "", self.low_count))
        self.add_button.setText(self.tr("New item"))
        self.edit_button.setText(self.tr("Edit"))
        self.receive_button.setText(self.tr("Receive stock"))
        self.import_button.setText(self.tr("Import…"))
        self.search.setPlaceholderText(self.tr("Search name, specification, category, location or barcode"))
        if self.current() is None:
            self.history_title.setText(self.tr("Choose an item to see its history"))
        retitle(self.table, HEADERS)
        retitle(self.history, HISTORY)
