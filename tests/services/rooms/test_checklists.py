"""Preparation and after-use checklists: made from the booking (equipment to test, water = attendees,
copies = attendees + 2, pen and paper = attendees, layout, 22-25 °C, catering when asked for), brought up to
date after an edit (a ticked line whose quantity changed must be done again), ticked with who and when, and
the meetings starting soon that are not prepared."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.rooms import BookingStatus, ChecklistKey, ChecklistPhase, Equipment
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.rooms import checklists
from kiosk.services.rooms.records import ChecklistLine
from tests.services.rooms.after_use_data import booking, edit, room

SITE = "HQ"
SHANGHAI = ZoneInfo("Asia/Shanghai")
K = ChecklistKey


def at(hour: int, minute: int = 0, day: int = 15) -> datetime:
    """A site-local time in June 2026 (the clock starts at 09:00 on Monday the 15th)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=SHANGHAI)


def lines(db, booking_id: int, phase: ChecklistPhase | None = None) -> list[ChecklistLine]:
    with db.unit_of_work("test", write=False) as uow:
        return checklists.checklist(uow, booking_id, phase)


def shown(db, booking_id: int) -> list[tuple[str, str, int | None, bool]]:
    return [(line.phase.value, line.key.value, line.quantity, line.done_at is not None)
            for line in lines(db, booking_id)]


def line(db, booking_id: int, key: ChecklistKey) -> ChecklistLine:
    return next(found for found in lines(db, booking_id) if found.key is key)


def tick(db, item_id: int, *, done: bool = True, note: str = "", actor: str = "staff:amy") -> ChecklistLine:
    with db.unit_of_work(actor) as uow:
        return checklists.tick(uow, item_id, done=done, note=note)


def test_a_meeting_with_printed_material_gets_the_rulebooks_list(database) -> None:
    hall = room(database, equipment=(Equipment.PROJECTOR, Equipment.WHITEBOARD, Equipment.SPEAKERS))
    meeting = booking(database, hall, at(14), at(15), attendees=12, print_material="季度报告")
    assert shown(database, meeting) == [
        ("prepare", "confirm_details", None, False),
        ("prepare", "test_projector", None, False),  # the room's equipment: the booking named none
        ("prepare", "test_speakers", None, False),  # (a whiteboard has nothing to test)
        ("prepare", "water", 12, False),
        ("prepare", "copies", 14, False),  # attendees + 2
        ("prepare", "pen_and_paper", 12, False),
        ("prepare", "layout", None, False),
        ("prepare", "temperature", None, False),
        ("inspect", "tidy", None, False),
        ("inspect", "equipment_back", None, False),
        ("inspect", "supplies_checked", None, False),
        ("inspect", "room_restored", None, False),
    ]
    assert line(database, meeting, K.TEMPERATURE).note == "22-25 °C"


def test_equipment_named_by_the_booking_is_tested_and_catering_is_a_line(database) -> None:
    hall = room(database, equipment=tuple(Equipment))
    meeting = booking(database, hall, at(14), at(15), attendees=3, catering="茶歇",
                      equipment=(Equipment.MICROPHONE, Equipment.VIDEO_CONFERENCE))
    keys = [found.key for found in lines(database, meeting, ChecklistPhase.PREPARE)]
    assert keys == [K.CONFIRM_DETAILS, K.TEST_MICROPHONE, K.TEST_VIDEO_CONFERENCE, K.WATER, K.PEN_AND_PAPER,
                    K.LAYOUT, K.TEMPERATURE, K.CATERING]  # no printed material: no copies
    assert [found.key for found in lines(database, meeting, ChecklistPhase.INSPECT)] == [
        K.TIDY, K.EQUIPMENT_BACK, K.SUPPLIES_CHECKED, K.ROOM_RESTORED]


def test_syncing_again_changes_nothing(database) -> None:
    meeting = booking(database, room(database), at(14), at(15), attendees=6, print_material="议程")
    before = lines(database, meeting)
    edit(database, meeting)
    assert lines(database, meeting) == before


def test_more_attendees_move_the_quantities_and_a_ticked_line_must_be_done_again(database, clock) -> None:
    meeting = booking(database, room(database), at(14), at(15), attendees=12, print_material="议程")
    tick(database, line(database, meeting, K.WATER).item_id)
    tick(database, line(database, meeting, K.LAYOUT).item_id)
    edit(database, meeting, attendee_count=15)
    water = line(database, meeting, K.WATER)
    assert (water.quantity, water.done_at, water.done_by) == (15, None, "")  # water for 12 was ready: 3 short
    assert line(database, meeting, K.COPIES).quantity == 17
    assert line(database, meeting, K.PEN_AND_PAPER).quantity == 15
    layout = line(database, meeting, K.LAYOUT)
    assert (layout.done_at, layout.done_by) == (clock.now(), "staff:amy")  # no quantity: still done


