"""kioskctl, run in-process against the test database (SQLite, and PostgreSQL when configured).

The CLI reads the system clock, so these tests make their visits through the
CLI itself ("today" by that clock) rather than through the FixedClock fixtures.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.cli_commands.output import display_width
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.models import BadgePrintJob
from kiosk.services import auth
from kiosk.services.directory.sites import ensure_site
from tests.factories import SITE, add_host, badge_code, invite

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOSTS_CSV = "name,department,email\n张伟,销售部,zhang.wei@example.com\n张伟,研发部,wei.zhang@example.com\n"


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f"[database]\nurl = {json.dumps(db_url)}\n\n"
        # No sleeping in tests: a second scan is "already used" at once.
        "[visits]\ndouble_scan_grace_seconds = 0\n\n"
        f"[security]\ndata_key_file = {json.dumps(str(tmp_path / 'data.key'))}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    def run(*argv: str, stdin: str | None = None) -> Ran:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--config", str(config_file), *argv])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


@pytest.fixture
def with_hosts(kioskctl, tmp_path: Path) -> None:
    path = tmp_path / "hosts.csv"
    path.write_text(HOSTS_CSV, encoding="utf-8")
    assert kioskctl("hosts", "import", str(path)).code == 0


def _invite(kioskctl, *extra: str, name: str = "Jane Doe", phone: str = "13800138000") -> dict:
    ran = kioskctl("invite", "--host", "zhang.wei@example.com", "--name", name, "--phone", phone, "--json", *extra)
    assert ran.code == 0, ran.err
    return ran.json()


def test_invitation_token_checks_in_once_then_is_already_used(kioskctl, with_hosts):
    invitation = _invite(kioskctl, "--company", "星辰科技")
    assert invitation["token"].startswith("v1.i.")
    assert (invitation["visitor_name"], invitation["host_name"]) == ("Jane Doe", "张伟")
    assert date.fromisoformat(invitation["visit_date"]) and isinstance(invitation["visit_id"], int)

    first = kioskctl("checkin", "--token", invitation["token"])
    second = kioskctl("checkin", "--token", invitation["token"])

    assert first.code == 0 and first.out.startswith("checked in: Jane Doe to see 张伟 (销售部)")
    assert (second.code, second.out) == (1, "")
    assert second.err == "error: this code has already been used\n"


def test_the_short_code_checks_in_too_typed_any_way_and_the_qr_is_then_used(kioskctl, with_hosts):
    invitation = _invite(kioskctl)
    code = invitation["short_code"]
    assert len(code) == 8
    plain = kioskctl("invite", "--host", "zhang.wei@example.com", "--name", "Jim Roe", "--phone", "13900139000")
    assert "short code: " in plain.out and plain.out.split("short code: ")[1][4] == "-"

    typed = f" {code[:4].lower()}-{code[4:]} "
    first = kioskctl("checkin", "--token", typed)
    assert first.code == 0 and first.out.startswith("checked in: Jane Doe to see 张伟"), first.err
    assert kioskctl("checkin", "--token", invitation["token"]).err == "error: this code has already been used\n"
    assert kioskctl("checkin", "--token", "ABCD-EFGH").err == "error: this code is not a valid invitation or badge\n"


def test_badge_token_signs_out_and_an_invitation_token_cannot(kioskctl, with_hosts, db_url):
    invitation = _invite(kioskctl)
    kioskctl("checkin", "--token", invitation["token"])
    db = Database.from_url(db_url)
    with db.unit_of_work(write=False) as uow:
        job_id = uow.session.scalar(select(BadgePrintJob.id))
    badge_token = badge_code(db, job_id)  # sealed with the kioskctl run's key, which this process now uses
    db.dispose()

    wrong = kioskctl("checkout", "--token", invitation["token"])
    right = kioskctl("checkout", "--token", badge_token)

    assert (wrong.code, wrong.err) == (1, "error: this code cannot be used here\n")
    assert (right.code, right.out) == (0, "signed out: Jane Doe (host 张伟)\n")


def test_invite_writes_a_qr_png(kioskctl, with_hosts, tmp_path):
    png = tmp_path / "jane.png"

    ran = kioskctl("invite", "--host", "zhang.wei@example.com", "--name", "Jane", "--phone", "13800138000",
                   "--start", "10:00", "--end", "11:30", "--qr", str(png))

    assert ran.code == 0 and "token: v1.i." in ran.out
    assert png.read_bytes().startswith(b"\x89PNG")


def test_vip_invitation_is_announced_on_arrival(kioskctl, with_hosts, db_url):
    from kiosk.models import Notification

    ran = kioskctl("invite", "--host", "zhang.wei@example.com", "--name", "Madam Chair", "--phone", "13800138000",
                   "--vip", "--json")
    assert kioskctl("checkin", "--token", ran.json()["token"]).code == 0
    db = Database.from_url(db_url)
    with db.unit_of_work(write=False) as uow:
        channels = set(uow.session.scalars(select(Notification.channel).where(Notification.event == "vip_arrived")))
    db.dispose()
    assert channels == {"reception", "supervisor"}


def test_reschedule_gives_a_new_token_and_the_old_one_stops(kioskctl, with_hosts):
    from datetime import timedelta

    invitation = _invite(kioskctl)
    later = (date.fromisoformat(invitation["visit_date"]) + timedelta(days=1)).isoformat()
    moved = kioskctl("reschedule", "--visit", str(invitation["visit_id"]), "--date", later, "--json")
    assert moved.code == 0 and moved.json()["token"] != invitation["token"]
    assert kioskctl("checkin", "--token", invitation["token"]).err == (
        "error: this code has been replaced by a newer one\n")
    assert kioskctl("checkin", "--token", moved.json()["token"]).err == "error: this code is for a later day\n"


def test_invalid_invitation_lists_every_wrong_field(kioskctl, with_hosts):
    ran = kioskctl("invite", "--host", "zhang.wei@example.com", "--name", " ", "--phone", "12345",
                   "--date", "2020-01-01")

    assert ran.code == 1 and ran.err.startswith("error: ") and ran.err.count("\n") == 1
    assert "name:" in ran.err and "phone:" in ran.err and "date:" in ran.err


def test_unknown_host_is_a_user_error(kioskctl):
    ran = kioskctl("invite", "--host", "nobody@example.com", "--name", "Jane", "--phone", "13800138000")

    assert (ran.code, ran.err) == (1, "error: no host with e-mail 'nobody@example.com'\n")


def test_hosts_import_reads_utf8_with_bom(kioskctl, tmp_path):
    path = tmp_path / "hosts.csv"
    path.write_bytes(HOSTS_CSV.encode("utf-8-sig"))

    first = kioskctl("hosts", "import", str(path))
    again = kioskctl("hosts", "import", str(path))

    assert (first.code, first.out) == (0, "2 created, 0 updated, 0 unchanged\n")
    assert (again.code, again.out) == (0, "0 created, 0 updated, 2 unchanged\n")
    listed = kioskctl("hosts", "list", "--json").json()
    assert sorted((h["name"], h["department"]) for h in listed) == [("张伟", "研发部"), ("张伟", "销售部")]


def test_hosts_import_of_gbk_file_saves_good_rows_and_reports_the_bad_one(kioskctl, tmp_path):
    path = tmp_path / "hosts-gbk.csv"
    rows = "name,department,email\n李娜,行政部,li.na@example.com\n王芳,行政部,not-an-email\n刘洋,研发部,l@example.com\n"
    path.write_bytes(rows.encode("gbk"))

    ran = kioskctl("hosts", "import", str(path))

    assert ran.code == 1
    assert ran.out == "2 created, 0 updated, 0 unchanged\n"
    assert "line 3: email: email is not an e-mail address" in ran.err
    assert ran.err.splitlines()[-1].startswith("error: 1 row(s) not imported")
    names = {h["name"]: h["department"] for h in kioskctl("hosts", "list", "--json").json()}
    assert names == {"李娜": "行政部", "刘洋": "研发部"}


def test_hosts_import_of_a_missing_file_is_a_user_error(kioskctl, tmp_path):
    ran = kioskctl("hosts", "import", str(tmp_path / "nope.csv"))

    assert ran.code == 1 and ran.err == f"error: {tmp_path / 'nope.csv'}: no such file\n"


def test_hosts_list_prints_aligned_columns(kioskctl, with_hosts):
    lines = kioskctl("hosts", "list").out.splitlines()

    assert lines[0].split() == ["ID", "NAME", "DEPARTMENT", "EMAIL"] and len(lines) == 3
    # 张伟 takes four terminal columns, not two characters' worth: the e-mails still line up under EMAIL.
    email_columns = {display_width(line[: line.index(line.split()[3])]) for line in lines}
    assert len(email_columns) == 1


def test_visits_list_json_shows_todays_visits_in_site_time(kioskctl, with_hosts):
    invitation = _invite(kioskctl, "--start", "10:00")
    kioskctl("checkin", "--token", invitation["token"])

    listed = kioskctl("visits", "list", "--json")
    by_status = kioskctl("visits", "list", "--status", "invited", "--json")
    other_day = kioskctl("visits", "list", "--date", "2020-01-01", "--json")

    assert listed.code == 0
    [visit] = listed.json()
    assert visit["id"] == invitation["visit_id"] and visit["status"] == "checked_in"
    assert visit["visit_date"] == invitation["visit_date"]
    assert visit["expected_start"] == f"{invitation['visit_date']}T10:00:00+08:00"
    assert visit["checked_in_at"].endswith("+08:00")
    assert by_status.json() == [] and other_day.json() == []


def test_visits_search_by_name_and_phone(kioskctl, with_hosts):
    _invite(kioskctl, name="林晓雨")

    by_name = kioskctl("visits", "search", "--name", "林")
    by_phone = kioskctl("visits", "search", "--phone", "13800138000", "--json")

    assert by_name.code == 0 and "林晓雨" in by_name.out and "invited" in by_name.out
    assert [v["visitor_name"] for v in by_phone.json()] == ["林晓雨"]


def test_export_visits_writes_excel_friendly_csv(kioskctl, with_hosts, tmp_path):
    invitation = _invite(kioskctl, "--company", "蓝海咨询", name="冯雪")
    _invite(kioskctl, name="=HYPERLINK(1)", phone="13900139000")
    kioskctl("checkin", "--token", invitation["token"])
    day = date.fromisoformat(invitation["visit_date"])
    target = tmp_path / "visits.csv"

    ran = kioskctl("export", "visits", "--from", (day - timedelta(days=1)).isoformat(),
                   "--to", day.isoformat(), str(target))

    assert ran.code == 0 and "exported 2 visit(s)" in ran.out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, first, second = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == ["date", "visitor", "company", "host", "department", "purpose", "status",
                      "checked in", "checked out"]
    assert first[:7] == [day.isoformat(), "冯雪", "蓝海咨询", "张伟", "销售部", "meeting", "checked_in"]
    checked_in = datetime.strptime(first[7], "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
    assert abs(datetime.now(UTC) - checked_in) < timedelta(minutes=5)
    assert first[8] == ""
    # A name typed at the kiosk must never run as a spreadsheet formula.
    assert second[1] == "'=HYPERLINK(1)"


def test_export_with_the_days_reversed_is_a_user_error(kioskctl, tmp_path):
    ran = kioskctl("export", "visits", "--from", "2026-02-01", "--to", "2026-01-01", str(tmp_path / "v.csv"))

    assert ran.code == 1 and "to: the last day is before the first day" in ran.err
    assert not (tmp_path / "v.csv").exists()


def test_purge_removes_visits_older_than_the_retention_period(kioskctl, db_url):
    long_ago = Database.from_url(db_url, clock=FixedClock(datetime.now(UTC) - timedelta(days=400)))
    with long_ago.unit_of_work("test") as uow:
        ensure_site(uow, SITE, "Lobby", "Asia/Shanghai")
        uow.commit()
    invite(long_ago, add_host(long_ago).id)
    long_ago.dispose()

    ran = kioskctl("purge")
    again = kioskctl("purge")

    assert ran.code == 0
    assert ran.out.startswith("purged records older than 180 days: 1 visit(s), 1 visitor(s), 0 notification(s);")
    assert again.out.endswith(": 0 visit(s), 0 visitor(s), 0 notification(s); 0 spent reply link(s) forgotten\n")


def test_erase_needs_yes_without_a_terminal(kioskctl, with_hosts):
    _invite(kioskctl)

    refused = kioskctl("erase", "--phone", "13800138000", stdin="")
    erased = kioskctl("erase", "--phone", "13800138000", "--yes")
    gone = kioskctl("erase", "--phone", "13800138000", "--yes")

    assert refused.code == 1 and "--yes" in refused.err
    assert (erased.code, erased.out) == (0, "erased 1 visitor record(s) and 1 visit(s)\n")
    assert (gone.code, gone.err) == (
        1, "error: nothing found with phone 13800138000: no visitor, caller or complaining customer\n")


def test_cron_jobs_print_counts(kioskctl):
    assert "signed out 0 visitor(s); 0 invitation(s) marked no-show" in kioskctl("end-of-day").out
    assert kioskctl("escalate").out.startswith("escalated 0 visit(s)")


def test_users_add_reads_the_password_from_stdin(kioskctl, db_url):
    ran = kioskctl("users", "add", "alice", "--role", "supervisor", "--password-stdin", stdin="s3cret-pass\n")
    changed = kioskctl("users", "passwd", "alice", "--password-stdin", stdin="n3w-secret\n")

    assert (ran.code, ran.out) == (0, "added supervisor alice\n")
    assert changed.code == 0
    db = Database.from_url(db_url)
    with db.unit_of_work("test") as uow:
        assert auth.authenticate(uow, "alice", "n3w-secret").role == "supervisor"
    db.dispose()


def test_users_add_refuses_weak_or_missing_passwords(kioskctl):
    short = kioskctl("users", "add", "bob", "--password-stdin", stdin="short\n")
    missing = kioskctl("users", "add", "bob", stdin="")

    assert (short.code, short.err) == (1, "error: password: a password has at least 8 characters\n")
    assert missing.code == 1 and "--password-stdin" in missing.err


def test_demo_seed_twice_does_not_duplicate(kioskctl, tmp_path):
    first = kioskctl("demo", "seed", "--qr-dir", str(tmp_path / "qr"))
    second = kioskctl("demo", "seed")

    assert first.code == 0 and second.code == 0
    assert "reception / reception123" in first.out
    assert first.out.count("v1.i.") == 5 and second.out.count("v1.i.") == 0
    assert "20 created" in first.out and "0 created, 20 already there" in second.out
    assert len(list((tmp_path / "qr").glob("invitation-*.png"))) == 5
    listed = kioskctl("hosts", "list", "--json").json()
    assert len(listed) == 20 and [h["name"] for h in listed].count("张伟") == 2
    assert len(kioskctl("visits", "list", "--json").json()) == 6


def test_db_upgrade_and_current_print_the_revision(kioskctl):
    upgraded = kioskctl("db", "upgrade")
    current = kioskctl("db", "current")

    assert upgraded.code == 0 and "(head)" in upgraded.out and "site HQ" in upgraded.out
    assert current.code == 0 and current.out.endswith("(head)\n")


def test_a_bad_config_value_names_the_key(kioskctl, config_file):
    text = config_file.read_text(encoding="utf-8").replace("[visits]\n", "[visits]\nescalation_minutes = 0\n")
    config_file.write_text(text, encoding="utf-8")

    ran = kioskctl("visits", "list")

    assert ran.code == 1 and ran.err.count("\n") == 1
    assert ran.err.startswith("error: visits.escalation_minutes = 0 is too small")


def test_a_missing_config_file_is_a_user_error(capsys, tmp_path):
    code = main(["--config", str(tmp_path / "missing.toml"), "hosts", "list"])

    assert code == 1 and "does not exist" in capsys.readouterr().err


def test_usage_errors_exit_2(kioskctl):
    unknown = kioskctl("frobnicate")
    no_token = kioskctl("checkin")
    bad_date = kioskctl("visits", "list", "--date", "tomorrow")

    assert unknown.code == 2 and "invalid choice" in unknown.err
    assert no_token.code == 2 and "--token" in no_token.err
    assert bad_date.code == 2 and "use YYYY-MM-DD or today" in bad_date.err


def test_the_installed_entry_point_runs():
    script = Path(sys.executable).with_name("kioskctl")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "kiosk.cli"]

    done = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=120, check=False)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: kioskctl") and "invite" in done.stdout
