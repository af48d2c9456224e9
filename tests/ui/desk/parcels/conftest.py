"""The parcel views on the test database through the real gateway, the worker pool run inline."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway, ParcelForm, RecipientChoice, RecipientKind
from kiosk.db import Database
from kiosk.ui.common.signature_pad import SignaturePad
from tests.factories import SITE, add_host

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def gateway(database: Database) -> DeskParcelsGateway:
    return DeskParcelsGateway(database, SITE, actor="staff:amy")


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    zhang = add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部")
    li = add_host(database, name="李娜", email="li.na@example.com", department="研发部")
    return {"张伟": zhang.id, "李娜": li.id}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return tmp_path / "drafts" / "parcel-receive.json"


def host(gateway: DeskParcelsGateway, name: str) -> RecipientChoice:
    return next(c for c in gateway.find_recipients(name) if c.kind is RecipientKind.HOST and c.name == name)


def receive(gateway: DeskParcelsGateway, tracking: str, name: str, **fields: object):
    return gateway.receive(ParcelForm(tracking_no=tracking, carrier_code="SF", recipient=host(gateway, name),
                                      **fields))  # type: ignore[arg-type]


def photo_bytes() -> bytes:
    """A small real JPEG (a grey square)."""
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#889099"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    buffer.close()
    return bytes(data.data())


def sign(pad: SignaturePad) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 60))
    for x in range(50, 260, 20):
        QTest.mouseMove(pad, QPoint(x, 60 + (x % 40)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(260, 80))
