"""A host-reply link acts only on the visit it was sent for, and only while that visit is still its host's.

The links come from the e-mail the dispatcher really sends; the visitor-facing page stays calm and
nothing is changed, spent or audited when a link no longer fits its visit.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select, text, update

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.models import AuditEvent, UsedLink, Visit
from kiosk.services import retention
from kiosk.web.host_replies import build_app
from tests import factories
from tests.notify.helpers import part_of, walk_in
from tests.notify.test_notify_web import request, visit_state

PUBLIC = "https://kiosk.example.com"


def _approve_link_from_email(database: Database, smtp, settings) -> str:
    Dispatcher(database, settings).run_once()
    [message] = smtp.messages()
    smtp.clear()
    body = part_of(message, "text/plain").get_content()
    return re.search(r"Approve: (\S+)", body).group(1).removeprefix(PUBLIC)


def _nothing_recorded_for(database: Database, visit_id: int) -> None:
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(UsedLink)) == 0
        actors = uow.session.scalars(select(AuditEvent.actor).where(AuditEvent.entity_id == visit_id)).all()
    assert not any(actor.startswith("host:") for actor in actors)


def _next_visit_id_is(database: Database, visit_id: int) -> None:
    """What SQLite did before migration 0009: hand the erased visit's id to the next walk-in."""
    with database.unit_of_work("test") as uow:
        if database.dialect == "sqlite":
            uow.session.execute(text("UPDATE sqlite_sequence SET seq = :seq WHERE name = 'visits'"),
                                {"seq": visit_id - 1})
        else:
            uow.session.execute(text("SELECT setval(pg_get_serial_sequence('visits', 'id'), :id, false)"),
                                {"id": visit_id})
        uow.commit()


def test_an_erased_visits_link_does_not_act_on_the_walk_in_that_got_its_id(database: Database, smtp, make_settings):
    settings = make_settings(smtp, public_url=PUBLIC)
    app = build_app(HostReplyGateway.from_settings(database, settings))
    host = factories.add_host(database, email="host@example.com", language="en")
    first = walk_in(database, host.id, name="First Person", phone="13900139001").visit_id
    old_link = _approve_link_from_email(database, smtp, settings)
    with database.unit_of_work("cli:root") as uow:
        (visitor_id,) = retention.find_visitor_ids_by_phone(uow, "13900139001")
        retention.erase_visitor(uow, visitor_id)
    _next_visit_id_is(database, first)

    second = walk_in(database, host.id, name="Second Person", phone="13900139002").visit_id
    assert second == first  # the same id, the same host: only the visit's own identity tells them apart

    preview = request(app, "GET", old_link)
    assert preview.status_code == 410 and "no longer valid" in preview.text
    assert "Second Person" not in preview.text
    page = request(app, "POST", old_link)
    assert page.status_code == 410 and "no longer valid" in page.text
    assert visit_state(database, second) == ("pending_approval", None)
    _nothing_recorded_for(database, second)
    # The second visitor's own link still works.
    assert request(app, "POST", _approve_link_from_email(database, smtp, settings)).status_code == 200
    assert visit_state(database, second) == ("approved", "host:host@example.com")


def test_a_link_for_the_old_host_does_not_act_after_the_visit_moved_to_another(
    database: Database, smtp, make_settings
):
    settings = make_settings(smtp, public_url=PUBLIC)
    app = build_app(HostReplyGateway.from_settings(database, settings))
    host_a = factories.add_host(database, name="Host A", email="a@example.com", language="en")
    host_b = factories.add_host(database, name="Host B", email="b@example.com", language="en")
    visit_id = walk_in(database, host_a.id).visit_id
    link_for_a = _approve_link_from_email(database, smtp, settings)
    with database.unit_of_work("test") as uow:
        uow.session.execute(update(Visit).where(Visit.id == visit_id).values(host_id=host_b.id))
        uow.commit()

    for method in ("GET", "POST"):
        page = request(app, method, link_for_a)
        assert page.status_code == 410 and "no longer valid" in page.text
    assert visit_state(database, visit_id) == ("pending_approval", None)
    _nothing_recorded_for(database, visit_id)
