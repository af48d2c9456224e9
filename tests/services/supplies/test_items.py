"""Supply items: add, edit at a version, list with balances and what to buy, import CSV (UTF-8, BOM, GBK)
and XLSX with refused rows named, upsert by barcode else name and specification; stock in, back, moved."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway
from kiosk.domain.supplies import MovementKind
from kiosk.services.errors import Conflict, NotFound, ServiceError, ValidationFailed
from kiosk.services.supplies import items, ledger
from kiosk.services.supplies.records import ItemForm
from tests.conftest import SITE

PENS = ItemForm(name="签字笔", unit="支", specification="0.5mm 黑", category="书写工具", location="A柜-1",
                barcode="6901234567890", min_qty=10, reorder_qty=50, unit_cost_cents=150)


@pytest.fixture
def desk(database) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(database, SITE, actor="staff:amy")


def _issue(database, item_id: int, quantity: int) -> None:
    with database.unit_of_work("staff:amy") as uow:
        ledger.post(uow, item_id, MovementKind.ISSUED, -quantity)
        uow.commit()


def test_an_item_below_its_minimum_is_flagged_with_what_to_buy(desk, database) -> None:
    pens = desk.add_item(PENS)
    assert (pens.on_hand, pens.below_minimum, pens.to_purchase) == (0, True, 50)
    desk.receive_stock(pens.item_id, 30, 120, "opening stock")
    _issue(database, pens.item_id, 25)  # pens: minimum 10, on hand 5
    row = desk.items()[0]
    assert (row.on_hand, row.below_minimum, row.to_purchase, row.value_cents) == (5, True, 45, 600)
    assert [line.to_purchase for line in desk.low_stock()] == [45]
    desk.receive_stock(pens.item_id, 5, None, "")
    row = desk.items()[0]
    assert (row.on_hand, row.below_minimum, row.to_purchase) == (10, False, 0)
    assert desk.low_stock() == []


def test_search_on_name_specification_category_and_barcode(desk) -> None:
    desk.add_item(PENS)
    desk.add_item(ItemForm(name="A4 复印纸", unit="包", specification="70g 500张", category="纸品", min_qty=5,
                           reorder_qty=20))
    desk.add_item(ItemForm(name="Stapler", unit="个", category="Desk", active=False))
    assert [r.name for r in desk.items("复印")] == ["A4 复印纸"]
    assert [r.name for r in desk.items("70g")] == ["A4 复印纸"]
    assert [r.name for r in desk.items("书写")] == ["签字笔"]
    assert [r.name for r in desk.items("456789")] == ["签字笔"]
    assert [r.name for r in desk.items("笔 黑")] == ["签字笔"]
    assert desk.items("50%") == []
    assert [r.name for r in desk.items("stapler", include_inactive=True)] == ["Stapler"]
    assert desk.items("stapler") == []
    assert {r.name for r in desk.items(below_minimum_only=True)} == {"签字笔", "A4 复印纸"}


def test_duplicates_and_bad_fields_are_refused(desk) -> None:
    desk.add_item(PENS)
    with pytest.raises(Conflict, match=r"barcode 6901234567890 is already 签字笔 0\.5mm 黑"):
        desk.add_item(ItemForm(name="铅笔", unit="支", barcode="6901234567890"))
    with pytest.raises(Conflict, match=r"签字笔 0\.5mm 黑 is already item"):
        desk.add_item(ItemForm(name="签字笔", unit="支", specification="0.5mm 黑"))
    with pytest.raises(ValidationFailed) as bad:
        desk.add_item(ItemForm(name="", unit="", min_qty=-1))
    assert set(bad.value.by_field) == {"name", "unit", "min"}
    with pytest.raises(ValidationFailed, match="below the minimum"):
        desk.add_item(ItemForm(name="铅笔", unit="支", min_qty=10, reorder_qty=5))


def test_edit_at_the_version_seen_and_a_new_location_is_a_move_in_the_ledger(desk) -> None:
    pens = desk.add_item(PENS)
    edited = desk.edit_item(pens.item_id, ItemForm(**{**PENS.__dict__, "min_qty": 20, "reorder_qty": 60,
                                                      "location": "B柜-2"}), pens.version)
    assert (edited.min_qty, edited.location, edited.version) == (20, "B柜-2", pens.version + 1)
    with pytest.raises(Conflict) as stale:
        desk.edit_item(pens.item_id, PENS, pens.version)
    assert stale.value.code == "stale_version"
    [moved] = desk.history(pens.item_id)
    assert (moved.kind, moved.quantity, moved.reason) == (MovementKind.MOVED, 0, "location edited")


def test_receive_return_move_and_history_newest_first(desk) -> None:
    pens = desk.add_item(PENS)
    desk.receive_stock(pens.item_id, 20, 100, "bought at the shop")
    desk.return_stock(pens.item_id, 2, "not needed")
    moved = desk.move_stock(pens.item_id, "C柜-3")
    assert (moved.on_hand, moved.location) == (22, "C柜-3")
    lines = desk.history(pens.item_id)
    assert [(m.kind, m.quantity, m.balance_after) for m in lines] == [
        (MovementKind.MOVED, 0, 22), (MovementKind.RETURNED, 2, 22), (MovementKind.RECEIVED, 20, 20)]
    assert lines[0].reason == "A柜-1 → C柜-3" and lines[2].actor == "staff:amy"
    assert len(desk.history(pens.item_id, limit=1)) == 1
    with pytest.raises(Conflict, match="already at C柜-3"):
        desk.move_stock(pens.item_id, "C柜-3")
    with pytest.raises(ValidationFailed):
        desk.receive_stock(pens.item_id, 0, None, "")
    with pytest.raises(NotFound):
        desk.history(999)


# -- import ------------------------------------------------------------------------------------------------------

CSV_ZH = (
    "名称,规格,单位,类别,存放位置,条码,最低库存,补货至,单价\n"
    "签字笔,0.5mm 黑,支,书写工具,A柜-1,6901234567890,10,50,1.50\n"
    "A4 复印纸,70g 500张,包,纸品,B柜-1,,5,20,￥25\n"
    "订书钉,,盒,装订,,,abc,,2\n"
    ",无名,个,,,,,,\n"
    "回形针,,盒,装订,,,3,2,1\n"
    "签字笔,0.5mm 黑,支,书写工具,A柜-1,,12,50,1.50\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_import_in_chinese_headers_any_encoding_names_each_refused_row(desk, tmp_path, encoding) -> None:
    path = tmp_path / "items.csv"
    path.write_bytes(CSV_ZH.encode(encoding))
    saved, problems = desk.import_items(path)
    assert saved == 2
    assert problems == [
        "line 4 (订书钉): min 'abc' is not a whole number",
        "line 5 (无名): name is required",
        "line 6 (回形针): the reorder level (2) is below the minimum (3)",
        "line 7 (签字笔 0.5mm 黑): the same item as line 2",
    ]
    by_name = {r.name: r for r in desk.items()}
    assert by_name["签字笔"].unit_cost_cents == 150 and by_name["签字笔"].barcode == "6901234567890"
    assert (by_name["A4 复印纸"].unit_cost_cents, by_name["A4 复印纸"].location) == (2500, "B柜-1")


def test_import_upserts_by_barcode_else_name_and_specification(desk, tmp_path) -> None:
    pens = desk.add_item(PENS)
    paper = desk.add_item(ItemForm(name="A4 复印纸", unit="包", specification="70g", min_qty=5, reorder_qty=20))
    desk.receive_stock(pens.item_id, 8, None, "")
    path = tmp_path / "items.csv"
    path.write_text("name,specification,unit,barcode,min,reorder,unit_cost\n"
                    "Gel pen,0.5mm black,pcs,6901234567890,12,60,\n"  # the barcode's item, renamed
                    "A4 复印纸,70g,包,,,30,26.5\n"  # by name and specification; blank min kept
                    "Ruler,30cm,pcs,,,,\n", encoding="utf-8")
    assert desk.import_items(path) == (3, [])
    rows = {r.item_id: r for r in desk.items()}
    assert len(rows) == 3
    renamed = rows[pens.item_id]
    assert (renamed.name, renamed.unit, renamed.min_qty, renamed.on_hand, renamed.unit_cost_cents) == (
        "Gel pen", "pcs", 12, 8, 150)
    assert (rows[paper.item_id].min_qty, rows[paper.item_id].reorder_qty, rows[paper.item_id].unit_cost_cents) == (
        5, 30, 2650)
    assert desk.import_items(path) == (3, [])  # again: the same items, nothing added
    assert len(desk.items()) == 3


def test_xlsx_import_with_english_headers_and_numbers_as_cells(desk, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Spec", "Unit", "Category", "Location", "Barcode", "Min", "Reorder", "Unit cost"])
    sheet.append(["便利贴", "76×76 黄", "本", "纸品", "A柜-2", 6901234500011, 10, 40, 3.2])
    sheet.append(["白板笔", "红", "支", "书写工具", "A柜-1", None, 5.0, 20, 0.1 + 0.2])
    sheet.append(["胶水", None, "瓶", None, None, None, -1, None, None])
    path = tmp_path / "items.xlsx"
    book.save(path)
    saved, problems = desk.import_items(path)
    assert (saved, problems) == (2, ["line 4 (胶水): min '-1' is not a whole number"])
    by_name = {r.name: r for r in desk.items()}
    assert by_name["便利贴"].barcode == "6901234500011" and by_name["便利贴"].unit_cost_cents == 320
    assert (by_name["白板笔"].min_qty, by_name["白板笔"].unit_cost_cents) == (5, 30)


def test_an_unusable_file_is_refused_whole(desk, tmp_path) -> None:
    path = tmp_path / "items.csv"
    path.write_text("品名,数量\n笔,3\n", encoding="utf-8")
    saved, problems = desk.import_items(path)
    assert saved == 0 and problems == ["missing column(s): 单位/unit; nothing imported"]
    path.write_bytes(b"PK\x03\x04not really a workbook")
    assert desk.import_items(path)[1][0].startswith("the file cannot be read as an Excel workbook")
    with pytest.raises(ServiceError, match="no such file"):
        desk.import_items(tmp_path / "missing.csv")
    assert desk.items() == []


def test_amounts_in_yuan_become_cents() -> None:
    assert [items.yuan_to_cents(t) for t in ("12.50", "¥12.5", "12元", "1,200", ".5", "0.30000000000000004")] == [
        1250, 1250, 1200, 120000, 50, 30]
    for bad in ("12.505", "-1", "abc", ""):
        with pytest.raises(ValidationFailed):
            items.yuan_to_cents(bad)


# -- the ledger through the item services -------------------------------------------------------------------------

_examples = itertools.count()
operations = st.lists(st.tuples(st.sampled_from(["receive", "return", "issue", "move"]),
                                st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=999)),
                      max_size=20)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=operations)
def test_the_sheet_is_the_history_summed_whatever_the_sequence(database, sequence) -> None:
    with database.unit_of_work("staff:amy") as uow:
        item_id = items.add_item(uow, ItemForm(name="签字笔", unit="支", specification=f"#{next(_examples)}",
                                               min_qty=10, reorder_qty=50, unit_cost_cents=150)).item_id
    for step, (operation, quantity, cost) in enumerate(sequence):
        try:
            with database.unit_of_work("staff:amy") as uow:
                if operation == "receive":
                    items.receive_stock(uow, item_id, quantity, cost)
                elif operation == "return":
                    items.return_stock(uow, item_id, quantity)
                elif operation == "move":
                    items.move_stock(uow, item_id, f"柜-{step}")
                else:
                    ledger.post(uow, item_id, MovementKind.ISSUED, -quantity)
                    uow.commit()
        except ledger.StockShortError as short:
            assert short.on_hand < short.asked
    with database.unit_of_work(write=False) as uow:
        row = items.item_row(uow, item_id)
        lines = items.history(uow, item_id, limit=100)
    assert row.on_hand == sum(m.quantity for m in lines) >= 0
    assert row.value_cents == sum(m.value_cents for m in lines) >= 0
    balance = 0
    for line in reversed(lines):  # oldest first: each line's balance is the one before plus its quantity
        balance += line.quantity
        assert line.balance_after == balance
    assert row.below_minimum == (row.on_hand < 10)
    assert row.to_purchase == (50 - row.on_hand if row.on_hand < 10 else 0)
