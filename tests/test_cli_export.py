"""``kioskctl export visits --format csv|xlsx``: the daily record the rules ask to be kept, as CSV or XLSX,
the format from the file's extension unless given; the whole file or none."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.cli import main
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.domain.visits import VisitStatus
from kiosk.services.directory.sites import ensure_site
from tests.conftest import START
from tests.factories import SITE, add_host
from tests.visit_log_data import T0, add_visit

HEADER = ["date", "visitor", "company", "host", "department", "purpose", "status", "checked in", "checked out"]


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[database]\nurl = {json.dumps(db_url)}\n", encoding="utf-8")
    return path


@pytest.fixture
def visits(db_url: str) -> list[int]:
    """Three visits on 2026-06-01 and 02 (one a name that looks like a formula), one on 06-05."""
    database = Database.from_url(db_url, clock=FixedClock(START))
    with database.unit_of_work("test") as uow:
        ensure_site(uow, SITE, "Test Tower", "Asia/Shanghai")
        uow.commit()
    host = add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部")
    made = [
        add_visit(database, host_id=host.id, name="冯雪", company="蓝海咨询", phone="+8613800138000",
                  checked_in_at=T0, checked_out_at=T0 + timedelta(hours=2)),
        add_visit(database, host_id=host.id, name="=HYPERLINK(\"x\")", day=date(2026, 6, 2),
                  created_at=T0 + timedelta(days=1), status=VisitStatus.NO_SHOW),
        add_visit(database, host_id=host.id, name="李娜", day=date(2026, 6, 2),
                  created_at=T0 + timedelta(days=1, hours=1), status=VisitStatus.CANCELLED),
        add_visit(database, host_id=host.id, name="后来的", day=date(2026, 6, 5), created_at=T0 + timedelta(days=4)),
    ]
    database.dispose()
    return made


def run(config_file: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--config", str(config_file), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def export(config_file, capsys, target: Path, *extra: str) -> tuple[int, str, str]:
    return run(config_file, capsys, "export", "visits", "--from", "2026-06-01", "--to", "2026-06-02", *extra,
               str(target))


def test_xlsx_by_the_files_extension_holds_the_same_rows_as_csv(config_file, capsys, visits, tmp_path):
    code, out, _err = export(config_file, capsys, tmp_path / "day.xlsx")
    assert (code, out) == (0, f"exported 3 visit(s) from 2026-06-01 to 2026-06-02 into {tmp_path / 'day.xlsx'}\n")
    code, _out, _err = export(config_file, capsys, tmp_path / "day.csv")
    assert code == 0

    sheet = load_workbook(tmp_path / "day.xlsx").active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, *body = list(csv.reader(io.StringIO((tmp_path / "day.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == header == HEADER
    assert [r[1] for r in rows[1:]] == ["冯雪", "=HYPERLINK(\"x\")", "李娜"]  # oldest first, as the CSV
    assert [r[1] for r in body] == ["冯雪", "'=HYPERLINK(\"x\")", "李娜"]
    assert sheet.cell(3, 2).data_type == "s"  # a string cell: Excel never runs it
    first = rows[1]
    assert first[0].date() == date(2026, 6, 1)
    assert first[2:7] == ["蓝海咨询", "张伟", "销售部", "meeting", "checked_out"]
    assert first[7].strftime("%Y-%m-%d %H:%M") == body[0][7] == "2026-06-01 09:00"  # site time
    assert first[8].strftime("%H:%M") == "11:00" and rows[2][7] is None and body[1][7] == ""


@pytest.mark.parametrize(("name", "given", "expected"), [
    ("visits.XLSX", None, "xlsx"), ("visits.csv", "xlsx", "xlsx"), ("visits.xlsx", "csv", "csv"),
    ("visits.txt", None, "csv"), ("visits", None, "csv"),
])
def test_the_format_is_the_one_given_else_the_extensions_else_csv(config_file, capsys, visits, tmp_path, name,
                                                                   given, expected):
    extra = ("--format", given) if given else ()
    code, _out, err = export(config_file, capsys, tmp_path / name, *extra)
    assert code == 0, err
    data = (tmp_path / name).read_bytes()
    assert data.startswith(b"PK\x03\x04" if expected == "xlsx" else b"\xef\xbb\xbfdate,visitor")


def test_an_unknown_format_is_a_usage_error(config_file, capsys, visits, tmp_path):
    code, _out, err = export(config_file, capsys, tmp_path / "v.xlsx", "--format", "ods")
    assert code == 2 and "invalid choice" in err


def test_reversed_days_write_nothing(config_file, capsys, visits, tmp_path):
    code, _out, err = run(config_file, capsys, "export", "visits", "--from", "2026-06-02", "--to", "2026-06-01",
                          str(tmp_path / "v.xlsx"))
    assert code == 1 and "the last day is before the first day" in err
    assert not any(p.name.startswith(("v.xlsx", ".v.xlsx")) for p in tmp_path.iterdir())
