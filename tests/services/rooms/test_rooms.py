"""The meeting rooms: every bad field refused at once, names unique per site whatever their case, the list
by floor as people read it, a new cleaning buffer moving the bookings still to come, and the free rooms that
fit a slot, smallest first."""

from __future__ import annotations

import pytest

from kiosk.domain.rooms import Equipment
from kiosk.models.rooms import Booking
from kiosk.services.directory.sites import ensure_site, get_site
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.rooms import bookings, rooms
from kiosk.services.rooms.records import BookingRefused, RoomForm
from tests.factories import SITE
from tests.services.rooms.room_data import (
    TOMORROW,
    add_room,
    at,
    book,
    form,
    organiser,
    repair,
    report_damage,
)


def _add(db, room_form: RoomForm, site: str = SITE):
    with db.unit_of_work("staff:amy") as uow:
        return rooms.add_room(uow, site, room_form)


def _edit(db, room_id: int, room_form: RoomForm):
    with db.unit_of_work("staff:amy") as uow:
        return rooms.edit_room(uow, room_id, room_form)


def test_a_room_is_listed_by_floor_as_people_read_it_and_inactive_rooms_only_when_asked(database) -> None:
    added = _add(database, RoomForm(name="Board room", capacity=12, floor="10",
                                    equipment=frozenset({Equipment.WHITEBOARD, Equipment.PROJECTOR})))
    assert added.equipment == (Equipment.PROJECTOR, Equipment.WHITEBOARD)  # Equipment's order, not the form's
    assert (added.cleaning_minutes, added.confirm_within_minutes, added.out_of_order) == (10, 10, False)
    _add(database, RoomForm(name="B", capacity=4, floor="2"))
    _add(database, RoomForm(name="A", capacity=4, floor="2"))
    _add(database, RoomForm(name="Old", capacity=4, floor="1", active=False))
    with database.unit_of_work(write=False) as uow:
        listed = [(r.floor, r.name) for r in rooms.list_rooms(uow, SITE)]
        everything = [r.name for r in rooms.list_rooms(uow, SITE, include_inactive=True)]
    assert listed == [("2", "A"), ("2", "B"), ("10", "Board room")]
    assert everything == ["Old", "A", "B", "Board room"]


def test_every_bad_field_is_refused_at_once(database) -> None:
    with pytest.raises(ValidationFailed) as failed:
        _add(database, RoomForm(name=" ", capacity=0, floor="F" * 21, cleaning_minutes=121,
                                confirm_within_minutes=0))
    assert {e.field: e.code for e in failed.value.errors} == {
        "name": "required", "floor": "too_long", "capacity": "out_of_range", "cleaning_minutes": "out_of_range",
        "confirm_within_minutes": "out_of_range"}
    with pytest.raises(ValidationFailed) as failed:
        _add(database, RoomForm(name="N" * 101, capacity=501, cleaning_minutes=-1, confirm_within_minutes=121,
                                equipment=frozenset({"hologram"})))  # type: ignore[arg-type]
    assert sorted(e.field for e in failed.value.errors) == [
        "capacity", "cleaning_minutes", "confirm_within_minutes", "equipment", "name"]
    with database.unit_of_work(write=False) as uow:
        assert rooms.list_rooms(uow, SITE, include_inactive=True) == []


def test_the_edges_of_each_field_are_accepted(database) -> None:
    small = _add(database, RoomForm(name="N" * 100, capacity=1, floor="F" * 20, cleaning_minutes=0,
                                    confirm_within_minutes=1))
    large = _add(database, RoomForm(name="大礼堂", capacity=500, cleaning_minutes=120, confirm_within_minutes=120))
    assert (small.capacity, small.cleaning_minutes, small.confirm_within_minutes) == (1, 0, 1)
    assert (large.capacity, large.cleaning_minutes, large.confirm_within_minutes) == (500, 120, 120)


def test_a_name_is_unique_on_its_site_whatever_its_case(database) -> None:
    first = _add(database, RoomForm(name="Board Room", capacity=12))
    with pytest.raises(Conflict) as taken:
        _add(database, RoomForm(name="board room", capacity=6))
    assert taken.value.code == "duplicate_room"
    other = _add(database, RoomForm(name="Small", capacity=4))
    with pytest.raises(Conflict) as renamed:
        _edit(database, other.room_id, RoomForm(name="BOARD ROOM", capacity=4))
    assert renamed.value.code == "duplicate_room"
    assert _edit(database, first.room_id, RoomForm(name="board room", capacity=14)).name == "board room"
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "SZ", "Shenzhen office", "Asia/Shanghai")
        uow.commit()
    assert _add(database, RoomForm(name="Board Room", capacity=8), site="SZ").name == "Board Room"


def test_a_room_is_found_by_its_id_or_its_name_on_its_own_site(database) -> None:
    hall = add_room(database, "Hall A")
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "SZ", "Shenzhen office", "Asia/Shanghai")
        uow.commit()
    with database.unit_of_work("staff:amy") as uow:
        elsewhere = rooms.add_room(uow, "SZ", RoomForm(name="Hall B", capacity=4)).room_id
    with database.unit_of_work(write=False) as uow:
        assert rooms.room_id_for(uow, SITE, str(hall)) == hall
        assert rooms.room_id_for(uow, SITE, " hall a ") == hall
        for ref in ("Hall B", str(elsewhere), "Hall", "", f"#{elsewhere}"):
            with pytest.raises(NotFound):
                rooms.room_id_for(uow, SITE, ref)


