"""Invitations meet rooms: an invitation that names a booking puts the room and floor on the visitor's
e-mail, the badge and the host's arrival notice; a booking that is not live or on another day is refused; a
meeting cancelled or moved off the visit's day no longer shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select

from kiosk.domain.badge_layout import ENGLISH_LABELS, layout_badge
from kiosk.domain.rooms import BookingLevel, BookingStatus
from kiosk.models import Notification, Visit
from kiosk.models.rooms import Booking, BookingAttendee, Room
from kiosk.notify.templates import render
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import ValidationFailed
from kiosk.services.outbox import open_payload
from kiosk.services.rooms import visit_rooms
from kiosk.services.visits import checkin, invitations, print_jobs
from tests.factories import SITE, add_host, invite

DAY = date(2026, 6, 15)  # the clock's day in Shanghai (09:00 there)
TEN, ELEVEN = datetime(2026, 6, 15, 2, 0, tzinfo=UTC), datetime(2026, 6, 15, 3, 0, tzinfo=UTC)


def _booking(db, organiser_id: int, *, starts_at: datetime = TEN, ends_at: datetime = ELEVEN,
             status: BookingStatus = BookingStatus.BOOKED, room: str = "大会议室", floor: str = "3") -> int:
    """A room and a booking in it, as rows (the booking rules are the booking services' tests)."""
    with db.unit_of_work("test") as uow:
        site = get_site(uow, SITE)
        hall = uow.session.scalar(select(Room).where(Room.name == room))
        if hall is None:
            hall = Room(site_id=site.id, name=room, floor=floor, capacity=12, equipment=[], created_at=uow.now())
            uow.session.add(hall)
            uow.session.flush()
        booking = Booking(site_id=site.id, room_id=hall.id, status=status, level=BookingLevel.DEPARTMENT,
                          organiser_host_id=organiser_id, topic="Quarterly review", attendee_count=4,
                          starts_at=starts_at, ends_at=ends_at, busy_until=ends_at,
                          ical_uid=f"test-{starts_at.isoformat()}-{room}", created_at=uow.now(), created_by="test")
        uow.session.add(booking)
        uow.session.flush()
        uow.commit()
        return booking.id


def _set_status(db, booking_id: int, status: BookingStatus) -> None:
    with db.unit_of_work("test") as uow:
        booking = uow.session.get(Booking, booking_id)
        assert booking is not None
        booking.status = status
        uow.commit()


def _mail(db, visit_id: int, event: str) -> dict[str, object]:
    with db.unit_of_work(write=False) as uow:
        row = uow.session.scalars(select(Notification).where(
            Notification.visit_id == visit_id, Notification.event == event).order_by(Notification.id.desc())).first()
        assert row is not None
        return open_payload(row.payload)


def _badge(db):
    with db.unit_of_work("kiosk:K1") as uow:
        ticket = print_jobs.claim_next_job(uow, kiosk_code="K1", site_code=SITE, day_ends_at=time(18))
    assert ticket is not None
    return ticket.badge


def test_an_invitation_naming_a_booking_takes_its_day_and_times_and_the_email_says_the_room(database):
    host = add_host(database)
    booking_id = _booking(database, host.id)

    created = invite(database, host.id, email="jane@example.com", booking_id=booking_id)

    assert created.visit_date == DAY and (created.expected_start, created.expected_end) == (TEN, ELEVEN)
    with database.unit_of_work(write=False) as uow:
        attendee = uow.session.scalar(select(BookingAttendee).where(BookingAttendee.visit_id == created.visit_id))
        assert attendee is not None and attendee.booking_id == booking_id
        assert visit_rooms.meeting_of_visit(uow, created.visit_id) == ("大会议室", "3", TEN)
    payload = _mail(database, created.visit_id, "invitation_created")
    assert (payload["room_name"], payload["room_floor"]) == ("大会议室", "3")
    english = render("invitation_created", "en", payload).text
    assert "Meeting room: 大会议室 (floor 3), starting at 10:00." in english
    chinese = render("invitation_created", "zh_CN", payload)
    assert "会议室：大会议室（楼层 3），10:00 开始。" in chinese.text
    assert "<p>会议室：大会议室（楼层 3），10:00 开始。</p>" in chinese.html


def test_an_invitation_without_a_booking_says_nothing_about_rooms(database):
    host = add_host(database)
    created = invite(database, host.id, email="jane@example.com")

    payload = _mail(database, created.visit_id, "invitation_created")
    assert "room_name" not in payload
    text = render("invitation_created", "en", payload).text
    assert "Meeting room" not in text and "\n\n\n" not in text
    assert text.splitlines()[:3] == ["Dear Jane Doe,", "张伟 has invited you to Test Tower on 2026-06-15.",
                                     "When you arrive, show the QR code in this e-mail to the lobby kiosk to check in."]


@pytest.mark.parametrize(("status", "starts_at", "code"), [
    (BookingStatus.CANCELLED, TEN, "not_live"),
    (BookingStatus.DISPLACED, TEN, "not_live"),
    (BookingStatus.BOOKED, datetime(2026, 6, 16, 2, 0, tzinfo=UTC), "other_day"),
])
def test_a_booking_that_is_not_live_or_on_another_day_is_refused_and_nothing_saved(database, status, starts_at, code):
    host = add_host(database)
    booking_id = _booking(database, host.id, status=status, starts_at=starts_at,
                          ends_at=starts_at.replace(hour=starts_at.hour + 1))

    with pytest.raises(ValidationFailed) as refused:
        invite(database, host.id, visit_date=DAY, booking_id=booking_id)

    assert refused.value.by_field["booking"].code == code
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []
        assert uow.session.scalars(select(BookingAttendee)).all() == []


def test_an_unknown_booking_is_refused_with_the_other_fields(database):
    host = add_host(database)
    with pytest.raises(ValidationFailed) as refused:
        invite(database, host.id, name="", booking_id=999)
    assert {e.field: e.code for e in refused.value.errors} == {"name": "required", "booking": "not_found"}


def test_the_badge_says_the_room_and_floor_and_the_host_is_told_where(database):
    host = add_host(database)
    booking_id = _booking(database, host.id, room="Training Room", floor="5")
    created = invite(database, host.id, booking_id=booking_id)

    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, created.token, site_code=SITE)

    badge = _badge(database)
    assert (badge.meeting_room, badge.meeting_floor) == ("Training Room", "5")
    printed = [line.text for line in layout_badge(badge, labels=ENGLISH_LABELS).text_lines()]
    assert printed[printed.index("Host: 张伟 (Sales)") + 1] == "Room: Training Room, Floor 5"
    arrival = _mail(database, created.visit_id, "visitor_arrived")
    assert (arrival["room_name"], arrival["room_floor"]) == ("Training Room", "5")
    assert "Meeting room: Training Room (floor 5), starting at 10:00." in render("visitor_arrived", "en", arrival).text
    assert "会议室：Training Room（楼层 5），10:00 开始。" in render("visitor_arrived", "zh_CN", arrival).text


