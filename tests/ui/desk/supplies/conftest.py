"""The supply views on the test database through the real gateway, the worker pool run inline."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, ItemForm, ItemRow
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.ui.common.signature_pad import SignaturePad
from tests.factories import SITE, add_host

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def gateway(database: Database) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(database, SITE, actor="staff:amy")


@pytest.fixture
def supervisor(database: Database) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(database, SITE, actor="staff:boss", role=StaffRole.SUPERVISOR)


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    zhang = add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部")
    return {"张伟": zhang.id}


@pytest.fixture
def stock(gateway: DeskSuppliesGateway) -> dict[str, ItemRow]:
    """Pens plenty, paper low (3 on hand, minimum 5)."""
    pens = gateway.add_item(ItemForm(name="中性笔", unit="支", specification="0.5mm 黑", category="书写",
                                     location="A-1", barcode="6901234567892", min_qty=10, reorder_qty=50,
                                     unit_cost_cents=150))
    paper = gateway.add_item(ItemForm(name="A4 复印纸", unit="包", specification="70g 500张", category="纸张",
                                      location="A-2", barcode="6907777000012", min_qty=5, reorder_qty=20,
                                      unit_cost_cents=2200))
    gateway.receive_stock(pens.item_id, 40, None, "opening stock")
    gateway.receive_stock(paper.item_id, 3, None, "opening stock")
    return {"pens": gateway.items("中性笔")[0], "paper": gateway.items("A4")[0]}


def sign(pad: SignaturePad) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 60))
    for x in range(50, 260, 20):
        QTest.mouseMove(pad, QPoint(x, 60 + (x % 40)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(260, 80))
