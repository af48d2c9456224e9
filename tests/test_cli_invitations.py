"""kioskctl invitations list|edit|cancel|resend and invite-group, run in-process on the test database.

kioskctl reads the system clock, so the days here are counted from today in Shanghai.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOSTS_CSV = "name,department,email\n张伟,销售部,zhang.wei@example.com\n李娜,法务部,li.na@example.com\n"


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def kioskctl(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[database]\nurl = {json.dumps(db_url)}\n", encoding="utf-8")

    def run(*argv: str) -> Ran:
        capsys.readouterr()
        code = main(["--config", str(config), *argv])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    hosts = tmp_path / "hosts.csv"
    hosts.write_text(HOSTS_CSV, encoding="utf-8")
    assert run("hosts", "import", str(hosts)).code == 0
    return run


def _day(days: int) -> str:
    return (datetime.now(SHANGHAI).date() + timedelta(days=days)).isoformat()


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "group.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def _invite(kioskctl, name: str, *extra: str) -> dict:
    ran = kioskctl("invite", "--host", "zhang.wei@example.com", "--name", name, "--date", _day(1), "--json", *extra)
    assert ran.code == 0, ran.err
    return ran.json()


def test_a_group_csv_with_one_bad_row_saves_nothing_and_reports_the_line(kioskctl, tmp_path) -> None:
    path = _write(tmp_path, "姓名,手机,邮箱\n王小明,13800000001,\n李雷,1380000,\nJane Doe,,jane@example.org\n", "gbk")

    ran = kioskctl("invite-group", "--host", "zhang.wei@example.com", "--date", _day(1), path)

    assert ran.code == 1
    assert "line 3: phone: " in ran.err and "nothing was saved" in ran.err
    assert kioskctl("invitations", "list", "--json").json() == []


def test_a_group_is_checked_by_a_dry_run_then_invited(kioskctl, tmp_path) -> None:
    path = _write(tmp_path, "\ufeffname,phone,email,company\n王小明,13800000001,,Acme\nJane Doe,,jane@example.org,\n")

    dry = kioskctl("invite-group", "--host", "zhang.wei@example.com", "--date", _day(2), "--start", "10:00",
                   "--end", "12:00", "--dry-run", "--json", path)
    assert dry.code == 0 and dry.json()["dry_run"] is True and len(dry.json()["rows"]) == 2
    assert dry.json()["invited"] == [] and kioskctl("invitations", "list", "--json").json() == []

    ran = kioskctl("invite-group", "--host", "zhang.wei@example.com", "--date", _day(2), "--start", "10:00",
                   "--end", "12:00", path)
    assert ran.code == 0 and "invited 2 visitor(s) to see 张伟" in ran.out
    listed = kioskctl("invitations", "list", "--json").json()
    assert [(r["visitor_name"], r["visit_date"], r["expected_start"][11:16]) for r in listed] == [
        ("王小明", _day(2), "10:00"), ("Jane Doe", _day(2), "10:00")]

    again = kioskctl("invite-group", "--host", "zhang.wei@example.com", "--date", _day(2), path)
    assert again.code == 1 and "line 2: phone: already invited" in again.err


def test_list_filters_by_host_text_and_days(kioskctl) -> None:
    _invite(kioskctl, "王小明", "--phone", "13812345678", "--company", "Acme")
    later = kioskctl("invite", "--host", "li.na@example.com", "--name", "Jane Doe", "--email", "jane@example.org",
                     "--date", _day(5), "--json")
    assert later.code == 0

    table = kioskctl("invitations", "list")
    assert table.code == 0 and "王小明" in table.out and "Jane Doe" in table.out and "pending" in table.out

    def names(*options: str) -> list[str]:
        return [r["visitor_name"] for r in kioskctl("invitations", "list", "--json", *options).json()]

    assert names("--host", "li.na@example.com") == ["Jane Doe"]
    assert names("--search", "5678") == ["王小明"]
    assert names("--to", _day(2)) == ["王小明"]
    assert names("--from", _day(3)) == ["Jane Doe"]
    assert kioskctl("invitations", "list", "--search", "nobody").out.strip() == "no invitations"


def test_edit_resend_and_cancel(kioskctl, tmp_path) -> None:
    created = _invite(kioskctl, "Jane Doe", "--email", "jane@example.org", "--start", "14:00")
    visit = str(created["visit_id"])

    edited = kioskctl("invitations", "edit", "--visit", visit, "--start", "15:00", "--company", "Contoso", "--json")
    assert edited.code == 0, edited.err
    assert edited.json()["changed"] == ["company", "start"] and edited.json()["token"] != created["token"]
    [row] = kioskctl("invitations", "list", "--json").json()
    assert (row["company"], row["expected_start"][11:16], row["email"]) == ("Contoso", "15:00", "jane@example.org")
    assert kioskctl("invitations", "edit", "--visit", visit, "--company", "Contoso").out.strip().endswith(
        "nothing changed")

    qr = tmp_path / "qr.png"
    resent = kioskctl("invitations", "resend", "--visit", visit, "--qr", str(qr), "--json")
    assert resent.code == 0 and resent.json()["token"] not in (created["token"], edited.json()["token"])
    assert qr.stat().st_size > 0

    assert kioskctl("invitations", "cancel", "--visit", visit, "--json").json() == {
        "visit_id": created["visit_id"], "status": "cancelled"}
    assert kioskctl("invitations", "list", "--json").json() == []
    assert kioskctl("invitations", "list", "--cancelled", "--json").json()[0]["status"] == "cancelled"
    refused = kioskctl("invitations", "resend", "--visit", visit)
    assert refused.code == 1 and refused.err.startswith("error: ")


def test_a_bad_edit_is_one_line_and_changes_nothing(kioskctl) -> None:
    created = _invite(kioskctl, "Jane Doe", "--phone", "13800138000")
    ran = kioskctl("invitations", "edit", "--visit", str(created["visit_id"]), "--phone", "12", "--email", "")
    assert ran.code == 1 and ran.err.count("\n") == 1 and "phone" in ran.err
    [row] = kioskctl("invitations", "list", "--json").json()
    assert row["phone"] == "+8613800138000"
    assert kioskctl("invitations", "edit", "--visit", "999999").err == "error: no visit with id 999999\n"
