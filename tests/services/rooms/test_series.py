"""Weekly bookings: the slot every week up to a date, the dates that cannot be booked listed with their reason
(nothing booked for them), and cancelling a series from a day on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.domain.rooms import BookingLevel, BookingStatus, RefusalReason
from kiosk.models.rooms import Booking
from kiosk.services.errors import NotFound, ValidationFailed
from kiosk.services.rooms import series
from tests.factories import SITE
from tests.services.rooms.room_data import SHANGHAI, TODAY, TOMORROW, add_room, at, book, form, organiser, status_of


def _weekly(db, booking_form, until: date, *, notice_days: int = 1):
    with db.unit_of_work("staff:amy") as uow:
        return series.book_weekly(uow, SITE, booking_form, until, can_approve=False, notice_days=notice_days)


def _count(db) -> int:
    with db.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.count(Booking.id))) or 0)


def test_every_week_at_the_same_local_time_and_the_taken_dates_listed(database) -> None:
    room_id, host = add_room(database), organiser(database)
    in_the_way = book(database, form(room_id, organiser(database, "王芳", "wang.fang@example.com"),
                                     at(TOMORROW + timedelta(weeks=2), 10, 30), at(TOMORROW + timedelta(weeks=2), 12),
                                     topic="Budget")).booking
    made = _weekly(database, form(room_id, host, at(TOMORROW, 10), at(TOMORROW, 11), topic="Standup"),
                   date(2026, 7, 13))
    assert [(r.starts_at.astimezone(SHANGHAI).date(), r.starts_at.astimezone(SHANGHAI).time().hour)
            for r in made.made] == [(TOMORROW + timedelta(weeks=w), 10) for w in (0, 1, 3)]  # 2026-07-14 is past until
    assert {r.series_id for r in made.made} == {made.series_id} and len(made.series_id) == 32
    (conflict,) = made.conflicts
    assert (conflict.day, conflict.reason, conflict.conflicting_booking_id) == (
        date(2026, 6, 30), RefusalReason.CONFLICT, in_the_way.booking_id)
    assert conflict.message.startswith("Room 301 is taken 10:30-12:00 on 2026-06-30")


def test_until_runs_from_the_first_date_to_a_year_later(database) -> None:
    room_id, host = add_room(database), organiser(database)
    weekly = form(room_id, host, at(TOMORROW, 10), at(TOMORROW, 11))
    for until in (TOMORROW - timedelta(days=1), TOMORROW + timedelta(days=367)):
        with pytest.raises(ValidationFailed) as failed:
            _weekly(database, weekly, until)
        assert [e.field for e in failed.value.errors] == ["until"]
    with pytest.raises(ValidationFailed) as failed:  # with the form's own bad fields, all at once
        _weekly(database, form(room_id, host, at(TOMORROW, 10), at(TOMORROW, 11), count=0), TODAY)
    assert sorted(e.field for e in failed.value.errors) == ["attendee_count", "until"]
    assert _count(database) == 0
    assert len(_weekly(database, weekly, TOMORROW).made) == 1
    assert len(_weekly(database, form(room_id, host, at(TOMORROW, 12), at(TOMORROW, 13)),
                       TOMORROW + timedelta(days=366)).made) == 53


def test_the_notice_period_holds_for_each_date_and_ad_hoc_only_where_needed(database) -> None:
    room_id, host = add_room(database), organiser(database)
    refused = _weekly(database, form(room_id, host, at(TODAY, 14), at(TODAY, 15)), TODAY + timedelta(weeks=1))
    assert [(c.day, c.reason) for c in refused.conflicts] == [(TODAY, RefusalReason.NOTICE_PERIOD)]
    assert [r.starts_at for r in refused.made] == [at(TODAY + timedelta(weeks=1), 14)]
    desk = _weekly(database, form(room_id, host, at(TODAY, 16), at(TODAY, 17), ad_hoc=True), TODAY + timedelta(weeks=1))
    assert [r.ad_hoc for r in desk.made] == [True, False] and desk.conflicts == ()


def test_a_series_across_midnight_ends_each_next_morning(database) -> None:
    room_id, host = add_room(database), organiser(database)
    made = _weekly(database, form(room_id, host, at(TOMORROW, 23), at(TOMORROW + timedelta(days=1), 1)),
                   TOMORROW + timedelta(weeks=1))
    assert [(r.starts_at, r.ends_at) for r in made.made] == [
        (at(TOMORROW + timedelta(weeks=w), 23), at(TOMORROW + timedelta(weeks=w, days=1), 1)) for w in (0, 1)]


def test_a_company_series_displaces_department_meetings(database) -> None:
    room_id, host = add_room(database, capacity=40), organiser(database)
    department = book(database, form(room_id, host, at(TOMORROW + timedelta(weeks=1), 9),
                                     at(TOMORROW + timedelta(weeks=1), 10))).booking
    made = _weekly(database, form(room_id, host, at(TOMORROW, 9), at(TOMORROW, 12), level=BookingLevel.COMPANY),
                   TOMORROW + timedelta(weeks=2))
    assert len(made.made) == 3 and [d.booking.booking_id for d in made.displaced] == [department.booking_id]
    assert status_of(database, department.booking_id) is BookingStatus.DISPLACED


def test_cancelling_a_series_from_a_day_on(database, clock) -> None:
    room_id, host = add_room(database), organiser(database)
    made = _weekly(database, form(room_id, host, at(TOMORROW, 10), at(TOMORROW, 11)), TOMORROW + timedelta(weeks=4))
    ids = [r.booking_id for r in made.made]
    with database.unit_of_work("staff:amy") as uow:
        cancelled = series.cancel_series(uow, made.series_id, TOMORROW + timedelta(weeks=3))
    assert [r.booking_id for r in cancelled] == ids[3:] and {r.status for r in cancelled} == {BookingStatus.CANCELLED}
    clock.set(at(TOMORROW + timedelta(weeks=1), 12))  # the second meeting is over; from today on
    with database.unit_of_work("staff:amy") as uow:
        assert [r.booking_id for r in series.cancel_series(uow, made.series_id)] == ids[2:3]
    assert [status_of(database, i) for i in ids[:2]] == [BookingStatus.BOOKED] * 2
    with database.unit_of_work("staff:amy") as uow, pytest.raises(NotFound):
        series.cancel_series(uow, "nope")
