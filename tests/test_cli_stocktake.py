"""``kioskctl stocktake ...`` and ``kioskctl supplies-report ...`` through the real ``main()`` (SQLite, and
PostgreSQL when configured): start → the sheet → count by id and by barcode → post → book equals count;
the fast movers; one-line errors; a report to CSV and XLSX; the JSON shapes scripts rely on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.domain.supplies import MovementKind
from kiosk.models.supplies import SupplyItem
from kiosk.services.directory.sites import ensure_site
from kiosk.services.supplies import ledger
from tests.cli_harness import kioskctl_runner, one_line_error, write_config
from tests.conftest import START
from tests.factories import SITE


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch, '[supplies]\nfast_movers = ["6901", "瓶装水"]\n')


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


@pytest.fixture
def items(db_url: str) -> dict[str, int]:
    database = Database.from_url(db_url, clock=FixedClock(START))
    ids = {}
    with database.unit_of_work("test") as uow:
        ensure_site(uow, SITE, "Test Tower", "Asia/Shanghai")
        for name, barcode, location, on_hand in (("签字笔", "6901", "A-1", 50), ("A4 纸", None, "A-1", 10),
                                                 ("瓶装水", None, "pantry", 24)):
            item = SupplyItem(name=name, unit="支", location=location, barcode=barcode, unit_cost_cents=100,
                              created_at=uow.now(), updated_at=uow.now())
            uow.session.add(item)
            uow.session.flush()
            ledger.post(uow, item.id, MovementKind.RECEIVED, on_hand)
            ids[name] = item.id
        uow.commit()
    database.dispose()
    return ids


def test_start_count_post(kioskctl, items) -> None:
    started = kioskctl("stocktake", "start", "--location", "A-1")
    assert started.code == 0, started.err
    assert "stocktake 1 of A-1, counting" in started.out
    assert "签字笔" in started.out and "A4 纸" in started.out and "瓶装水" not in started.out

    counted = kioskctl("stocktake", "count", "1", "--item", "6901", "--qty", "47", "--reason", "3 broken", "--json")
    assert counted.code == 0, counted.err
    pens = next(line for line in counted.json()["lines"] if line["item_id"] == items["签字笔"])
    assert (pens["book_qty"], pens["counted_qty"], pens["variance"], pens["reason"]) == (50, 47, -3, "3 broken")

    one_line_error(kioskctl("stocktake", "post", "1"), "not counted yet: A4 纸")
    assert kioskctl("stocktake", "count", "1", "--item", str(items["A4 纸"]), "--qty", "11").code == 0
    one_line_error(kioskctl("stocktake", "post", "1"), "without a reason: A4 纸")
    assert kioskctl("stocktake", "count", "1", "--item", str(items["A4 纸"]), "--qty", "11",
                    "--reason", "found a pack").code == 0

    posted = kioskctl("stocktake", "post", "1", "--json")
    assert posted.code == 0, posted.err
    assert posted.json()["status"] == "posted"
    shown = kioskctl("stocktake", "show", "1")
    assert "posted" in shown.out and "-3" in shown.out and "+1" in shown.out

    # Afterwards the book equals the count: a new sheet starts from it.
    again = kioskctl("stocktake", "start", "--items", f"{items['签字笔']},{items['A4 纸']}", "--json").json()
    assert {line["item_id"]: line["book_qty"] for line in again["lines"]} == {items["签字笔"]: 47, items["A4 纸"]: 11}
    assert again["scope"] == "list"
    listed = kioskctl("stocktake", "list", "--json").json()
    assert [(t["stocktake_id"], t["status"]) for t in listed] == [(2, "counting"), (1, "posted")]


def test_the_count_sheet_as_pdf(kioskctl, items, tmp_path, qapp) -> None:
    assert kioskctl("stocktake", "start", "--location", "A-1").code == 0
    pdf = tmp_path / "sheet.pdf"
    ran = kioskctl("stocktake", "sheet", "1", "--pdf", str(pdf))
    assert ran.code == 0, ran.err
    assert ran.out.strip() == f"count sheet of stocktake 1 (2 lines) written to {pdf}"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_mode & 0o777 == 0o600
    one_line_error(kioskctl("stocktake", "sheet", "1", "--pdf", str(tmp_path / "no" / "s.pdf")), "does not exist")


def test_fast_movers_and_cancel(kioskctl, items) -> None:
    started = kioskctl("stocktake", "start", "--fast-movers", "--json")
    assert started.code == 0, started.err
    assert started.json()["scope"] == "fast movers"
    assert sorted(line["item_id"] for line in started.json()["lines"]) == sorted([items["签字笔"], items["瓶装水"]])
    one_line_error(kioskctl("stocktake", "start", "--fast-movers"), "still counting")
    assert kioskctl("stocktake", "cancel", "1").code == 0
    one_line_error(kioskctl("stocktake", "count", "1", "--item", "6901", "--qty", "1"), "cancelled")


def test_one_line_errors(kioskctl, items) -> None:
    one_line_error(kioskctl("stocktake", "show", "9"), "no stocktake 9")
    one_line_error(kioskctl("stocktake", "start", "--location", "nowhere"), "no active items at nowhere")
    one_line_error(kioskctl("stocktake", "start", "--items", "99"), "no active supply item 99")
    assert kioskctl("stocktake", "start", "--location", "A-1").code == 0
    one_line_error(kioskctl("stocktake", "count", "1", "--item", "123456", "--qty", "1"),
                   "123456 is not on the count sheet")
    assert kioskctl("stocktake", "count", "1", "--item", "6901", "--qty", "-1").code == 2  # a usage error
    one_line_error(kioskctl("supplies-report", "value", "--out", "v.pdf"), "not a .csv or .xlsx")
    one_line_error(kioskctl("supplies-report", "value", "--from", "2026-01", "--out", "v.csv"), "consumption")


def test_reports_to_files(kioskctl, items, tmp_path) -> None:
    out = tmp_path / "value.csv"
    ran = kioskctl("supplies-report", "value", "--out", str(out))
    assert ran.code == 0, ran.err
    assert ran.out.strip() == f"3 lines written to {out}"
    with open(out, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[-1][0] == "total" and rows[-1][-1] == "84.00"
    xlsx = tmp_path / "consumption.xlsx"
    ran = kioskctl("supplies-report", "consumption", "--from", "2026-01", "--to", "2026-06", "--out", str(xlsx))
    assert ran.code == 0, ran.err
    sheet = load_workbook(xlsx).active
    assert list(next(sheet.iter_rows(values_only=True))) == [
        "month", "department", "item", "unit", "quantity", "value (yuan)"]
    assert kioskctl("supplies-report", "open", "--out", str(tmp_path / "open.csv")).code == 0
    assert kioskctl("supplies-report", "slow", "--days", "30", "--out", str(tmp_path / "slow.xlsx")).code == 0
