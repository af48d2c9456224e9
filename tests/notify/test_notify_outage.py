"""SMTP down: the lobby keeps working and notices wait; SMTP back: each notice arrives exactly once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from tests import factories
from tests.notify.helpers import check_in, rows, walk_in
from tests.notify.smtp_server import SmtpServer


@pytest.fixture
def smtp_later(tmp_path: Path) -> Iterator[SmtpServer]:
    """An SMTP server with a port reserved but not started: the outage."""
    server = SmtpServer(tmp_path / "mailbox")
    yield server
    server.stop()


@pytest.mark.expect_log("not sent, now pending: SMTP server", "unreachable: ConnectionRefusedError")
def test_an_smtp_outage_delays_notices_without_losing_or_doubling_any(
    database: Database, clock, make_settings, smtp_later: SmtpServer
):
    dispatcher = Dispatcher(database, make_settings(smtp_later))
    host = factories.add_host(database, language="en")
    invited = [factories.invite(database, host.id, name=f"Guest {i}", email=f"guest{i}@example.org",
                                phone=f"1380013800{i}") for i in range(4)]

    # The outage: check-ins and walk-ins go on; the dispatcher keeps trying in the background.
    for created in invited:
        assert check_in(database, created.token).outcome == "checked_in"
        dispatcher.run_once()
    assert walk_in(database, host.id, name="Walk In").outcome == "pending_approval"
    dispatcher.run_once()

    email_rows = rows(database, channel="email")
    assert len(email_rows) == 9  # 4 invitations, 4 arrivals, 1 consent request
    for row in email_rows:
        assert row.status == "pending"
        assert row.attempts == 1
        assert row.next_attempt_at > clock.now()
        assert "unreachable" in row.last_error
    dispatcher.run_once()  # nothing is due yet: no attempt is spent
    assert {row.attempts for row in rows(database, channel="email")} == {1}

    smtp_later.start()
    clock.advance(seconds=30)
    while dispatcher.run_once().claimed:
        pass
    clock.advance(hours=2)
    dispatcher.run_once()

    messages = smtp_later.messages()
    assert len(messages) == 9
    assert all(count == 1 for count in Counter(m["Message-ID"] for m in messages).values())
    assert Counter(m["X-Kiosk-Event"] for m in messages) == {
        "invitation_created": 4, "visitor_arrived": 4, "consent_requested": 1,
    }
    assert {row.status for row in rows(database, channel="email")} == {"sent"}
