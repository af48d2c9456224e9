"""Pre-registration on the web: the request, the host's answer (link or page), the QR on the day, expiry."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.domain.security import StaffRole
from kiosk.models import AgreementSignature, AuditEvent, Notification, Visit, VisitKind, VisitStatus
from kiosk.notify.templates import render
from kiosk.services import rate_limits
from kiosk.services.directory import hosts
from kiosk.services.errors import Conflict, PolicyRefusal, RateLimited, ValidationFailed
from kiosk.services.notifications.host_links import LinkSigner, visit_key
from kiosk.services.rate_limits import Subjects
from kiosk.services.visits import agreements, checkin, denylist, preregistration
from kiosk.services.visits.preregistration import PreRegistrationOutcome, PreRegistrationRequest
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests import factories
from tests.factories import SITE, add_host, mailed_code, mailed_short_code

TODAY = date(2026, 6, 15)  # the test clock: 09:00 in Shanghai
TOMORROW = TODAY + timedelta(days=1)
SECRET = b"k" * 32


def _request(host, /, **overrides):
    values = {"name": "Jane Doe", "phone": "138 0013 8000", "email": "jane@example.org",
              "visit_date": TOMORROW, "start": time(10, 0), "end": time(11, 30), "purpose": "meeting",
              "company": "Acme", "party_size": 3, "language": "en"}
    values.update(overrides)
    return PreRegistrationRequest(**{"host_id": host, **values})


def _register(db, request, **options):
    with db.unit_of_work(preregistration.ACTOR) as uow:
        return preregistration.register(uow, request, site_code=SITE, host_page="https://k.example.com/host",
                                        **options)


def _rows(db, visit_id=None):
    with db.unit_of_work(write=False) as uow:
        query = select(Notification).order_by(Notification.id)
        if visit_id is not None:
            query = query.where(Notification.visit_id == visit_id)
        return [(n.event, n.channel, n.recipient, n.language, dict(n.payload)) for n in uow.session.scalars(query)]


def _visit(db, visit_id):
    with db.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        uow.session.expunge(visit)
        return visit


def test_every_bad_field_is_reported_at_once_and_nothing_is_saved(database):
    bad = PreRegistrationRequest(name=" ", phone="12345", email="not-an-address", host_id=None, visit_date=None,
                                 start=None, end=None, purpose="", id_number="12/34", party_size=0)
    with pytest.raises(ValidationFailed) as err:
        _register(database, bad, agreement_id=1)
    assert set(err.value.by_field) == {"name", "phone", "email", "host", "date", "start", "purpose", "id_number",
                                       "party_size", "rules"}
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []


@pytest.mark.parametrize(("overrides", "field", "code"), [
    ({"email": ""}, "email", "required"),
    ({"visit_date": TODAY - timedelta(days=1)}, "date", "in_past"),
    ({"visit_date": TODAY + timedelta(days=61)}, "date", "too_far"),
    ({"end": time(9, 0)}, "end", "before_start"),
    ({"party_size": 51}, "party_size", "out_of_range"),
    ({"host_id": None, "host_unknown": True}, "host", "unknown"),
])
def test_one_bad_field(database, overrides, field, code):
    host = add_host(database)
    with pytest.raises(ValidationFailed) as err:
        _register(database, _request(host.id, **overrides))
    assert [(e.field, e.code) for e in err.value.errors] == [(field, code)]


def test_party_size_bounds_and_the_last_day_ahead_are_accepted(database):
    host = add_host(database)
    assert _register(database, _request(host.id, party_size=1)).outcome == PreRegistrationOutcome.PENDING
    done = _register(database, _request(host.id, party_size=50, name="Big Group",
                                        visit_date=TODAY + timedelta(days=60)))
    assert _visit(database, done.visit_id).party_size == 50


def test_an_inactive_host_cannot_be_asked(database):
    host = add_host(database)
    with database.unit_of_work("staff:amy") as uow:
        hosts.deactivate_host(uow, host.id)
    with pytest.raises(ValidationFailed) as err:
        _register(database, _request(host.id))
    assert err.value.by_field["host"].code == "unknown"


def test_the_request_is_saved_pending_and_the_host_asked_by_mail_and_chat(database):
    host = add_host(database, chat_address="wecombot://KEY")
    done = _register(database, _request(host.id))
    assert (done.outcome, done.host_name, done.visit_date) == (PreRegistrationOutcome.PENDING, "张伟", TOMORROW)
    visit = _visit(database, done.visit_id)
    assert (visit.kind, visit.status, visit.party_size, visit.visit_date) == (
        VisitKind.PREREGISTERED, VisitStatus.PENDING_APPROVAL, 3, TOMORROW)
    assert visit.expected_start.hour == 2 and visit.expected_end.minute == 30  # 10:00 and 11:30 in Shanghai
    assert visit.host_notified_at is None  # nobody waits in the lobby: no 15-minute escalation
    rows = _rows(database)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("preregistration_request", "email", "zhang.wei@example.com"),
        ("preregistration_request", "chat", "wecombot://KEY")]
    payload = rows[0][4]
    assert (payload["visit_date"], payload["time_text"], payload["party_size"]) == ("2026-06-16", "10:00–11:30", 3)
    text = render("preregistration_request", "en", payload).text
    assert "Jane Doe (Acme)" in text and "(3 in the party)" in text and "https://k.example.com/host" in text
    with database.unit_of_work(write=False) as uow:
        event = uow.session.scalar(select(AuditEvent).where(AuditEvent.action == "visit.preregistered"))
    assert (event.actor, event.after["language"]) == ("web:visitor", "en")
    assert "Jane" not in str(event.after)


def test_a_deny_list_hit_reads_like_success_and_alerts_reception_not_the_host(database):
    host = add_host(database)
    with database.unit_of_work("staff:boss") as uow:
        denylist.add_entry(uow, "phone", "13800138000", "trespass")
    done = _register(database, _request(host.id))
    assert (done.host_name, done.visit_date) == ("张伟", TOMORROW)  # what the visitor is shown: the same
    assert done.outcome == PreRegistrationOutcome.HELD
    assert [(r[0], r[1]) for r in _rows(database)] == [("deny_list_hit", "reception")]
    assert _visit(database, done.visit_id).hold_reason == "deny_list:phone"
    with pytest.raises(PolicyRefusal), database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.approve(uow, done.visit_id)


def test_sales_today_is_refused_and_tomorrow_is_an_appointment(database):
    host = add_host(database)
    with pytest.raises(PolicyRefusal) as refused:
        _register(database, _request(host.id, purpose="sales", visit_date=TODAY))
    assert refused.value.code == "sales_without_appointment"
    assert _register(database, _request(host.id, purpose="sales")).outcome == PreRegistrationOutcome.PENDING
    assert _register(database, _request(host.id, purpose="sales", name="Allowed", visit_date=TODAY),
                     refuse_sales_without_appointment=False).outcome == PreRegistrationOutcome.PENDING


def test_house_rules_are_recorded_when_the_site_asks(database):
    host = add_host(database)
    with database.unit_of_work("staff:amy") as uow:
        rules = agreements.publish(uow, visitor_type="visitor", language="en", title="Rules", body="Be kind.")
    done = _register(database, _request(host.id, rules_accepted=True), agreement_id=rules.id)
    with database.unit_of_work(write=False) as uow:
        signature = uow.session.scalar(select(AgreementSignature).where(AgreementSignature.visit_id == done.visit_id))
    assert signature.agreement_id == rules.id and signature.signature_png is None


def test_rate_limits_per_client_and_per_host(database):
    host = add_host(database)
    other = add_host(database, name="李娜", email="li.na@example.com")
    client = Subjects.of(SECRET, "203.0.113.7")
    for n in range(5):
        _register(database, _request(host.id, name=f"Visitor {n}"), subjects=client)
    with pytest.raises(RateLimited):
        _register(database, _request(other.id, name="Sixth"), subjects=client)
    database.clock.advance(hours=1)
    _register(database, _request(other.id, name="Sixth"), subjects=client)
    for n in range(15):  # the host's day: 20 requests, whoever sends them
        _register(database, _request(host.id, name=f"Other {n}"), subjects=Subjects.of(SECRET, f"198.51.100.{n}"))
    with pytest.raises(RateLimited):
        _register(database, _request(host.id, name="Too many"), subjects=Subjects.of(SECRET, "192.0.2.1"))
    database.clock.advance(days=1)
    _register(database, _request(host.id, name="Next day"), subjects=Subjects.of(SECRET, "192.0.2.1"))


def test_host_search_needs_two_characters_shows_five_hides_inactive_and_is_limited(database):
    for n in range(7):
        add_host(database, name=f"张{'一二三四五六七'[n]}", email=f"zhang{n}@example.com", department="R&D")
    hidden = add_host(database, name="张离职", email="gone@example.com")
    with database.unit_of_work("staff:amy") as uow:
        hosts.deactivate_host(uow, hidden.id)
    client = Subjects.of(SECRET, "203.0.113.7")
    with database.unit_of_work(preregistration.ACTOR) as uow:
        assert preregistration.find_hosts(uow, "张", subjects=client) == []
    with database.unit_of_work(preregistration.ACTOR) as uow:
        found = preregistration.find_hosts(uow, "zh", subjects=client)
    assert len(found) == 5 and all(m.department == "R&D" for m in found)
    with database.unit_of_work(preregistration.ACTOR) as uow:
        assert [m.name for m in preregistration.find_hosts(uow, "张离")] == []
    for _ in range(29):
        with database.unit_of_work(preregistration.ACTOR) as uow:
            preregistration.find_hosts(uow, "zh", subjects=client)
    with pytest.raises(RateLimited), database.unit_of_work(preregistration.ACTOR) as uow:
        preregistration.find_hosts(uow, "zh", subjects=client)
    database.clock.advance(minutes=1)
    with database.unit_of_work(preregistration.ACTOR) as uow:
        assert len(preregistration.find_hosts(uow, "zh", subjects=client)) == 5


def test_host_refs_are_opaque_and_resolve_only_active_hosts(database):
    host = add_host(database)
    ref = preregistration.host_ref(SECRET, host.id)
    assert len(ref) == 20 and ref == preregistration.host_ref(SECRET, host.id)  # stable: the page may keep it
    assert ref != preregistration.host_ref(SECRET, host.id + 1)
    with database.unit_of_work(write=False) as uow:
        assert preregistration.resolve_host_ref(uow, SECRET, ref) == host.id
        assert preregistration.resolve_host_ref(uow, b"x" * 32, ref) is None
        assert preregistration.resolve_host_ref(uow, SECRET, ref[:-1] + "A") is None
        assert preregistration.resolve_host_ref(uow, SECRET, str(host.id)) is None


def _reply_link(db, visit_id, action):
    signer = LinkSigner(SECRET)
    with db.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        key, created = visit_key(visit), visit.created_at
    url = signer.host_links("https://k.example.com", actions=[action], visit_id=visit_id,
                            host_email="zhang.wei@example.com", idempotency_key=f"req:{visit_id}",
                            issued_at=created, visit_key=key)[action]
    return HostReplyGateway(db, signer), url.rsplit("/", 1)[1]


def test_approve_by_reply_link_invites_and_the_kiosk_checks_in_with_the_mailed_code(database):
    host = add_host(database)
    done = _register(database, _request(host.id))
    gateway, token = _reply_link(database, done.visit_id, "approve")
    gateway.act(token)
    visit = _visit(database, done.visit_id)
    assert visit.status == VisitStatus.INVITED and visit.decided_by == "host:zhang.wei@example.com"
    [mail] = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_approved"]
    assert (mail[1], mail[2], mail[3]) == ("email", "jane@example.org", "en")  # the visitor's page language
    text = render("preregistration_approved", "en", mail[4]).text
    assert "张伟 has agreed to your visit" in text and "10:00–11:30" in text
    code = mailed_code(mail[4])
    assert code.startswith("v1.i.")
    database.clock.advance(days=1)  # on the day: scan and in, nothing to tap
    with database.unit_of_work("kiosk:K1") as uow:
        result = checkin.check_in_by_token(uow, code, site_code=SITE)
    assert result.outcome == "checked_in" and result.visitor_name == "Jane Doe"


def test_decline_by_reply_link_sends_a_polite_mail_without_the_reason(database):
    host = add_host(database)
    done = _register(database, _request(host.id, language="zh_CN"))
    gateway, token = _reply_link(database, done.visit_id, "decline")
    gateway.act(token)
    assert _visit(database, done.visit_id).status == VisitStatus.DENIED
    [mail] = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_declined"]
    assert (mail[2], mail[3]) == ("jane@example.org", "zh_CN")
    assert "很抱歉" in render("preregistration_declined", "zh_CN", mail[4]).text
    with pytest.raises(Conflict), database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.approve(uow, done.visit_id)


def test_decline_on_the_page_keeps_the_reason_in_the_history_only(database):
    host = add_host(database)
    done = _register(database, _request(host.id))
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.decline(uow, done.visit_id, "on leave that week")
    [mail] = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_declined"]
    assert "leave" not in str(mail[4])


def test_propose_time_invites_for_the_new_day(database):
    host = add_host(database)
    done = _register(database, _request(host.id))
    later = TODAY + timedelta(days=3)
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        invited = preregistration.propose_time(uow, done.visit_id, later, time(14, 0), time(15, 0))
    assert invited.visit_date == later
    visit = _visit(database, done.visit_id)
    assert (visit.status, visit.visit_date, visit.expected_start.hour) == (VisitStatus.INVITED, later, 6)
    [mail] = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_proposed"]
    assert "14:00–15:00" in render("preregistration_proposed", "en", mail[4]).text
    with database.unit_of_work("kiosk:K1") as uow, pytest.raises(TokenRejected) as early:
        checkin.check_in_by_token(uow, mailed_code(mail[4]), site_code=SITE)
    assert early.value.problem == TokenProblem.NOT_YET_VALID
    database.clock.advance(days=3)
    with database.unit_of_work("kiosk:K1") as uow:
        assert checkin.check_in_by_token(uow, invited.token, site_code=SITE).outcome == "checked_in"


def test_propose_time_checks_the_day(database):
    host = add_host(database)
    done = _register(database, _request(host.id))
    with pytest.raises(ValidationFailed) as err, database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.propose_time(uow, done.visit_id, TODAY - timedelta(days=1), time(9, 0), None)
    assert err.value.by_field["date"].code == "in_past"


def test_a_walk_ins_reply_links_still_let_the_walk_in_in(database):
    from kiosk.services.visits import walkins

    host = add_host(database)
    with database.unit_of_work("kiosk:K1") as uow:
        walk_in = walkins.register_walk_in(uow, walkins.WalkInForm("李雷", "13900139000", host.id, "meeting"),
                                           site_code=SITE)
    gateway, token = _reply_link(database, walk_in.visit_id, "approve")
    gateway.act(token)
    assert _visit(database, walk_in.visit_id).status == VisitStatus.APPROVED


def test_pending_past_its_day_is_cancelled_with_one_polite_note(database):
    host = add_host(database)
    done = _register(database, _request(host.id))
    answered = _register(database, _request(host.id, name="Answered"))
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.approve(uow, answered.visit_id)
    with database.unit_of_work("system:housekeeping") as uow:
        assert preregistration.expire_unanswered(uow, site_code=SITE) == []  # its day has not ended
    database.clock.advance(days=2)
    for _ in range(2):
        with database.unit_of_work("system:housekeeping") as uow:
            expired = preregistration.expire_unanswered(uow, site_code=SITE)
    assert expired == []  # the second run finds nothing left
    assert _visit(database, done.visit_id).status == VisitStatus.CANCELLED
    assert _visit(database, answered.visit_id).status == VisitStatus.INVITED  # end_of_day's no-show, not ours
    notes = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_expired"]
    assert len(notes) == 1 and notes[0][2] == "jane@example.org"
    with pytest.raises(Conflict), database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.approve(uow, done.visit_id)


def test_rate_limit_buckets_fit_the_column():
    assert len(rate_limits.PREREGISTER_CLIENT_BUCKET) <= 32


def test_erasing_the_visitor_leaves_nothing_of_the_request(database):
    import json

    from kiosk.models import Base
    from kiosk.services import retention

    host = add_host(database)
    with database.unit_of_work("staff:amy") as uow:
        rules = agreements.publish(uow, visitor_type="visitor", language="en", title="Rules", body="Be kind.")
    done = _register(database, _request(host.id, name="Zelda Quixote", company="Quixote Mills",
                                        purpose_note="ask for Zelda", rules_accepted=True),
                     agreement_id=rules.id, subjects=Subjects.of(SECRET, "203.0.113.7"))
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.approve(uow, done.visit_id)
    with database.unit_of_work("staff:amy") as uow:
        report = retention.erase_by_phone(uow, "13800138000")
    assert report.visits == 1
    with database.unit_of_work(write=False) as uow:
        for table in Base.metadata.sorted_tables:
            rows = uow.session.execute(select(table)).all()
            dump = json.dumps([[str(v) for v in row] for row in rows], ensure_ascii=False)
            assert "Zelda" not in dump and "13800138000" not in dump and "jane@example.org" not in dump, table.name


def test_a_held_request_released_by_the_desk_asks_the_host_as_an_unheld_one_would(database):
    host = add_host(database, chat_address="wecombot://KEY")
    with database.unit_of_work("staff:boss") as uow:
        denylist.add_entry(uow, "phone", "13800138000", "trespass")
    done = _register(database, _request(host.id))
    assert [r[0] for r in _rows(database, done.visit_id)] == ["deny_list_hit"]

    with database.unit_of_work("staff:sue") as uow:
        denylist.override_hold(uow, done.visit_id, reason="Known to us", role=StaffRole.SUPERVISOR,
                               host_page="https://k.example.com/host")

    asked = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_request"]
    assert [(r[1], r[2]) for r in asked] == [("email", "zhang.wei@example.com"), ("chat", "wecombot://KEY")]
    payload = asked[0][4]
    assert (payload["visit_date"], payload["time_text"], payload["party_size"], payload["host_page"]) == (
        "2026-06-16", "10:00–11:30", 3, "https://k.example.com/host")
    visit = _visit(database, done.visit_id)
    assert visit.hold_reason is None and visit.status == VisitStatus.PENDING_APPROVAL
    # And the host's answer now works as for any request.
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        preregistration.approve(uow, done.visit_id)
    assert _visit(database, done.visit_id).status == VisitStatus.INVITED


def test_a_released_request_whose_day_has_passed_asks_nobody(database):
    host = add_host(database)
    with database.unit_of_work("staff:boss") as uow:
        denylist.add_entry(uow, "phone", "13800138000", "trespass")
    done = _register(database, _request(host.id))
    database.clock.advance(days=2)
    with database.unit_of_work("staff:sue") as uow:
        denylist.override_hold(uow, done.visit_id, reason="Known to us", role=StaffRole.SUPERVISOR)
    assert [r[0] for r in _rows(database, done.visit_id)] == ["deny_list_hit"]


def test_a_desk_released_hold_on_a_walk_in_or_invitation_asks_nobody_new(database):
    host = add_host(database)
    with database.unit_of_work("staff:boss") as uow:
        denylist.add_entry(uow, "name", "mallory bad")
    created = factories.invite(database, host.id, name="Mallory Bad")
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, created.token, site_code=SITE)
    with database.unit_of_work("staff:sue") as uow:
        denylist.override_hold(uow, created.visit_id, reason="Known to us", role=StaffRole.SUPERVISOR)
    assert "preregistration_request" not in [r[0] for r in _rows(database, created.visit_id)]


def test_a_preregistration_approved_mails_the_short_code_too(database):
    host = add_host(database)
    done = _register(database, _request(host.id, visit_date=TODAY))
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        invited = preregistration.approve(uow, done.visit_id)
    [mail] = [r for r in _rows(database, done.visit_id) if r[0] == "preregistration_approved"]
    assert mailed_short_code(mail[4]) == invited.short_code and "short_code" not in mail[4]
    text = render("preregistration_approved", "en", {**mail[4], "short_code": invited.short_code}).text
    assert f"Or type this code at the kiosk:\n    {invited.short_code[:4]}-{invited.short_code[4:]}" in text
    with database.unit_of_work("kiosk:K1") as uow:
        assert checkin.check_in_by_token(uow, invited.short_code, site_code=SITE).outcome == "checked_in"
