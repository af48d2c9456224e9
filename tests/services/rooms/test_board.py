"""The rooms' day board: each active room's meetings that day, by floor and name, and what it is doing now
(free, booked, in use, cleaning, out of order), read in the same few queries whatever the number of rooms."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from kiosk.domain.rooms import BookingStatus, ChecklistKey, ChecklistPhase, RoomState
from kiosk.models.rooms import DamageReport
from kiosk.services.errors import ValidationFailed
from kiosk.services.rooms import board, checklists
from kiosk.services.rooms.records import BoardRow, DayBoard
from tests.services.rooms.after_use_data import booking, room

SITE = "HQ"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0, day: int = 15) -> datetime:
    """A site-local time in June 2026 (the clock starts at 09:00 on Monday the 15th)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=SHANGHAI)


def day_board(db, day: date | None = None, opens: str = "08:00", closes: str = "20:00") -> DayBoard:
    with db.unit_of_work("test", write=False) as uow:
        return board.day_board(uow, SITE, day, opens=opens, closes=closes)


def by_name(day: DayBoard) -> dict[str, BoardRow]:
    return {row.room.name: row for row in day.rows}


def out_of_order(db, room_id: int, *, repaired: bool = False) -> None:
    with db.unit_of_work("test") as uow:
        uow.session.add(DamageReport(room_id=room_id, what="投影仪不亮", reported_at=uow.now(), reported_by="test",
                                     repaired_at=uow.now() if repaired else None, out_of_order_from=date(2026, 6, 15)))
        uow.commit()


def prepare_all(db, booking_id: int) -> None:
    with db.unit_of_work("test") as uow:
        ids = [line.item_id for line in checklists.checklist(uow, booking_id, ChecklistPhase.PREPARE)]
    for item_id in ids:
        with db.unit_of_work("staff:amy") as uow:
            checklists.tick(uow, item_id)


@contextmanager
def counted_queries(db) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def test_each_room_says_what_it_is_doing_now(database) -> None:  # 09:00
    cleaning = room(database, "松山厅", floor="3F")
    in_use = room(database, "黄山厅", floor="3F")
    booked = room(database, "泰山厅", floor="10F")
    broken = room(database, "华山厅", floor="2F")
    done = room(database, "庐山厅", floor="10F")
    free = room(database, "峨眉厅", floor="10F")
    room(database, "旧会议室", floor="1F", active=False)
    just_ended = booking(database, cleaning, at(8), at(8, 55))  # busy until 09:05: being cleaned
    booking(database, cleaning, at(14), at(15))
    running = booking(database, in_use, at(8, 30), at(10), status=BookingStatus.CONFIRMED)
    booking(database, booked, at(15), at(16))
    booking(database, booked, at(10), at(11), status=BookingStatus.CANCELLED)
    booking(database, broken, at(10), at(11))
    out_of_order(database, broken)
    booking(database, done, at(7), at(8, 30), status=BookingStatus.DONE)  # over, cleaned (busy until 08:40)
    booking(database, free, at(11), at(12), status=BookingStatus.RELEASED)
    booking(database, free, at(9, day=16), at(10, day=16))

    today = day_board(database)
    assert (today.day, today.opens_at, today.closes_at) == (date(2026, 6, 15), at(8), at(20))
    assert [(row.room.name, row.room.floor) for row in today.rows] == [
        ("华山厅", "2F"), ("松山厅", "3F"), ("黄山厅", "3F"), ("峨眉厅", "10F"), ("庐山厅", "10F"), ("泰山厅", "10F")]
    rows = by_name(today)
    assert {name: (row.state, row.current_booking_id) for name, row in rows.items()} == {
        "华山厅": (RoomState.OUT_OF_ORDER, None),
        "松山厅": (RoomState.CLEANING, just_ended),
        "黄山厅": (RoomState.IN_USE, running),
        "泰山厅": (RoomState.BOOKED, None),
        "庐山厅": (RoomState.FREE, None),
        "峨眉厅": (RoomState.FREE, None),  # released today, booked tomorrow
    }
    assert rows["华山厅"].room.out_of_order is True and rows["松山厅"].room.out_of_order is False
    assert [(s.starts_at, s.status) for s in rows["松山厅"].segments] == [
        (at(8), BookingStatus.BOOKED), (at(14), BookingStatus.BOOKED)]
    assert [s.status for s in rows["泰山厅"].segments] == [BookingStatus.BOOKED]  # the cancelled one is not shown
    assert [s.status for s in rows["庐山厅"].segments] == [BookingStatus.DONE]
    assert rows["峨眉厅"].segments == ()


