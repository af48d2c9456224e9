"""After booking: changing a booking (the version seen, itself not in its way, the calendar sequence rising),
cancelling, confirming, adding an attendee, the release of bookings nobody confirmed, and reading them back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.domain.rooms import BookingStatus, ChecklistPhase, RefusalReason
from kiosk.models import Visitor
from kiosk.models.rooms import Booking, BookingAttendee, DamageReport
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.rooms import bookings
from kiosk.services.rooms.records import AttendeeForm, BookingRefused
from tests.factories import SITE, add_host, invite
from tests.services.rooms.room_data import (
    TODAY,
    TOMORROW,
    add_room,
    at,
    book,
    form,
    organiser,
    refusal,
    report_damage,
    status_of,
)


def _edit(db, booking_id: int, version: int, booking_form, **extra: object):
    with db.unit_of_work("staff:amy") as uow:
        return bookings.edit(uow, booking_id, version, booking_form, can_approve=False, notice_days=1, **extra)


def _call(db, action, *args):
    with db.unit_of_work("staff:amy") as uow:
        return action(uow, *args)


def _ical(db, booking_id: int) -> tuple[str, int]:
    with db.unit_of_work(write=False) as uow:
        booking = uow.session.get_one(Booking, booking_id)
        return booking.ical_uid, booking.ical_sequence


def test_an_edit_moves_the_booking_with_the_same_calendar_entry_and_a_higher_sequence(database) -> None:
    room_id, host = add_room(database, cleaning_minutes=10), organiser(database)
    colleague = add_host(database, "王芳", "wang.fang@example.com").id
    made = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10),
                               attendees=(AttendeeForm(name="赵先生"),))).booking
    uid, _ = _ical(database, made.booking_id)
    # Half an hour later, overlapping its own old slot, with another attendee list.
    moved = _edit(database, made.booking_id, 1, form(room_id, host, at(TOMORROW, 9, 30), at(TOMORROW, 11), count=6,
                                                    attendees=(AttendeeForm(host_id=colleague),))).booking
    assert (moved.starts_at, moved.busy_until, moved.attendee_count, moved.version) == (
        at(TOMORROW, 9, 30), at(TOMORROW, 11, 10), 6, 2)
    assert _ical(database, made.booking_id) == (uid, 1)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(BookingAttendee.host_id)
                                   .where(BookingAttendee.booking_id == made.booking_id)).all() == [colleague]
    with pytest.raises(Conflict) as stale:
        _edit(database, made.booking_id, 1, form(room_id, host, at(TOMORROW, 12), at(TOMORROW, 13)))
    assert stale.value.code == "stale_version"


def test_an_edit_is_checked_as_a_booking_and_saves_nothing_when_refused(database) -> None:
    room_id, host = add_room(database), organiser(database)
    first = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    second = book(database, form(room_id, host, at(TOMORROW, 11), at(TOMORROW, 12), topic="Budget")).booking
    with pytest.raises(BookingRefused) as refused:
        _edit(database, first.booking_id, 1, form(room_id, host, at(TOMORROW, 10), at(TOMORROW, 11, 30)))
    assert refused.value.reason is RefusalReason.CONFLICT and refused.value.conflicting is not None
    assert refused.value.conflicting.booking_id == second.booking_id
    with pytest.raises(BookingRefused) as notice:  # moved to today without the desk's ad-hoc flag
        _edit(database, first.booking_id, 1, form(room_id, host, at(TODAY, 14), at(TODAY, 15)))
    assert notice.value.reason is RefusalReason.NOTICE_PERIOD
    assert _ical(database, first.booking_id)[1] == 0 and status_of(database, first.booking_id) is BookingStatus.BOOKED


def test_a_meeting_inside_the_notice_period_can_still_be_changed_on_its_day(database, clock) -> None:
    room_id, host = add_room(database), organiser(database)
    made = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    clock.set(at(TOMORROW, 9, 40))  # it began 40 minutes ago and runs over
    longer = _edit(database, made.booking_id, 1, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 11),
                                                      topic="Running over")).booking
    assert (longer.ends_at, longer.ad_hoc) == (at(TOMORROW, 11), False)
    with pytest.raises(BookingRefused) as past:  # its start may not move into the past, though
        _edit(database, made.booking_id, 2, form(room_id, host, at(TOMORROW, 9, 10), at(TOMORROW, 11)))
    assert past.value.reason is RefusalReason.IN_THE_PAST


def test_a_cancelled_booking_frees_its_slot_and_cannot_be_cancelled_or_changed_again(database) -> None:
    room_id, host = add_room(database), organiser(database)
    made = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    cancelled = _call(database, bookings.cancel, made.booking_id, " no longer needed ")
    assert (cancelled.status, cancelled.version) == (BookingStatus.CANCELLED, 2)
    assert _ical(database, made.booking_id)[1] == 1
    for again in (lambda: _call(database, bookings.cancel, made.booking_id),
                  lambda: _edit(database, made.booking_id, 2, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))),
                  lambda: _call(database, bookings.confirm, made.booking_id)):
        with pytest.raises(Conflict):
            again()
    assert book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking.status is BookingStatus.BOOKED
    with pytest.raises(NotFound):
        _call(database, bookings.cancel, 9999)


def test_confirming_twice_changes_nothing(database, clock) -> None:
    made = book(database, form(add_room(database), organiser(database), at(TOMORROW, 9), at(TOMORROW, 10))).booking
    clock.set(at(TOMORROW, 8, 55))
    confirmed = _call(database, bookings.confirm, made.booking_id)
    assert (confirmed.status, confirmed.confirmed_at, confirmed.version) == (
        BookingStatus.CONFIRMED, at(TOMORROW, 8, 55), 2)
    clock.set(at(TOMORROW, 9, 5))
    assert _call(database, bookings.confirm, made.booking_id) == confirmed


def test_unconfirmed_bookings_are_released_once_after_the_rooms_wait(database, clock, monkeypatch) -> None:
    told: list[int] = []
    monkeypatch.setattr(bookings.notices, "released", lambda uow, booking: told.append(booking.id) or 1)
    room_id, host = add_room(database, confirm_within_minutes=10), organiser(database)
    other_room = add_room(database, "302", confirm_within_minutes=30)
    nine = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking.booking_id
    kept = book(database, form(room_id, host, at(TOMORROW, 10), at(TOMORROW, 11))).booking.booking_id
    patient = book(database, form(other_room, host, at(TOMORROW, 10), at(TOMORROW, 11))).booking.booking_id
    clock.set(at(TOMORROW, 9, 9))
    assert _release(database) == []
    _call(database, bookings.confirm, kept)
    clock.set(at(TOMORROW, 10, 10))
    assert _release(database) == [nine]
    assert (status_of(database, nine), _ical(database, nine)[1]) == (BookingStatus.RELEASED, 1)
    assert told == [nine] and _release(database) == []
    clock.set(at(TOMORROW, 10, 30))
    assert _release(database) == [patient] and status_of(database, kept) is BookingStatus.CONFIRMED
    # Registered at the desk 10 minutes after it began: the wait runs from the registration.
    third = add_room(database, "303", confirm_within_minutes=10)
    late = book(database, form(third, host, at(TOMORROW, 10, 20), at(TOMORROW, 11), ad_hoc=True)).booking
    clock.set(at(TOMORROW, 10, 39))
    assert _release(database) == []
    clock.set(at(TOMORROW, 10, 40))
    assert _release(database) == [late.booking_id]


def _release(db) -> list[int]:
    with db.unit_of_work("housekeeping") as uow:
        return bookings.release_unconfirmed(uow)


def test_an_attendee_is_added_once_up_to_the_count(database) -> None:
    host = organiser(database)
    made = book(database, form(add_room(database), host, at(TOMORROW, 9), at(TOMORROW, 10), count=2)).booking
    colleague = add_host(database, "王芳", "wang.fang@example.com").id
    detail = _call(database, bookings.add_attendee, made.booking_id, AttendeeForm(host_id=colleague))
    assert [(a.name, a.email) for a in detail.attendees] == [("王芳", "wang.fang@example.com")]
    assert (detail.row.version, detail.ical_sequence) == (2, 1)
    assert _call(database, bookings.add_attendee, made.booking_id, AttendeeForm(host_id=colleague)) == detail
    _call(database, bookings.add_attendee, made.booking_id, AttendeeForm(name="赵先生"))
    with pytest.raises(ValidationFailed) as full:
        _call(database, bookings.add_attendee, made.booking_id, AttendeeForm(name="钱女士"))
    assert full.value.errors[0].code == "too_many"


def test_the_detail_names_attendees_checklist_and_damage(database) -> None:
    room_id, host = add_room(database), organiser(database)
    visit = invite(database, host, name="Jane Doe", visit_date=TOMORROW).visit_id
    with database.unit_of_work("test") as uow:
        uow.session.scalars(select(Visitor)).one().email = "jane@example.com"
        uow.commit()
    made = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10), count=3, catering="tea",
                               attendees=(AttendeeForm(visit_id=visit), AttendeeForm(name="赵先生")))).booking
    report_damage(database, room_id)
    with database.unit_of_work("test") as uow:
        uow.session.scalars(select(DamageReport)).one().booking_id = made.booking_id
        uow.commit()
    with database.unit_of_work(write=False) as uow:
        detail = bookings.booking_detail(uow, made.booking_id)
    assert [(a.name, a.email, a.visit_id is not None) for a in detail.attendees] == [
        ("Jane Doe", "jane@example.com", True), ("赵先生", "", False)]
    phases = [line.phase for line in detail.checklist]
    assert phases == sorted(phases, key=lambda p: p is not ChecklistPhase.PREPARE)
    assert detail.row.to_prepare == phases.count(ChecklistPhase.PREPARE) and detail.row.prepared == 0
    assert [d.what for d in detail.damage] == ["projector lamp broken"] and detail.catering == "tea"
    assert detail.ical_uid.endswith("@lobby-kiosk") and detail.created_by == "staff:amy"


def test_the_lists_by_day_room_and_status(database, clock) -> None:
    room_id, other, host = add_room(database), add_room(database, "302"), organiser(database)
    wednesday = TOMORROW + timedelta(days=1)
    late = book(database, form(room_id, host, at(TOMORROW, 23), at(wednesday, 1))).booking.booking_id
    early = book(database, form(other, host, at(TOMORROW, 8), at(TOMORROW, 9))).booking.booking_id
    next_day = book(database, form(room_id, host, at(wednesday, 9), at(wednesday, 10))).booking.booking_id
    _call(database, bookings.cancel, early)

    def ids(**query: object) -> list[int]:
        with database.unit_of_work(write=False) as uow:
            return [r.booking_id for r in bookings.list_bookings(uow, SITE, **query)]

    assert ids(day=TOMORROW) == [early, late]
    assert ids(day=wednesday) == [late, next_day]  # the meeting across midnight is on both days
    assert ids(day=wednesday, room_id=other) == [] and ids(day=TOMORROW, room_id=other) == [early]
    assert ids(day=TOMORROW, statuses=frozenset({BookingStatus.BOOKED})) == [late]
    assert ids() == [early, late, next_day]
    clock.set(at(wednesday, 0, 30))
    assert ids() == [next_day]


def test_an_organiser_is_found_by_address_whatever_its_case(database) -> None:
    host = organiser(database)
    with database.unit_of_work(write=False) as uow:
        assert bookings.organiser_id_for(uow, " Li.Na@Example.COM ") == host
        for unknown in ("nobody@example.com", "not an address", ""):
            with pytest.raises(NotFound):
                bookings.organiser_id_for(uow, unknown)


def test_a_room_broken_after_booking_refuses_new_bookings_not_the_list(database) -> None:
    room_id, host = add_room(database), organiser(database)
    made = book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))).booking
    report_damage(database, room_id)
    assert refusal(database, form(room_id, host, at(TOMORROW, 11), at(TOMORROW, 12))
                   ).reason is RefusalReason.OUT_OF_ORDER
    with database.unit_of_work(write=False) as uow:
        assert [r.booking_id for r in bookings.list_bookings(uow, SITE, day=TOMORROW)] == [made.booking_id]
