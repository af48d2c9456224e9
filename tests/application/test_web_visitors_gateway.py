"""The public page's gateway: host search (refs, never ids), house rules, register, rate limits."""

from __future__ import annotations

import dataclasses
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from kiosk.application.gateways.web_visitors import (
    ClientRef,
    PreRegistrationForm,
    PreRegistrationGateway,
    RateLimited,
    SiteRules,
)
from kiosk.config import NotifySettings, Settings, SiteSettings, VisitSettings
from kiosk.models import AuditEvent, Notification, RateLimitHit, Visit, VisitKind, VisitStatus
from kiosk.services.errors import ValidationFailed
from kiosk.services.visits import agreements
from tests.factories import SITE, add_host

TOMORROW = date(2026, 6, 16)
CLIENT = ClientRef("203.0.113.7")


@pytest.fixture
def gateway(database, tmp_path):
    settings = dataclasses.replace(
        Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"),
        notify=NotifySettings(public_url="https://kiosk.example.com/", link_secret_file=str(tmp_path / "link.key")),
    )
    return PreRegistrationGateway(database, settings)


def _form(ref, **overrides):
    values = {"name": "Jane Doe", "phone": "13800138000", "email": "jane@example.org", "host_ref": ref,
              "visit_date": TOMORROW, "start": time(10, 0), "end": time(11, 0), "purpose": "meeting",
              "party_size": 2, "language": "en"}
    values.update(overrides)
    return PreRegistrationForm(**values)


def test_search_needs_two_characters_and_returns_refs_never_ids(database, gateway):
    host = add_host(database, name="张伟", department="Sales")
    assert gateway.search_hosts("张", CLIENT) == []
    assert gateway.search_hosts(" z ", CLIENT) == []
    [choice] = gateway.search_hosts("zhangw", CLIENT)
    assert (choice.name, choice.department) == ("张伟", "Sales")
    assert str(host.id) != choice.ref and len(choice.ref) == 20
    assert set(vars(choice)) == {"ref", "name", "department", "department_en"}  # no e-mail, no id
    with database.unit_of_work(write=False) as uow:
        subjects = uow.session.scalars(select(RateLimitHit.subject)).all()
    assert len(subjects) == 1 and "203.0.113.7" not in subjects[0]


def test_search_shows_at_most_five_and_is_rate_limited(database, gateway):
    for n in range(8):
        add_host(database, name=f"王{'一二三四五六七八'[n]}", email=f"wang{n}@example.com")
    assert len(gateway.search_hosts("wang", CLIENT)) == 5
    for _ in range(29):
        gateway.search_hosts("wang", CLIENT)
    with pytest.raises(RateLimited) as limited:
        gateway.search_hosts("wang", CLIENT)
    assert 0 < limited.value.retry_after <= 60
    assert len(gateway.search_hosts("wang", ClientRef("198.51.100.1"))) == 5  # another client
    database.clock.advance(minutes=1)
    assert len(gateway.search_hosts("wang", CLIENT)) == 5


def test_register_with_a_ref_from_the_search(database, gateway):
    add_host(database)
    [choice] = gateway.search_hosts("zhang", CLIENT)
    receipt = gateway.register(_form(choice.ref), CLIENT)
    assert (receipt.host_name, receipt.visit_date) == ("张伟", TOMORROW)
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.scalar(select(Visit))
        assert (visit.kind, visit.status, visit.party_size) == (VisitKind.PREREGISTERED,
                                                                VisitStatus.PENDING_APPROVAL, 2)
        request = uow.session.scalar(select(Notification).where(Notification.channel == "email"))
        actor = uow.session.scalar(select(AuditEvent.actor).where(AuditEvent.action == "visit.preregistered"))
    assert request.event == "preregistration_request"
    assert request.payload["host_page"] == "https://kiosk.example.com/host"
    assert actor == "web:visitor"


def test_a_bad_or_stale_ref_is_a_field_error_on_host_with_the_others(database, gateway):
    host = add_host(database)
    with pytest.raises(ValidationFailed) as err:
        gateway.register(_form(str(host.id), name=""), CLIENT)
    assert {e.field: e.code for e in err.value.errors} == {"name": "required", "host": "unknown"}
    with pytest.raises(ValidationFailed) as err:
        gateway.register(_form(""), CLIENT)
    assert err.value.by_field["host"].code == "required"


