"""SMTP down for a simulated hour (the fixed clock), then back: every notice queued meanwhile is sent, once.

A visitor checks in every five minutes of the hour; the dispatcher makes a pass every simulated
minute against a port where nothing listens (connection refused), backing off as it does. Then a
real SMTP server (aiosmtpd) starts on that port and the outbox drains.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.application.notification_loop import Dispatcher
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.models import Notification
from tests.faults.harness import Lobby, Stopwatch, distinct, settings_for
from tests.faults.table import Row, record
from tests.notify.smtp_server import SmtpServer

pytestmark = pytest.mark.faults
VISITORS = 12


@pytest.fixture
def smtp_later(tmp_path: Path) -> Iterator[SmtpServer]:
    """A port reserved for SMTP, nothing listening on it yet: the outage."""
    server = SmtpServer(tmp_path / "mailbox")
    yield server
    server.stop()


@pytest.mark.expect_log("not sent, now pending", "unreachable")
def test_smtp_down_for_an_hour_then_back(database, clock, tmp_path, smtp_later, screens) -> None:
    watch = Stopwatch()
    settings = settings_for(tmp_path, smtp_port=smtp_later.port)
    lobby = Lobby.build(database, settings, VISITORS)
    dispatcher = Dispatcher(database, settings)
    printer = BadgePrintLoop(database, settings)
    outage_started = clock.now()
    saw = []
    for minute in range(60):
        if minute % 5 == 0:
            attempt = lobby.check_in(lobby.invitations[minute // 5])
            printer.run_once()
            saw.append(screens.after(attempt, lobby.badge_progress(attempt.invitation.visit_id)))
        dispatcher.run_once()
        clock.advance(minutes=1)
    with database.unit_of_work("audit", write=False) as uow:
        assert not uow.session.scalars(select(Notification).where(Notification.status == "sent")).all()

    smtp_later.start()
    lobby.retry_until_checked_in()
    for _ in range(120):  # the dispatcher's passes, a simulated minute apart, until its backoffs have run out
        dispatcher.run_once()
        clock.advance(minutes=1)
    lobby.send_all(dispatcher)
    lobby.print_all(printer)

    with database.unit_of_work("audit", write=False) as uow:
        rows = list(uow.session.scalars(select(Notification).where(Notification.channel == "email")))
    messages = smtp_later.wait_for(len(rows))
    delays = [(row.sent_at - outage_started).total_seconds() / 60 for row in rows if row.sent_at]
    row = record(Row("SMTP down for a simulated hour, then back", saw=distinct(saw),
                     note=f"{len(messages)} e-mails for {len(rows)} e-mail rows, none twice; the last went out "
                          f"{max(delays):.0f} simulated min after the outage began (backoff ≤ 1 h); the screen "
                          "says the host was told while the e-mail waits in the outbox"))
    problems = lobby.audit(row)
    row.seconds = watch()
    assert not problems, problems
    ids = Counter(message["Message-ID"] for message in messages)
    assert len(messages) == len(rows) and set(ids.values()) == {1}
