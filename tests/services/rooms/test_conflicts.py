"""Conflicts at the edges: touching meetings, the cleaning buffer on either side, across midnight, times typed in
other zones; only live bookings hold a slot; the refusal names the booking in the way in site time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from kiosk.domain.rooms import BookingLevel, BookingStatus, ChecklistPhase, RefusalReason
from kiosk.models.rooms import Booking, ChecklistItem
from kiosk.services.rooms import bookings
from kiosk.services.rooms.booking_checks import conflict_query
from tests.factories import SITE
from tests.services.rooms.room_data import TOMORROW, add_room, at, book, form, organiser, refusal

WEDNESDAY = TOMORROW.replace(day=17)


def _slot(database, room_id: int, start: datetime, end: datetime, **extra: object) -> int:
    return book(database, form(room_id, organiser(database), start, end, **extra)).booking.booking_id


@pytest.mark.parametrize(("buffer", "start", "end", "free"), [
    # The meeting in the way runs 09:00-10:00.
    (0, (10, 0), (11, 0), True),  # touching after: fine without a buffer
    (0, (8, 0), (9, 0), True),  # touching before
    (0, (9, 59), (11, 0), False),
    (0, (8, 0), (9, 1), False),
    (0, (9, 15), (9, 45), False),  # inside
    (0, (8, 0), (11, 0), False),  # around
    (10, (10, 5), (11, 0), False),  # the 10-minute buffer after 10:00
    (10, (10, 10), (11, 0), True),
    (10, (8, 0), (8, 50), True),  # the new meeting's own buffer ends at 09:00
    (10, (8, 0), (8, 51), False),  # ... or at 09:01
])
def test_a_slot_is_held_from_the_start_to_the_end_plus_the_rooms_buffer(database, buffer, start, end, free) -> None:
    room_id = add_room(database, cleaning_minutes=buffer)
    held = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10), topic="Weekly sales")
    wanted = form(room_id, organiser(database, "王芳", "wang.fang@example.com"), at(TOMORROW, *start),
                  at(TOMORROW, *end))
    if free:
        assert book(database, wanted).booking.busy_until == at(TOMORROW, *end) + timedelta(minutes=buffer)
        return
    refused = refusal(database, wanted)
    assert refused.reason is RefusalReason.CONFLICT
    assert refused.conflicting is not None and refused.conflicting.booking_id == held
    cleaned = ", then cleaned until 10:10" if buffer else ""
    assert refused.message == (f'Room 301 is taken 09:00-10:00 on 2026-06-16 by booking #{held} "Weekly sales" '
                               f"(李娜){cleaned}")


def test_a_meeting_across_midnight_holds_the_next_morning(database) -> None:
    room_id = add_room(database, cleaning_minutes=10)
    late = _slot(database, room_id, at(TOMORROW, 23), at(WEDNESDAY, 1))
    refused = refusal(database, form(room_id, organiser(database), at(WEDNESDAY, 0, 30), at(WEDNESDAY, 2)))
    assert refused.conflicting is not None and refused.conflicting.booking_id == late
    assert refused.message == (f"Room 301 is taken 23:00 on 2026-06-16 to 01:00 on 2026-06-17 by booking #{late} "
                               "(李娜), then cleaned until 01:10")
    assert refusal(database, form(room_id, organiser(database), at(TOMORROW, 22), at(TOMORROW, 22, 55))
                   ).conflicting.booking_id == late  # type: ignore[union-attr]
    _slot(database, room_id, at(WEDNESDAY, 1, 10), at(WEDNESDAY, 2))
    _slot(database, room_id, at(TOMORROW, 21), at(TOMORROW, 22, 50))


def test_times_in_any_zone_are_the_same_instants_and_stored_in_utc(database) -> None:
    room_id = add_room(database)
    # 09:00-10:00 in Shanghai is 03:00-04:00 in Berlin (summer time) and 21:00-22:00 the day before in New York.
    held = _slot(database, room_id, at(TOMORROW, 3, zone=ZoneInfo("Europe/Berlin")),
                 at(TOMORROW, 4, zone=ZoneInfo("Europe/Berlin")))
    with database.unit_of_work(write=False) as uow:
        row = uow.session.get_one(Booking, held)
        assert (row.starts_at, row.starts_at.tzinfo) == (datetime(2026, 6, 16, 1, 0, tzinfo=UTC), UTC)
    new_york = ZoneInfo("America/New_York")
    refused = refusal(database, form(room_id, organiser(database), at(TOMORROW.replace(day=15), 21, 30, new_york),
                                     at(TOMORROW.replace(day=15), 22, 30, new_york)))
    assert refused.conflicting is not None and refused.conflicting.booking_id == held
    assert "taken 09:00-10:00 on 2026-06-16" in refused.message  # said in the site's time
    _slot(database, room_id, datetime(2026, 6, 16, 2, 0, tzinfo=UTC), datetime(2026, 6, 16, 3, 0, tzinfo=UTC))


@pytest.mark.parametrize("status", [BookingStatus.CANCELLED, BookingStatus.RELEASED, BookingStatus.DISPLACED,
                                    BookingStatus.DONE])
def test_only_booked_and_confirmed_meetings_hold_their_slot(database, status) -> None:
    room_id = add_room(database)
    gone = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10))
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Booking, gone).status = status
        uow.commit()
    assert _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10)) != gone


def test_a_confirmed_meeting_holds_its_slot_and_another_room_is_not_in_the_way(database) -> None:
    room_id, other = add_room(database), add_room(database, "302")
    held = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10))
    with database.unit_of_work("staff:amy") as uow:
        bookings.confirm(uow, held)
    assert refusal(database, form(room_id, organiser(database), at(TOMORROW, 9), at(TOMORROW, 10))
                   ).reason is RefusalReason.CONFLICT
    _slot(database, other, at(TOMORROW, 9), at(TOMORROW, 10))


@pytest.mark.parametrize(("held_level", "new_level"), [
    (BookingLevel.DEPARTMENT, BookingLevel.DEPARTMENT),  # the desk settles those
    (BookingLevel.COMPANY, BookingLevel.COMPANY),
    (BookingLevel.COMPANY, BookingLevel.DEPARTMENT),
])
def test_only_a_company_meeting_over_department_meetings_is_not_a_conflict(database, held_level, new_level) -> None:
    room_id = add_room(database)
    held = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10), level=held_level)
    refused = refusal(database, form(room_id, organiser(database), at(TOMORROW, 9, 30), at(TOMORROW, 11),
                                     level=new_level))
    assert (refused.reason, refused.conflicting.booking_id if refused.conflicting else None) == (
        RefusalReason.CONFLICT, held)


def test_the_first_booking_in_the_way_is_named(database) -> None:
    room_id = add_room(database)
    second = _slot(database, room_id, at(TOMORROW, 10), at(TOMORROW, 11))
    first = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10))
    refused = refusal(database, form(room_id, organiser(database), at(TOMORROW, 8), at(TOMORROW, 12)))
    assert refused.conflicting is not None and refused.conflicting.booking_id == first != second


def test_the_check_is_one_range_on_the_room_and_start_index(database, backend) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite's plan names the index; PostgreSQL's depends on its statistics (see bench_rooms.py)")
    room_id = add_room(database)
    statement = conflict_query(room_id, at(TOMORROW, 9), at(TOMORROW, 10))
    with database.unit_of_work(write=False) as uow:
        compiled = statement.compile(uow.session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in uow.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "USING INDEX ix_bookings_room_starts (room_id=? AND starts_at>? AND starts_at<?)" in plan, plan


def test_check_writes_nothing_and_a_booking_being_changed_is_not_in_its_own_way(database) -> None:
    room_id = add_room(database)
    held = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10))
    moved = form(room_id, organiser(database), at(TOMORROW, 9, 30), at(TOMORROW, 10, 30))
    with database.unit_of_work("staff:amy", write=False) as uow:
        bookings.check(uow, SITE, moved, can_approve=False, notice_days=1, exclude_booking_id=held)
        assert uow.session.query(Booking).count() == 1


def test_the_refusal_carries_the_row_of_the_booking_in_the_way_as_the_desk_lists_it(database) -> None:
    room_id = add_room(database)
    held = _slot(database, room_id, at(TOMORROW, 9), at(TOMORROW, 10), topic="Weekly sales")
    with database.unit_of_work("test") as uow:
        first = uow.session.scalars(select(ChecklistItem).where(
            ChecklistItem.booking_id == held, ChecklistItem.phase == ChecklistPhase.PREPARE.value)
            .order_by(ChecklistItem.id)).first()
        assert first is not None  # book() made the preparation checklist
        first.done_at, first.done_by = uow.now(), "staff:amy"
        uow.commit()
    refused = refusal(database, form(room_id, organiser(database), at(TOMORROW, 9), at(TOMORROW, 10)))
    with database.unit_of_work(write=False) as uow:
        (listed,) = bookings.list_bookings(uow, SITE, day=TOMORROW)
    assert refused.conflicting == listed and (listed.prepared, listed.to_prepare > 1) == (1, True)