def test_house_rules_when_the_site_asks_for_them(database, gateway):
    assert gateway.site_rules("en") == SiteRules(required=False)
    asking = dataclasses.replace(gateway, settings=dataclasses.replace(
        gateway.settings, visits=VisitSettings(agreement_for=("visitor",))))
    assert asking.site_rules("en") == SiteRules(required=False)  # nothing published yet
    with database.unit_of_work("staff:amy") as uow:
        agreements.publish(uow, visitor_type="visitor", language="en", title="House rules", body="Be kind.")
    assert asking.site_rules("en") == SiteRules(True, "House rules", "Be kind.")
    add_host(database)
    [choice] = asking.search_hosts("zhang", CLIENT)
    with pytest.raises(ValidationFailed) as err:
        asking.register(_form(choice.ref), CLIENT)
    assert err.value.by_field["rules"].code == "required"
    asking.register(_form(choice.ref, rules_accepted=True), CLIENT)


def test_registrations_are_limited_per_client(database, gateway):
    add_host(database)
    [choice] = gateway.search_hosts("zhang", CLIENT)
    for n in range(5):
        gateway.register(_form(choice.ref, name=f"Visitor {n}"), CLIENT)
    with pytest.raises(RateLimited):
        gateway.register(_form(choice.ref, name="Sixth"), CLIENT)
    gateway.register(_form(choice.ref, name="Sixth"), ClientRef("198.51.100.1"))
    database.clock.advance(hours=1, seconds=1)
    gateway.register(_form(choice.ref, name="Seventh"), CLIENT)


def test_an_id_number_is_kept_encrypted(database, gateway, tmp_path):
    gateway.settings = dataclasses.replace(gateway.settings, security=dataclasses.replace(
        gateway.settings.security, keys_dir=str(tmp_path / "keys")))
    add_host(database)
    [choice] = gateway.search_hosts("zhang", CLIENT)
    gateway.register(_form(choice.ref, id_number="11010519491231002X"), CLIENT)
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.scalar(select(Visit))
        assert visit.visitor.id_number_last4 == "002X"
        assert b"11010519491231002X" not in (visit.visitor.id_number_cipher or b"")


def test_dates_are_checked_against_the_sites_today(database, gateway):
    add_host(database)
    [choice] = gateway.search_hosts("zhang", CLIENT)
    with pytest.raises(ValidationFailed) as err:
        gateway.register(_form(choice.ref, visit_date=TOMORROW + timedelta(days=60)), CLIENT)
    assert err.value.by_field["date"].code == "too_far"


def test_rules_accepted_on_the_web_are_not_asked_again_at_the_kiosk(database, gateway):
    from kiosk.application.gateways.touchscreen import KioskGateway
    from kiosk.services.outbox import open_payload
    from kiosk.services.visits import preregistration

    asking = dataclasses.replace(gateway, settings=dataclasses.replace(
        gateway.settings, visits=VisitSettings(agreement_for=("visitor",))))
    with database.unit_of_work("staff:amy") as uow:
        agreements.publish(uow, visitor_type="visitor", language="en", title="House rules", body="Be kind.")
        agreements.publish(uow, visitor_type="visitor", language="zh_CN", title="须知", body="请友善。")
    add_host(database)
    [choice] = asking.search_hosts("zhang", CLIENT)
    asking.register(_form(choice.ref, rules_accepted=True), CLIENT)
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        visit_id = uow.session.scalar(select(Visit.id))
        preregistration.approve(uow, visit_id)
    with database.unit_of_work(write=False) as uow:
        mail = uow.session.scalar(select(Notification).where(Notification.event == "preregistration_approved"))
        code = open_payload(mail.payload)["token"]
    database.clock.advance(days=1)
    kiosk = KioskGateway(database, SITE, "kiosk:K1", agreement_for=("visitor",))
    entry = kiosk.invitation_entry(code, "zh_CN")  # the kiosk's language differs from the page's: still accepted
    assert not entry.requirements.any
    assert kiosk.check_in(code).outcome == "checked_in"
