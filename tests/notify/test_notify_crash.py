"""A dispatcher that dies after sending but before marking: the notice is sent once more, as the same message.

This is the one duplicate the outbox allows (at-least-once). The row stays
"sending" until its claim lease expires; then another pass claims and sends
it again with the same Message-ID (derived from the idempotency key), so the
receiving server or mail client can recognise the repeat.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.services.notifications import sending
from tests import factories
from tests.notify.helpers import part_of, rows


class SimulatedCrash(BaseException):
    """Not an Exception: nothing in the dispatcher may catch it, like a kill -9 would not be."""


def test_a_crash_between_send_and_mark_resends_once_after_the_lease_with_the_same_message_id(
    database: Database, clock, make_settings, smtp, monkeypatch
):
    host = factories.add_host(database, language="en")
    created = factories.invite(database, host.id, email="jane@example.org")
    lease = timedelta(minutes=5)
    dispatcher = Dispatcher(database, make_settings(smtp), lease=lease)

    def crash(*args: object, **kwargs: object) -> bool:
        raise SimulatedCrash

    with monkeypatch.context() as patch:
        patch.setattr(sending, "mark_sent", crash)
        with pytest.raises(SimulatedCrash):
            dispatcher.run_once()
    assert len(smtp.messages()) == 1
    [row] = rows(database)
    assert row.status == "sending" and row.attempts == 1

    dispatcher.run_once()  # the lease still holds: a live dispatcher might be about to mark it
    clock.advance(seconds=lease.total_seconds() - 1)
    dispatcher.run_once()
    assert len(smtp.messages()) == 1

    clock.advance(seconds=1)
    assert dispatcher.run_once().sent == 1
    for _ in range(3):
        clock.advance(hours=1)
        dispatcher.run_once()

    first, second = smtp.messages()
    assert first["Message-ID"] == second["Message-ID"]
    assert first["Subject"] == second["Subject"]
    # The token was still in the row, so the repeat carries the same QR code.
    assert part_of(first, "image/png").get_content() == part_of(second, "image/png").get_content()
    [row] = rows(database)
    assert row.status == "sent" and row.attempts == 2 and row.payload["token"] == ""
    assert created.token not in str(row.payload)
