"""``kioskctl messages ...`` through the real ``main()`` (SQLite, and PostgreSQL when configured): a message
taken, listed, acknowledged, called back and closed; a transfer logged and answered "not resolved"; the
JSON scripts rely on; refusals in one line. kioskctl reads the system clock: "today" is today in Shanghai."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli_harness import Ran, kioskctl_runner, one_line_error, write_config
from tests.services.desk.message_data import CALLER_E164, CALLER_PHONE, colleague

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch)


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


def add(kioskctl, *extra: str) -> Ran:
    return kioskctl("messages", "add", "--caller", "李雷", "--company", "远航贸易", "--phone", CALLER_PHONE,
                    "--for", "Zhang.Wei@example.com", "--message", "关于合同，请回电", *extra)


def test_a_message_from_taken_to_closed(database, kioskctl) -> None:
    colleague(database)
    promised = (datetime.now(SHANGHAI) + timedelta(hours=2)).replace(second=0, microsecond=0)
    taken = add(kioskctl, "--urgent", "--callback", promised.strftime("%Y-%m-%dT%H:%M"), "--json")
    assert taken.code == 0, taken.err
    row = taken.json()
    assert (row["kind"], row["status"], row["urgency"], row["caller_phone"]) == ("message", "new", "urgent",
                                                                                 CALLER_E164)
    assert (row["for_name"], row["department"]) == ("张伟", "Sales")
    assert datetime.fromisoformat(row["callback_promised_at"]) == promised  # the site's time when none is given
    assert row["received_at"].endswith("+08:00")
    message_id = str(row["message_id"])

    listed = kioskctl("messages", "list", "--status", "open", "--date", "today")
    header, line = listed.out.splitlines()
    assert header.split() == ["id", "received", "kind", "status", "urgent", "caller", "company", "phone", "for",
                              "message"]
    assert line.split()[:1] == [message_id] and "urgent" in line and "李雷" in line and "张伟" in line
    assert kioskctl("messages", "list", "--status", "closed").out == "no phone messages\n"

    assert kioskctl("messages", "ack", message_id).out == f"message {message_id} acknowledged (acknowledged)\n"
    one_line_error(kioskctl("messages", "ack", message_id), "already acknowledged")
    assert kioskctl("messages", "called-back", message_id).code == 0
    closed = kioskctl("messages", "close", message_id, "--note", "已处理", "--json").json()
    assert closed["status"] == "closed"
    shown = kioskctl("messages", "show", message_id)
    assert "caller: 李雷" in shown.out and "note: 已处理" in shown.out
    assert [line.split()[2] for line in shown.out.splitlines() if line.startswith("  ") and "notice" not in line] \
        == ["received", "acknowledged", "called_back", "closed"]
    assert "notice message_for_you by email to zhang.wei@example.com: pending" in shown.out
    detail = kioskctl("messages", "show", message_id, "--json").json()
    assert [step["event"] for step in detail["timeline"]][-1] == "closed"


def test_a_transfer_is_logged_then_answered(database, kioskctl) -> None:
    colleague(database)
    logged = kioskctl("messages", "transfer", "--caller", "韩梅梅", "--to", "Sales", "--json")
    assert logged.code == 0, logged.err
    row = logged.json()
    assert (row["kind"], row["for_host_id"], row["department"], row["caller_phone"]) == ("transfer", None, "Sales",
                                                                                        "")
    transfer_id = str(row["message_id"])
    one_line_error(kioskctl("messages", "ack", transfer_id), "is not a message")
    answered = kioskctl("messages", "resolved", transfer_id, "--no")
    assert answered.out == f"transfer {transfer_id} not resolved (closed)\n"
    listed = kioskctl("messages", "list", "--kind", "transfer", "--json").json()
    assert [(r["message_id"], r["resolved"]) for r in listed] == [(int(transfer_id), False)]
    assert kioskctl("messages", "resolved", transfer_id).code == 2  # --yes or --no


def test_refusals_are_one_line(database, kioskctl) -> None:
    colleague(database, contact=None)
    one_line_error(kioskctl("messages", "add", "--caller", "李雷", "--phone", "12", "--for", "Sales",
                            "--message", "x"), "phone", "no contact address")
    one_line_error(kioskctl("messages", "add", "--caller", "李雷", "--phone", CALLER_PHONE, "--for",
                            "nobody@example.com", "--message", "x"), "no active host")
    one_line_error(add(kioskctl, "--callback", "2001-01-01T09:00"), "call back time has passed")
    assert add(kioskctl, "--callback", "tomorrow").code == 2  # a usage error, argparse's message
    one_line_error(kioskctl("messages", "close", "999"), "no phone message 999")
    assert kioskctl("messages", "list", "--json").json() == []  # nothing was saved


def test_erasing_a_caller_who_only_left_a_message(database, kioskctl) -> None:
    colleague(database)
    assert add(kioskctl).code == 0
    erased = kioskctl("erase", "--phone", CALLER_PHONE, "--yes")
    assert erased.code == 0, erased.err
    assert erased.out == ("erased 0 visitor record(s) and 0 visit(s) and 1 notice(s) with contact details; "
                          "the caller blanked in 1 phone message(s)\n")
    row = kioskctl("messages", "list", "--json").json()[0]
    assert (row["caller_name"], row["caller_company"], row["caller_phone"], row["message"]) == ("", "", "", "")
    assert row["status"] == "new"  # the call itself stays
