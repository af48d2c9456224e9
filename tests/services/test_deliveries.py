"""Couriers: reception is alerted, the host is told, the courier sees only names and departments."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models import Notification
from kiosk.notify.templates import render
from kiosk.services.directory import hosts
from kiosk.services.errors import ValidationFailed
from kiosk.services.visits import deliveries
from tests.factories import SITE, add_host


def _notices(db):
    with db.unit_of_work(write=False) as uow:
        return [(n.event, n.channel, n.payload) for n in uow.session.scalars(select(Notification))]


def test_delivery_for_a_host_alerts_reception_and_tells_the_host(database):
    host = add_host(database, language="en")
    with database.unit_of_work(write=False) as uow:  # what the courier's picker shows
        [shown] = hosts.search_hosts(uow, "zw")
    assert (shown.name, shown.department) == ("张伟", "Sales")
    with database.unit_of_work("kiosk:K1") as uow:
        done = deliveries.announce_delivery(uow, site_code=SITE, host_id=host.id, carrier="顺丰 SF")
    assert (done.recipient, done.department) == ("张伟", "Sales")
    notices = _notices(database)
    assert sorted((event, channel) for event, channel, _ in notices) == [
        ("delivery_arrived", "reception"), ("delivery_for_host", "email")]
    reception = next(p for e, _, p in notices if e == "delivery_arrived")
    text = render("delivery_arrived", "zh_CN", reception).text
    assert "收件人：张伟（Sales）" in text and "顺丰 SF" in text


def test_delivery_for_reception_alerts_reception_only(database):
    with database.unit_of_work("kiosk:K1") as uow:
        deliveries.announce_delivery(uow, site_code=SITE, host_id=None)
    [(event, channel, payload)] = _notices(database)
    assert (event, channel) == ("delivery_arrived", "reception")
    assert render(event, "en", payload).subject == "Delivery at reception for the front desk"


def test_control_characters_from_the_courier_are_refused(database):
    with pytest.raises(ValidationFailed), database.unit_of_work("kiosk:K1") as uow:
        deliveries.announce_delivery(uow, site_code=SITE, host_id=None, carrier="\x1b@")