def test_a_room_named_by_a_number_is_found_and_a_number_that_is_two_rooms_is_refused(database) -> None:
    first = add_room(database, "Hall A")
    second = add_room(database, "Hall C")
    numbered = add_room(database, str(first))  # "101"-style names: this room's name is the first room's id
    ninety = add_room(database, "901")
    with database.unit_of_work(write=False) as uow:
        assert rooms.room_id_for(uow, SITE, "901") == ninety
        assert rooms.room_id_for(uow, SITE, str(second)) == second
        assert rooms.room_id_for(uow, SITE, f"#{first}") == first
        assert rooms.room_id_for(uow, SITE, f"#{numbered}") == numbered
        with pytest.raises(Conflict) as both:
            rooms.room_id_for(uow, SITE, str(first))
    assert both.value.code == "ambiguous_room"
    assert f"#{first}" in both.value.message and f"#{numbered}" in both.value.message


def test_a_new_cleaning_buffer_moves_the_bookings_still_to_come(database, clock) -> None:
    room_id = add_room(database, cleaning_minutes=10)
    host = organiser(database)
    coming = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    cancelled = book(database, form(room_id, host, at(TOMORROW, 14), at(TOMORROW, 15))).booking
    with database.unit_of_work("staff:amy") as uow:
        bookings.cancel(uow, cancelled.booking_id)
    assert coming.busy_until == at(TOMORROW, 10, 10)
    # 10:15 was free with a 10-minute buffer; with 30 minutes the 09:00 meeting holds the room until 10:30.
    _edit(database, room_id, RoomForm(name="301", capacity=10, cleaning_minutes=30))
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get_one(Booking, coming.booking_id).busy_until == at(TOMORROW, 10, 30)
        assert uow.session.get_one(Booking, cancelled.booking_id).busy_until == at(TOMORROW, 15, 10)
    with pytest.raises(BookingRefused) as refused:
        book(database, form(room_id, host, at(TOMORROW, 10, 15), at(TOMORROW, 11)))
    assert refused.value.message.endswith("then cleaned until 10:30")


def test_a_room_with_an_open_damage_report_is_out_of_order_until_repaired(database) -> None:
    room_id = add_room(database)
    report = report_damage(database, room_id)
    with database.unit_of_work(write=False) as uow:
        assert rooms.room_row(uow, room_id).out_of_order is True
        assert rooms.out_of_order_room_ids(uow, get_site(uow, SITE).id) == {room_id}
    repair(database, report)
    with database.unit_of_work(write=False) as uow:
        assert rooms.room_row(uow, room_id).out_of_order is False
        assert [r.out_of_order for r in rooms.list_rooms(uow, SITE)] == [False]
        assert rooms.out_of_order_room_ids(uow, get_site(uow, SITE).id) == set()


def _free(db, starts_at, ends_at, attendees, equipment=frozenset(), exclude=None) -> list[str]:
    with db.unit_of_work(write=False) as uow:
        return [o.name for o in rooms.free_rooms(uow, SITE, starts_at, ends_at, attendees, equipment,
                                                 exclude_booking_id=exclude)]


def test_free_rooms_fit_the_attendees_and_equipment_the_smallest_first(database) -> None:
    add_room(database, "Big", capacity=30, equipment=(Equipment.PROJECTOR, Equipment.VIDEO_CONFERENCE))
    add_room(database, "Mid", capacity=12, equipment=(Equipment.PROJECTOR,))
    add_room(database, "Tiny", capacity=4, equipment=(Equipment.PROJECTOR,))
    add_room(database, "Closed", capacity=12, equipment=(Equipment.PROJECTOR,), active=False)
    broken = add_room(database, "Broken", capacity=12, equipment=(Equipment.PROJECTOR,))
    report_damage(database, broken)
    busy = add_room(database, "Busy", capacity=10, equipment=(Equipment.PROJECTOR,), cleaning_minutes=15)
    held = book(database, form(busy, organiser(database), at(TOMORROW, 8), at(TOMORROW, 9, 50))).booking
    slot = (at(TOMORROW, 10), at(TOMORROW, 11))
    assert _free(database, *slot, 6, frozenset({Equipment.PROJECTOR})) == ["Mid", "Big"]
    assert _free(database, *slot, 4) == ["Tiny", "Mid", "Big"]
    assert _free(database, *slot, 13, frozenset({Equipment.VIDEO_CONFERENCE})) == ["Big"]
    assert _free(database, *slot, 31) == []
    # The buffer is 15 minutes: from 10:05 "Busy" is free; the meeting moving does not stand in its own way.
    assert _free(database, at(TOMORROW, 10, 5), at(TOMORROW, 11), 6)[:2] == ["Busy", "Mid"]
    assert _free(database, *slot, 6, exclude=held.booking_id)[:2] == ["Busy", "Mid"]
    with pytest.raises(ValidationFailed):
        _free(database, at(TOMORROW, 11), at(TOMORROW, 10), 6)
