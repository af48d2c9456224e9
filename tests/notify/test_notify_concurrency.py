"""Two dispatchers on one database (SQLite and, when configured, PostgreSQL) never send a row twice."""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select

from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.models import Notification
from tests import factories
from tests.notify.fakes import RecordingEmailSender
from tests.notify.helpers import rows

NOTICES = 60


def _seed(database: Database) -> None:
    host = factories.add_host(database, language="en")
    for i in range(NOTICES):
        factories.invite(database, host.id, name=f"Guest {i}", email=f"guest{i}@example.org",
                         phone=f"138{i:08d}")


def test_two_dispatchers_share_the_work_and_never_send_a_row_twice(database: Database, db_url, clock,
                                                                    make_settings):
    _seed(database)
    sent: list[str] = []
    per_dispatcher: list[int] = []
    start = threading.Barrier(2)

    def run() -> None:
        # Each dispatcher has its own engine, as two processes would.
        own = Database.from_url(db_url, clock=clock)
        try:
            dispatcher = Dispatcher(own, make_settings(None), batch_size=4,
                                    email_sender_factory=lambda: RecordingEmailSender(sent, delay=0.002))
            start.wait()
            mine = 0
            while (report := dispatcher.run_once()).claimed:
                mine += report.sent
            per_dispatcher.append(mine)
        finally:
            own.dispose()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert len(sent) == NOTICES
    assert max(Counter(sent).values()) == 1
    assert sum(per_dispatcher) == NOTICES and all(n > 0 for n in per_dispatcher)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).where(Notification.status == "sent")) == NOTICES
    assert {r.attempts for r in rows(database)} == {1}
