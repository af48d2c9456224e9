"""A host's own visits on the web: the list and its states, the detail, answering, inviting, moving, cancelling.
Another host's visit is NotFound for everything."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from kiosk.models import AuditEvent, Notification, Visit, VisitStatus
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.visits import checkin, denylist, host_visits, photos, preregistration, signout, walkins
from kiosk.services.visits.host_visits import GroupRowsRefused, HostVisitState
from kiosk.services.visits.preregistration import PreRegistrationRequest
from kiosk.services.visits.walkins import WalkInForm
from tests.factories import SITE, add_host, invite, mailed_code

TODAY = date(2026, 6, 15)  # the test clock: 09:00 in Shanghai
TOMORROW = TODAY + timedelta(days=1)
JPEG = b"\xff\xd8\xff\xe0" + b"x" * 100
ZHANG = "host:zhang.wei@example.com"


@pytest.fixture
def host(database):
    return add_host(database)


@pytest.fixture
def other(database):
    return add_host(database, name="李娜", email="li.na@example.com")


def _walk_in(db, host_id, name="李雷", phone="13800138000", **extra):
    with db.unit_of_work("kiosk:K1") as uow:
        return walkins.register_walk_in(uow, WalkInForm(name=name, phone=phone, host_id=host_id, purpose="meeting",
                                                        company="Acme", **extra), site_code=SITE).visit_id


def _preregister(db, host_id, day=TOMORROW, start=time(10, 0)):
    request = PreRegistrationRequest(name="Jane Doe", phone="139 0013 9000", email="jane@example.org",
                                     host_id=host_id, visit_date=day, start=start, end=time(11, 30),
                                     purpose="meeting", company="Acme", party_size=3, language="en")
    with db.unit_of_work(preregistration.ACTOR) as uow:
        return preregistration.register(uow, request, site_code=SITE).visit_id


def _list(db, host_id, days=14):
    with db.unit_of_work(write=False) as uow:
        return host_visits.host_visits(uow, host_id, site_code=SITE, days=days)


def _detail(db, host_id, visit_id):
    with db.unit_of_work(write=False) as uow:
        return host_visits.host_visit_context(uow, host_id, visit_id)


def _as_host(db, action, *args, actor=ZHANG, **kwargs):
    with db.unit_of_work(actor) as uow:
        return action(uow, *args, **kwargs)


def _status(db, visit_id):
    with db.unit_of_work(write=False) as uow:
        return uow.session.get(Visit, visit_id).status


def test_the_list_shows_states_in_the_hosts_words_waiting_first_then_by_time(database, clock, host, other):
    expected = invite(database, host.id, name="Expected", phone="13700137001",
                      start=time(14, 0)).visit_id
    arrived = invite(database, host.id, name="Arrived", phone="13700137002", start=time(9, 30))
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, arrived.token, site_code=SITE)
    left = invite(database, host.id, name="Left", phone="13700137003", start=time(8, 0))
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, left.token, site_code=SITE)
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, left.visit_id)
    clock.advance(minutes=5)
    waiting = _walk_in(database, host.id)
    prereg = _preregister(database, host.id)
    later = invite(database, host.id, name="Later", phone="13700137004", visit_date=TODAY + timedelta(days=3)).visit_id
    invite(database, host.id, name="Too far", phone="13700137005", visit_date=TODAY + timedelta(days=20))
    invite(database, other.id, name="Not mine", phone="13700137006")
    with database.unit_of_work("test") as uow:
        denylist.add_entry(uow, "phone", "13600136000", reason="harassment")
        uow.commit()
    _walk_in(database, host.id, name="Held", phone="13600136000")  # reception's business

    rows = _list(database, host.id)
    assert [(r.visitor_name, r.state) for r in rows] == [
        ("李雷", HostVisitState.WAITING_FOR_YOU),
        ("Jane Doe", HostVisitState.WAITING_FOR_YOU),
        ("Left", HostVisitState.SIGNED_OUT),
        ("Arrived", HostVisitState.ARRIVED),
        ("Expected", HostVisitState.EXPECTED),
        ("Later", HostVisitState.EXPECTED),
    ]
    by_id = {r.visit_id: r for r in rows}
    assert by_id[waiting].kind == "walk_in" and by_id[waiting].company == "Acme"
    assert (by_id[prereg].kind, by_id[prereg].party_size, by_id[prereg].start, by_id[prereg].end) == (
        "preregistered", 3, time(10, 0), time(11, 30))
    assert by_id[expected].start == time(14, 0) and by_id[expected].end is None
    assert by_id[arrived.visit_id].arrived_at is not None and by_id[arrived.visit_id].left_at is None
    assert by_id[left.visit_id].left_at is not None
    assert later in by_id
    assert [r.visitor_name for r in _list(database, host.id, days=0)][:2] == ["李雷", "Left"]
    assert _list(database, other.id)[0].visitor_name == "Not mine"

    clock.advance(days=1)  # yesterday's visits are gone from the list
    assert "Left" not in [r.visitor_name for r in _list(database, host.id)]


def test_the_detail_shows_the_phone_only_while_the_visit_waits_for_the_host(database, host):
    waiting = _walk_in(database, host.id)
    with database.unit_of_work("kiosk:K1") as uow:
        photos.save_photo(uow, waiting, JPEG)
    detail = _detail(database, host.id, waiting)
    assert (detail.phone, detail.row.company, detail.photo_jpeg) == ("+8613800138000", "Acme", JPEG)
    assert detail.row.state is HostVisitState.WAITING_FOR_YOU
    _as_host(database, host_visits.approve, host.id, waiting)
    detail = _detail(database, host.id, waiting)
    assert detail.phone == "138****8000" and detail.photo_jpeg == JPEG

    expected = invite(database, host.id, name="Mailed", phone="13700137000", email="mailed@example.org").visit_id
    detail = _detail(database, host.id, expected)
    assert (detail.phone, detail.email, detail.photo_jpeg) == ("137****7000", "m***@example.org", None)


def test_another_hosts_visit_is_not_found_for_every_action(database, host, other):
    walk_in = _walk_in(database, host.id)
    prereg = _preregister(database, host.id)
    invited = invite(database, host.id, phone="13700137000").visit_id
    calls = [
        (host_visits.host_visit_context, ()), (host_visits.host_visit, ()), (host_visits.approve, ()),
        (host_visits.decline, ("no",)), (host_visits.propose_time, (TOMORROW, time(9, 0), None)),
        (host_visits.reschedule, (TOMORROW, None, None)), (host_visits.cancel, ()),
    ]
    for visit_id in (walk_in, prereg, invited, 999_999):
        for call, extra in calls:
            with pytest.raises(NotFound) as err, database.unit_of_work("host:li.na@example.com") as uow:
                call(uow, other.id, visit_id, *extra)
            assert str(visit_id) not in err.value.message
    assert (_status(database, walk_in), _status(database, prereg), _status(database, invited)) == (
        VisitStatus.PENDING_APPROVAL, VisitStatus.PENDING_APPROVAL, VisitStatus.INVITED)


def test_approving_a_walk_in_lets_the_visitor_in_as_the_host(database, host):
    visit_id = _walk_in(database, host.id)
    row = _as_host(database, host_visits.approve, host.id, visit_id)
    assert row.state is HostVisitState.EXPECTED and _status(database, visit_id) == VisitStatus.APPROVED
    with database.unit_of_work(write=False) as uow:
        actor = uow.session.scalar(select(AuditEvent.actor).where(AuditEvent.action == "visit.approved"))
    assert actor == ZHANG
    with pytest.raises(Conflict) as err:
        _as_host(database, host_visits.approve, host.id, visit_id)
    assert err.value.code == "not_waiting"


def test_approving_a_preregistration_invites_the_visitor(database, host):
    visit_id = _preregister(database, host.id)
    row = _as_host(database, host_visits.approve, host.id, visit_id)
    assert row.state is HostVisitState.EXPECTED and _status(database, visit_id) == VisitStatus.INVITED
    with database.unit_of_work(write=False) as uow:
        mail = uow.session.scalar(select(Notification).where(Notification.event == preregistration.APPROVED_EVENT))
    assert mail.recipient == "jane@example.org" and mailed_code(mail.payload)


def test_declining_a_walk_in_and_a_preregistration(database, host):
    walk_in = _walk_in(database, host.id)
    prereg = _preregister(database, host.id)
    assert _as_host(database, host_visits.decline, host.id, walk_in, "in a meeting").state is HostVisitState.DECLINED
    assert _as_host(database, host_visits.decline, host.id, prereg).state is HostVisitState.DECLINED
    assert _status(database, walk_in) == _status(database, prereg) == VisitStatus.DENIED
    with pytest.raises(Conflict):
        _as_host(database, host_visits.decline, host.id, walk_in)


def test_proposing_another_time_for_a_preregistration_but_not_for_a_walk_in(database, host):
    prereg = _preregister(database, host.id)
    day = TODAY + timedelta(days=2)
    row = _as_host(database, host_visits.propose_time, host.id, prereg, day, time(15, 0), time(16, 0))
    assert (row.state, row.visit_date, row.start, row.end) == (HostVisitState.EXPECTED, day, time(15, 0), time(16, 0))
    walk_in = _walk_in(database, host.id)
    with pytest.raises(Conflict):
        _as_host(database, host_visits.propose_time, host.id, walk_in, day, None, None)
    assert _status(database, walk_in) == VisitStatus.PENDING_APPROVAL


def _invite(db, host_id, **overrides):
    values = {"visitor_name": "Jane Doe", "phone": "13800138000", "email": "jane@example.org", "company": "Acme",
              "visit_date": TOMORROW, "start": time(10, 0), "end": None, "purpose": "meeting"}
    values.update(overrides)
    return _as_host(db, host_visits.invite, host_id, site_code=SITE, **values)


def test_inviting_one_visitor(database, host):
    row = _invite(database, host.id)
    assert (row.state, row.visitor_name, row.visit_date, row.start, row.kind) == (
        HostVisitState.EXPECTED, "Jane Doe", TOMORROW, time(10, 0), "invited")
    with database.unit_of_work(write=False) as uow:
        mail = uow.session.scalar(select(Notification).where(Notification.event == "invitation_created"))
        visit = uow.session.get(Visit, row.visit_id)
        assert visit.host_id == host.id
    assert mail.recipient == "jane@example.org"
    with pytest.raises(ValidationFailed) as err:
        _invite(database, host.id, visitor_name=" ", phone="123", email="", visit_date=TODAY - timedelta(days=1))
    assert {"name", "phone", "date"} <= set(err.value.by_field)


PASTED = "张三，13800138001\n\n李四\t13800138002\tli.si@example.org\tAcme\nWang Wu,13800138003,Beta Ltd\n"


def _group(db, host_id, text, day=TOMORROW):
    return _as_host(db, host_visits.invite_group, host_id, text, site_code=SITE, visit_date=day,
                    start=time(14, 0), end=time(16, 0), purpose="meeting")


def test_inviting_a_pasted_group(database, host):
    rows = _group(database, host.id, PASTED)
    assert [(r.visitor_name, r.company, r.start) for r in rows] == [
        ("张三", "", time(14, 0)), ("李四", "Acme", time(14, 0)), ("Wang Wu", "Beta Ltd", time(14, 0))]
    assert {r.state for r in rows} == {HostVisitState.EXPECTED}


def test_inviting_a_csv_with_headings(database, host):
    rows = _group(database, host.id, "\ufeffName,Email,Phone\nAnn,ann@example.org,13800138004\n")
    assert [r.visitor_name for r in rows] == ["Ann"]


def test_one_bad_row_in_a_group_saves_nothing_and_names_the_pasted_line(database, host):
    text = "Good One,13800138001\n\nBad Phone,12345\nGood Two,13800138001\n"
    with pytest.raises(GroupRowsRefused) as err:
        _group(database, host.id, text)
    problems = {(p.line, p.field, p.code) for p in err.value.problems}
    assert problems == {(3, "phone", "invalid_phone"), (4, "phone", "duplicate")}
    assert [p.first_line for p in err.value.problems if p.code == "duplicate"] == [1]
    assert isinstance(err.value, ValidationFailed) and "line 3" in err.value.message
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []
    with pytest.raises(GroupRowsRefused) as err:
        _group(database, host.id, "\n  \n")
    assert [p.code for p in err.value.problems] == ["empty"]


def test_rescheduling_an_invitation_sends_a_new_code(database, host):
    created = invite(database, host.id, email="jane@example.org")
    day = TODAY + timedelta(days=4)
    row = _as_host(database, host_visits.reschedule, host.id, created.visit_id, day, time(9, 0), time(10, 0))
    assert (row.visit_date, row.start, row.end, row.state) == (day, time(9, 0), time(10, 0), HostVisitState.EXPECTED)
    with database.unit_of_work(write=False) as uow:
        events = uow.session.scalars(select(Notification.event).where(Notification.visit_id == created.visit_id)).all()
    assert "invitation_changed" in events
    walk_in = _walk_in(database, host.id)
    with pytest.raises(Conflict):
        _as_host(database, host_visits.reschedule, host.id, walk_in, day, None, None)


def test_cancelling_an_invitation(database, host):
    created = invite(database, host.id, email="jane@example.org")
    row = _as_host(database, host_visits.cancel, host.id, created.visit_id)
    assert row.state is HostVisitState.CANCELLED
    with pytest.raises(Conflict):
        _as_host(database, host_visits.cancel, host.id, created.visit_id)
    assert [r.state for r in _list(database, host.id)] == [HostVisitState.CANCELLED]
