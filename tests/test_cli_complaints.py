"""``kioskctl complaints ...`` through the real ``main()`` (SQLite, and PostgreSQL when configured): add →
note → resolve → satisfaction, the list with its status filter and the overdue ones, one-line errors, the
JSON scripts rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_harness import kioskctl_runner, one_line_error, write_config
from tests.services.desk.complaint_data import CONTACT, desk, form, notices, service_department


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch)


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


def test_a_complaint_from_the_desk_to_the_customers_satisfaction(database, kioskctl) -> None:
    service_department(database)
    added = kioskctl("complaints", "add", "--customer", "王芳", "--contact", "138 1234 5678", "--what",
                     "咖啡机坏了，等了 20 分钟。", "--when", "2026-06-15T08:30", "--channel", "phone",
                     "--department", "customer service", "--assignee", "Li.Na@example.com", "--json")
    assert added.code == 0, added.err
    row = added.json()
    assert (row["status"], row["channel"], row["customer_contact"], row["department"], row["assignee"]) == (
        "open", "phone", "+8613812345678", "Customer Service", "李娜")
    assert row["happened_at"] == "2026-06-15T08:30:00+08:00"  # typed without a zone: the site's time
    assert row["overdue"] is False
    assert ("email", CONTACT) in notices(database, "complaint_assigned")
    cid = str(row["complaint_id"])

    noted = kioskctl("complaints", "note", cid, "Called back; coming at 3 pm")
    assert noted.code == 0 and f"noted on complaint {cid}" in noted.out
    assert kioskctl("complaints", "progress", cid, "--json").json()["status"] == "in_progress"
    one_line_error(kioskctl("complaints", "satisfaction", cid, "--score", "4"), "satisfaction is asked once")
    resolved = kioskctl("complaints", "resolve", cid, "--resolution", "New machine; voucher sent")
    assert resolved.code == 0 and f"resolved: complaint {cid} from 王芳" in resolved.out
    closed = kioskctl("complaints", "satisfaction", cid, "--score", "4")
    assert closed.code == 0 and "closed" in closed.out and "satisfaction 4/5" in closed.out

    shown = kioskctl("complaints", "show", cid, "--json").json()
    assert (shown["complaint"]["status"], shown["satisfaction_via"], shown["resolution"]) == (
        "closed", "desk", "New machine; voucher sent")
    assert [note["text"] for note in shown["notes"]] == ["Called back; coming at 3 pm"]
    text = kioskctl("complaints", "show", cid).out
    assert "what: 咖啡机坏了，等了 20 分钟。" in text and "satisfaction: 4/5 via desk" in text
    assert "Called back; coming at 3 pm" in text
    assert [r["complaint_id"] for r in kioskctl("complaints", "list", "--status", "closed", "--json").json()] == [
        int(cid)]
    assert kioskctl("complaints", "list", "--status", "open", "--json").json() == []


def test_the_list_shows_which_are_overdue(database, kioskctl) -> None:
    # Recorded through the desk on the tests' fixed clock (months ago for kioskctl's real one): long overdue.
    old = desk(database).add(form(customer_name="Long ago"))
    fresh = kioskctl("complaints", "add", "--customer", "Just now", "--contact", "jo@example.org", "--what",
                     "Lift stuck", "--json").json()
    overdue = kioskctl("complaints", "list", "--overdue", "--json").json()
    assert [(r["complaint_id"], r["overdue"]) for r in overdue] == [(old.complaint_id, True)]
    table = kioskctl("complaints", "list").out
    assert "open, OVERDUE" in table and "Long ago" in table and "Just now" in table
    assert fresh["overdue"] is False and fresh["customer_contact"] == "jo@example.org"
    assert "nobody yet" in kioskctl("complaints", "show", str(old.complaint_id)).out
    passed = kioskctl("complaints", "assign", str(old.complaint_id), "--department", "Customer Service")
    one_line_error(passed, "Customer Service")  # no such department yet
    service_department(database)
    assert kioskctl("complaints", "assign", str(old.complaint_id), "--department", "Customer Service",
                    "--json").json()["department"] == "Customer Service"


def test_one_line_errors_and_usage_errors(database, kioskctl) -> None:
    one_line_error(kioskctl("complaints", "add", "--customer", "王芳", "--contact", "12", "--what", "x"),
                   "customer_contact")
    one_line_error(kioskctl("complaints", "add", "--customer", "王芳", "--contact", "13812345678", "--what", "x",
                            "--assignee", "nobody@example.com"), "nobody@example.com")
    one_line_error(kioskctl("complaints", "add", "--customer", "王芳", "--contact", "13812345678", "--what", "x",
                            "--department", "Nowhere"), "Nowhere")
    one_line_error(kioskctl("complaints", "show", "7"), "no complaint 7")
    assert kioskctl("complaints", "add", "--customer", "王芳", "--contact", "13812345678", "--what", "x").code == 0
    one_line_error(kioskctl("complaints", "close", "1"), "open")
    one_line_error(kioskctl("complaints", "note", "1", " "), "note")
    for argv in (("satisfaction", "1", "--score", "6"), ("add", "--customer", "a", "--contact", "b", "--what", "c",
                                                          "--channel", "fax"),
                 ("add", "--customer", "a", "--contact", "b", "--what", "c", "--when", "yesterday"),
                 ("list", "--status", "lost")):
        usage = kioskctl("complaints", *argv)
        assert usage.code == 2 and usage.out == "", argv


def test_erasing_a_complaining_customer_by_phone_says_what_was_blanked(database, kioskctl) -> None:
    service_department(database)
    added = kioskctl("complaints", "add", "--customer", "王芳", "--contact", "138 1234 5678", "--what",
                     "咖啡机坏了。", "--department", "customer service", "--json")
    assert added.code == 0, added.err

    erased = kioskctl("erase", "--phone", "13812345678", "--yes")
    again = kioskctl("erase", "--phone", "13812345678", "--yes")

    assert (erased.code, erased.out) == (
        0, "erased 0 visitor record(s) and 0 visit(s); the customer blanked in 1 complaint(s)\n")
    one_line_error(again, "nothing found with phone 13812345678")
    shown = kioskctl("complaints", "show", str(added.json()["complaint_id"]), "--json").json()
    assert "王芳" not in str(shown)
