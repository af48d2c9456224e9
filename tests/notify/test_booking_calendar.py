"""A room booking goes out as a calendar invitation, against a real SMTP server: booked, changed and
cancelled are one calendar entry (the same UID) whose sequence rises; a cancellation removes it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from icalendar import Calendar

from kiosk.application.gateways.desk_rooms import AttendeeForm, BookingForm, BookingLevel, DeskRoomsGateway, RoomForm
from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.directory.sites import ensure_site
from tests import factories
from tests.notify.helpers import part_of

# Tomorrow (the notice period is a day) 14:00-15:30 in Shanghai.
STARTS, ENDS = datetime(2026, 6, 16, 6, 0, tzinfo=UTC), datetime(2026, 6, 16, 7, 30, tzinfo=UTC)


def desk(database: Database) -> DeskRoomsGateway:
    return DeskRoomsGateway(database, "HQ", actor="staff:amy", role=StaffRole.SUPERVISOR)


@pytest.fixture
def booking_form(database: Database) -> BookingForm:
    organiser = factories.add_host(database, name="Alice Smith", email="alice@example.com", language="en")
    colleague = factories.add_host(database, name="王芳", email="wang.fang@example.com", department="Sales")
    room = desk(database).add_room(RoomForm(name="Pine Room", capacity=12, floor="3F"))
    return BookingForm(room_id=room.room_id, organiser_host_id=organiser.id, starts_at=STARTS, ends_at=ENDS,
                       attendee_count=6, topic="Q3 <review>", attendees=(AttendeeForm(host_id=colleague.id),))


def calendar_of(message: EmailMessage) -> tuple[str, Calendar]:
    part = part_of(message, "text/calendar")
    return str(part.get_param("method")), Calendar.from_ical(part.get_content())


def sent_to(smtp, address: str) -> list[EmailMessage]:
    return [message for message in smtp.messages() if message["To"] == address]


def test_booked_changed_cancelled_is_one_calendar_entry_with_a_rising_sequence(database, smtp, make_settings,
                                                                               booking_form) -> None:
    dispatcher = Dispatcher(database, make_settings(smtp))
    made = desk(database).book(booking_form)
    dispatcher.run_once()
    moved = replace(booking_form, starts_at=STARTS.replace(hour=7), ends_at=ENDS.replace(hour=8))
    desk(database).edit(made.booking.booking_id, made.booking.version, moved)
    dispatcher.run_once()
    desk(database).cancel(made.booking.booking_id, reason="client postponed")
    dispatcher.run_once()

    for address in ("alice@example.com", "wang.fang@example.com"):
        messages = sent_to(smtp, address)
        assert [m["X-Kiosk-Event"] for m in messages] == ["booking_created", "booking_changed", "booking_cancelled"]
        entries = [calendar_of(m) for m in messages]
        assert [method for method, _ in entries] == ["REQUEST", "REQUEST", "CANCEL"]
        events = [calendar.walk("VEVENT")[0] for _, calendar in entries]
        assert [str(calendar["METHOD"]) for _, calendar in entries] == ["REQUEST", "REQUEST", "CANCEL"]
        assert len({str(event["UID"]) for event in events}) == 1
        sequences = [int(event["SEQUENCE"]) for event in events]
        assert sequences == sorted(sequences) and len(set(sequences)) == 3
        assert [str(event["STATUS"]) for event in events] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
        first, second, _ = events
        assert (first.decoded("DTSTART"), first.decoded("DTEND")) == (STARTS, ENDS)
        assert second.decoded("DTSTART") == STARTS.replace(hour=7)
        assert str(first["LOCATION"]) == "Pine Room, 3F"
        assert str(first["SUMMARY"]) == "Q3 <review>"
        assert str(first["ORGANIZER"]) == "mailto:kiosk@hq.example.com"
        attendees = first["ATTENDEE"] if isinstance(first["ATTENDEE"], list) else [first["ATTENDEE"]]
        assert "mailto:alice@example.com" in [str(a) for a in attendees]
        assert f"mailto:{address}" in [str(a) for a in attendees]
    # Times in the text are the site's (Shanghai), the topic as typed, escaped in HTML.
    created = sent_to(smtp, "alice@example.com")[0]
    assert created["Subject"] == "Room booked: Q3 <review>, 2026-06-16 14:00–15:30"
    assert "Q3 &lt;review&gt;" in part_of(created, "text/html").get_content()
    cancelled = sent_to(smtp, "wang.fang@example.com")[2]
    assert "原因：client postponed" in part_of(cancelled, "text/plain").get_content()
    assert "2026-06-16 15:00–16:30" in cancelled["Subject"]


def test_an_invited_visitor_hears_of_the_cancellation_with_the_entry_cancelled(database, smtp, make_settings,
                                                                               booking_form) -> None:
    invited = factories.invite(database, booking_form.organiser_host_id, name="Jane Doe", email="jane@example.org",
                               visit_date=STARTS.date())
    form = replace(booking_form, attendees=(*booking_form.attendees, AttendeeForm(visit_id=invited.visit_id)))
    made = desk(database).book(form)
    dispatcher = Dispatcher(database, make_settings(smtp))
    dispatcher.run_once()
    smtp.clear()
    desk(database).cancel(made.booking.booking_id)
    dispatcher.run_once()

    [message] = sent_to(smtp, "jane@example.org")
    assert message["X-Kiosk-Event"] == "booking_cancelled"
    method, calendar = calendar_of(message)
    [event] = calendar.walk("VEVENT")
    assert (method, str(event["STATUS"])) == ("CANCEL", "CANCELLED")
    assert "Jane Doe" in part_of(message, "text/plain").get_content()


def test_a_displaced_booking_cancels_its_entry_and_offers_the_rooms_that_fit(database, smtp, make_settings,
                                                                             booking_form) -> None:
    spare = desk(database).add_room(RoomForm(name="Oak Room", capacity=8, floor="2F"))
    made = desk(database).book(booking_form)
    boss = factories.add_host(database, name="CEO", email="ceo@example.com", department="Board")
    company = replace(booking_form, organiser_host_id=boss.id, level=BookingLevel.COMPANY, topic="All hands",
                      attendees=())
    took = desk(database).book(company)
    assert [d.booking.booking_id for d in took.displaced] == [made.booking.booking_id]
    Dispatcher(database, make_settings(smtp)).run_once()

    [created, displaced] = sent_to(smtp, "alice@example.com")
    assert displaced["X-Kiosk-Event"] == "booking_displaced"
    method, calendar = calendar_of(displaced)
    [event] = calendar.walk("VEVENT")
    [first] = calendar_of(created)[1].walk("VEVENT")
    assert method == "CANCEL" and str(event["UID"]) == str(first["UID"])
    assert int(event["SEQUENCE"]) > int(first["SEQUENCE"])
    text = part_of(displaced, "text/plain").get_content()
    assert '"All hands" (organised by CEO)' in text
    assert f"· {spare.name}, 2F, 8 seats" in text


def test_times_are_said_in_the_zone_of_the_bookings_site(database, smtp, make_settings, booking_form) -> None:
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "HQ", "Test Tower", "Europe/London")
        uow.commit()
    later = replace(booking_form, starts_at=STARTS.replace(hour=9), ends_at=ENDS.replace(hour=10))
    desk(database).book(later)
    Dispatcher(database, make_settings(smtp)).run_once()
    [message] = sent_to(smtp, "alice@example.com")
    # 09:00-10:30 UTC is 10:00-11:30 in London in June.
    assert message["Subject"] == "Room booked: Q3 <review>, 2026-06-16 10:00–11:30"
    [event] = calendar_of(message)[1].walk("VEVENT")
    assert event.decoded("DTSTART") == STARTS.replace(hour=9)
