"""Requisitions at the desk (created, approved by a supervisor, issued partially against a signature, the
rest turned into a purchase) and a stocktake (counted, a reason required for a variance, posted, its PDF)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    ItemRow,
    RequisitionLineForm,
    RequisitionStatus,
    StocktakeStatus,
)
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.supplies import RequisitionsView, StocktakeView
from kiosk.ui.desk.supplies.requisition_dialogs import IssueDialog, RequisitionDialog
from kiosk.ui.desk.supplies.texts import GAIN, LOSS
from tests.ui.desk.supplies.conftest import ZONE, sign


def requisitions_view(qtbot, gateway: DeskSuppliesGateway, pool: WorkerPool, people: dict[str, int],
                      *, may_approve: bool) -> RequisitionsView:
    view = RequisitionsView(gateway, pool, may_approve=may_approve,
                            find_hosts=lambda text: [(people["张伟"], "张伟", "销售部")] if "张" in text else [])
    qtbot.addWidget(view)
    view.start()
    return view


def test_a_new_requisition(qtbot, gateway, pool, people, stock: dict[str, ItemRow]) -> None:
    view = requisitions_view(qtbot, gateway, pool, people, may_approve=False)

    def fill_in(dialog: QDialog) -> bool:
        assert isinstance(dialog, RequisitionDialog)
        dialog.requester.setText("张")
        dialog.look_up()
        dialog.item.setCurrentIndex(dialog.item.findData(stock["paper"].item_id))
        dialog.quantity.setValue(2)
        dialog.add_line()
        return True

    view.run_dialog = fill_in
    view.new_button.click()
    assert view.table.rowCount() == 1
    view.table.selectRow(0)
    row = view.current()
    assert row is not None and row.status is RequisitionStatus.PENDING_APPROVAL and row.department == "销售部"
    assert not view.approve_button.isEnabled()  # a receptionist: a supervisor approves
    assert "supervisor" in view.approve_button.toolTip()


def test_approved_by_a_supervisor_then_issued_partially(qtbot, gateway, supervisor, pool, people, stock) -> None:
    made = gateway.create_requisition(people["张伟"], [RequisitionLineForm(stock["paper"].item_id, 5),
                                                       RequisitionLineForm(stock["pens"].item_id, 4)], "展会")
    view = requisitions_view(qtbot, supervisor, pool, people, may_approve=True)
    view.choose(made.requisition_id)
    assert view.approve_button.isEnabled()
    view.approve_button.click()
    assert view.current().status is RequisitionStatus.APPROVED
    assert view.issue_button.isEnabled()

    def issue(dialog: QDialog) -> bool:
        assert isinstance(dialog, IssueDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        assert sorted(box.value() for box in dialog.quantities.values()) == [3, 4]  # min(open, on hand)
        assert not dialog.ok_button.isEnabled()  # no signature yet
        dialog.notes[made.lines[0].line_id].setText("包装破损")
        sign(dialog.pad)
        assert dialog.ok_button.isEnabled()
        dialog.hide()
        return True

    view.run_dialog = issue
    view.issue_button.click()
    assert view.short.isVisibleTo(view)
    assert "3 of 5 on hand" in view.short.text()
    row = view.current()
    assert row is not None and row.status is RequisitionStatus.PARTIALLY_ISSUED
    paper = next(line for line in row.lines if line.item_id == stock["paper"].item_id)
    assert (paper.issued_qty, paper.open_qty, paper.quality_note) == (3, 2, "包装破损")
    assert view.purchase_button.isEnabled() and view.cancel_rest_button.isEnabled()
    view.purchase_button.click()
    assert view.last_purchase is not None
    assert [(line.item_name, line.quantity) for line in view.last_purchase.lines] == [("A4 复印纸", 2)]


def test_stocktake_count_reason_and_post(qtbot, gateway, pool, stock, tmp_path: Path) -> None:
    view = StocktakeView(gateway, pool, zone=ZONE, now=lambda: datetime.now(UTC))
    qtbot.addWidget(view)
    view.start()
    view.choose_items = lambda items: [stock["pens"].item_id, stock["paper"].item_id]
    view.fast_button.click()
    assert view.take is not None and len(view.take.lines) == 2
    view.jump("6901234567892")  # the pens' barcode, as a scanner types it
    assert view.take.lines[view.table.currentRow()].item_id == stock["pens"].item_id
    view.counted.setValue(38)
    assert not view.save_button.isEnabled()  # a variance needs its reason
    view.reason.setText("损耗")
    view.save_button.click()
    pens_row = view.table.currentRow()
    assert view.table.item(pens_row, 5).background().color() == QColor(LOSS[1])
    view.jump("A4")
    view.counted.setValue(4)
    view.reason.setText("盘点多出")
    view.save_button.click()
    assert view.table.item(view.table.currentRow(), 5).foreground().color() == QColor(GAIN[0])

    target = tmp_path / "sheet.pdf"
    view.choose_pdf_path = lambda name: str(target)
    view.pdf_button.click()
    assert target.read_bytes().startswith(b"%PDF")

    view.confirm = lambda text: True
    view.post_button.click()
    assert view.take is not None and view.take.status is StocktakeStatus.POSTED
    assert gateway.items("中性笔")[0].on_hand == 38
    assert gateway.items("A4")[0].on_hand == 4
