"""Purchase requests: suggested from the items under minimum, written by hand, approved by a supervisor,
ordered, received (partially when a delivery is short) into stock at the line's cost (moving average)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    PurchaseLineForm,
    PurchaseStatus,
    ReceiptLine,
)
from kiosk.domain.security import StaffRole
from kiosk.domain.supplies import DocumentKind
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.services.errors import Conflict, PolicyRefusal, ValidationFailed
from tests.services.supplies.requisition_data import item, on_hand


def desk(db, role: StaffRole = StaffRole.SUPERVISOR) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(db, "HQ", actor="staff:amy", role=role)


def test_suggest_buys_up_to_the_reorder_level_at_the_last_price(database) -> None:
    assert desk(database).suggest_purchase() is None
    low = item(database, on_hand=4, cost=120)  # minimum 10, reorder level 50
    item(database, "笔记本", on_hand=30, cost=500)  # not low
    gone = item(database, "胶棒", on_hand=0, cost=300)
    with database.unit_of_work("test") as uow:
        uow.session.get(SupplyItem, item(database, "旧墨盒", on_hand=0)).active = False  # inactive: never bought
        uow.commit()
    row = desk(database).suggest_purchase()
    assert row is not None and row.status is PurchaseStatus.DRAFT
    assert sorted((ln.item_id, ln.quantity, ln.unit_cost_cents) for ln in row.lines) == [
        (low, 46, 120), (gone, 50, 300)]
    assert row.total_cents == 46 * 120 + 50 * 300


def test_approve_order_and_receive_partially_at_cost(database) -> None:
    pens = item(database, on_hand=10, cost=100)  # value 1000
    row = desk(database, StaffRole.RECEPTIONIST).create_purchase([PurchaseLineForm(pens, 30, 200)], "Q3", "晨光")
    with pytest.raises(PolicyRefusal):
        desk(database, StaffRole.RECEPTIONIST).approve_purchase(row.purchase_id, row.version)
    with pytest.raises(Conflict):
        desk(database).receive_purchase(row.purchase_id, [])  # not approved yet
    row = desk(database).submit_purchase(row.purchase_id, row.version)
    assert row.status is PurchaseStatus.PENDING_APPROVAL
    row = desk(database).approve_purchase(row.purchase_id, row.version)
    assert (row.status, row.approved_by) == (PurchaseStatus.APPROVED, "staff:amy")
    row = desk(database).mark_ordered(row.purchase_id, row.version, "得力")
    assert (row.status, row.supplier) == (PurchaseStatus.ORDERED, "得力")

    line_id = row.lines[0].line_id
    with pytest.raises(ValidationFailed, match="30 支 outstanding; 31 received"):
        desk(database).receive_purchase(row.purchase_id, [ReceiptLine(line_id, 31)])
    row = desk(database).receive_purchase(row.purchase_id, [ReceiptLine(line_id, 10)])
    assert (row.status, row.lines[0].received_qty) == (PurchaseStatus.PARTIALLY_RECEIVED, 10)
    with database.unit_of_work("test", write=False) as uow:
        pen = uow.session.get(SupplyItem, pens)
        assert (pen.on_hand, pen.value_cents, pen.unit_cost_cents) == (20, 1000 + 10 * 200, 200)
        move = uow.session.scalars(select(StockMovement).where(StockMovement.document_kind == DocumentKind.PURCHASE)
                                   ).one()
        assert (move.quantity, move.value_cents, move.document_id) == (10, 2000, row.purchase_id)
    row = desk(database).receive_purchase(row.purchase_id, [ReceiptLine(line_id, 20, 250)])  # dearer this time
    assert row.status is PurchaseStatus.RECEIVED
    assert on_hand(database, pens) == 40
    with database.unit_of_work("test", write=False) as uow:
        assert uow.session.get(SupplyItem, pens).value_cents == 1000 + 2000 + 20 * 250
    with pytest.raises(Conflict):
        desk(database).cancel_purchase(row.purchase_id, row.version)


def test_manual_lines_are_checked_and_take_the_last_price(database) -> None:
    pens = item(database, cost=130)
    with pytest.raises(ValidationFailed):
        desk(database).create_purchase([], "nothing")
    with pytest.raises(ValidationFailed):
        desk(database).create_purchase([PurchaseLineForm(pens, 0)], "zero")
    with pytest.raises(ValidationFailed):
        desk(database).create_purchase([PurchaseLineForm(pens, 1), PurchaseLineForm(pens, 2)], "twice")
    row = desk(database).create_purchase([PurchaseLineForm(pens, 5)], "spare")
    assert (row.lines[0].unit_cost_cents, row.total_cents) == (130, 650)
    with pytest.raises(Conflict):
        desk(database).approve_purchase(row.purchase_id, row.version + 1)
    assert desk(database).cancel_purchase(row.purchase_id, row.version).status is PurchaseStatus.CANCELLED
    assert [r.purchase_id for r in desk(database).purchases(frozenset({PurchaseStatus.CANCELLED}))] == [
        row.purchase_id]
