"""``kioskctl rooms ...`` and ``kioskctl bookings ...`` through the real ``main()`` (SQLite, and PostgreSQL when
configured): rooms added and listed; bookings made, refused in one line (the booking in the way, the seats,
the notice period), ad hoc, a company meeting displacing a department one, a weekly series with the date that
conflicts, cancelled; the checklist's arithmetic; damage found at the after-use check → the room out of order →
repaired; an invitation naming a booking.

kioskctl reads the system clock, so the days here are counted from today in Shanghai; ``[rooms] notice_days``
is 2 so that tomorrow is inside the notice period whatever the hour the tests run.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.services.directory.sites import ensure_site
from tests.cli_harness import Ran, kioskctl_runner, one_line_error, write_config
from tests.conftest import START
from tests.factories import SITE, add_host

SHANGHAI = ZoneInfo("Asia/Shanghai")
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64
ORGANISER, OTHER = "zhang.wei@example.com", "li.na@example.com"


def day(days: int) -> date:
    return datetime.now(SHANGHAI).date() + timedelta(days=days)


def at(days: int, hh_mm: str) -> str:
    return f"{day(days).isoformat()}T{hh_mm}"


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    return write_config(tmp_path, db_url, monkeypatch, extra="[rooms]\nnotice_days = 2\n")


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str]):
    return kioskctl_runner(config_file, capsys)


@pytest.fixture
def hosts(db_url: str) -> None:
    database = Database.from_url(db_url, clock=FixedClock(START))
    with database.unit_of_work("test") as uow:
        ensure_site(uow, SITE, "Test Tower", "Asia/Shanghai")
        uow.commit()
    add_host(database, name="张伟", email=ORGANISER, department="Sales")
    add_host(database, name="李娜", email=OTHER, department="R&D")
    database.dispose()


@pytest.fixture
def rooms(kioskctl, hosts) -> dict[str, int]:
    """Three rooms: 大会议室 (floor 3, 12 seats, projector and microphone), 小会议室 (floor 2, 6 seats) and a
    training room on floor 5 that needs approval."""
    made = {}
    for argv in (("--name", "大会议室", "--capacity", "12", "--floor", "3", "--equipment", "projector,microphone"),
                 ("--name", "小会议室", "--capacity", "6", "--floor", "2", "--equipment", "screen"),
                 ("--name", "培训室", "--capacity", "30", "--floor", "5", "--equipment", "projector,microphone",
                  "--needs-approval", "--cleaning-minutes", "20")):
        ran = kioskctl("rooms", "add", *argv, "--json")
        assert ran.code == 0, ran.err
        made[ran.json()["name"]] = ran.json()["room_id"]
    return made


def book(kioskctl, *argv: str, room: str = "大会议室", start: str = "10:00", end: str = "11:00", days: int = 3,
         attendees: int = 8, organiser: str = ORGANISER) -> Ran:
    return kioskctl("bookings", "add", "--room", room, "--organiser", organiser, "--start", at(days, start),
                    "--end", at(days, end), "--attendees", str(attendees), *argv)


def test_rooms_are_added_listed_and_edited(kioskctl, rooms) -> None:
    table = kioskctl("rooms", "list")
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert [line.split()[1] for line in lines[1:]] == ["小会议室", "大会议室", "培训室"]  # by floor
    assert "projector, microphone" in lines[2] and "yes" in lines[3]
    listed = kioskctl("rooms", "list", "--json").json()
    assert [(r["name"], r["floor"], r["capacity"], r["equipment"], r["needs_approval"], r["cleaning_minutes"])
            for r in listed] == [("小会议室", "2", 6, ["screen"], False, 10),
                                 ("大会议室", "3", 12, ["projector", "microphone"], False, 10),
                                 ("培训室", "5", 30, ["projector", "microphone"], True, 20)]

    edited = kioskctl("rooms", "edit", "小会议室", "--cleaning-minutes", "15", "--equipment", "screen,whiteboard")
    assert edited.code == 0, edited.err
    assert edited.out.startswith(f"room {rooms['小会议室']} 小会议室: floor 2, 6 seats, screen, whiteboard; "
                                 "cleaning 15 min")
    one_line_error(kioskctl("rooms", "add", "--name", "大会议室", "--capacity", "4"), "大会议室")
    one_line_error(kioskctl("rooms", "add", "--name", "Lab", "--capacity", "4", "--equipment", "laser"),
                   "unknown equipment 'laser'", "projector")
    retired = kioskctl("rooms", "edit", str(rooms["小会议室"]), "--no-active", "--json")
    assert retired.json()["active"] is False
    assert [r["name"] for r in kioskctl("rooms", "list", "--json").json()] == ["大会议室", "培训室"]
    assert len(kioskctl("rooms", "list", "--all", "--json").json()) == 3


def test_a_booking_is_made_listed_and_refused_in_one_line(kioskctl, rooms) -> None:
    made = book(kioskctl, "--topic", "Quarterly review", "--json")
    assert made.code == 0, made.err
    booking = made.json()["booking"]
    assert (booking["room_name"], booking["status"], booking["level"], booking["attendee_count"],
            booking["organiser_name"], booking["ad_hoc"]) == ("大会议室", "booked", "department", 8, "张伟", False)
    assert booking["starts_at"] == f"{at(3, '10:00')}:00+08:00"  # site time in, site time out
    line = book(kioskctl, start="14:00", end="15:00").out
    assert line.startswith(f"booking {booking['booking_id'] + 1}: 大会议室 (floor 3) {day(3)} 14:00-15:00, "
                           "department, 8 attendee(s), organiser 张伟")

    taken = one_line_error(book(kioskctl, start="10:30", end="11:30"), f"booking #{booking['booking_id']}",
                           "Quarterly review", "10:00-11:00")
    assert "大会议室" in taken
    buffer = one_line_error(book(kioskctl, start="11:05", end="11:30"), "cleaned until 11:10")
    assert f"#{booking['booking_id']}" in buffer
    assert book(kioskctl, start="11:10", end="11:30").code == 0  # the buffer's end touches: free

    as_json = book(kioskctl, "--json", start="10:30", end="11:30")
    assert as_json.code == 1 and as_json.err == ""
    refusal = as_json.json()
    assert (refusal["error"], refusal["reason"], refusal["conflicting_booking_id"]) == (
        "booking_refused", "conflict", booking["booking_id"])
    assert refusal["message"] in taken

    one_line_error(book(kioskctl, room="小会议室", attendees=9), "小会议室 seats 6", "9 attendees")
    seats = book(kioskctl, "--json", room="小会议室", attendees=9).json()
    assert (seats["reason"], seats["limit"], seats["conflicting_booking_id"]) == ("capacity", 6, None)
    one_line_error(book(kioskctl, room="小会议室", start="08:00", end="09:00", days=1),
                   "booked 2 day(s) ahead", f"the earliest date is {day(2)}")
    notice = book(kioskctl, "--json", room="小会议室", start="08:00", end="09:00", days=1).json()
    assert (notice["reason"], notice["limit"]) == ("notice_period", 2)
    one_line_error(kioskctl("bookings", "add", "--room", "大会议室", "--organiser", ORGANISER, "--start", "soon",
                            "--end", at(3, "12:00"), "--attendees", "2"), "--start 'soon'")

    listed = kioskctl("bookings", "list", "--date", day(3).isoformat(), "--room", "大会议室", "--json").json()
    assert [(r["starts_at"][11:16], r["ends_at"][11:16]) for r in listed] == [
        ("10:00", "11:00"), ("11:10", "11:30"), ("14:00", "15:00")]
    assert kioskctl("bookings", "list", "--date", day(3).isoformat(), "--room", "小会议室").out.strip() == "no bookings"
    shown = kioskctl("bookings", "show", str(booking["booking_id"]))
    assert "topic:        Quarterly review" in shown.out and "busy until 11:10" in shown.out


def test_the_desk_registers_an_ad_hoc_meeting_inside_the_notice_period(kioskctl, rooms) -> None:
    ran = book(kioskctl, "--ad-hoc", room="小会议室", start="08:00", end="09:00", days=1, attendees=4)
    assert ran.code == 0, ran.err
    assert ", ad hoc" in ran.out
    [row] = kioskctl("bookings", "list", "--date", day(1).isoformat(), "--json").json()
    assert row["ad_hoc"] is True
    assert "ad hoc" in kioskctl("bookings", "list", "--date", day(1).isoformat()).out


def test_a_company_meeting_displaces_a_department_meeting_and_offers_free_rooms(kioskctl, rooms) -> None:
    department = book(kioskctl, "--topic", "Sales sync", room="小会议室", start="14:00", end="15:00", attendees=5,
                      organiser=OTHER).out.split()[1].rstrip(":")

    company = book(kioskctl, "--level", "company", "--topic", "All hands", "--json", room="小会议室", start="14:00",
                   end="15:00", attendees=6)
    assert company.code == 0, company.err
    [moved] = company.json()["displaced"]
    assert (moved["booking"]["booking_id"], moved["booking"]["status"]) == (int(department), "displaced")
    assert [o["name"] for o in moved["offers"]] == ["大会议室", "培训室"]  # the smallest room that fits first
    text = kioskctl("bookings", "show", department)
    assert "(displaced, department)" in text.out and "displaced by: booking" in text.out

    again = book(kioskctl, "--topic", "R&D sync", room="大会议室", start="14:00", end="15:00", organiser=OTHER)
    assert again.code == 0, again.err
    over = book(kioskctl, "--level", "company", room="大会议室", start="14:30", end="15:30")
    assert over.code == 0, over.err
    assert "displaced booking" in over.out and '"R&D sync" (李娜, R&D)' in over.out
    assert "free rooms that fit: 培训室 (floor 5, 30 seats)" in over.out


def test_a_weekly_series_lists_the_date_that_conflicts(kioskctl, rooms) -> None:
    blocking = book(kioskctl, "--topic", "Board", "--json", start="09:00", end="10:00", days=10).json()
    blocking_id = blocking["booking"]["booking_id"]

    series = book(kioskctl, "--topic", "Weekly", "--weekly-until", day(24).isoformat(), start="09:00", end="09:30")
    assert series.code == 0, series.err
    lines = series.out.splitlines()
    assert lines[0].endswith(f"booked 3 date(s): {day(3)}, {day(17)}, {day(24)}")
    assert lines[1].startswith(f"not booked {day(10)}: ") and f"booking #{blocking_id}" in lines[1]
    as_json = book(kioskctl, "--weekly-until", day(17).isoformat(), "--json", room="小会议室", start="09:00",
                   end="09:30", attendees=2).json()
    assert [c["day"] for c in as_json["conflicts"]] == [] and len(as_json["made"]) == 3
    weekly = kioskctl("bookings", "list", "--date", day(17).isoformat(), "--json").json()
    assert sorted(r["room_name"] for r in weekly if r["series_id"]) == ["大会议室", "小会议室"]


def test_a_cancelled_booking_frees_its_slot(kioskctl, rooms) -> None:
    booking_id = book(kioskctl, "--json").json()["booking"]["booking_id"]

    cancelled = kioskctl("bookings", "cancel", str(booking_id), "--reason", "moved online")
    assert cancelled.code == 0, cancelled.err
    assert "cancelled; the organiser and attendees are told" in cancelled.out
    [row] = kioskctl("bookings", "list", "--date", day(3).isoformat(), "--json").json()
    assert row["status"] == "cancelled"
    assert book(kioskctl, start="10:00", end="11:00").code == 0
    assert kioskctl("bookings", "cancel", str(booking_id)).code == 1


def test_the_checklist_shows_the_arithmetic_and_who_ticked(kioskctl, rooms) -> None:
    booking_id = book(kioskctl, "--print", "agenda", "--equipment", "projector", "--json",
                      attendees=8).json()["booking"]["booking_id"]

    listed = kioskctl("bookings", "checklist", str(booking_id), "--json").json()
    quantities = {line["key"]: line["quantity"] for line in listed["lines"]}
    assert (quantities["water"], quantities["copies"], quantities["pen_and_paper"]) == (8, 10, 8)
    assert "test_projector" in quantities and "tidy" in quantities

    ticked = kioskctl("bookings", "checklist", str(booking_id), "--tick", "water", "copies", "--note", "on the table")
    assert ticked.code == 0, ticked.err
    rows = {line.split()[1]: line for line in ticked.out.splitlines()[2:]}
    assert rows["water"].split()[:3] == ["prepare", "water", "8"] and "cli:" in rows["water"]
    assert rows["copies"].split()[2] == "10" and "on the table" in rows["copies"]
    assert rows["pen_and_paper"].split() == ["prepare", "pen_and_paper", "8"]
    to_prepare = len([line for line in listed["lines"] if line["phase"] == "prepare"])
    assert ticked.out.splitlines()[0].endswith(f"prepared 2 of {to_prepare}")

    unticked = kioskctl("bookings", "checklist", str(booking_id), "--untick", "water", "--json").json()
    assert unticked["booking"]["prepared"] == 1
    one_line_error(kioskctl("bookings", "checklist", str(booking_id), "--tick", "champagne"),
                   "no checklist line 'champagne'", "water")


def test_damage_at_the_after_use_check_puts_the_room_out_of_order_until_repaired(kioskctl, rooms,
                                                                                 tmp_path: Path) -> None:
    now = datetime.now(SHANGHAI).replace(second=0, microsecond=0) - timedelta(minutes=2)
    started = kioskctl("bookings", "add", "--room", "小会议室", "--organiser", ORGANISER, "--ad-hoc",
                       "--start", now.strftime("%Y-%m-%dT%H:%M"),
                       "--end", (now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"), "--attendees", "3", "--json")
    assert started.code == 0, started.err
    booking_id = started.json()["booking"]["booking_id"]
    photo = tmp_path / "chair.jpg"
    photo.write_bytes(JPEG)

    inspected = kioskctl("bookings", "inspect", str(booking_id), "--ok", "tidy", "room_restored",
                         "--damage", "chair leg broken", "--photo", str(photo), "--note", "left tidy")
    assert inspected.code == 0, inspected.err
    first, second = inspected.out.splitlines()
    assert ", done" in first and "2 after-use line(s) in order" in first
    assert second.startswith("damage report ") and "room 小会议室 is out of order" in second
    report_id = second.split()[2].rstrip(":")

    one_line_error(book(kioskctl, room="小会议室", attendees=2), "小会议室 is out of order", "chair leg broken")
    assert "OUT OF ORDER" in kioskctl("rooms", "list").out
    [open_report] = kioskctl("rooms", "damage-list", "--json").json()
    assert (open_report["report_id"], open_report["booking_id"], open_report["has_photo"]) == (
        int(report_id), booking_id, True)

    repaired = kioskctl("rooms", "repaired", report_id, "--note", "new leg")
    assert repaired.code == 0, repaired.err
    assert "room 小会议室 takes bookings again" in repaired.out
    assert kioskctl("rooms", "damage-list").out.strip() == "no damage reports"
    assert "new leg" in kioskctl("rooms", "damage-list", "--all").out
    assert book(kioskctl, room="小会议室", attendees=2).code == 0


def test_damage_reported_by_hand_and_the_use_report(kioskctl, rooms, tmp_path: Path) -> None:
    reported = kioskctl("rooms", "damage", "培训室", "--what", "projector lamp out", "--json")
    assert reported.code == 0, reported.err
    assert reported.json()["room_name"] == "培训室" and reported.json()["repaired_at"] is None
    one_line_error(book(kioskctl, room="培训室", attendees=2), "out of order")
    book(kioskctl, room="大会议室")

    report = kioskctl("rooms", "report", "--from", day(3).isoformat(), "--to", day(3).isoformat(), "--json")
    assert report.code == 0, report.err
    lines = {line["room_name"]: line for line in report.json()["lines"]}
    assert lines["大会议室"]["booked_hours"] == 1.0 and lines["大会议室"]["bookings"] == 1
    out = tmp_path / "use.csv"
    written = kioskctl("rooms", "report", "--from", day(3).isoformat(), "--to", day(3).isoformat(), "--out", str(out))
    assert written.code == 0 and out.exists(), written.err
    one_line_error(kioskctl("rooms", "report", "--from", day(3).isoformat(), "--to", day(2).isoformat()),
                   "--to is before --from")


def test_an_invitation_names_a_booking(kioskctl, rooms) -> None:
    booking_id = book(kioskctl, "--json").json()["booking"]["booking_id"]

    invited = kioskctl("invitations", "add", "--host", ORGANISER, "--name", "Jane Doe", "--phone", "13800138000",
                       "--booking", str(booking_id), "--json")
    assert invited.code == 0, invited.err
    assert invited.json()["visit_date"] == day(3).isoformat()
    assert invited.json()["expected_start"] == f"{at(3, '10:00')}:00+08:00"
    attendees = kioskctl("bookings", "show", str(booking_id), "--json").json()["attendees"]
    assert [(a["name"], a["visit_id"]) for a in attendees] == [("Jane Doe", invited.json()["visit_id"])]

    kioskctl("bookings", "cancel", str(booking_id))
    one_line_error(kioskctl("invite", "--host", ORGANISER, "--name", "John Roe", "--phone", "13800138001",
                            "--booking", str(booking_id)), f"booking {booking_id} is cancelled")
