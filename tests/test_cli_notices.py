"""kioskctl notices: add, list (all or --current, as a table or --json), edit, withdraw; refusals are one line.

kioskctl reads the system clock, so "today" here is today at the site (Shanghai); the day rules
themselves are tested with a fixed clock in tests/services/test_notices.py.
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.cli import main
from kiosk.db import Database
from kiosk.models import AuditEvent

FAR = "2099-12-31"


def _run(config: Path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--config", str(config), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json(config: Path, capsys, *argv: str):
    code, out, err = _run(config, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _today() -> str:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def test_a_notice_is_published_listed_and_withdrawn(config, capsys) -> None:
    code, out, _ = _run(config, capsys, "notices", "add", "--title-zh", "消防演练", "--title-en", "Fire drill",
                        "--body-en", "At 14:00: <b>follow the staff</b>.", "--to", FAR)
    assert code == 0 and out == f"notice 1 published (current, {_today()} to {FAR})\n"
    upcoming = _json(config, capsys, "notices", "add", "--title-en", "Lift B closed", "--from", "2099-01-01",
                     "--to", "2099-01-02")
    assert (upcoming["id"], upcoming["state"], upcoming["starts_on"]) == (2, "upcoming", "2099-01-01")

    listed = _json(config, capsys, "notices", "list")
    assert [(n["id"], n["state"]) for n in listed] == [(1, "current"), (2, "upcoming")]
    assert listed[0]["body_en"] == "At 14:00: <b>follow the staff</b>."  # as written
    assert listed[0]["created_by"] == f"cli:{getpass.getuser()}"
    assert [n["id"] for n in _json(config, capsys, "notices", "list", "--current")] == [1]
    code, out, _ = _run(config, capsys, "notices", "list")
    header, first, second = out.splitlines()
    assert header.split() == ["id", "state", "from", "to", "title", "by", "changed"]
    assert "消防演练 / Fire drill" in first and "Lift B closed" in second

    withdrawn = _json(config, capsys, "notices", "withdraw", "1")
    assert withdrawn["state"] == "withdrawn" and withdrawn["withdrawn_at"]
    code, out, _ = _run(config, capsys, "notices", "list", "--current")
    assert (code, out) == (0, "no notice is shown today\n")
    code, _, err = _run(config, capsys, "notices", "withdraw", "1")
    assert code == 1 and err == "error: notice 1 was withdrawn\n"


def test_edit_changes_only_what_is_given(config, capsys) -> None:
    _json(config, capsys, "notices", "add", "--title-zh", "东门关闭", "--title-en", "East gate closed",
          "--body-zh", "请走南门。", "--to", FAR)
    edited = _json(config, capsys, "notices", "edit", "1", "--title-en", "East gate closed today", "--body-zh", "")
    assert (edited["title_zh"], edited["title_en"], edited["body_zh"], edited["ends_on"], edited["version"]) == (
        "东门关闭", "East gate closed today", "", FAR, 2)
    code, out, _ = _run(config, capsys, "notices", "edit", "1", "--to", "2099-06-30")
    assert code == 0 and out == f"notice 1 changed (current, {_today()} to 2099-06-30)\n"


def test_the_to_day_may_be_today(config, capsys) -> None:
    added = _json(config, capsys, "notices", "add", "--title-en", "Visitor parking full", "--to", "today")
    assert (added["starts_on"], added["ends_on"], added["state"]) == (_today(), _today(), "current")


def test_refusals_are_one_line_and_save_nothing(config, capsys) -> None:
    code, _, err = _run(config, capsys, "notices", "add", "--title-zh", "消" * 21, "--to", FAR)
    assert code == 1
    assert err == ("error: title_zh: title_zh is longer than the welcome screen can show: at most 40 columns "
                   "(20 Chinese characters or 40 letters)\n")
    code, _, err = _run(config, capsys, "notices", "add", "--body-en", "no title", "--to", FAR)
    assert code == 1 and "a title in Chinese or English" in err
    code, _, err = _run(config, capsys, "notices", "add", "--title-en", "x", "--from", "2099-02-01", "--to",
                        "2099-01-01")
    assert code == 1 and err == "error: ends_on: ends_on is before starts_on\n"
    code, _, err = _run(config, capsys, "notices", "add", "--title-en", "x", "--to", "soon")
    assert code == 2 and "'soon' is not a date" in err
    code, _, err = _run(config, capsys, "notices", "withdraw", "99")
    assert (code, err) == (1, "error: no notice 99\n")
    code, out, _ = _run(config, capsys, "notices", "list")
    assert (code, out) == (0, "there are no notices\n")


def test_every_change_is_in_the_audit_trail_under_the_person_at_the_terminal(config, capsys, tmp_path) -> None:
    _json(config, capsys, "notices", "add", "--title-en", "Lift B closed", "--to", FAR)
    _json(config, capsys, "notices", "edit", "1", "--title-en", "Lift B closed until Friday")
    _json(config, capsys, "notices", "withdraw", "1")
    database = Database.from_url(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    try:
        with database.unit_of_work(write=False) as uow:
            events = uow.session.scalars(select(AuditEvent).where(AuditEvent.entity == "front_desk_notice")
                                         .order_by(AuditEvent.id)).all()
            trail = [(e.action, e.actor) for e in events]
    finally:
        database.dispose()
    actor = f"cli:{getpass.getuser()}"
    assert trail == [("notice.published", actor), ("notice.edited", actor), ("notice.withdrawn", actor)]