def test_lines_that_no_longer_apply_go_unless_they_were_done(database) -> None:
    hall = room(database, equipment=(Equipment.PROJECTOR, Equipment.MICROPHONE))
    meeting = booking(database, hall, at(14), at(15), catering="午餐", print_material="议程",
                      equipment=(Equipment.PROJECTOR, Equipment.MICROPHONE))
    tick(database, line(database, meeting, K.COPIES).item_id)
    tick(database, line(database, meeting, K.TEST_PROJECTOR).item_id)
    edit(database, meeting, catering="", print_material="", equipment_needed=[Equipment.MICROPHONE.value])
    keys = {found.key: found.done_at is not None for found in lines(database, meeting, ChecklistPhase.PREPARE)}
    assert K.CATERING not in keys  # never done: gone
    assert keys[K.COPIES] is True and keys[K.TEST_PROJECTOR] is True  # done: kept as the record
    assert keys[K.TEST_MICROPHONE] is False
    edit(database, meeting, catering="咖啡")
    assert line(database, meeting, K.CATERING).done_at is None  # asked for again: a line again


def test_a_tick_says_who_and_when_and_an_untick_clears_it(database, clock) -> None:
    meeting = booking(database, room(database), at(14), at(15))
    water = line(database, meeting, K.WATER)
    ticked = tick(database, water.item_id, note="  矿泉水 8 瓶 ", actor="staff:bob")
    assert (ticked.done_at, ticked.done_by, ticked.note) == (clock.now(), "staff:bob", "矿泉水 8 瓶")
    clock.advance(minutes=5)
    again = tick(database, water.item_id, actor="staff:amy")
    assert (again.done_at, again.done_by, again.note) == (ticked.done_at, "staff:bob", "矿泉水 8 瓶")
    cleared = tick(database, water.item_id, done=False)
    assert (cleared.done_at, cleared.done_by) == (None, "")
    assert line(database, meeting, K.WATER) == cleared


def test_a_tick_keeps_the_target_temperature_unless_a_note_is_given(database) -> None:
    meeting = booking(database, room(database), at(14), at(15))
    temperature = line(database, meeting, K.TEMPERATURE)
    assert tick(database, temperature.item_id).note == "22-25 °C"
    assert tick(database, temperature.item_id, note="24 °C").note == "24 °C"


def test_a_note_is_checked_and_nothing_is_saved_when_it_is_wrong(database) -> None:
    meeting = booking(database, room(database), at(14), at(15))
    water = line(database, meeting, K.WATER)
    with pytest.raises(ValidationFailed) as refused:
        tick(database, water.item_id, note="x" * 201)
    assert refused.value.by_field["note"].code == "too_long"
    with pytest.raises(ValidationFailed):
        tick(database, water.item_id, note="bad\x07bell")
    assert line(database, meeting, K.WATER).done_at is None


def test_preparation_closes_with_the_booking_but_the_after_use_lines_stay_open_once_done(database) -> None:
    hall = room(database)
    cancelled = booking(database, hall, at(14), at(15), status=BookingStatus.CANCELLED)
    with pytest.raises(Conflict, match="cancelled"):
        tick(database, line(database, cancelled, K.WATER).item_id)
    with pytest.raises(Conflict):
        tick(database, line(database, cancelled, K.TIDY).item_id)
    done = booking(database, hall, at(10), at(11), status=BookingStatus.DONE)
    with pytest.raises(Conflict, match="done"):
        tick(database, line(database, done, K.LAYOUT).item_id)
    assert tick(database, line(database, done, K.TIDY).item_id).done_by == "staff:amy"


def test_unknown_lines_and_bookings_are_not_found(database) -> None:
    with pytest.raises(NotFound):
        tick(database, 999)
    with pytest.raises(NotFound):
        lines(database, 999)


def _ready(db, booking_id: int) -> None:
    for found in lines(db, booking_id, ChecklistPhase.PREPARE):
        tick(db, found.item_id)


def test_meetings_starting_soon_that_are_not_prepared(database, clock) -> None:
    hall, small, big = room(database, "松山厅"), room(database, "黄山厅"), room(database, "泰山厅")
    started = booking(database, hall, at(8, 40), at(9, 40), topic="已开始")  # started, not ended: still alerted
    soon = booking(database, small, at(9, 10), at(10), topic="十分钟后")
    ready = booking(database, big, at(9, 5), at(10), topic="都准备好了")
    _ready(database, ready)
    booking(database, big, at(9, 20), at(10), status=BookingStatus.CANCELLED, topic="取消了")
    booking(database, hall, at(9, 50), at(11), topic="五十分钟后")  # after the 15 minutes
    booking(database, small, at(7), at(8, 59), topic="已结束")  # over
    with database.unit_of_work("test", write=False) as uow:
        due = checklists.unprepared_soon(uow, SITE, 15)
    assert [(row.booking_id, row.topic) for row in due] == [(started, "已开始"), (soon, "十分钟后")]
    assert due[1].to_prepare > due[1].prepared

    _ready(database, soon)
    clock.advance(minutes=40)  # 09:40: the first meeting is over, the one at 09:50 is due
    with database.unit_of_work("test", write=False) as uow:
        assert [row.topic for row in checklists.unprepared_soon(uow, SITE, 15)] == ["五十分钟后"]
