"""``kioskctl requisitions ...`` and ``kioskctl purchases ...`` through the real ``main()`` (SQLite, and
PostgreSQL when configured): create → approve → issue partially (a short line stays open) → a purchase for
the rest → order → receive partially, then the rest; one-line errors; the JSON scripts rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_harness import kioskctl_runner, one_line_error, write_config
from tests.services.supplies.requisition_data import PNG, item, on_hand, requester


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch)


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


@pytest.fixture
def signature(tmp_path: Path) -> Path:
    path = tmp_path / "sig.png"
    path.write_bytes(PNG)
    return path


def test_a_requisition_from_creation_to_a_purchase_received(database, kioskctl, signature) -> None:
    pens = item(database, on_hand=3, barcode="6901")
    pads = item(database, "笔记本", on_hand=10, unit="本")
    requester(database)

    created = kioskctl("requisitions", "create", "--requester", "Zhang.Wei@example.com", "--line", "6901=5",
                       "--line", f"{pads}=2", "--purpose", "Q3 kick-off", "--json")
    assert created.code == 0, created.err
    requisition = created.json()
    assert (requisition["status"], requisition["department"]) == ("pending_approval", "Sales")
    rid = str(requisition["requisition_id"])

    one_line_error(kioskctl("requisitions", "issue", rid, "--received-by", "王芳", "--signature", str(signature)),
                   "pending_approval")
    approved = kioskctl("requisitions", "approve", rid)
    assert approved.code == 0 and "approved: requisition" in approved.out and "decided by cli:" in approved.out

    one_line_error(kioskctl("requisitions", "issue", rid, "--line", "6901=6", "--received-by", "王芳",
                            "--signature", str(signature)), "签字笔", "only 5 支 still open")
    issued = kioskctl("requisitions", "issue", rid, "--received-by", "王芳", "--signature", str(signature),
                      "--quality", "6901=all write", "--json")
    assert issued.code == 0, issued.err
    assert "short: only 3 of 签字笔 on hand; 5 asked" in issued.err
    body = issued.json()
    assert body["requisition"]["status"] == "partially_issued"
    assert body["short"] == [{"item_id": pens, "item_name": "签字笔", "asked": 5, "on_hand": 3}]
    assert [(ln["issued_qty"], ln["open_qty"], ln["quality_note"]) for ln in body["requisition"]["lines"]] == [
        (3, 2, "all write"), (2, 0, "")]
    # Nothing left: the next issue names the item and what is on hand.
    one_line_error(kioskctl("requisitions", "issue", rid, "--received-by", "王芳", "--signature", str(signature)),
                   "only 0 支 of 签字笔 on hand; 2 asked")

    drafted = kioskctl("requisitions", "purchase", rid, "--json")
    assert drafted.code == 0, drafted.err
    pid = str(drafted.json()["purchase_id"])
    assert [(ln["item_id"], ln["quantity"]) for ln in drafted.json()["lines"]] == [(pens, 2)]
    assert kioskctl("purchases", "approve", pid).code == 0
    assert kioskctl("purchases", "order", pid, "--supplier", "晨光").code == 0
    partly = kioskctl("purchases", "receive", pid, "--line", "6901=1@2.00", "--json")
    assert partly.code == 0, partly.err
    assert (partly.json()["status"], partly.json()["lines"][0]["received_qty"]) == ("partially_received", 1)
    one_line_error(kioskctl("purchases", "receive", pid, "--line", "6901=5"), "1 支 outstanding")
    rest = kioskctl("purchases", "receive", pid, "--json")
    assert rest.json()["status"] == "received"
    assert on_hand(database, pens) == 2

    listed = kioskctl("requisitions", "list", "--status", "partially_issued", "--json")
    assert [r["requisition_id"] for r in listed.json()] == [int(rid)]
    assert "partially_issued" in kioskctl("requisitions", "list").out
    assert kioskctl("requisitions", "cancel-rest", rid, "--json").json()["status"] == "issued"
    assert kioskctl("requisitions", "show", rid, "--json").json()["lines"][0]["cancelled_qty"] == 2


def test_decline_and_one_line_errors(database, kioskctl, signature) -> None:
    item(database, on_hand=3, barcode="6901")
    requester(database)
    one_line_error(kioskctl("requisitions", "create", "--requester", "nobody@example.com", "--line", "6901=1"),
                   "nobody@example.com")
    one_line_error(kioskctl("requisitions", "create", "--requester", "zhang.wei@example.com", "--line", "999=1"),
                   "999")
    one_line_error(kioskctl("requisitions", "create", "--requester", "zhang.wei@example.com", "--line",
                            "6901=10001"), "quantity")
    assert kioskctl("requisitions", "create", "--requester", "zhang.wei@example.com", "--line", "6901=1").code == 0
    declined = kioskctl("requisitions", "decline", "1", "--note", "over budget", "--json")
    assert declined.json()["status"] == "declined"
    one_line_error(kioskctl("requisitions", "approve", "1"), "declined")
    one_line_error(kioskctl("requisitions", "show", "7"), "no requisition 7")
    one_line_error(kioskctl("requisitions", "issue", "1", "--received-by", "王芳", "--signature", "/nope.png"),
                   "/nope.png")


def test_purchases_suggest_create_list(database, kioskctl) -> None:
    assert kioskctl("purchases", "suggest").out.strip() == "nothing is below its minimum"
    pens = item(database, on_hand=4, barcode="6901", cost=120)  # minimum 10, reorder level 50
    suggested = kioskctl("purchases", "suggest", "--json")
    assert suggested.code == 0, suggested.err
    assert [(ln["item_id"], ln["quantity"], ln["unit_cost_cents"]) for ln in suggested.json()["lines"]] == [
        (pens, 46, 120)]
    created = kioskctl("purchases", "create", "--line", "6901=10@1.50", "--purpose", "spare", "--json")
    assert created.json()["total_cents"] == 1500
    typo = kioskctl("purchases", "create", "--line", "6901=10@1.505", "--purpose", "x")
    assert typo.code == 2 and "the price is in yuan and fen" in typo.err  # a usage error, as argparse says
    table = kioskctl("purchases", "list", "--status", "draft")
    assert "¥15.00" in table.out and "low stock" in table.out
    assert kioskctl("purchases", "cancel", "1", "--json").json()["status"] == "cancelled"
    one_line_error(kioskctl("purchases", "approve", "1"), "cancelled")
