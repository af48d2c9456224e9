"""Two desks book the same slot at the same moment: exactly one wins, the other is told whose booking is in the
way. The second waits for the first (SQLite: the write transaction; PostgreSQL: the room's row lock), then
sees its booking."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from kiosk.domain.rooms import BookingLevel, RefusalReason
from kiosk.models.rooms import Booking
from kiosk.services.errors import ServiceError
from kiosk.services.rooms import bookings
from kiosk.services.rooms.records import BookingMade, BookingRefused
from tests.services.rooms.room_data import TOMORROW, add_room, at, book, form, organiser

WAIT = 10.0


def test_the_second_desk_waits_for_the_first_then_hears_whose_booking_is_in_the_way(database, monkeypatch) -> None:
    room_id, host = add_room(database), organiser(database)
    other = organiser(database, "王芳", "wang.fang@example.com")
    checked, release = threading.Event(), threading.Event()
    real_booked = bookings.notices.booked

    def slow_first_desk(uow, booking: Booking) -> int:
        if uow.actor == "staff:amy":  # the first desk is slow between its check and its commit
            checked.set()
            release.wait(WAIT)
        return real_booked(uow, booking)

    monkeypatch.setattr(bookings.notices, "booked", slow_first_desk)
    outcome: dict[str, object] = {}

    def desk(actor: str, organiser_id: int, topic: str) -> None:
        if actor != "staff:amy":
            checked.wait(WAIT)
        try:
            outcome[actor] = book(database, form(room_id, organiser_id, at(TOMORROW, 9), at(TOMORROW, 10),
                                                 topic=topic), actor=actor)
        except ServiceError as exc:
            outcome[actor] = exc
            checked.set()

    threads = [threading.Thread(target=desk, args=("staff:amy", host, "Weekly sales")),
               threading.Thread(target=desk, args=("staff:bob", other, "Budget"))]
    for thread in threads:
        thread.start()
    assert checked.wait(WAIT)
    time.sleep(0.3)
    assert "staff:bob" not in outcome  # the second desk waits for the first
    release.set()
    for thread in threads:
        thread.join(WAIT)
    won, lost = outcome["staff:amy"], outcome["staff:bob"]
    assert isinstance(won, BookingMade), won
    assert isinstance(lost, BookingRefused) and lost.reason is RefusalReason.CONFLICT
    assert lost.conflicting is not None and lost.conflicting.booking_id == won.booking.booking_id
    assert lost.message == (f'Room 301 is taken 09:00-10:00 on 2026-06-16 by booking #{won.booking.booking_id} '
                            '"Weekly sales" (李娜)')


def test_two_desks_at_once_exactly_one_wins_each_slot(database) -> None:
    """No hold this time: both desks go at once, slot after slot; company meetings too (they conflict)."""
    room_id, host = add_room(database), organiser(database)
    rounds = 6
    for n in range(rounds):
        start = threading.Barrier(2)
        outcomes: list[object] = []

        def desk(actor: str, n: int = n, start: threading.Barrier = start, outcomes: list[object] = outcomes) -> None:
            level = BookingLevel.COMPANY if n % 2 else BookingLevel.DEPARTMENT
            wanted = form(room_id, host, at(TOMORROW, 8 + n), at(TOMORROW, 9 + n), level=level)
            start.wait(WAIT)
            try:
                outcomes.append(book(database, wanted, actor=actor))
            except ServiceError as exc:
                outcomes.append(exc)

        threads = [threading.Thread(target=desk, args=(actor,)) for actor in ("staff:amy", "staff:bob")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        made = [o for o in outcomes if isinstance(o, BookingMade)]
        refused = [o for o in outcomes if isinstance(o, BookingRefused)]
        assert len(made) == 1 and len(refused) == 1, outcomes
        assert refused[0].conflicting is not None and refused[0].conflicting.booking_id == made[0].booking.booking_id
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count(Booking.id))) == rounds
