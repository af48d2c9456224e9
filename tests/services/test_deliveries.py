"""Couriers: reception is alerted, the host is told, the courier sees only names and departments."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.domain.parcels import ParcelStatus, RecipientKind
from kiosk.models import AuditEvent, Notification
from kiosk.models.parcels import Parcel
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



def _parcels(db):
    with db.unit_of_work(write=False) as uow:
        return [(p.status, p.recipient_kind, p.host_id, p.carrier_code, p.announced_at, p.pickup_code_sealed)
                for p in uow.session.scalars(select(Parcel).order_by(Parcel.id))]


def test_the_delivery_is_also_the_parcels_first_record_for_the_desk(database):
    host = add_host(database)
    with database.unit_of_work("kiosk:K1") as uow:
        deliveries.announce_delivery(uow, site_code=SITE, host_id=host.id, carrier="京东 JD")
        deliveries.announce_delivery(uow, site_code=SITE, host_id=None, carrier="其他 Other")
    now = database.clock.now()
    assert _parcels(database) == [
        (ParcelStatus.ANNOUNCED, RecipientKind.HOST, host.id, "JD", now, ""),  # no pickup code before the desk
        (ParcelStatus.ANNOUNCED, RecipientKind.RECEPTION, None, "", now, ""),
    ]
    with database.unit_of_work(write=False) as uow:
        actions = [a for a, in uow.session.execute(select(AuditEvent.action).order_by(AuditEvent.id))]
    assert actions.count("parcel.announced") == 2


def test_the_alert_and_the_record_are_one_transaction(database, monkeypatch):
    from kiosk.services.parcels import receiving

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(receiving, "announce", broken)
    host = add_host(database)
    with pytest.raises(RuntimeError), database.unit_of_work("kiosk:K1") as uow:
        deliveries.announce_delivery(uow, site_code=SITE, host_id=host.id, carrier="SF")
    assert _notices(database) == [] and _parcels(database) == []  # no alert for a parcel the desk cannot find
