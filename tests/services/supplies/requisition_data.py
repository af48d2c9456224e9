"""Builders for the requisition and purchase tests: items with stock, a host whose department has a head."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.supplies import MovementKind
from kiosk.models import Department, Host
from kiosk.models.supplies import SupplyItem
from kiosk.services.supplies import ledger
from tests.factories import add_host

HEAD = "head.sales@example.com"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def item(db: Database, name: str = "签字笔", *, on_hand: int = 0, cost: int = 150, min_qty: int = 10,
         reorder_qty: int = 50, barcode: str | None = None, unit: str = "支") -> int:
    with db.unit_of_work("test") as uow:
        row = SupplyItem(name=name, specification="0.5 mm", unit=unit, unit_cost_cents=cost, min_qty=min_qty,
                         reorder_qty=reorder_qty, barcode=barcode, created_at=uow.now(), updated_at=uow.now())
        uow.session.add(row)
        uow.session.flush()
        if on_hand:
            ledger.post(uow, row.id, MovementKind.RECEIVED, on_hand)
        uow.commit()
        return row.id


def requester(db: Database, *, head: str | None = HEAD, email: str = "zhang.wei@example.com") -> int:
    host = add_host(db, email=email, department="Sales")
    with db.unit_of_work("test") as uow:
        department = uow.session.scalar(select(Department).where(Department.name == "Sales"))
        assert department is not None
        department.contact_email = head
        uow.commit()
    return host.id


def on_hand(db: Database, item_id: int) -> int:
    with db.unit_of_work("test", write=False) as uow:
        row = uow.session.get(SupplyItem, item_id)
        assert row is not None
        return row.on_hand


def host_email(db: Database, host_id: int) -> str:
    with db.unit_of_work("test", write=False) as uow:
        return str(uow.session.scalar(select(Host.email).where(Host.id == host_id)))
