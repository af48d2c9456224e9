"""The host pages' gateway end to end: sign in by e-mailed link, act as ``host:<email>`` on one's own visits only,
CSRF, sign out, expiry, rate limits."""

from __future__ import annotations

import dataclasses
import secrets
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from kiosk.application.gateways.web_hosts import (
    ClientRef,
    HostInvitation,
    HostVisitState,
    HostWebGateway,
    NotSignedIn,
    RateLimited,
)
from kiosk.config import NotifySettings, Settings, SiteSettings
from kiosk.models import AuditEvent, HostWebSession, Notification, VisitStatus
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.visits import preregistration, walkins
from kiosk.services.visits.preregistration import PreRegistrationRequest
from kiosk.services.visits.walkins import WalkInForm
from kiosk.web.security import redact_path
from tests.factories import SITE, add_host, invite, mailed_code

TODAY = date(2026, 6, 15)
TOMORROW = TODAY + timedelta(days=1)
CLIENT = ClientRef("203.0.113.9")


@pytest.fixture
def gateway(database):
    settings = dataclasses.replace(Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"),
                                   notify=NotifySettings(public_url="https://visit.example.com"))
    return HostWebGateway(database, settings, link_secret=secrets.token_hex(32).encode())


@pytest.fixture
def zhang(database):
    return add_host(database)


@pytest.fixture
def li(database):
    return add_host(database, name="李娜", email="li.na@example.com")


def _mails(db):
    with db.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Notification).where(Notification.event == "host_sign_in")
                                   .order_by(Notification.id)).all()


def _sign_in(gateway, email="zhang.wei@example.com", client=CLIENT):
    assert gateway.request_sign_in(email, client, language="en") is None
    mail = _mails(gateway.database)[-1]
    assert mail.recipient == email
    return gateway.sign_in(mailed_code(mail.payload)).token


def _walk_in(db, host_id):
    with db.unit_of_work("kiosk:K1") as uow:
        return walkins.register_walk_in(uow, WalkInForm(name="李雷", phone="13800138000", host_id=host_id,
                                                        purpose="meeting"), site_code=SITE).visit_id


def _preregister(db, host_id):
    request = PreRegistrationRequest(name="Jane Doe", phone="139 0013 9000", email="jane@example.org",
                                     host_id=host_id, visit_date=TOMORROW, start=time(10, 0), end=None,
                                     purpose="meeting")
    with db.unit_of_work(preregistration.ACTOR) as uow:
        return preregistration.register(uow, request, site_code=SITE).visit_id


def test_sign_in_by_link_then_who_am_i_then_sign_out(gateway, zhang):
    token = _sign_in(gateway)
    who = gateway.identity(token)
    assert (who.host_id, who.name, who.email, who.language) == (zhang.id, "张伟", "zhang.wei@example.com", "zh_CN")
    gateway.sign_out(token)
    for call in (lambda: gateway.identity(token), lambda: gateway.my_visits(token),
                 lambda: gateway.approve(token, 1), lambda: gateway.cancel(token, 1)):
        with pytest.raises(NotSignedIn):
            call()
    gateway.sign_out(token)  # twice: fine


def test_unknown_address_same_answer_nothing_sent_and_a_bad_link_is_not_signed_in(gateway, zhang):
    assert gateway.request_sign_in("nobody@example.com", CLIENT, language="zh_CN") is None
    assert _mails(gateway.database) == []
    with pytest.raises(NotSignedIn):
        gateway.sign_in("not-a-link")
    with pytest.raises(NotSignedIn):
        gateway.identity("not-a-session")


def test_the_link_works_once(gateway, zhang):
    gateway.request_sign_in("zhang.wei@example.com", CLIENT, language="zh_CN")
    link = mailed_code(_mails(gateway.database)[-1].payload)
    assert gateway.sign_in_link_valid(link)
    started = gateway.sign_in(link)
    assert not gateway.sign_in_link_valid(link)
    assert started.expires_at == gateway.database.clock.now() + timedelta(hours=12)
    with pytest.raises(NotSignedIn):
        gateway.sign_in(link)


def test_rate_limited_per_client(gateway, zhang):
    for n in range(5):
        gateway.request_sign_in(f"x{n}@example.com", CLIENT, language="en")
    with pytest.raises(RateLimited):
        gateway.request_sign_in("zhang.wei@example.com", CLIENT, language="en")


def test_csrf_token_right_wrong_and_from_another_session(gateway, zhang, li):
    one, two = _sign_in(gateway), _sign_in(gateway, "li.na@example.com", ClientRef("198.51.100.3"))
    token = gateway.csrf_token(one)
    assert token == gateway.csrf_token(one) and token != gateway.csrf_token(two)
    assert gateway.check_csrf(one, token)
    assert not gateway.check_csrf(two, token)
    assert not gateway.check_csrf(one, "")
    assert not gateway.check_csrf(one, gateway.csrf_token(two))
    other = HostWebGateway(gateway.database, gateway.settings, link_secret=secrets.token_hex(32).encode())
    assert not other.check_csrf(one, token)  # another install's secret