def test_the_state_moves_with_the_clock(database, clock) -> None:
    hall = room(database, "松山厅", cleaning_minutes=15)
    meeting = booking(database, hall, at(10), at(11))

    def state() -> tuple[RoomState, int | None]:
        row = day_board(database).rows[0]
        return row.state, row.current_booking_id

    assert state() == (RoomState.BOOKED, None)
    clock.set(at(10))
    assert state() == (RoomState.IN_USE, meeting)
    clock.set(at(11))  # the end: cleaning for 15 minutes
    assert state() == (RoomState.CLEANING, meeting)
    clock.set(at(11, 15))
    assert state() == (RoomState.FREE, None)


def test_another_days_board_shows_its_meetings_but_no_state_but_out_of_order(database) -> None:
    hall, broken = room(database, "松山厅"), room(database, "华山厅")
    tomorrow = booking(database, hall, at(9, day=16), at(10, day=16))
    booking(database, hall, at(9, 30), at(10))  # today's: not on tomorrow's board
    out_of_order(database, broken)
    rows = by_name(day_board(database, date(2026, 6, 16)))
    assert (rows["松山厅"].state, [s.booking_id for s in rows["松山厅"].segments]) == (RoomState.FREE, [tomorrow])
    assert rows["华山厅"].state is RoomState.OUT_OF_ORDER
    assert day_board(database, date(2026, 6, 16)).opens_at == at(8, day=16)


def test_a_repaired_room_is_back_in_order(database) -> None:
    hall = room(database)
    out_of_order(database, hall, repaired=True)
    assert day_board(database).rows[0].state is RoomState.FREE


def test_a_meeting_across_midnight_shows_on_both_days(database) -> None:
    hall = room(database)
    late = booking(database, hall, at(22, day=15), at(1, day=16))
    assert [s.booking_id for s in day_board(database, date(2026, 6, 15)).rows[0].segments] == [late]
    assert [s.booking_id for s in day_board(database, date(2026, 6, 16)).rows[0].segments] == [late]
    assert day_board(database, date(2026, 6, 17)).rows[0].segments == ()


def test_today_is_the_sites_date(database, clock) -> None:
    room(database)
    clock.set(datetime(2026, 6, 15, 17, 30, tzinfo=ZoneInfo("UTC")))  # 01:30 on the 16th in Shanghai
    assert day_board(database).day == date(2026, 6, 16)


def test_a_segment_says_whether_the_meeting_is_prepared(database) -> None:
    hall = room(database)
    ready = booking(database, hall, at(10), at(11), topic="准备好了", attendees=5)
    waiting = booking(database, hall, at(14), at(15), topic="还没准备")
    prepare_all(database, ready)
    with database.unit_of_work("test") as uow:  # a ticked after-use line does not make a meeting prepared
        item = checklists.checklist(uow, waiting, ChecklistPhase.INSPECT)[0].item_id
    with database.unit_of_work("staff:amy") as uow:
        checklists.tick(uow, item)
    segments = day_board(database).rows[0].segments
    assert [(s.topic, s.prepared, s.organiser_name, s.attendee_count) for s in segments] == [
        ("准备好了", True, "张伟", 5), ("还没准备", False, "张伟", 8)]
    with database.unit_of_work("test", write=False) as uow:
        assert ChecklistKey.WATER in {line.key for line in checklists.checklist(uow, waiting)}


@pytest.mark.parametrize(("opens", "closes"), [("8:00", "20:00"), ("08:00", "25:00"), ("20:00", "08:00"),
                                               ("noon", "20:00")])
def test_opening_hours_are_checked(database, opens, closes) -> None:
    with pytest.raises(ValidationFailed):
        day_board(database, opens=opens, closes=closes)


def test_the_board_takes_the_same_queries_for_three_rooms_or_thirty(database) -> None:
    def queries() -> int:
        day_board(database)  # warm: the first read of a process loads more than the board does
        with counted_queries(database) as statements:
            day_board(database)
        return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])

    for number in range(3):
        booking(database, room(database, f"A{number}"), at(10), at(11))
    few = queries()
    for number in range(27):
        hall = room(database, f"B{number}")
        booking(database, hall, at(10), at(11))
        booking(database, hall, at(14), at(15), status=BookingStatus.CONFIRMED)
    assert len(day_board(database).rows) == 30
    assert queries() == few <= 5
