"""The rooms' clockwork, minute by minute on the test clock: the organiser is asked to confirm once, reception is
alerted once about an unprepared meeting, and a meeting not confirmed 10 minutes after its start is released
(the organiser told) while a confirmed one keeps its room. Two kiosks running it change nothing."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy import select

from kiosk.application.housekeeping import Housekeeping
from kiosk.config import Settings, SiteSettings
from kiosk.db import Database
from kiosk.domain.rooms import BookingStatus
from kiosk.models import Notification
from kiosk.models.rooms import Booking
from tests.factories import SITE
from tests.services.rooms.after_use_data import booking, organiser, room

# Today 09:40-10:30 in Shanghai; the clock starts at 09:00 there.
STARTS, ENDS = datetime(2026, 6, 15, 1, 40, tzinfo=UTC), datetime(2026, 6, 15, 2, 30, tzinfo=UTC)


def _settings() -> Settings:
    return dataclasses.replace(Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"))


def told(database: Database, event: str) -> list[tuple[int, str]]:
    """(booking id, recipient) of the event's outbox rows."""
    with database.unit_of_work(write=False) as uow:
        found = uow.session.scalars(select(Notification).where(Notification.event == event)
                                    .order_by(Notification.id)).all()
        return [(int(row.payload["booking_id"]), row.recipient) for row in found]


def status(database: Database, booking_id: int) -> BookingStatus:
    with database.unit_of_work(write=False) as uow:
        return uow.session.get_one(Booking, booking_id).status


def test_a_morning_of_meetings(database: Database) -> None:
    host = organiser(database, "zhang.wei@example.com", "张伟")
    unconfirmed = booking(database, room(database, "松山厅"), STARTS, ENDS, organiser_id=host, topic="周例会")
    confirmed = booking(database, room(database, "竹厅"), STARTS, ENDS, organiser_id=host,
                        status=BookingStatus.CONFIRMED, topic="客户来访")
    keeper, other_kiosk = Housekeeping(database, _settings()), Housekeeping(database, _settings())

    early = keeper.run_once()  # 09:00: 40 minutes before the start
    assert (early.rooms_released, early.rooms_reminded, early.rooms_prepare_alerts) == ([], 0, [])

    database.clock.advance(minutes=10)  # 09:10: within [rooms] confirm_reminder_minutes (30)
    assert keeper.run_once().rooms_reminded == 1
    assert other_kiosk.run_once().rooms_reminded == 0
    database.clock.advance(minutes=1)
    assert keeper.run_once().rooms_reminded == 0
    assert told(database, "booking_reminder") == [(unconfirmed, "zhang.wei@example.com")]

    database.clock.advance(minutes=14)  # 09:25: within prepare_alert_minutes (15), nothing prepared
    assert keeper.run_once().rooms_prepare_alerts == [unconfirmed, confirmed]
    assert other_kiosk.run_once().rooms_prepare_alerts == []
    database.clock.advance(minutes=5)
    assert keeper.run_once().rooms_prepare_alerts == []
    assert [booking_id for booking_id, _ in told(database, "booking_prepare_alert")] == [unconfirmed, confirmed]

    database.clock.advance(minutes=19)  # 09:49: nine minutes after the start, still waiting
    assert keeper.run_once().rooms_released == []
    assert status(database, unconfirmed) is BookingStatus.BOOKED

    database.clock.advance(minutes=1)  # 09:50: ten minutes after the start
    assert keeper.run_once().rooms_released == [unconfirmed]
    assert other_kiosk.run_once().rooms_released == []
    assert (status(database, unconfirmed), status(database, confirmed)) == (
        BookingStatus.RELEASED, BookingStatus.CONFIRMED)
    assert told(database, "booking_released") == [(unconfirmed, "zhang.wei@example.com")]
    # Nothing more goes out about either meeting afterwards.
    database.clock.advance(minutes=5)
    later = keeper.run_once()
    assert (later.rooms_released, later.rooms_reminded, later.rooms_prepare_alerts) == ([], 0, [])
    assert len(told(database, "booking_reminder")) == 1 and len(told(database, "booking_prepare_alert")) == 2