def test_reads_note_the_sessions_use_at_most_once_a_minute_and_idle_expiry_slides(gateway, zhang, clock):
    token = _sign_in(gateway)

    def last_seen():
        with gateway.database.unit_of_work(write=False) as uow:
            return uow.session.scalar(select(HostWebSession.last_seen_at))

    started = last_seen()
    clock.advance(seconds=59)
    gateway.identity(token)
    assert last_seen() == started
    clock.advance(seconds=2)
    gateway.my_visits(token)
    assert last_seen() == clock.now()
    clock.advance(minutes=59)
    gateway.identity(token)
    clock.advance(minutes=59)
    gateway.identity(token)
    clock.advance(minutes=60)
    with pytest.raises(NotSignedIn):
        gateway.my_visits(token)


def test_the_host_answers_a_walk_in_and_a_preregistration_acting_as_themselves(gateway, zhang):
    token = _sign_in(gateway)
    walk_in, prereg = _walk_in(gateway.database, zhang.id), _preregister(gateway.database, zhang.id)
    rows = gateway.my_visits(token)
    assert [(r.visit_id, r.state) for r in rows] == [
        (walk_in, HostVisitState.WAITING_FOR_YOU), (prereg, HostVisitState.WAITING_FOR_YOU)]
    detail = gateway.visit_detail(token, walk_in)
    assert detail.phone == "+8613800138000" and detail.row.visit_id == walk_in
    assert gateway.approve(token, walk_in).state is HostVisitState.EXPECTED
    assert gateway.approve(token, prereg).state is HostVisitState.EXPECTED
    with pytest.raises(Conflict):
        gateway.decline(token, walk_in)
    with gateway.database.unit_of_work(write=False) as uow:
        actors = set(uow.session.scalars(select(AuditEvent.actor).where(
            AuditEvent.entity == "visit", AuditEvent.entity_id.in_([walk_in, prereg]),
            AuditEvent.action.in_(["visit.approved", "visit.invited"]))))
    assert actors == {"host:zhang.wei@example.com"}


def test_another_hosts_visits_are_not_found_through_the_gateway(gateway, zhang, li):
    mine = _sign_in(gateway, "li.na@example.com")
    walk_in = _walk_in(gateway.database, zhang.id)
    invited = invite(gateway.database, zhang.id, phone="13700137000").visit_id
    assert gateway.my_visits(mine) == []
    for visit_id in (walk_in, invited):
        for call in (
            lambda v: gateway.visit_detail(mine, v), lambda v: gateway.approve(mine, v),
            lambda v: gateway.decline(mine, v, "no"), lambda v: gateway.propose_time(mine, v, TOMORROW, None, None),
            lambda v: gateway.reschedule(mine, v, TOMORROW, None, None), lambda v: gateway.cancel(mine, v),
        ):
            with pytest.raises(NotFound):
                call(visit_id)
    with gateway.database.unit_of_work(write=False) as uow:
        from kiosk.models import Visit

        assert uow.session.get(Visit, walk_in).status == VisitStatus.PENDING_APPROVAL
        assert uow.session.get(Visit, invited).status == VisitStatus.INVITED


def test_invite_reschedule_cancel_and_a_group_through_the_gateway(gateway, zhang):
    token = _sign_in(gateway)
    row = gateway.invite(token, HostInvitation(visitor_name="Ann Lee", phone="13800138000", email="ann@example.org",
                                               company="Acme", visit_date=TOMORROW, start=time(10, 0), end=None,
                                               purpose="meeting"))
    assert (row.state, row.visit_date, row.company) == (HostVisitState.EXPECTED, TOMORROW, "Acme")
    moved = gateway.reschedule(token, row.visit_id, TOMORROW + timedelta(days=1), time(11, 0), time(12, 0))
    assert (moved.visit_date, moved.start) == (TOMORROW + timedelta(days=1), time(11, 0))
    assert gateway.cancel(token, row.visit_id).state is HostVisitState.CANCELLED

    rows = gateway.invite_group(token, "Bo,13800138001\nCy\t13800138002\n", TOMORROW, time(14, 0), None, "meeting")
    assert [r.visitor_name for r in rows] == ["Bo", "Cy"]
    with pytest.raises(ValidationFailed) as err:
        gateway.invite_group(token, "Di,13800138003\nEd,123\n", TOMORROW, None, None, "meeting")
    assert "line 2" in err.value.message
    assert [r.visitor_name for r in gateway.my_visits(token)] == ["Bo", "Cy", "Ann Lee"]


def test_the_access_log_never_holds_a_sign_in_token():
    token = secrets.token_urlsafe(32)
    line = redact_path(f'"GET /host/sign-in/{token} HTTP/1.1" 303')
    assert token not in line and "/host/sign-in/…" in line
