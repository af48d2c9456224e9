"""Purchase requests: suggested from the items under their minimum or written by hand; submitted, approved
(a supervisor), ordered, received (per line, at cost, partially when a delivery is short)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, ItemRow, PurchaseRow, PurchaseStatus
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.filters import header_row
from kiosk.ui.desk.supplies.purchase_dialogs import PurchaseDialog, ReceivePurchaseDialog
from kiosk.ui.desk.supplies.requisitions import run_dialog
from kiosk.ui.desk.supplies.texts import (
    STYLE,
    cell,
    fill,
    grid,
    key_at,
    money,
    problem_text,
    purchase_status_text,
    retitle,
    translate,
)
from kiosk.ui.desk.widgets import button, label

LIST = [
    lambda: translate("DeskSupplies", "No."), lambda: translate("DeskSupplies", "Status"),
    lambda: translate("DeskSupplies", "Purpose"), lambda: translate("DeskSupplies", "Supplier"),
    lambda: translate("DeskSupplies", "Total"), lambda: translate("DeskSupplies", "Approved by"),
]
LINES = [
    lambda: translate("DeskSupplies", "Item"), lambda: translate("DeskSupplies", "Quantity"),
    lambda: translate("DeskSupplies", "Received"), lambda: translate("DeskSupplies", "Unit cost"),
]
RECEIVABLE = (PurchaseStatus.ORDERED, PurchaseStatus.PARTIALLY_RECEIVED)


class PurchasesView(QWidget):
    """Replaceable: ``run_dialog(dialog) -> bool`` (new purchase, receive), ``confirm(text) -> bool``."""

    def __init__(self, gateway: DeskSuppliesGateway, pool: WorkerPool, *, may_approve: bool) -> None:
        super().__init__()
        self.gateway, self.pool, self.may_approve = gateway, pool, may_approve
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE)
        self.run_dialog: Callable[[QDialog], bool] = run_dialog
        self.confirm: Callable[[str], bool] = lambda text: ask_to_confirm(self, self.tr("Purchase"), text,
                                                                          self.tr("Yes"))
        self.rows: list[PurchaseRow] = []
        self.title = label(role="title")
        self.count = label(role="count")
        self.suggest_button, self.new_button = button("", "primary"), button("")
        self.suggest_button.clicked.connect(self.suggest)
        self.new_button.clicked.connect(self.new)
        top = header_row(self.title, self.count, actions=(self.suggest_button, self.new_button))
        self.table = grid(LIST)
        self.table.currentCellChanged.connect(lambda _r, _c, _pr, _pc: self._show_lines())
        self.lines_title = label(role="section")
        self.lines = grid(LINES)
        self.submit_button, self.approve_button, self.order_button = button(""), button("", "primary"), button("")
        self.receive_button, self.cancel_button = button("", "primary"), button("")
        self.submit_button.clicked.connect(lambda: self._act(self.gateway.submit_purchase))
        self.approve_button.clicked.connect(lambda: self._act(self.gateway.approve_purchase))
        self.order_button.clicked.connect(lambda: self._act(self.gateway.mark_ordered))
        self.receive_button.clicked.connect(self.receive)
        self.cancel_button.clicked.connect(self.cancel)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for widget in (self.submit_button, self.approve_button, self.order_button, self.receive_button,
                       self.cancel_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.lines_title)
        side.addWidget(self.lines, 1)
        side.addLayout(actions)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        pass

    def refresh(self) -> None:
        self.pool.submit(self.gateway.purchases, on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[PurchaseRow]) -> None:
        chosen = self.current()
        self.rows = rows
        fill(self.table, [[cell(f"#{r.purchase_id}", key=r.purchase_id), cell(purchase_status_text(r.status)),
                           cell(r.purpose), cell(r.supplier), cell(money(r.total_cents), number=True),
                           cell(r.approved_by.removeprefix("staff:"))] for r in rows])
        self.retranslate()
        if chosen is not None:
            self.choose(chosen.purchase_id)
        self._show_lines()

    def current(self) -> PurchaseRow | None:
        key = key_at(self.table, self.table.currentRow())
        return next((r for r in self.rows if r.purchase_id == key), None)

    def choose(self, purchase_id: int) -> None:
        row = next((i for i, r in enumerate(self.rows) if r.purchase_id == purchase_id), None)
        if row is not None:
            self.table.selectRow(row)

    def _show_lines(self) -> None:
        row = self.current()
        fill(self.lines, [] if row is None else [
            [cell(line.item_name), cell(f"{line.quantity} {line.unit}", number=True),
             cell(line.received_qty, number=True), cell(money(line.unit_cost_cents), number=True)]
            for line in row.lines])
        self.lines_title.setText(self.tr("Choose a purchase request") if row is None else self.tr(
            "#{n} · {status}").format(n=row.purchase_id, status=purchase_status_text(row.status)))
        status = row.status if row is not None else None
        self.submit_button.setEnabled(status is PurchaseStatus.DRAFT)
        self.approve_button.setEnabled(status is PurchaseStatus.PENDING_APPROVAL and self.may_approve)
        self.approve_button.setToolTip("" if self.may_approve else self.tr("A supervisor approves purchases."))
        self.order_button.setEnabled(status is PurchaseStatus.APPROVED)
        self.receive_button.setEnabled(status in RECEIVABLE)
        self.cancel_button.setEnabled(status in (PurchaseStatus.DRAFT, PurchaseStatus.PENDING_APPROVAL,
                                                 PurchaseStatus.APPROVED, PurchaseStatus.ORDERED))

    # -- actions ---------------------------------------------------------------------------------------------

    def suggest(self) -> None:
        self.pool.submit(self.gateway.suggest_purchase, on_done=self._suggested, on_error=self._failed)

    def _suggested(self, row: PurchaseRow | None) -> None:
        if row is None:
            self.message.setText(self.tr("Nothing is under its minimum: nothing to suggest."))
            return
        self.message.setText(self.tr("Suggested from low stock: %n line(s).", "", len(row.lines)))
        self._changed(row)

    def new(self) -> None:
        self.pool.submit(self.gateway.items, on_done=self._ask_new, on_error=self._failed)

    def _ask_new(self, items: list[ItemRow]) -> None:
        dialog = PurchaseDialog(self, items)
        answer = dialog.answer() if self.run_dialog(dialog) else None
        dialog.deleteLater()
        if answer is not None:
            lines, purpose, supplier = answer
            self.pool.submit(self.gateway.create_purchase, lines, purpose, supplier, on_done=self._changed,
                             on_error=self._failed)

    def _act(self, action: Callable[[int, int], PurchaseRow]) -> None:
        row = self.current()
        if row is not None:
            self.pool.submit(action, row.purchase_id, row.version, on_done=self._changed, on_error=self._failed)

    def receive(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ReceivePurchaseDialog(self, row)
        lines = dialog.answer() if self.run_dialog(dialog) else []
        dialog.deleteLater()
        if lines:
            self.pool.submit(self.gateway.receive_purchase, row.purchase_id, lines, on_done=self._changed,
                             on_error=self._failed)

    def cancel(self) -> None:
        row = self.current()
        if row is not None and self.confirm(self.tr("Cancel purchase request #{n}?").format(n=row.purchase_id)):
            self._act(self.gateway.cancel_purchase)

    def _changed(self, row: PurchaseRow) -> None:
        self.refresh()
        self.choose(row.purchase_id)

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Purchases"))
        self.count.setText(self.tr("%n purchase request(s)", "", len(self.rows)))
        self.suggest_button.setText(self.tr("Suggest from low stock"))
        self.new_button.setText(self.tr("New purchase request"))
        self.submit_button.setText(self.tr("Submit"))
        self.approve_button.setText(self.tr("Approve"))
        self.order_button.setText(self.tr("Mark ordered"))
        self.receive_button.setText(self.tr("Receive…"))
        self.cancel_button.setText(self.tr("Cancel request"))
        retitle(self.table, LIST)
        retitle(self.lines, LINES)
