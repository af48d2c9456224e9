"""Supplies and purchases at the desk: items added and seen, low stock marked and counted, the purchase
suggestion, a delivery received partially, reports exported."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog

from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    ItemForm,
    ItemRow,
    PurchaseStatus,
)
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.supplies import PurchasesView, ReportsView, SuppliesView
from kiosk.ui.desk.supplies.purchase_dialogs import ReceivePurchaseDialog
from kiosk.ui.desk.supplies.texts import LOW
from tests.ui.desk.supplies.conftest import ZONE


def supplies_view(qtbot, gateway: DeskSuppliesGateway, pool: WorkerPool) -> SuppliesView:
    view = SuppliesView(gateway, pool, zone=ZONE)
    qtbot.addWidget(view)
    view.start()
    return view


def test_an_added_item_is_in_the_list(qtbot, gateway, pool) -> None:
    view = supplies_view(qtbot, gateway, pool)
    view.ask_item = lambda row: ItemForm(name="订书钉", unit="盒", specification="24/6", location="B-1", min_qty=2,
                                            reorder_qty=10)
    view.add_button.click()
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert any("订书钉" in name for name in names)
    assert "订书钉" in view.message.text()


def test_low_stock_is_marked_and_counted_at_the_top(qtbot, gateway, pool, stock: dict[str, ItemRow]) -> None:
    view = supplies_view(qtbot, gateway, pool)
    assert view.low_count == 1
    assert "1" in view.low_chip.text()
    row = next(r for r in range(view.table.rowCount()) if "A4" in view.table.item(r, 0).text())
    assert view.table.item(row, 5).foreground().color() == QColor(LOW[0])
    assert view.table.item(row, 7).text() == "17"  # up to the reorder level of 20
    view.low_chip.click()
    assert view.table.rowCount() == 1


def test_receiving_by_hand_shows_in_the_history(qtbot, gateway, pool, stock: dict[str, ItemRow]) -> None:
    view = supplies_view(qtbot, gateway, pool)
    row = next(r for r in range(view.table.rowCount()) if "A4" in view.table.item(r, 0).text())
    view.table.selectRow(row)
    view.ask_receipt = lambda item: (10, 2100, "补货")
    view.receive_button.click()
    assert "13" in view.message.text()
    assert view.history.rowCount() == 2
    assert view.low_count == 0


def test_the_suggestion_and_a_partial_delivery(qtbot, gateway, supervisor, pool, stock) -> None:
    view = PurchasesView(supervisor, pool, may_approve=True)
    qtbot.addWidget(view)
    view.start()
    view.suggest_button.click()
    suggested = view.current()
    assert suggested is not None and suggested.status is PurchaseStatus.DRAFT
    assert [(line.item_name, line.quantity) for line in suggested.lines] == [("A4 复印纸", 17)]
    view.submit_button.click()
    assert view.approve_button.isEnabled()
    view.approve_button.click()
    view.order_button.click()
    assert view.receive_button.isEnabled()

    def deliver_ten(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReceivePurchaseDialog)
        next(iter(dialog.quantities.values())).setValue(10)
        return True

    view.run_dialog = deliver_ten
    view.receive_button.click()
    received = view.current()
    assert received is not None and received.status is PurchaseStatus.PARTIALLY_RECEIVED
    assert received.lines[0].received_qty == 10
    assert gateway.items("A4")[0].on_hand == 13


def test_a_receptionist_sees_approve_disabled(qtbot, gateway, pool, stock) -> None:
    view = PurchasesView(gateway, pool, may_approve=False)
    qtbot.addWidget(view)
    view.start()
    view.suggest_button.click()
    view.submit_button.click()
    assert not view.approve_button.isEnabled()
    assert "supervisor" in view.approve_button.toolTip()


def test_export_writes_a_file(qtbot, gateway, pool, stock, tmp_path: Path) -> None:


    view = ReportsView(gateway, pool, zone=ZONE, now=lambda: datetime.now(UTC))
    qtbot.addWidget(view)
    view.start()
    view.report.setCurrentIndex(view.report.findData("stock_value"))
    assert view.table.rowCount() == 2
    target = tmp_path / "value.csv"
    view.choose_file = lambda name: str(target)
    view.export_button.click()
    assert target.is_file() and target.stat().st_size > 0
    assert view.last_export == 2


def test_a_stopped_reports_view_asks_nothing_when_the_language_changes(qtbot, gateway: DeskSuppliesGateway,
                                                                        pool: WorkerPool) -> None:
    asked: list[str] = []
    real = gateway.stock_value
    gateway.stock_value = lambda: asked.append("stock_value") or real()  # type: ignore[method-assign]
    view = ReportsView(gateway, pool, zone=ZONE, now=lambda: datetime.now(UTC))
    qtbot.addWidget(view)
    view.report.setCurrentIndex(view.report.findData("stock_value"))
    view.start()
    started = len(asked)
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert len(asked) == started + 1  # running: the headings and words again
    view.stop()  # signed out: the desk is going away (its database too)
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert len(asked) == started + 1
