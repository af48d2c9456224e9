"""``kioskctl routines ...`` through the real ``main()`` (SQLite, and PostgreSQL when configured): routines added
and the rulebook's seeded, today's rounds, a round done and the second try refused naming who, a problem with
its photo followed to its fix, missed rounds and the pass rate; refusals in one line. kioskctl reads the system
clock: "today" is today in Shanghai; routines made "days ago" are made through the test's clock set back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.application.gateways.desk_routines import CheckForm
from tests.cli_harness import kioskctl_runner, one_line_error, write_config
from tests.services.desk.routine_data import JPEG, PNG, corridor, desk, restrooms

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch)


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


def today() -> str:
    return datetime.now(SHANGHAI).date().isoformat()


def test_routines_are_added_listed_and_the_rulebooks_seeded_once(database, kioskctl) -> None:
    added = kioskctl("routines", "add", "--name", "前台区域", "--area", "1F", "--schedule", "weekly", "--weekday", "5",
                     "--item", "台面整洁", "--item", "宣传册摆放整齐", "--json")
    assert added.code == 0, added.err
    row = added.json()
    assert (row["name"], row["schedule"], row["weekday"], row["items"]) == ("前台区域", "weekly", 5,
                                                                           ["台面整洁", "宣传册摆放整齐"])
    seeded = kioskctl("routines", "defaults")
    assert seeded.code == 0, seeded.err
    assert "走廊巡查" in seeded.out and "twice daily" in seeded.out and "weekly (Mon)" in seeded.out
    assert seeded.out.endswith("meeting rooms: checked after each use (kioskctl bookings inspect)\n")
    assert kioskctl("routines", "defaults").out.startswith("the rulebook's routines are there already\n")
    header, *lines = kioskctl("routines", "list").out.splitlines()
    assert header.split() == ["id", "name", "area", "schedule", "lines", "in", "use"]
    assert lines[0].split()[1:4] == ["前台区域", "1F", "weekly"]
    assert len(lines) == 4 and "weekly (Fri)  2      yes" in lines[0]
    assert kioskctl("routines", "deactivate", str(row["template_id"])).code == 0
    assert len(kioskctl("routines", "list", "--json").json()) == 3
    assert len(kioskctl("routines", "list", "--all", "--json").json()) == 4


def test_a_round_done_a_problem_with_its_photo_followed_to_its_fix(database, kioskctl, tmp_path) -> None:
    hall, toilets = corridor(database), restrooms(database)
    due = kioskctl("routines", "due", "--json").json()
    assert [(s["template"]["name"], s["round"], s["state"]) for s in due] == [
        ("Corridor", 1, "due"), ("Restrooms", 1, "due"), ("Restrooms", 2, "due")]
    done = kioskctl("routines", "done", str(hall.template_id))
    assert done.out == f"Corridor of {today()} done: passed\n"
    one_line_error(kioskctl("routines", "done", str(hall.template_id)), "already done by cli:", today())

    photo = tmp_path / "floor.jpg"
    photo.write_bytes(JPEG)
    problem = kioskctl("routines", "done", str(toilets.template_id), "--round", "2", "--failed", "Floor dry",
                       "--problem", "wet floor by the basins", "--photo", str(photo), "--json").json()
    assert (problem["result"], problem["failed_items"], problem["round"]) == ("problem", ["Floor dry"], 2)
    listed = kioskctl("routines", "due")
    assert f"problem {problem['problem_id']}" in listed.out and listed.out.count(" done ") == 2
    [open_one] = kioskctl("routines", "problems", "--json").json()
    assert (open_one["what"], open_one["has_photo"], open_one["fixed_at"]) == ("wet floor by the basins", True, None)
    fixed = kioskctl("routines", "fixed", str(open_one["problem_id"]), "--note", "mopped, sign put up")
    assert fixed.out == f"problem {open_one['problem_id']} fixed (Restrooms: wet floor by the basins)\n"
    assert kioskctl("routines", "problems").out == "no open problems\n"
    assert "mopped, sign put up" in kioskctl("routines", "problems", "--all").out


def test_missed_rounds_and_the_pass_rate(database, kioskctl, clock) -> None:
    clock.set(datetime.now(UTC) - timedelta(days=2))
    hall = corridor(database)
    two_days_ago = clock.now().astimezone(SHANGHAI).date()
    desk(database).record_check(CheckForm(hall.template_id))
    yesterday = two_days_ago + timedelta(days=1)
    missed = kioskctl("routines", "missed", "--from", two_days_ago.isoformat(), "--to", today(), "--json").json()
    assert [(m["due_on"], m["state"]) for m in missed] == [(yesterday.isoformat(), "missed")]
    table = kioskctl("routines", "missed", "--from", two_days_ago.isoformat(), "--to", today())
    assert "Corridor" in table.out and "missed" in table.out
    rate = kioskctl("routines", "rate", "--from", two_days_ago.isoformat(), "--to", today())
    assert rate.out == "1 of 2 rounds passed (50.0%; target 95%)\n"
    assert kioskctl("routines", "rate", "--from", today(), "--to", today(), "--json").json() == {
        "passed": 0, "due": 0, "share": None}


def test_refusals_are_one_line(database, kioskctl, tmp_path) -> None:
    hall = corridor(database)
    one_line_error(kioskctl("routines", "add", "--name", "Plants", "--schedule", "weekly", "--item", "Watered"),
                   "--weekday")
    one_line_error(kioskctl("routines", "add", "--name", "", "--schedule", "daily", "--item", "x"), "name")
    one_line_error(kioskctl("routines", "done", "999"), "no routine 999")
    one_line_error(kioskctl("routines", "done", str(hall.template_id), "--round", "2"), "one round a day")
    one_line_error(kioskctl("routines", "done", str(hall.template_id), "--failed", "Ceiling"), "no line 'Ceiling'")
    png = tmp_path / "floor.png"
    png.write_bytes(PNG)
    one_line_error(kioskctl("routines", "done", str(hall.template_id), "--problem", "wet", "--photo", str(png)),
                   "not a JPEG")
    one_line_error(kioskctl("routines", "done", str(hall.template_id), "--photo", str(png)), "--photo goes with")
    one_line_error(kioskctl("routines", "fixed", "5", "--note", "done"), "no routine problem 5")
    assert kioskctl("routines", "done", str(hall.template_id), "--date", "yesterday").code == 2
    assert kioskctl("routines", "missed", "--from", "2026-06-01").code == 2
    assert kioskctl("routines", "due", "--json").json()[0]["state"] == "due"  # nothing was saved
