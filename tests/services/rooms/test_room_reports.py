"""The rooms' use report: booked hours inside the opening hours against the opening hours, meetings that took
place, no-shows, displacements and cancellations per room and in all, checked against figures worked out by
hand; and its CSV/XLSX file, read back."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.rooms import BookingStatus
from kiosk.models.rooms import DamageReport
from kiosk.services.errors import ValidationFailed
from kiosk.services.rooms import notices, reports
from kiosk.services.rooms.records import RoomReport, RoomUseLine
from tests.services.rooms.after_use_data import booking, room

SITE = "HQ"
SHANGHAI = ZoneInfo("Asia/Shanghai")
S = BookingStatus


def at(hour: int, minute: int = 0, day: int = 15) -> datetime:
    """A site-local time in June 2026."""
    return datetime(2026, 6, day, hour, minute, tzinfo=SHANGHAI)


def room_report(db, first: date, last: date, opens: str = "08:00", closes: str = "20:00") -> RoomReport:
    with db.unit_of_work("test", write=False) as uow:
        return reports.room_report(uow, SITE, first, last, opens=opens, closes=closes)


def figures(line: RoomUseLine) -> tuple[str, float, float, int, int, int, int]:
    return (line.room_name, round(line.booked_hours, 4), line.opening_hours, line.bookings, line.released,
            line.displaced, line.cancelled)


def damage(db, room_id: int, reported_at: datetime) -> None:
    with db.unit_of_work("test") as uow:
        uow.session.add(DamageReport(room_id=room_id, what="椅子坏了", reported_at=reported_at, reported_by="test",
                                     out_of_order_from=reported_at.astimezone(SHANGHAI).date()))
        uow.commit()


@pytest.fixture
def seeded(database) -> dict[str, int]:
    """Two days (15th, 16th of June), opening 08:00-20:00: 12 hours a day, 24 hours a room.

    松山厅: done 09:30-11:30 (2 h), booked 19:00-21:00 on the 15th (1 h inside), confirmed 07:00-09:30 on the
    16th (1.5 h inside), released and cancelled on the 16th, a meeting from 22:00 on the 14th to 09:00 on the
    15th (1 h inside, counted on the 14th), one on the 17th: 5.5 h, 3 meetings, 1 released, 1 cancelled.
    黄山厅: displaced on the 15th, booked 10:00-12:00 on the 16th: 2 h, 1 meeting, 1 displaced.
    旧会议室 (inactive): done 10:00-11:00 on the 15th: 1 h. 空会议室 (inactive, unused): not listed.
    泰山厅: nothing.
    """
    hall, small = room(database, "松山厅", floor="3F"), room(database, "黄山厅", floor="3F")
    old, room_id = room(database, "旧会议室", floor="1F", active=False), room(database, "泰山厅", floor="10F")
    room(database, "空会议室", floor="1F", active=False)
    booking(database, hall, at(9, 30), at(11, 30), status=S.DONE)
    booking(database, hall, at(19), at(21))
    booking(database, hall, at(7, day=16), at(9, 30, day=16), status=S.CONFIRMED)
    booking(database, hall, at(14, day=16), at(15, day=16), status=S.RELEASED)
    booking(database, hall, at(16, day=16), at(17, day=16), status=S.CANCELLED)
    booking(database, hall, at(22, day=14), at(9, day=15), status=S.DONE)
    booking(database, hall, at(9, day=17), at(10, day=17))
    booking(database, small, at(10), at(11), status=S.DISPLACED)
    booking(database, small, at(10, day=16), at(12, day=16))
    booking(database, old, at(10), at(11), status=S.DONE)
    damage(database, hall, at(12))
    damage(database, small, at(12, day=17))
    return {"hall": hall, "small": small, "old": old, "empty": room_id}


def test_the_figures_match_the_hand_count(database, seeded) -> None:
    report = room_report(database, date(2026, 6, 15), date(2026, 6, 16))
    assert [figures(line) for line in report.lines] == [
        ("旧会议室", 1.0, 24.0, 1, 0, 0, 0),
        ("松山厅", 5.5, 24.0, 3, 1, 0, 1),
        ("黄山厅", 2.0, 24.0, 1, 0, 1, 0),
        ("泰山厅", 0.0, 24.0, 0, 0, 0, 0),
    ]
    by_name = {line.room_name: line for line in report.lines}
    assert by_name["松山厅"].use_ratio == pytest.approx(5.5 / 24)
    assert by_name["泰山厅"].use_ratio == 0
    assert figures(report.total) == ("", 8.5, 96.0, 5, 1, 1, 1)
    assert report.total.room_id == 0
    assert report.total.use_ratio == pytest.approx(8.5 / 96)
    assert report.damage_reports == 1  # the one on the 17th is outside


def test_one_day_and_other_opening_hours(database, seeded) -> None:
    report = room_report(database, date(2026, 6, 16), date(2026, 6, 16), opens="09:00", closes="18:00")
    by_name = {line.room_name: figures(line) for line in report.lines}
    # 松山厅: 09:00-09:30 of the confirmed meeting; 黄山厅: 10:00-12:00. The old room was not used that day.
    assert by_name == {"松山厅": ("松山厅", 0.5, 9.0, 1, 1, 0, 1), "黄山厅": ("黄山厅", 2.0, 9.0, 1, 0, 0, 0),
                       "泰山厅": ("泰山厅", 0.0, 9.0, 0, 0, 0, 0)}
    assert report.damage_reports == 0


def test_an_empty_period_lists_the_active_rooms_unused(database, seeded) -> None:
    report = room_report(database, date(2026, 7, 1), date(2026, 7, 31))
    assert [figures(line) for line in report.lines] == [
        ("松山厅", 0.0, 372.0, 0, 0, 0, 0), ("黄山厅", 0.0, 372.0, 0, 0, 0, 0), ("泰山厅", 0.0, 372.0, 0, 0, 0, 0)]
    assert (report.total.use_ratio, report.damage_reports, report.prepare_alerts) == (0, 0, 0)


def test_a_site_without_rooms_has_an_empty_report(database) -> None:
    report = room_report(database, date(2026, 6, 15), date(2026, 6, 15))
    assert report.lines == ()
    assert figures(report.total) == ("", 0.0, 0.0, 0, 0, 0, 0)
    assert report.total.use_ratio == 0


def test_meetings_reception_was_alerted_about_are_counted(database, clock) -> None:
    hall = room(database)
    late = booking(database, hall, at(9, 10), at(10))
    booking(database, hall, at(11), at(12))
    with database.unit_of_work("test") as uow:
        notices.alert_unprepared(uow, [late])
    assert room_report(database, date(2026, 6, 15), date(2026, 6, 15)).prepare_alerts == 1
    assert room_report(database, date(2026, 6, 16), date(2026, 6, 16)).prepare_alerts == 0


@pytest.mark.parametrize(("first", "last", "opens", "closes"), [
    (date(2026, 6, 16), date(2026, 6, 15), "08:00", "20:00"),
    (date(2020, 1, 1), date(2026, 1, 1), "08:00", "20:00"),
    (date(2026, 6, 15), date(2026, 6, 15), "20:00", "08:00"),
])
def test_a_wrong_period_is_refused(database, first, last, opens, closes) -> None:
    with pytest.raises(ValidationFailed):
        room_report(database, first, last, opens, closes)


# -- the file ------------------------------------------------------------------------------------------------

def test_csv_in_chinese_with_a_total_row(database, seeded, tmp_path: Path) -> None:
    report = room_report(database, date(2026, 6, 15), date(2026, 6, 16))
    path = tmp_path / "rooms.csv"
    assert reports.write_room_report(report, path) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on a Chinese Windows needs the byte-order mark
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["会议室", "楼层", "预订小时", "开放小时", "使用率 %", "会议", "未确认释放", "被调整", "已取消"]
    assert rows[2] == ["松山厅", "3F", "5.50", "24.00", "22.9", "3", "1", "0", "1"]
    assert rows[-1] == ["合计", "", "8.50", "96.00", "8.9", "5", "1", "1", "1"]
    assert len(rows) == 6


def test_xlsx_in_english_keeps_a_formula_looking_name_as_text(database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sneaky = room(database, "=HYPERLINK(\"http://x\")", floor="@1")
    booking(database, sneaky, at(10), at(13), status=S.DONE)
    report = room_report(database, date(2026, 6, 15), date(2026, 6, 15))
    path = tmp_path / "rooms.xlsx"
    assert reports.write_room_report(report, path, language="en") == 1
    sheet = load_workbook(path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["room", "floor", "booked hours", "opening hours", "use %", "meetings", "released (no-show)",
                       "displaced", "cancelled"]
    assert sheet["A2"].data_type == "s" and rows[1][0] == "=HYPERLINK(\"http://x\")"
    assert [float(v) for v in rows[1][2:5]] == [3.0, 12.0, 25.0]
    assert rows[2][0] == "total"

    csv_path = tmp_path / "rooms.csv"
    reports.write_room_report(report, csv_path, language="en")
    [_, first, _] = list(csv.reader(csv_path.read_text("utf-8-sig").splitlines()))
    assert first[:2] == ["'=HYPERLINK(\"http://x\")", "'@1"]  # inert in a spreadsheet


def test_another_file_kind_is_refused_before_a_file_is_made(database, tmp_path: Path) -> None:
    report = room_report(database, date(2026, 6, 15), date(2026, 6, 15))
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ValidationFailed) as refused:
        reports.write_room_report(report, folder / "rooms.pdf")
    assert refused.value.by_field["format"].code == "unknown_format"
    assert list(folder.iterdir()) == []
