"""End of the day: the host of a visitor still signed in gets an e-mail whose button signs them out."""

from __future__ import annotations

import re
from datetime import time

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.models import Visit, VisitStatus
from kiosk.services.visits import signout
from kiosk.web.host_replies import build_app
from tests import factories
from tests.notify.helpers import check_in, part_of
from tests.notify.test_notify_web import PUBLIC, request

SITE = factories.SITE


def test_reminder_mail_signs_the_visitor_out_with_one_click(database, clock, smtp, make_settings):
    settings = make_settings(smtp, public_url=PUBLIC)
    host = factories.add_host(database, email="zhang.wei@example.com", language="en")
    visit_id = check_in(database, factories.invite(database, host.id, name="Jane Doe").token).visit_id
    clock.advance(hours=9)  # 18:00 in Shanghai
    with database.unit_of_work("system") as uow:
        assert signout.remind_hosts_of_visitors_still_in(uow, site_code=SITE, remind_at=time(18)) == [visit_id]
    dispatcher = Dispatcher(database, settings)
    while dispatcher.run_once().claimed:
        pass

    [reminder] = [m for m in smtp.wait_for(2) if m["X-Kiosk-Event"] == "still_on_site"]
    assert reminder["Subject"] == "Still signed in: Jane Doe"
    text = part_of(reminder, "text/plain").get_content()
    [link] = re.findall(r"Sign the visitor out: (\S+)", text)
    app = build_app(HostReplyGateway.from_settings(database, settings))
    assert request(app, "GET", link.removeprefix(PUBLIC)).status_code == 200
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, visit_id).status == VisitStatus.CHECKED_IN  # a GET never acts
    assert request(app, "POST", link.removeprefix(PUBLIC)).status_code == 200
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert (visit.status, visit.checked_out_by) == (VisitStatus.CHECKED_OUT, "host:zhang.wei@example.com")