def test_a_cancelled_meeting_leaves_the_badge_and_arrival_notice_without_a_room(database):
    host = add_host(database)
    booking_id = _booking(database, host.id)
    created = invite(database, host.id, booking_id=booking_id)
    _set_status(database, booking_id, BookingStatus.CANCELLED)

    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, created.token, site_code=SITE)

    badge = _badge(database)
    assert (badge.meeting_room, badge.meeting_floor) == ("", "")
    assert not any("Room" in line.text for line in layout_badge(badge, labels=ENGLISH_LABELS).text_lines())
    arrival = _mail(database, created.visit_id, "visitor_arrived")
    assert "room_name" not in arrival
    assert "Meeting room" not in render("visitor_arrived", "en", arrival).text


def test_a_visit_moved_to_another_day_is_mailed_without_the_room(database):
    host = add_host(database)
    booking_id = _booking(database, host.id)
    created = invite(database, host.id, email="jane@example.com", booking_id=booking_id)

    with database.unit_of_work("test") as uow:
        invitations.reschedule_invitation(uow, created.visit_id, visit_date=date(2026, 6, 17), start=time(10))

    changed = _mail(database, created.visit_id, "invitation_changed")
    assert "room_name" not in changed
    assert "Meeting room" not in render("invitation_changed", "en", changed).text
    with database.unit_of_work(write=False) as uow:
        assert visit_rooms.meeting_of_visit(uow, created.visit_id) is None


def test_an_edit_of_the_time_mails_the_room_again(database):
    host = add_host(database)
    booking_id = _booking(database, host.id, floor="")
    created = invite(database, host.id, email="jane@example.com", booking_id=booking_id)

    with database.unit_of_work("test") as uow:
        invitations.edit_invitation(uow, created.visit_id, visitor_name="Jane Doe", phone="13800138000",
                                    email="jane@example.com", start=time(9, 45), end=time(11))

    changed = _mail(database, created.visit_id, "invitation_changed")
    assert "Meeting room: 大会议室, starting at 10:00." in render("invitation_changed", "en", changed).text
