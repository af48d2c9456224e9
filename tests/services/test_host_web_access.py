"""Hosts' web sign-in: one-time links by e-mail, sessions (idle and absolute expiry), CSRF, rate limits, purge."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import select

from kiosk.config import EmailSettings
from kiosk.domain.notifications import NoticeContext
from kiosk.models import HostSignInLink, HostWebSession, Notification
from kiosk.notify import email_message
from kiosk.notify.templates import render
from kiosk.services import outbox
from kiosk.services.directory import host_web_access as access
from kiosk.services.directory import hosts
from kiosk.services.errors import Conflict, RateLimited, ValidationFailed
from tests.factories import add_host, mailed_code

PUBLIC = "https://visit.example.com/"
LIMIT_SECRET = secrets.token_bytes(32)
CSRF_SECRET = secrets.token_bytes(32)


def _ask(db, email="zhang.wei@example.com", client="203.0.113.7", language="zh_CN"):
    with db.unit_of_work("web:host-sign-in") as uow:
        return access.request_sign_in_link(uow, email, public_url=PUBLIC, client_address=client,
                                           limit_secret=LIMIT_SECRET, language=language)


def _mails(db):
    with db.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Notification).where(Notification.event == access.EVENT)
                                   .order_by(Notification.id)).all()


def _link_token(db):
    return mailed_code(_mails(db)[-1].payload)


def _start(db, token):
    with db.unit_of_work("web:host-sign-in") as uow:
        return access.start_session(uow, token)


def _resolve(db, token, touch=False):
    with db.unit_of_work("web", write=touch) as uow:
        who = access.resolve_session(uow, token, touch=touch)
        if touch:
            uow.commit()
        return who


def _signed_in(db):
    _ask(db)
    return _start(db, _link_token(db))


def test_a_link_goes_to_the_directory_address_sealed_and_renders_the_sign_in_url(database):
    host = add_host(database)
    sent = _ask(database, "  Zhang.Wei@EXAMPLE.com ", language="en")
    assert sent.queued and sent.host_id == host.id
    [mail] = _mails(database)
    assert (mail.channel, mail.recipient, mail.language) == ("email", "zhang.wei@example.com", "en")
    assert mail.visit_id is None
    token = mailed_code(mail.payload)
    assert len(token) >= 43 and token not in str(mail.payload)  # sealed at rest
    with database.unit_of_work(write=False) as uow:
        [link] = uow.session.scalars(select(HostSignInLink)).all()
    assert link.token_hash == access.token_hash(token) and token not in link.token_hash
    assert link.expires_at - link.created_at == access.timedelta(minutes=access.SIGN_IN_LINK_MINUTES)
    for language in ("zh_CN", "en"):
        notice = render(access.EVENT, language, outbox.open_payload(mail.payload))
        assert f"https://visit.example.com/host/sign-in/{token}" in notice.text
        assert f"https://visit.example.com/host/sign-in/{token}" in notice.html
        assert "15" in notice.text


def test_unknown_and_inactive_addresses_get_the_same_answer_and_nothing_is_queued(database):
    host = add_host(database, name="Left", email="left@example.com")
    with database.unit_of_work("test") as uow:
        hosts.deactivate_host(uow, host.id)
    assert _ask(database, "nobody@example.com").queued is False
    assert _ask(database, "left@example.com").queued is False
    assert _mails(database) == []
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(HostSignInLink)).all() == []
    with pytest.raises(ValidationFailed):
        _ask(database, "not an address")


def test_no_public_url_no_link(database):
    add_host(database)
    with database.unit_of_work("web") as uow, pytest.raises(Conflict) as err:
        access.request_sign_in_link(uow, "zhang.wei@example.com", public_url=" ", client_address="x",
                                    limit_secret=LIMIT_SECRET)
    assert err.value.code == "not_configured"


def _valid(db, token):
    with db.unit_of_work(write=False) as uow:
        return access.link_is_valid(uow, token)


def test_a_link_works_once(database):
    host = add_host(database)
    _ask(database)
    token = _link_token(database)
    assert _valid(database, token) and _valid(database, token)  # looking spends nothing
    started = _start(database, token)
    assert not _valid(database, token) and not _valid(database, "made-up")
    assert started.host_id == host.id and started.token != token
    assert started.expires_at == database.clock.now() + access.timedelta(hours=access.SESSION_MAX_HOURS)
    with pytest.raises(access.NotSignedIn):
        _start(database, token)
    with pytest.raises(access.NotSignedIn):
        _start(database, "made-up")


def test_a_link_expires_after_fifteen_minutes(database, clock):
    add_host(database)
    _ask(database)
    token = _link_token(database)
    clock.advance(minutes=access.SIGN_IN_LINK_MINUTES, seconds=1)
    assert not _valid(database, token)
    with pytest.raises(access.NotSignedIn):
        _start(database, token)


def test_earlier_links_stay_valid_until_one_is_used_then_the_others_are_void(database):
    add_host(database)
    _ask(database)
    first = _link_token(database)
    _ask(database)
    second = _link_token(database)
    assert first != second
    _start(database, second)  # the later e-mail came first
    with pytest.raises(access.NotSignedIn):
        _start(database, first)


def test_a_host_deactivated_after_asking_cannot_use_the_link_nor_the_session(database):
    host = add_host(database)
    _ask(database)
    token = _link_token(database)
    session = _start(database, token)
    _ask(database)
    later = _link_token(database)
    with database.unit_of_work("test") as uow:
        hosts.deactivate_host(uow, host.id)
    assert not _valid(database, later)
    with pytest.raises(access.NotSignedIn):
        _start(database, later)
    with pytest.raises(access.NotSignedIn):
        _resolve(database, session.token)


def test_rate_limit_per_client(database):
    add_host(database)
    for n in range(5):
        _ask(database, f"someone{n}@example.com", client="198.51.100.1")
    with pytest.raises(RateLimited) as err:
        _ask(database, "zhang.wei@example.com", client="198.51.100.1")
    assert 0 < err.value.retry_after <= 15 * 60
    assert _mails(database) == []
    assert _ask(database, client="198.51.100.2").queued  # another client is not held up


def test_rate_limit_per_address_whether_or_not_it_is_a_host(database, clock):
    add_host(database)
    for n in range(3):
        _ask(database, client=f"198.51.100.{n}")
        _ask(database, "nobody@example.com", client=f"198.51.100.{n}")
    for address in ("zhang.wei@example.com", "nobody@example.com"):  # the same answer: nothing revealed
        with pytest.raises(RateLimited):
            _ask(database, address, client="192.0.2.99")
    assert len(_mails(database)) == 3
    clock.advance(minutes=15, seconds=1)
    assert _ask(database, client="192.0.2.99").queued


def test_no_address_is_stored_in_rate_limit_hits(database):
    from kiosk.models import RateLimitHit

    add_host(database)
    _ask(database, client="203.0.113.200")
    with database.unit_of_work(write=False) as uow:
        subjects = uow.session.scalars(select(RateLimitHit.subject)).all()
    assert len(subjects) == 2
    assert not any("203.0.113" in s or "zhang" in s for s in subjects)


def test_session_resolves_and_slides_with_use_but_writes_at_most_once_a_minute(database, clock):
    host = add_host(database)
    session = _signed_in(database)
    who = _resolve(database, session.token)
    assert (who.host_id, who.email, who.name, who.touch_due) == (host.id, "zhang.wei@example.com", "张伟", False)
    clock.advance(seconds=30)
    assert _resolve(database, session.token).touch_due is False
    clock.advance(seconds=31)
    assert _resolve(database, session.token).touch_due is True
    with database.unit_of_work("web") as uow:
        access.keep_alive(uow, session.token)
    with database.unit_of_work(write=False) as uow:
        [row] = uow.session.scalars(select(HostWebSession)).all()
    assert row.last_seen_at == clock.now()
    clock.advance(minutes=59)
    _resolve(database, session.token, touch=True)  # still alive: 59 min after the last noted use
    clock.advance(minutes=59)
    assert _resolve(database, session.token).host_id == host.id


def test_session_ends_after_an_idle_hour(database, clock):
    add_host(database)
    session = _signed_in(database)
    clock.advance(minutes=access.SESSION_IDLE_MINUTES)
    with pytest.raises(access.NotSignedIn):
        _resolve(database, session.token)


def test_session_ends_after_twelve_hours_however_busy(database, clock):
    add_host(database)
    session = _signed_in(database)
    for _ in range(access.SESSION_MAX_HOURS * 2 - 1):
        clock.advance(minutes=30)
        _resolve(database, session.token, touch=True)
    clock.advance(minutes=29)
    _resolve(database, session.token, touch=True)
    clock.advance(minutes=1)
    with pytest.raises(access.NotSignedIn):
        _resolve(database, session.token)


def test_sign_out_ends_the_session_and_twice_is_fine(database):
    add_host(database)
    session = _signed_in(database)
    other = _signed_in(database)
    with database.unit_of_work("web") as uow:
        access.end_session(uow, session.token)
    with database.unit_of_work("web") as uow:
        access.end_session(uow, session.token)
    with pytest.raises(access.NotSignedIn):
        _resolve(database, session.token)
    assert _resolve(database, other.token)  # another browser stays signed in
    with pytest.raises(access.NotSignedIn):
        _resolve(database, "")


def test_csrf_token_right_wrong_and_of_another_session():
    one, two = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    token = access.csrf_token(CSRF_SECRET, one)
    assert access.check_csrf(CSRF_SECRET, one, token)
    assert not access.check_csrf(CSRF_SECRET, two, token)
    assert not access.check_csrf(CSRF_SECRET, one, token[:-1] + ("0" if token[-1] != "0" else "1"))
    assert not access.check_csrf(CSRF_SECRET, one, "")
    assert not access.check_csrf(CSRF_SECRET, "", access.csrf_token(CSRF_SECRET, ""))
    assert not access.check_csrf(secrets.token_bytes(32), one, token)
    assert not access.check_csrf(CSRF_SECRET, one, "ünïcode")
    assert one not in token


def test_purge_forgets_expired_links_and_ended_or_expired_sessions(database, clock):
    add_host(database)
    ended = _signed_in(database)
    with database.unit_of_work("web") as uow:
        access.end_session(uow, ended.token)
    live = _signed_in(database)
    _ask(database)  # a link still valid
    with database.unit_of_work("system") as uow:
        purged = access.purge_expired(uow)
    assert (purged.links, purged.sessions) == (0, 1)
    assert _resolve(database, live.token)
    clock.advance(minutes=access.SESSION_IDLE_MINUTES + 1)
    with database.unit_of_work("system") as uow:
        purged = access.purge_expired(uow)
    assert (purged.links, purged.sessions) == (3, 1)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(HostSignInLink)).all() == []
        assert uow.session.scalars(select(HostWebSession)).all() == []


def test_the_link_token_is_blanked_once_the_mail_is_sent(database):
    from kiosk.services.notifications import sending

    add_host(database)
    _ask(database)
    with database.unit_of_work("notify") as uow:
        [claimed] = sending.claim_due(uow)
    assert claimed.payload["token"]
    message = email_message.compose(claimed, NoticeContext(), EmailSettings(sender="Lobby <lobby@example.com>"),
                                    now=database.clock.now())
    text = message.get_body(("plain",)).get_content()
    assert f"https://visit.example.com/host/sign-in/{claimed.payload['token']}" in text
    assert message["To"] == "zhang.wei@example.com" and not list(message.iter_attachments())
    with database.unit_of_work("notify") as uow:
        assert sending.mark_sent(uow, claimed)
    [mail] = _mails(database)
    assert mailed_code(mail.payload) == ""
