"""The outbox service functions: claiming, the lease as a fencing token, the admin window's lists."""

from __future__ import annotations

from datetime import timedelta

from kiosk.db import Database
from kiosk.services.notifications import sending
from kiosk.services.visits import walkins
from tests import factories
from tests.notify.helpers import rows, walk_in


def _claim(database: Database, **kwargs):
    with database.unit_of_work("dispatcher") as uow:
        return sending.claim_due(uow, **kwargs)


def test_a_claimed_row_is_not_claimed_again_until_its_lease_expires(database: Database, clock):
    host = factories.add_host(database, chat_address="json://127.0.0.1:9/")
    walk_in(database, host.id)

    first = _claim(database, lease=timedelta(minutes=5))
    assert sorted(c.channel for c in first) == ["chat", "email"]
    assert _claim(database) == []
    [row, _] = rows(database)
    assert row.status == "sending" and row.next_attempt_at == clock.now() + timedelta(minutes=5)

    clock.advance(minutes=5)
    second = _claim(database)
    assert {c.id for c in second} == {c.id for c in first}
    assert all(c.attempt == 2 for c in second)

    # The first dispatcher wakes up late: its claim is void, the second one's stands.
    with database.unit_of_work("dispatcher") as uow:
        assert sending.mark_sent(uow, first[0]) is False
    with database.unit_of_work("dispatcher") as uow:
        assert sending.mark_failed(uow, first[1], "late") == "lost"
    with database.unit_of_work("dispatcher") as uow:
        assert sending.mark_sent(uow, second[0]) is True
    assert {r.status for r in rows(database)} == {"sent", "sending"}


def test_claims_respect_the_batch_limit_and_oldest_first(database: Database, clock):
    host = factories.add_host(database)
    for i in range(5):
        walk_in(database, host.id, name=f"Visitor {i}", phone=f"1390013900{i}")
        clock.advance(seconds=1)
    batch = _claim(database, limit=3)
    assert [c.payload["visitor_name"] for c in batch] == ["Visitor 0", "Visitor 1", "Visitor 2"]


def test_the_admin_window_lists_reception_alerts_without_secrets(database: Database):
    host = factories.add_host(database, chat_address="wecombot://secretkey123")
    factories.invite(database, host.id, email="jane@example.org")
    walk_in(database, host.id)
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name="王芳", phone="13700137000")

    with database.unit_of_work("staff:desk", write=False) as uow:
        board = sending.list_recent(uow, channel="reception")
        everything = sending.list_recent(uow)
        waiting = sending.count_waiting(uow)
    assert [(v.event, v.status) for v in board] == [("contact_left", "pending")]
    assert board[0].payload["name"] == "王芳"
    invitation = next(v for v in everything if v.event == "invitation_created")
    assert "token" not in invitation.payload
    chat = next(v for v in everything if v.channel == "chat")
    assert chat.recipient == "wecombot://…"
    assert waiting == {"pending": len(everything), "sending": 0, "failed": 0}
