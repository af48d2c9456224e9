"""The supply reports with the clock: consumption per department and site-local month (issued less
returned), stock value at moving average, slow movers, open requisitions by age; CSV and XLSX contents."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kiosk.domain.supplies import MovementKind, RequisitionStatus
from kiosk.models.org import Department
from kiosk.models.supplies import Requisition, RequisitionLine, SupplyItem
from kiosk.services.errors import ValidationFailed
from kiosk.services.supplies import ledger, reports
from kiosk.services.supplies.reports import SupplyReport
from tests.factories import SITE, add_host


def _item(db, name: str, unit: str = "支", cost: int = 150, spec: str = "") -> int:
    with db.unit_of_work("test") as uow:
        item = SupplyItem(name=name, specification=spec, unit=unit, unit_cost_cents=cost, location="A-1",
                          created_at=uow.now(), updated_at=uow.now())
        uow.session.add(item)
        uow.session.flush()
        uow.commit()
        return item.id


def _post(db, item_id: int, kind: MovementKind, quantity: int, department: str | None = None,
          cost: int | None = None) -> None:
    with db.unit_of_work("staff:amy") as uow:
        department_id = None if department is None else uow.session.scalar(
            select(Department.id).where(Department.name == department))
        ledger.post(uow, item_id, kind, quantity, department_id=department_id, unit_cost_cents=cost)
        uow.commit()


@pytest.fixture
def cupboard(database, clock):
    """Pens and paper received in June, issued to Sales and R&D across the end of June (site-local)."""
    sales = add_host(database, name="张伟", email="zhang.wei@example.com", department="Sales")
    add_host(database, name="李娜", email="li.na@example.com", department="R&D")
    pens = _item(database, "签字笔", spec="0.5 mm")
    paper = _item(database, "A4 纸", unit="包", cost=2000)
    stapler = _item(database, "订书机", unit="个", cost=1500)
    _item(database, "回形针", unit="盒")  # never in stock: no line anywhere but the stock value
    _post(database, pens, MovementKind.RECEIVED, 100, cost=150)
    _post(database, paper, MovementKind.RECEIVED, 10, cost=2000)
    _post(database, paper, MovementKind.RECEIVED, 10, cost=3000)
    _post(database, stapler, MovementKind.RECEIVED, 4)
    _post(database, stapler, MovementKind.ISSUED, -1, "R&D")  # 15 June
    _post(database, pens, MovementKind.ISSUED, -10, "Sales")
    _post(database, pens, MovementKind.RETURNED, 2, "Sales")
    clock.set(datetime(2026, 6, 30, 15, 59, tzinfo=UTC))  # 23:59 on 30 June in Shanghai: June
    _post(database, pens, MovementKind.ISSUED, -3, "Sales")
    clock.set(datetime(2026, 6, 30, 16, 0, tzinfo=UTC))  # 00:00 on 1 July in Shanghai: July
    _post(database, pens, MovementKind.ISSUED, -5, "R&D")
    return {"pens": pens, "paper": paper, "stapler": stapler, "sales_host": sales.id}


def test_consumption_per_department_per_site_local_month(database, cupboard) -> None:
    with database.unit_of_work(write=False) as uow:
        lines = reports.consumption(uow, SITE, date(2026, 6, 1), date(2026, 7, 1))
        only_july = reports.consumption(uow, SITE, date(2026, 7, 1), date(2026, 7, 1))
        with pytest.raises(ValidationFailed, match="before the first month"):
            reports.consumption(uow, SITE, date(2026, 7, 1), date(2026, 6, 1))
    assert [(c.month, c.department, c.item_name, c.unit, c.quantity, c.value_cents) for c in lines] == [
        (date(2026, 6, 1), "R&D", "订书机", "个", 1, 1500),
        (date(2026, 6, 1), "Sales", "签字笔 0.5 mm", "支", 11, 1650),  # 10 + 3 issued, 2 returned
        (date(2026, 7, 1), "R&D", "签字笔 0.5 mm", "支", 5, 750),
    ]
    assert [(c.department, c.quantity) for c in only_july] == [("R&D", 5)]


def test_stock_value_at_moving_average(database, cupboard) -> None:
    with database.unit_of_work(write=False) as uow:
        value = reports.stock_value(uow)
    by_item = {line.item_id: (line.on_hand, line.average_cost_cents, line.value_cents) for line in value.lines}
    assert by_item[cupboard["pens"]] == (84, 150, 12600)
    assert by_item[cupboard["paper"]] == (20, 2500, 50000)
    assert by_item[cupboard["stapler"]] == (3, 1500, 4500)
    assert value.total_cents == 12600 + 50000 + 4500
    assert len(value.lines) == 4  # the empty item is listed at 0


def test_slow_movers_are_items_in_stock_not_issued_for_n_days(database, cupboard, clock) -> None:
    clock.set(datetime(2026, 7, 20, 1, 0, tzinfo=UTC))
    with database.unit_of_work(write=False) as uow:
        slow = reports.slow_movers(uow, 30)
        everything = reports.slow_movers(uow, 10)
    # Paper never issued comes first; the stapler last went out on 15 June (35 days); pens on 1 July.
    assert [(m.item_id, m.days_since_issue) for m in slow] == [(cupboard["paper"], None), (cupboard["stapler"], 35)]
    assert slow[1].last_issued_at == datetime(2026, 6, 15, 1, 0, tzinfo=UTC)
    assert [m.item_id for m in everything] == [cupboard["paper"], cupboard["stapler"], cupboard["pens"]]


def _requisition(db, host_id: int, status: RequisitionStatus, created: datetime, item_id: int, quantity: int,
                 issued: int = 0) -> int:
    with db.unit_of_work("test") as uow:
        from kiosk.services.directory.sites import get_site

        department_id = uow.session.scalar(select(Department.id).where(Department.name == "Sales"))
        req = Requisition(site_id=get_site(uow, SITE).id, status=status, requester_host_id=host_id,
                          department_id=department_id, purpose="会议", created_at=created, created_by="test")
        uow.session.add(req)
        uow.session.flush()
        uow.session.add(RequisitionLine(requisition_id=req.id, item_id=item_id, quantity=quantity, issued_qty=issued))
        uow.commit()
        return req.id


def test_open_requisitions_by_age(database, cupboard, clock) -> None:
    host = cupboard["sales_host"]
    old = _requisition(database, host, RequisitionStatus.PARTIALLY_ISSUED, datetime(2026, 6, 15, 1, tzinfo=UTC),
                       cupboard["pens"], 5, issued=2)
    recent = _requisition(database, host, RequisitionStatus.PENDING_APPROVAL, datetime(2026, 7, 18, 8, tzinfo=UTC),
                          cupboard["paper"], 2)
    _requisition(database, host, RequisitionStatus.ISSUED, datetime(2026, 6, 1, 1, tzinfo=UTC), cupboard["pens"], 1,
                 issued=1)
    clock.set(datetime(2026, 7, 20, 1, 0, tzinfo=UTC))
    with database.unit_of_work(write=False) as uow:
        lines = reports.open_requisitions(uow, SITE)
    assert [(r.requisition_id, r.age_days, r.age_band, r.open_qty, r.requester, r.department) for r in lines] == [
        (old, 35, "over 30 days", 3, "张伟", "Sales"),
        (recent, 2, "0-2 days", 2, "张伟", "Sales"),
    ]


def test_reports_to_csv_and_xlsx(database, cupboard, clock, tmp_path) -> None:
    clock.set(datetime(2026, 7, 20, 1, 0, tzinfo=UTC))
    with database.unit_of_work(write=False) as uow:
        written = reports.export_report(uow, SITE, "consumption", tmp_path / "c.csv", month_from=date(2026, 6, 1),
                                        month_to=date(2026, 7, 1))
        assert written == 3
        reports.export_report(uow, SITE, SupplyReport.STOCK_VALUE, tmp_path / "v.xlsx")
        assert reports.export_report(uow, SITE, "slow_movers", tmp_path / "s.csv", slow_days=30) == 2
        assert reports.export_report(uow, SITE, "open_requisitions", tmp_path / "o.xlsx") == 0
        with pytest.raises(ValidationFailed, match=r"not a \.csv or \.xlsx"):
            reports.export_report(uow, SITE, "consumption", tmp_path / "c.pdf")
        with pytest.raises(ValidationFailed, match="not one of"):
            reports.export_report(uow, SITE, "everything", tmp_path / "e.csv")
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [
        ["month", "department", "item", "unit", "quantity", "value (yuan)"],
        ["2026-06", "R&D", "订书机", "个", "1", "15.00"],
        ["2026-06", "Sales", "签字笔 0.5 mm", "支", "11", "16.50"],
        ["2026-07", "R&D", "签字笔 0.5 mm", "支", "5", "7.50"],
        ["total", "", "", "", "17", "39.00"],
    ]
    sheet = load_workbook(tmp_path / "v.xlsx").active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][:2] == ["id", "item"] and values[0][-1] == "value (yuan)"
    assert values[-1][0] == "total" and Decimal(str(values[-1][-1])) == Decimal("671.00")
    assert (tmp_path / "v.xlsx").stat().st_mode & 0o777 == 0o600
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as file:
        slow = list(csv.reader(file))
    assert [row[1] for row in slow[1:]] == ["A4 纸", "订书机"]
    assert slow[1][-2:] == ["", "never"] and slow[2][-2:] == ["2026-06-15 09:00", "35"]
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.part"))


def test_typed_text_is_inert_in_csv(database, tmp_path) -> None:
    item = _item(database, "=HYPERLINK(\"x\")")
    _post(database, item, MovementKind.RECEIVED, 1)
    with database.unit_of_work(write=False) as uow:
        reports.export_report(uow, SITE, "stock_value", tmp_path / "v.csv")
        reports.export_report(uow, SITE, "stock_value", tmp_path / "v.xlsx")
    with open(tmp_path / "v.csv", encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file))[1][1] == "'=HYPERLINK(\"x\")"
    cell = load_workbook(tmp_path / "v.xlsx").active["B2"]
    assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s"
