"""``kioskctl parcels ...`` and ``kioskctl mail ...`` through the real ``main()`` (SQLite, and PostgreSQL
when configured): receive → id and pickup code → list → pickup by code → show; returns; one-line errors;
outgoing mail, its statement as CSV and XLSX; the JSON shapes scripts rely on."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.services.directory.sites import ensure_site
from tests.cli_harness import kioskctl_runner, one_line_error, write_config
from tests.conftest import START
from tests.factories import SITE, add_host

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64



@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch)


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


@pytest.fixture
def hosts(db_url: str) -> None:
    database = Database.from_url(db_url, clock=FixedClock(START))
    with database.unit_of_work("test") as uow:
        ensure_site(uow, SITE, "Test Tower", "Asia/Shanghai")
        uow.commit()
    add_host(database, name="张伟", email="zhang.wei@example.com", department="Sales")
    add_host(database, name="李娜", email="li.na@example.com", department="R&D")
    database.dispose()


def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "sig.png").write_bytes(PNG)
    (tmp_path / "photo.jpg").write_bytes(JPEG)
    return tmp_path / "sig.png", tmp_path / "photo.jpg"


@pytest.mark.usefixtures("hosts")
def test_receive_list_pickup_by_code_and_show(kioskctl, tmp_path: Path) -> None:
    signature, _photo = files(tmp_path)
    ran = kioskctl("parcels", "receive", "--recipient", "zhang.wei@example.com", "--carrier", "顺丰",
                   "--tracking", "SF1234567890123", "--sender", "京东", "--cod", "12.50", "--cod-paid-by", "Amy",
                   "--shelf", "A3")
    assert ran.code == 0, ran.err
    parcel_id, code = ran.out.split()[1], ran.out.split()[-1]
    assert ran.out.startswith(f"parcel {parcel_id} received (SF); pickup code ")

    listed = kioskctl("parcels", "list", "--status", "waiting", "--json")
    assert listed.code == 0, listed.err
    [row] = listed.json()
    assert (row["parcel_id"], row["status"], row["tracking_no"], row["carrier_code"], row["recipient_name"],
            row["department"], row["shelf"], row["cod_cents"]) == (
        int(parcel_id), "waiting", "SF1234567890123", "SF", "张伟", "Sales", "A3", 1250)
    table = kioskctl("parcels", "list", "--recipient", "zhang.wei@example.com")
    assert "SF1234567890123" in table.out and "COD 12.50 unpaid" in table.out
    assert kioskctl("parcels", "list", "--recipient", "li.na@example.com").out.strip() == "no parcels"

    picked = kioskctl("parcels", "pickup", "--code", code, "--by", "张伟", "--identity", "staff card",
                      "--signature", str(signature), "--json")
    assert picked.code == 0, picked.err
    assert [(r["parcel_id"], r["status"], r["picked_up_by"]) for r in picked.json()] == [
        (int(parcel_id), "picked_up", "张伟")]
    again = kioskctl("parcels", "pickup", "--code", code, "--by", "张伟", "--identity", "staff card",
                     "--signature", str(signature))
    one_line_error(again)

    shown = kioskctl("parcels", "show", parcel_id)
    assert shown.code == 0 and "picked up:" in shown.out and "signed by: 张伟" in shown.out
    detail = kioskctl("parcels", "show", parcel_id, "--json").json()
    assert detail["row"]["status"] == "picked_up" and detail["sender_name"] == "京东"
    assert detail["signatures"] == [{"signer": "张伟", "png_bytes": len(PNG)}] and "photo_jpeg" not in detail
    assert kioskctl("parcels", "list", "--status", "waiting", "--json").json() == []


@pytest.mark.usefixtures("hosts")
def test_pickup_by_id_on_behalf_return_and_export(kioskctl, tmp_path: Path) -> None:
    signature, photo = files(tmp_path)
    first = kioskctl("parcels", "receive", "--recipient", "li.na@example.com", "--carrier", "EMS",
                     "--tracking", "EA123456789CN", "--json").json()
    assert set(first) == {"parcel_id", "pickup_code", "carrier_code", "label_job_id"}
    second = kioskctl("parcels", "receive", "--recipient", "reception", "--carrier", "jd", "--tracking",
                      "JD0001234567890", "--condition", "damaged", "--photo", str(photo), "--note", "corner crushed",
                      "--json").json()
    ran = kioskctl("parcels", "pickup", "--id", str(first["parcel_id"]), "--by", "王芳", "--on-behalf-of", "李娜",
                   "--phone", "13800138000", "--identity", "staff card", "--signature", str(signature))
    assert ran.code == 0 and "picked up by 王芳" in ran.out, ran.err
    returned = kioskctl("parcels", "return", "--id", str(second["parcel_id"]), "--receipt", "R-77", "--json")
    assert returned.code == 0, returned.err
    assert returned.json()["status"] == "returned"
    assert kioskctl("parcels", "list", "--damaged", "--json").json()[0]["parcel_id"] == second["parcel_id"]
    remind = kioskctl("parcels", "remind", "--json")
    assert remind.code == 0 and remind.json() == {"reminded": [], "to_return": []}

    out = tmp_path / "parcels.csv"
    exported = kioskctl("parcels", "export", str(out))
    assert exported.code == 0 and "exported 2 parcel(s)" in exported.out
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["status"], r["tracking number"]) for r in rows] == [
        (str(second["parcel_id"]), "returned", "JD0001234567890"), (str(first["parcel_id"]), "picked_up",
                                                                     "EA123456789CN")]
    assert out.stat().st_mode & 0o777 == 0o600
    xlsx = tmp_path / "waiting.xlsx"
    assert kioskctl("parcels", "export", str(xlsx), "--status", "returned").code == 0
    sheet = load_workbook(xlsx).active
    assert [c.value for c in next(sheet.iter_rows(min_row=2))][:3] == [second["parcel_id"], "returned",
                                                                        "JD0001234567890"]


@pytest.mark.usefixtures("hosts")
@pytest.mark.parametrize(("argv", "words"), [
    (("--condition", "damaged"), ("--photo",)),
    (("--condition", "wet", "--photo", "missing.jpg", "--note", "x"), ("no such file",)),
    (("--condition", "damaged", "--photo", "{png}", "--note", "x"), ("not a JPEG",)),
    (("--condition", "damaged", "--photo", "{big}", "--note", "x"), ("at most 5 MB",)),
    (("--cod", "12.505"), ("--cod", "2 decimals")),
    (("--cod", "-1"), ("--cod",)),
    (("--cod", "nan"), ("--cod",)),
    (("--cod", "1e3"), ("--cod",)),
    (("--cod", "5"), ("--cod-paid-by",)),
])
def test_receive_errors_are_one_line(kioskctl, tmp_path: Path, argv: tuple[str, ...], words: tuple[str, ...]) -> None:
    signature, _photo = files(tmp_path)
    big = tmp_path / "big.jpg"
    big.write_bytes(JPEG + b"\0" * (5 * 1024 * 1024))
    argv = tuple(a.format(png=signature, big=big) for a in argv)
    ran = kioskctl("parcels", "receive", "--recipient", "zhang.wei@example.com", "--carrier", "SF",
                   "--tracking", "SF1234567890123", *argv)
    one_line_error(ran, *words)
    assert kioskctl("parcels", "list", "--json").json() == []


@pytest.mark.usefixtures("hosts")
def test_other_user_errors_are_one_line(kioskctl, tmp_path: Path) -> None:
    one_line_error(kioskctl("parcels", "receive", "--recipient", "nobody@example.com", "--carrier", "SF",
                            "--tracking", "SF1234567890123"), "nobody@example.com")
    one_line_error(kioskctl("parcels", "receive", "--recipient", "reception", "--carrier", "Pigeon",
                            "--tracking", "SF1234567890123"), "unknown carrier")
    one_line_error(kioskctl("parcels", "pickup", "--id", "1", "--by", "x"), "--identity", "--signature")
    one_line_error(kioskctl("parcels", "show", "99"))
    one_line_error(kioskctl("parcels", "export", str(tmp_path / "x.pdf")), "xlsx")
    one_line_error(kioskctl("mail", "list", "--month", "2026-13"), "YYYY-MM")
    one_line_error(kioskctl("mail", "send", "--to", "王芳", "--address", "x", "--weight", "-5"), "--weight")
    one_line_error(kioskctl("mail", "send", "--to", "王芳", "--address", "x", "--fee", "1.234"), "--fee")
    one_line_error(kioskctl("mail", "send", "--to", " ", "--address", "", "--phone", "12"),
                   "recipient", "address", "phone")
    one_line_error(kioskctl("mail", "sent", "--id", "5", "--tracking", "x", "--receipt", "y"), "5")


@pytest.mark.usefixtures("hosts")
def test_mail_send_sent_list_and_statement(kioskctl, tmp_path: Path) -> None:
    ran = kioskctl("mail", "send", "--from", "zhang.wei@example.com", "--to", "王芳", "--company", "蓝海咨询",
                   "--address", "上海市浦东新区世纪大道 100 号", "--phone", "13800138000", "--carrier", "顺丰",
                   "--weight", "350", "--fee", "12.5", "--json")
    assert ran.code == 0, ran.err
    mail = ran.json()
    assert set(mail) == {"mail_id", "status", "sender_name", "department", "recipient_name", "address",
                         "carrier_code", "weight_grams", "fee_cents", "tracking_no", "postage_receipt_no",
                         "logged_at", "sent_at"}
    assert (mail["status"], mail["sender_name"], mail["department"], mail["carrier_code"], mail["weight_grams"],
            mail["fee_cents"]) == ("logged", "张伟", "Sales", "SF", 350, 1250)
    sent = kioskctl("mail", "sent", "--id", str(mail["mail_id"]), "--tracking", "SF99", "--receipt", "P-1")
    assert sent.code == 0 and "fee 12.50" in sent.out, sent.err
    other = kioskctl("mail", "send", "--to", "Bob", "--address", "1 Main St", "--carrier", "EMS", "--fee", "0.05",
                     "--department", "r&d", "--tracking", "EA1", "--receipt", "P-2")
    assert other.code == 0 and "sent, charged to R&D" in other.out, other.err
    kioskctl("mail", "send", "--from", "zhang.wei@example.com", "--to", "=HYPERLINK(\"x\")", "--address", "y",
             "--fee", "100")

    listed = kioskctl("mail", "list", "--department", "Sales", "--json").json()
    assert [(m["tracking_no"], m["postage_receipt_no"], m["status"]) for m in listed] == [
        ("", "", "logged"), ("SF99", "P-1", "sent")]
    month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")  # kioskctl runs on the system clock
    table = kioskctl("mail", "list", "--month", month)
    assert table.code == 0 and "SF99" in table.out and "12.50" in table.out

    statement = kioskctl("mail", "statement", "--month", month, "--json").json()
    assert statement == {"month": month, "items": 3, "fee_cents": 11255, "lines": [
        {"department": "R&D", "carrier_code": "EMS", "items": 1, "fee_cents": 5},
        {"department": "Sales", "carrier_code": "", "items": 1, "fee_cents": 10000},
        {"department": "Sales", "carrier_code": "SF", "items": 1, "fee_cents": 1250}]}
    assert "total" in kioskctl("mail", "statement", "--month", month).out
    assert kioskctl("mail", "statement", "--month", "2020-01").out.strip() == "no mail in 2020-01"

    out = tmp_path / "june.csv"
    written = kioskctl("mail", "statement", "--month", month, "--out", str(out))
    assert written.code == 0 and "3 line(s)" in written.out
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows == [["month", "department", "carrier", "items", "fee (yuan)"],
                    [month, "R&D", "EMS", "1", "0.05"], [month, "Sales", "", "1", "100.00"],
                    [month, "Sales", "SF", "1", "12.50"], [month, "total", "", "3", "112.55"]]
    xlsx = tmp_path / "june.xlsx"
    assert kioskctl("mail", "statement", "--month", month, "--out", str(xlsx), "--json").json() == {
        "month": month, "file": str(xlsx), "lines": 3}
    values = [[c.value for c in row] for row in load_workbook(xlsx).active.iter_rows()]
    assert values[1] == [month, "R&D", "EMS", 1, 0.05] and values[-1] == [month, "total", None, 3, 112.55]
