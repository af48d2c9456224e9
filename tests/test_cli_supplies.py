"""``kioskctl supplies ...`` through the real ``main()`` (SQLite, and PostgreSQL when configured): items
added and imported, stock received, balances and history as tables and JSON, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_harness import kioskctl_runner, one_line_error, write_config


@pytest.fixture
def kioskctl(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(write_config(tmp_path, db_url, monkeypatch), capsys)


def test_add_receive_list_balance_and_history(kioskctl) -> None:
    added = kioskctl("supplies", "items", "add", "--name", "签字笔", "--spec", "0.5mm 黑", "--unit", "支",
                     "--category", "书写工具", "--location", "A柜-1", "--barcode", "6901234567890", "--min", "10",
                     "--reorder", "50", "--cost", "1.50", "--json")
    assert added.code == 0, added.err
    pens = added.json()
    assert (pens["on_hand"], pens["below_minimum"], pens["to_purchase"], pens["unit_cost_cents"]) == (0, True, 50, 150)
    paper = kioskctl("supplies", "items", "add", "--name", "复印纸", "--unit", "包", "--min", "2", "--json").json()
    assert paper["reorder_qty"] == 2  # no --reorder: up to the minimum

    ran = kioskctl("supplies", "receive", "--item", str(pens["item_id"]), "--qty", "5", "--cost", "1.20",
                   "--reason", "bought at the shop")
    assert ran.code == 0 and ran.out.strip() == (
        f"item {pens['item_id']} 签字笔 0.5mm 黑: 5 received; 5 支 on hand, under the minimum of 10: buy 45")
    kioskctl("supplies", "receive", "--item", str(paper["item_id"]), "--qty", "3")

    listed = kioskctl("supplies", "items", "list", "--low", "--json").json()
    assert [(r["name"], r["on_hand"], r["to_purchase"]) for r in listed] == [("签字笔", 5, 45)]
    table = kioskctl("supplies", "items", "list", "--search", "6901234567890").out
    assert "签字笔" in table and "LOW" in table and "复印纸" not in table
    assert kioskctl("supplies", "items", "list", "--search", "nothing").out.strip() == "no item matches"

    balance = kioskctl("supplies", "balance", "--json").json()
    assert balance["total_value_cents"] == 600
    assert [(i["name"], i["on_hand"], i["min_qty"], i["to_purchase"], i["value_cents"]) for i in balance["items"]] == [
        ("复印纸", 3, 2, 0, 0), ("签字笔", 5, 10, 45, 600)]
    shown = kioskctl("supplies", "balance").out
    assert "2 item(s), 1 under the minimum; stock value 6.00 yuan" in shown

    moved = kioskctl("supplies", "move", "--item", str(pens["item_id"]), "--to", "B柜-2", "--json").json()
    assert moved["location"] == "B柜-2"
    kioskctl("supplies", "return", "--item", str(pens["item_id"]), "--qty", "1", "--reason", "unused")
    history = kioskctl("supplies", "history", "--item", str(pens["item_id"]), "--json").json()
    assert [(m["kind"], m["quantity"], m["balance_after"]) for m in history] == [
        ("returned", 1, 6), ("moved", 0, 5), ("received", 5, 5)]
    assert history[2]["reason"] == "bought at the shop" and history[2]["actor"].startswith("cli:")
    text = kioskctl("supplies", "history", "--item", str(pens["item_id"]), "--limit", "1").out
    assert "returned" in text and "received" not in text


def test_import_prints_the_count_and_each_refused_row(kioskctl, tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    path.write_bytes("名称,规格,单位,最低库存,补货至,单价\n签字笔,0.5mm,支,10,50,1.5\n订书钉,,盒,x,,\n".encode("gbk"))
    ran = kioskctl("supplies", "items", "import", str(path))
    assert ran.code == 1 and ran.out.strip() == "1 item(s) added or updated"
    assert ran.err.strip().splitlines() == [
        "line 3 (订书钉): min 'x' is not a whole number",
        "error: 1 row(s) not imported; fix them and import the file again"]
    path.write_text("name,unit\nRuler,pcs\n", encoding="utf-8")
    assert kioskctl("supplies", "items", "import", str(path), "--json").json() == {"saved": 1, "refused": []}
    assert [r["name"] for r in kioskctl("supplies", "items", "list", "--json").json()] == ["Ruler", "签字笔"]


def test_user_errors_are_one_line(kioskctl, tmp_path: Path) -> None:
    one_line_error(kioskctl("supplies", "receive", "--item", "99", "--qty", "1"), "no supply item 99")
    one_line_error(kioskctl("supplies", "items", "import", str(tmp_path / "none.csv")), "no such file")
    kioskctl("supplies", "items", "add", "--name", "签字笔", "--unit", "支")
    one_line_error(kioskctl("supplies", "items", "add", "--name", "签字笔", "--unit", "支"), "签字笔 is already item 1")
    one_line_error(kioskctl("supplies", "items", "add", "--name", "铅笔", "--unit", "支", "--cost", "abc"),
                   "--cost 'abc' is not an amount")
    one_line_error(kioskctl("supplies", "items", "add", "--name", "铅笔", "--unit", "支", "--min", "10",
                            "--reorder", "5"), "below the minimum")
    one_line_error(kioskctl("supplies", "move", "--item", "1", "--to", ""), "location is required")
    assert kioskctl("supplies", "receive", "--item", "1", "--qty", "0").code == 2  # a usage error: argparse's
    assert kioskctl("supplies", "history", "--item", "1").out.strip() == "no movements yet"
