"""Requisitions: new (a host for their department, lines), the list by status with its age, the chosen one's
lines (asked, issued, open, on hand); approve or decline (a supervisor), issue against a signature, partially
when stock is short ("short: X of Y on hand"), then cancel the rest or turn it into a purchase request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    ItemRow,
    PurchaseRow,
    RequisitionRow,
    RequisitionStatus,
    StockShort,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.dialogs import ask_reason, ask_to_confirm
from kiosk.ui.desk.filters import COMBO_STYLE, combo, header_row
from kiosk.ui.desk.supplies.requisition_dialogs import HostFinder, IssueDialog, RequisitionDialog
from kiosk.ui.desk.supplies.texts import (
    LOW,
    STYLE,
    cell,
    fill,
    grid,
    key_at,
    problem_text,
    requisition_status_text,
    retitle,
    translate,
)
from kiosk.ui.desk.widgets import button, label

OPEN = frozenset({RequisitionStatus.PENDING_APPROVAL, RequisitionStatus.APPROVED, RequisitionStatus.PARTIALLY_ISSUED})
LIST = [
    lambda: translate("DeskSupplies", "No."), lambda: translate("DeskSupplies", "Requester"),
    lambda: translate("DeskSupplies", "Department"), lambda: translate("DeskSupplies", "Status"),
    lambda: translate("DeskSupplies", "Age"), lambda: translate("DeskSupplies", "Purpose"),
]
LINES = [
    lambda: translate("DeskSupplies", "Item"), lambda: translate("DeskSupplies", "Asked"),
    lambda: translate("DeskSupplies", "Issued"), lambda: translate("DeskSupplies", "Open"),
    lambda: translate("DeskSupplies", "On hand"), lambda: translate("DeskSupplies", "Quality note"),
]


def run_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def short_text(shorts: list[StockShort]) -> str:
    return " ".join(translate("DeskSupplies", "Short: {item}, {on_hand} of {asked} on hand.").format(
        item=s.item_name, on_hand=s.on_hand, asked=s.asked) for s in shorts)


class RequisitionsView(QWidget):
    """Replaceable: ``run_dialog(dialog) -> bool`` (the new requisition and Issue dialogs), ``confirm(text)
    -> bool``, ``ask_reason() -> str | None`` (declining)."""

    def __init__(self, gateway: DeskSuppliesGateway, pool: WorkerPool, *, may_approve: bool,
                 find_hosts: HostFinder) -> None:
        super().__init__()
        self.gateway, self.pool, self.may_approve, self.find_hosts = gateway, pool, may_approve, find_hosts
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE + COMBO_STYLE)
        self.run_dialog: Callable[[QDialog], bool] = run_dialog
        self.confirm: Callable[[str], bool] = lambda text: ask_to_confirm(
            self, self.tr("Requisition"), text, self.tr("Yes"))
        self.ask_reason: Callable[[], str | None] = lambda: ask_reason(
            self, self.tr("Decline the requisition"), self.tr("Why is it declined?"), self.tr("Decline"),
            required=True)
        self.rows: list[RequisitionRow] = []
        self.last_purchase: PurchaseRow | None = None
        self.title = label(role="title")
        self.count = label(role="count")
        self.shown = combo(["open", "all"])
        self.shown.setMinimumWidth(110)
        self.shown.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = button("", "primary")
        self.new_button.clicked.connect(self.new)
        top = header_row(self.title, self.count, actions=(self.shown, self.new_button))
        self.table = grid(LIST)
        self.table.currentCellChanged.connect(lambda _r, _c, _pr, _pc: self._show_lines())
        self.lines_title = label(role="section")
        self.lines = grid(LINES)
        self.approve_button, self.decline_button, self.issue_button = button("", "primary"), button(""), button(
            "", "primary")
        self.cancel_rest_button, self.purchase_button = button(""), button("")
        self.approve_button.clicked.connect(self.approve)
        self.decline_button.clicked.connect(self.decline)
        self.issue_button.clicked.connect(self.issue)
        self.cancel_rest_button.clicked.connect(self.cancel_rest)
        self.purchase_button.clicked.connect(self.purchase_rest)
        self.short = label(role="short")
        self.short.setWordWrap(True)
        self.short.hide()
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for widget in (self.approve_button, self.decline_button, self.issue_button, self.cancel_rest_button,
                       self.purchase_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.lines_title)
        side.addWidget(self.lines, 1)
        side.addWidget(self.short)
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
        statuses = OPEN if self.shown.currentData() == "open" else frozenset()
        self.pool.submit(self.gateway.requisitions, statuses, on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[RequisitionRow]) -> None:
        chosen = self.current()
        self.rows = rows
        fill(self.table, [[cell(f"#{r.requisition_id}", key=r.requisition_id), cell(r.requester), cell(r.department),
                           cell(requisition_status_text(r.status)),
                           cell(self.tr("%n day(s)", "", r.age_days), number=True,
                                colours=LOW if r.age_days >= 7 and r.status in OPEN else None),
                           cell(r.purpose)] for r in rows])
        again = next((i for i, r in enumerate(rows) if chosen and r.requisition_id == chosen.requisition_id), None)
        if again is not None:
            self.table.selectRow(again)
        self.retranslate()
        self._show_lines()

    def current(self) -> RequisitionRow | None:
        key = key_at(self.table, self.table.currentRow())
        return next((r for r in self.rows if r.requisition_id == key), None)

    def choose(self, requisition_id: int) -> None:
        row = next((i for i, r in enumerate(self.rows) if r.requisition_id == requisition_id), None)
        if row is not None:
            self.table.selectRow(row)

    def _show_lines(self) -> None:
        row = self.current()
        fill(self.lines, [] if row is None else [
            [cell(f"{line.item_name} {line.specification}".strip()), cell(line.quantity, number=True),
             cell(line.issued_qty, number=True), cell(line.open_qty, number=True),
             cell(line.on_hand, number=True, colours=LOW if line.on_hand < line.open_qty else None),
             cell(line.quality_note)] for line in row.lines])
        self.lines_title.setText(self.tr("Choose a requisition") if row is None else self.tr(
            "#{n} · {requester} · {department}").format(n=row.requisition_id, requester=row.requester,
                                                        department=row.department))
        status = row.status if row is not None else None
        open_rest = row is not None and any(line.open_qty > 0 for line in row.lines)
        pending = status is RequisitionStatus.PENDING_APPROVAL
        self.approve_button.setEnabled(pending and self.may_approve)
        self.decline_button.setEnabled(pending and self.may_approve)
        tip = "" if self.may_approve else self.tr("A supervisor approves requisitions.")
        self.approve_button.setToolTip(tip)
        self.decline_button.setToolTip(tip)
        issuable = status in (RequisitionStatus.APPROVED, RequisitionStatus.PARTIALLY_ISSUED)
        self.issue_button.setEnabled(issuable and open_rest)
        self.cancel_rest_button.setEnabled(status is RequisitionStatus.PARTIALLY_ISSUED and open_rest)
        self.purchase_button.setEnabled(status is RequisitionStatus.PARTIALLY_ISSUED and open_rest)

    # -- actions ---------------------------------------------------------------------------------------------

    def new(self) -> None:
        self.pool.submit(self.gateway.items, on_done=self._ask_new, on_error=self._failed)

    def _ask_new(self, items: list[ItemRow]) -> None:
        dialog = RequisitionDialog(self, items, self.find_hosts, self.pool)
        answer = dialog.answer() if self.run_dialog(dialog) else None
        dialog.deleteLater()
        if answer is not None:
            host_id, lines, purpose = answer
            self.pool.submit(self.gateway.create_requisition, host_id, lines, purpose, on_done=self._changed,
                             on_error=self._failed)

    def approve(self) -> None:
        row = self.current()
        if row is not None:
            self.pool.submit(self.gateway.approve_requisition, row.requisition_id, row.version,
                             on_done=self._changed, on_error=self._failed)

    def decline(self) -> None:
        row = self.current()
        reason = self.ask_reason() if row is not None else None
        if row is not None and reason:
            self.pool.submit(self.gateway.decline_requisition, row.requisition_id, row.version, reason,
                             on_done=self._changed, on_error=self._failed)

    def issue(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = IssueDialog(self, row)
        answer = dialog.answer() if self.run_dialog(dialog) else None
        dialog.deleteLater()
        if answer is not None:
            lines, receiver, png = answer
            self.pool.submit(self.gateway.issue, row.requisition_id, lines, receiver, png,
                             on_done=lambda answer: self._issued(answer, row), on_error=self._failed)

    def _issued(self, answer: tuple[RequisitionRow, list[StockShort]], before: RequisitionRow) -> None:
        row, shorts = answer
        if not shorts:  # what was asked beyond the shelf, as it stood when the dialog opened
            shorts = [StockShort(line.item_id, line.item_name, line.open_qty, line.on_hand) for line in before.lines
                      if line.open_qty > line.on_hand]
        self.short.setVisible(bool(shorts))
        self.short.setText(short_text(shorts) + " " + self.tr(
            "The rest stays open: cancel it, or turn it into a purchase request.") if shorts else "")
        self.message.setText(self.tr("Issued to {name}.").format(name=row.requester))
        self._changed(row)

    def cancel_rest(self) -> None:
        row = self.current()
        if row is not None and self.confirm(self.tr("Cancel what is still open on #{n}?").format(
                n=row.requisition_id)):
            self.pool.submit(self.gateway.cancel_rest, row.requisition_id, None, on_done=self._changed,
                             on_error=self._failed)

    def purchase_rest(self) -> None:
        row = self.current()
        if row is not None:
            self.pool.submit(self.gateway.purchase_for_shortfall, row.requisition_id, on_done=self._purchased,
                             on_error=self._failed)

    def _purchased(self, purchase: PurchaseRow) -> None:
        self.last_purchase = purchase
        self.short.hide()
        self.message.setText(self.tr("Purchase request #{n} drafted for what is still open.").format(
            n=purchase.purchase_id))
        self.refresh()

    def _changed(self, row: RequisitionRow) -> None:
        self.refresh()
        self.choose(row.requisition_id)

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Requisitions"))
        self.count.setText(self.tr("%n requisition(s)", "", len(self.rows)))
        self.shown.setItemText(0, self.tr("Open"))
        self.shown.setItemText(1, self.tr("All"))
        self.new_button.setText(self.tr("New requisition"))
        self.approve_button.setText(self.tr("Approve"))
        self.decline_button.setText(self.tr("Decline"))
        self.issue_button.setText(self.tr("Issue…"))
        self.cancel_rest_button.setText(self.tr("Cancel the rest"))
        self.purchase_button.setText(self.tr("Purchase the rest"))
        retitle(self.table, LIST)
        retitle(self.lines, LINES)
