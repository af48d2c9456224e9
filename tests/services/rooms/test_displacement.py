""""The part yields to the whole": a company booking takes the slot of the department bookings in its way;
each is displaced, its organiser told which meeting took the slot and offered the free rooms that fit."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import select

from kiosk.domain.rooms import BookingLevel, BookingStatus, Equipment, RefusalReason
from kiosk.models import AuditEvent, Notification
from kiosk.models.rooms import Booking
from kiosk.services.rooms import bookings, notices
from kiosk.services.rooms.records import RoomOffer
from tests.factories import SITE
from tests.services.rooms.room_data import TOMORROW, add_room, at, book, form, organiser, refusal

COMPANY = BookingLevel.COMPANY


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, list[str]]]:
    """What ``notices.displaced`` was asked to say (displaced booking, by, offered rooms), the real notice too."""
    calls: list[tuple[int, int, list[str]]] = []
    real = notices.displaced

    def displaced(uow, booking: Booking, by: Booking, offers: Sequence[RoomOffer]) -> int:
        calls.append((booking.id, by.id, [offer.name for offer in offers]))
        return real(uow, booking, by, offers)

    monkeypatch.setattr(bookings.notices, "displaced", displaced)
    return calls


def test_a_company_meeting_displaces_the_department_meetings_in_its_slot(database, told) -> None:
    hall = add_room(database, "Hall", capacity=40, cleaning_minutes=10,
                    equipment=(Equipment.PROJECTOR, Equipment.VIDEO_CONFERENCE))
    add_room(database, "Small", capacity=4, equipment=(Equipment.PROJECTOR,))
    add_room(database, "Mid", capacity=10, equipment=(Equipment.PROJECTOR,))
    add_room(database, "Large", capacity=20, equipment=(Equipment.PROJECTOR,))
    add_room(database, "No projector", capacity=10, equipment=())
    busy = add_room(database, "Busy", capacity=10, equipment=(Equipment.PROJECTOR,))
    sales, finance = organiser(database), organiser(database, "王芳", "wang.fang@example.com", "Finance")
    book(database, form(busy, sales, at(TOMORROW, 9), at(TOMORROW, 12)))
    morning = book(database, form(hall, sales, at(TOMORROW, 9), at(TOMORROW, 10), count=6,
                                  equipment_needed=frozenset({Equipment.PROJECTOR}), topic="Sales")).booking
    # Ends 13:55: its buffer reaches 14:05, into the company meeting.
    noon = book(database, form(hall, finance, at(TOMORROW, 13), at(TOMORROW, 13, 55), count=12)).booking
    after = book(database, form(hall, finance, at(TOMORROW, 17, 10), at(TOMORROW, 18))).booking

    made = book(database, form(hall, organiser(database, "陈总", "chen@example.com", "Board"), at(TOMORROW, 9, 30),
                               at(TOMORROW, 17), count=30, level=COMPANY, topic="All hands"))
    by = made.booking.booking_id
    assert [(d.booking.booking_id, d.booking.status, d.booking.version) for d in made.displaced] == [
        (morning.booking_id, BookingStatus.DISPLACED, 2), (noon.booking_id, BookingStatus.DISPLACED, 2)]
    # Free at the same time, seating them, with what they asked for, smallest first; never the hall.
    assert [o.name for o in made.displaced[0].offers] == ["Mid", "Large"]
    assert [o.name for o in made.displaced[1].offers] == ["Large"]
    assert told == [(morning.booking_id, by, ["Mid", "Large"]), (noon.booking_id, by, ["Large"])]
    with database.unit_of_work(write=False) as uow:
        rows = {b.id: b for b in uow.session.scalars(select(Booking))}
        assert [(rows[i].displaced_by_booking_id, rows[i].ical_sequence) for i in (morning.booking_id,
                                                                                     noon.booking_id)] == [(by, 1)] * 2
        assert rows[after.booking_id].status is BookingStatus.BOOKED  # 17:10 is after the 10-minute buffer
        audited = uow.session.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == "booking.displaced")
                                      .order_by(AuditEvent.id)).all()
        assert audited == [morning.booking_id, noon.booking_id]
        queued = uow.session.scalar(select(Notification.id).where(Notification.event == notices.DISPLACED))
        assert queued is not None
    # The displaced meetings no longer hold the hall: the desk may put another company meeting nowhere near them.
    with database.unit_of_work("staff:amy", write=False) as uow:
        assert [b.booking_id for b in bookings.list_bookings(
            uow, SITE, day=TOMORROW, room_id=hall, statuses=bookings.live_statuses())] == [by, after.booking_id]


def test_a_company_meeting_in_the_way_of_a_company_meeting_is_a_conflict_and_nothing_is_displaced(database,
                                                                                               told) -> None:
    hall, host = add_room(database, "Hall", capacity=40), organiser(database)
    department = book(database, form(hall, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    company = book(database, form(hall, host, at(TOMORROW, 10), at(TOMORROW, 11), level=COMPANY)).booking
    refused = refusal(database, form(hall, host, at(TOMORROW, 9), at(TOMORROW, 12), level=COMPANY))
    assert refused.reason is RefusalReason.CONFLICT and refused.conflicting is not None
    assert refused.conflicting.booking_id == company.booking_id
    assert told == []
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get_one(Booking, department.booking_id).status is BookingStatus.BOOKED


def test_the_check_lets_a_company_meeting_through_and_writes_nothing(database, told) -> None:
    hall, host = add_room(database, "Hall", capacity=40), organiser(database)
    department = book(database, form(hall, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    with database.unit_of_work("staff:amy", write=False) as uow:
        bookings.check(uow, SITE, form(hall, host, at(TOMORROW, 9), at(TOMORROW, 10), level=COMPANY),
                       can_approve=False, notice_days=1)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get_one(Booking, department.booking_id).status is BookingStatus.BOOKED
    assert told == []


def test_a_booking_raised_to_company_level_displaces_too(database, told) -> None:
    hall, host = add_room(database, "Hall", capacity=40), organiser(database)
    add_room(database, "Spare", capacity=8)
    mine = book(database, form(hall, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    theirs = book(database, form(hall, host, at(TOMORROW, 10), at(TOMORROW, 11))).booking
    with database.unit_of_work("staff:amy") as uow:
        changed = bookings.edit(uow, mine.booking_id, 1, form(hall, host, at(TOMORROW, 9), at(TOMORROW, 10, 30),
                                                              level=COMPANY), can_approve=False, notice_days=1)
    assert [(d.booking.booking_id, [o.name for o in d.offers]) for d in changed.displaced] == [
        (theirs.booking_id, ["Spare"])]
    assert told == [(theirs.booking_id, mine.booking_id, ["Spare"])]
