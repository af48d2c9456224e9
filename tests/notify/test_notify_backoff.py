"""Backoff: 30 s doubling to a 1 h cap, give up after 24 h of waiting, the receptionist's retry."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.services.errors import Conflict
from kiosk.services.notifications import sending
from kiosk.services.notifications.sending import GIVE_UP_AFTER, next_retry_delay, retry_delay, waited_before
from tests import factories
from tests.notify.fakes import RecordingEmailSender
from tests.notify.helpers import rows, walk_in


def test_retry_delays_double_from_30_seconds_and_cap_at_an_hour():
    assert [retry_delay(n).total_seconds() for n in range(1, 10)] == [
        30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]
    assert retry_delay(10_000) == timedelta(hours=1)


def test_retries_stop_once_24_hours_of_waiting_would_be_exceeded():
    attempts = 1
    while next_retry_delay(attempts) is not None:
        attempts += 1
    # The last attempt starts within 24 h of the first; one more wait would cross it.
    assert waited_before(attempts) <= GIVE_UP_AFTER < waited_before(attempts) + retry_delay(attempts)
    assert GIVE_UP_AFTER - waited_before(attempts) < timedelta(hours=1)
    assert attempts == 30


@pytest.mark.expect_log("not sent, now pending: SMTP said no", "not sent, now failed: SMTP said no")
def test_a_row_that_keeps_failing_backs_off_then_fails_with_its_last_error(database: Database, clock, make_settings):
    host = factories.add_host(database)
    walk_in(database, host.id)
    sent: list[str] = []
    failing = Dispatcher(database, make_settings(None),
                         email_sender_factory=lambda: RecordingEmailSender(sent, fail_with="SMTP said no"))
    first_attempt = clock.now()
    waits = []
    while True:
        failing.run_once()
        [row] = rows(database, channel="email")
        if row.status != "pending":
            break
        waits.append(row.next_attempt_at - clock.now())
        clock.set(row.next_attempt_at)

    assert row.status == "failed" and row.last_error == "SMTP said no"
    assert row.attempts == 30
    assert waits[:3] == [timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]
    assert max(waits) == timedelta(hours=1)
    assert timedelta(hours=23) < clock.now() - first_attempt <= timedelta(hours=24)
    failing.run_once()
    assert rows(database, channel="email")[0].attempts == 30  # failed rows are left alone

    with database.unit_of_work("staff:desk", write=False) as uow:
        [failed] = sending.list_failed(uow)
    assert failed.id == row.id and failed.last_error == "SMTP said no"

    with database.unit_of_work("staff:desk") as uow:
        sending.retry_notification(uow, row.id)
    [row] = rows(database, channel="email")
    assert (row.status, row.attempts, row.next_attempt_at) == ("pending", 0, clock.now())

    working = Dispatcher(database, make_settings(None), email_sender_factory=lambda: RecordingEmailSender(sent))
    assert working.run_once().sent == 1
    assert len(sent) == 1
    with database.unit_of_work("staff:desk") as uow, pytest.raises(Conflict):
        sending.retry_notification(uow, row.id)
