"""Booking a room: what a booking holds, every bad field refused at once, and the refusals in their order,
each with its one reason and a line naming what is in the way (the notice period with the clock moving)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.domain.rooms import BookingLevel, BookingStatus, Equipment, RefusalReason
from kiosk.models import AuditEvent, Department, Host
from kiosk.models.rooms import Booking, BookingAttendee, Room
from kiosk.services.directory.sites import ensure_site
from kiosk.services.errors import NotFound, ValidationFailed
from kiosk.services.rooms import bookings
from kiosk.services.rooms.records import AttendeeForm
from tests.factories import add_host, invite
from tests.services.rooms.room_data import (
    TODAY,
    TOMORROW,
    add_room,
    at,
    book,
    form,
    organiser,
    refusal,
    repair,
    report_damage,
)


def test_a_booking_holds_its_room_organiser_department_and_attendees(database) -> None:
    room_id = add_room(database, cleaning_minutes=15)
    host = organiser(database)
    colleague = add_host(database, "王芳", "wang.fang@example.com", "Finance").id
    visit = invite(database, host, name="Jane Doe", visit_date=TOMORROW).visit_id
    made = book(database, form(
        room_id, host, at(TOMORROW, 9), at(TOMORROW, 10, 30), count=5, topic="  Weekly sales ",
        equipment_needed=frozenset({Equipment.PROJECTOR}), catering="tea", print_material="agenda",
        attendees=(AttendeeForm(host_id=colleague), AttendeeForm(visit_id=visit), AttendeeForm(name=" 赵先生 "),
                   AttendeeForm(host_id=colleague))))
    row = made.booking
    assert (row.status, row.level, row.topic, row.department, row.ad_hoc, row.version) == (
        BookingStatus.BOOKED, BookingLevel.DEPARTMENT, "Weekly sales", "Sales", False, 1)
    assert (row.room_name, row.organiser_name, row.organiser_email) == ("301", "李娜", "li.na@example.com")
    assert row.busy_until == at(TOMORROW, 10, 45) and made.displaced == ()
    with database.unit_of_work(write=False) as uow:
        booking = uow.session.get_one(Booking, row.booking_id)
        assert booking.ical_uid.endswith("@lobby-kiosk") and len(booking.ical_uid) == 32 + len("@lobby-kiosk")
        assert (booking.ical_sequence, booking.created_by, booking.created_at) == (0, "staff:amy", uow.now())
        assert booking.starts_at.tzinfo is UTC and booking.site_id == uow.session.get_one(Room, room_id).site_id
        people = uow.session.execute(select(BookingAttendee.host_id, BookingAttendee.visit_id, BookingAttendee.name)
                                     .where(BookingAttendee.booking_id == row.booking_id)
                                     .order_by(BookingAttendee.id)).all()
        assert [tuple(p) for p in people] == [(colleague, None, ""), (None, visit, ""), (None, None, "赵先生")]
        audited = uow.session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "booking")).all()
        assert audited == ["booking.made"]


def test_the_department_may_be_another_than_the_organisers(database) -> None:
    room_id = add_room(database)
    add_host(database, "王芳", "wang.fang@example.com", "Finance")
    with database.unit_of_work(write=False) as uow:
        finance = uow.session.scalar(select(Department.id).where(Department.name == "Finance"))
    made = book(database, form(room_id, organiser(database), at(TOMORROW, 9), at(TOMORROW, 10),
                               department_id=finance))
    assert made.booking.department == "Finance"


def test_every_bad_field_is_refused_at_once_and_nothing_is_saved(database) -> None:
    room_id = add_room(database)
    host = organiser(database)
    with pytest.raises(ValidationFailed) as failed:
        book(database, form(room_id, host + 99, at(TOMORROW, 10), at(TOMORROW, 9), count=1,
                            topic="T" * 201, catering="C" * 201, print_material="P" * 201, department_id=999,
                            attendees=(AttendeeForm(name="A"), AttendeeForm(visit_id=12345))))
    assert {e.field: e.code for e in failed.value.errors} == {
        "topic": "too_long", "catering": "too_long", "print_material": "too_long", "ends_at": "before_start",
        "organiser_host_id": "unknown_host", "department_id": "unknown_department", "attendees": "too_many"}
    assert "unknown_visit" in [e.code for e in failed.value.errors]
    with pytest.raises(ValidationFailed) as failed:
        book(database, form(room_id + 1, host, at(TOMORROW, 9), at(TOMORROW, 9), count=0,
                            attendees=(AttendeeForm(name="\u202eevil"),)))
    assert {e.field: e.code for e in failed.value.errors} == {
        "ends_at": "before_start", "attendee_count": "out_of_range", "attendees": "bad_characters",
        "room_id": "unknown_room"}
    with pytest.raises(ValidationFailed) as failed:
        book(database, form(room_id, host, datetime(2026, 6, 16, 9), datetime(2026, 6, 16, 10)))
    assert [e.code for e in failed.value.errors] == ["no_timezone"]
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Host, host).active = False
        uow.commit()
    with pytest.raises(ValidationFailed) as failed:
        book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10)))
    assert [e.code for e in failed.value.errors] == ["unknown_host"]
    with database.unit_of_work(write=False) as uow:
        assert uow.session.query(Booking).count() == 0


def test_the_refusals_come_in_their_order_one_reason_each(database, clock) -> None:
    """A form wrong in every way: putting each wrong right in turn shows the next refusal."""
    host = organiser(database)
    room_id = add_room(database, capacity=4, equipment=(), needs_approval=True, active=False)
    other = organiser(database, "王芳", "wang.fang@example.com")
    book(database, form(add_room(database, "302"), other, at(TOMORROW, 9), at(TOMORROW, 10)))
    with database.unit_of_work("test") as uow:  # the 302 meeting moves into 301 (as rows: 301 is inactive)
        held = uow.session.scalars(select(Booking)).one()
        held.room_id = room_id
        uow.commit()
    report = report_damage(database, room_id, "table broken")
    wanted = form(room_id, host, at(TOMORROW, 9, 30), at(TOMORROW, 11), count=6,
                  equipment_needed=frozenset({Equipment.PROJECTOR, Equipment.VIDEO_CONFERENCE}))
    seen = [refusal(database, wanted).reason]
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Room, room_id).active = True
        uow.commit()
    out_of_order = refusal(database, wanted)
    assert out_of_order.message == "Room 301 is out of order since 2026-06-15: table broken"
    seen.append(out_of_order.reason)
    repair(database, report)
    clock.set(at(TOMORROW, 11))  # the meeting is over
    seen.append(refusal(database, wanted).reason)
    clock.set(at(TOMORROW, 9, 44))  # it began 14 minutes ago, ...
    too_long = refusal(database, form(room_id, host, at(TOMORROW, 9, 30), at(TOMORROW.replace(day=17), 9, 31)))
    seen.append(too_long.reason)
    assert too_long.message == "A booking is at most 24 hours; this one is 24 h 1 min"
    seen.append(refusal(database, wanted).reason)  # ... and today is inside the notice period
    clock.set(at(TODAY, 9))
    capacity = refusal(database, wanted)
    assert (capacity.limit, capacity.message) == (4, "Room 301 seats 4; the meeting has 6 attendees")
    seen.append(capacity.reason)
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Room, room_id).capacity = 6
        uow.commit()
    equipment = refusal(database, wanted)
    assert equipment.message == "Room 301 has no projector, video conference"
    seen.append(equipment.reason)
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Room, room_id).equipment = ["projector", "video_conference"]
        uow.commit()
    approval = refusal(database, wanted)
    assert approval.message == "Room 301 is lent only with a supervisor's approval"
    seen.append(approval.reason)
    seen.append(refusal(database, wanted, can_approve=True).reason)
    R = RefusalReason
    assert seen == [R.INACTIVE_ROOM, R.OUT_OF_ORDER, R.IN_THE_PAST, R.TOO_LONG, R.NOTICE_PERIOD, R.CAPACITY,
                    R.EQUIPMENT, R.NEEDS_APPROVAL, R.CONFLICT]


def test_a_meeting_may_be_registered_up_to_fifteen_minutes_after_its_start(database, clock) -> None:
    room_id, host = add_room(database), organiser(database)
    late = refusal(database, form(room_id, host, at(TODAY, 8, 44), at(TODAY, 10), ad_hoc=True))
    assert late.reason is RefusalReason.IN_THE_PAST
    assert late.message == "08:44-10:00 on 2026-06-15 is past (now 09:00 on 2026-06-15)"
    assert refusal(database, form(room_id, host, at(TODAY, 8), at(TODAY, 9), ad_hoc=True)
                   ).reason is RefusalReason.IN_THE_PAST  # it ends now
    assert book(database, form(room_id, host, at(TODAY, 8, 45), at(TODAY, 10), ad_hoc=True)).booking.ad_hoc


def test_a_whole_day_is_the_longest_booking(database) -> None:
    made = book(database, form(add_room(database), organiser(database), at(TOMORROW, 8), at(TOMORROW, 8) +
                               timedelta(hours=24)))
    assert made.booking.ends_at - made.booking.starts_at == timedelta(hours=24)


def test_the_notice_period_counts_site_days_and_the_desk_marks_ad_hoc_meetings(database, clock) -> None:
    room_id, host = add_room(database), organiser(database)
    today = refusal(database, form(room_id, host, at(TODAY, 14), at(TODAY, 15)))
    assert (today.reason, today.limit) == (RefusalReason.NOTICE_PERIOD, 1)
    assert today.message == ("Rooms are booked 1 day(s) ahead: the earliest date is 2026-06-16 "
                             "(the desk registers ad-hoc meetings)")
    assert book(database, form(room_id, host, at(TODAY, 14), at(TODAY, 15), ad_hoc=True)).booking.ad_hoc is True
    # Ad hoc only where it was needed: tomorrow needs no flag.
    assert book(database, form(room_id, host, at(TOMORROW, 0), at(TOMORROW, 1), ad_hoc=True)).booking.ad_hoc is False
    assert refusal(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10)), notice_days=2
                   ).limit == 2
    # 00:30 on the 16th in Shanghai is still the 15th in UTC: the site's day counts.
    clock.set(at(TOMORROW, 0, 30))
    assert refusal(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))
                   ).reason is RefusalReason.NOTICE_PERIOD
    assert book(database, form(room_id, host, at(TOMORROW.replace(day=17), 9),
                               at(TOMORROW.replace(day=17), 10))).booking.ad_hoc is False


def test_capacity_is_the_rooms_seats(database) -> None:
    room_id, host = add_room(database, capacity=8), organiser(database)
    assert book(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10), count=8)).booking
    refused = refusal(database, form(room_id, host, at(TOMORROW, 11), at(TOMORROW, 12), count=9))
    assert (refused.reason, refused.limit) == (RefusalReason.CAPACITY, 8)


def test_a_room_that_needs_approval_is_booked_by_a_supervisor_who_approves_it(database) -> None:
    room_id = add_room(database, "Training", needs_approval=True)
    made = book(database, form(room_id, organiser(database), at(TOMORROW, 9), at(TOMORROW, 10)),
                actor="staff:boss", can_approve=True)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get_one(Booking, made.booking.booking_id).approved_by == "staff:boss"


def test_an_unknown_site_is_not_found_and_another_sites_room_is_not_this_sites(database) -> None:
    room_id, host = add_room(database), organiser(database)
    with database.unit_of_work("staff:amy") as uow:
        ensure_site(uow, "SZ", "Shenzhen office", "Asia/Shanghai")
        uow.commit()
    wanted = form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 10))
    with pytest.raises(NotFound), database.unit_of_work("staff:amy") as uow:
        bookings.book(uow, "NOPE", wanted, can_approve=False, notice_days=1)
    with pytest.raises(ValidationFailed) as failed, database.unit_of_work("staff:amy") as uow:
        bookings.book(uow, "SZ", wanted, can_approve=False, notice_days=1)
    assert [e.code for e in failed.value.errors] == ["unknown_room"]
