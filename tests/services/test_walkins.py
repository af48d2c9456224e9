"""Walk-ins: per-field errors, host consent, deny list, sales policy, returning visitors."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models import Notification, Visit, Visitor, VisitStatus
from kiosk.services.errors import IllegalTransition, PolicyRefusal, ValidationFailed
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.visits import denylist, walkins
from kiosk.services.visits.visitors import find_returning_visitor
from kiosk.services.visits.walkins import WalkInForm, WalkInPolicy
from tests.factories import SITE, add_host


def _form(host_id, **overrides):
    values = {"name": "李雷", "phone": "138 0013 8000", "host_id": host_id, "purpose": "meeting"}
    values.update(overrides)
    return WalkInForm(**values)


def _register(db, form, policy=None, protector=None):
    with db.unit_of_work("kiosk:K1") as uow:
        return walkins.register_walk_in(uow, form, site_code=SITE, policy=policy or WalkInPolicy(), protector=protector)


def _status(db, visit_id):
    with db.unit_of_work(write=False) as uow:
        return walkins.walk_in_status(uow, visit_id)


def test_every_bad_field_is_reported_at_once_and_nothing_is_saved(database):
    with pytest.raises(ValidationFailed) as err:
        _register(database, WalkInForm(name="  ", phone="12345", host_id=None, purpose="", id_number="12/34"))
    assert set(err.value.by_field) == {"name", "phone", "host", "purpose", "id_number"}
    assert err.value.by_field["name"].code == "required"
    assert err.value.by_field["phone"].code == "invalid_phone"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []


def test_walk_in_waits_for_host_consent_then_checks_in(database):
    host = add_host(database)
    result = _register(database, _form(host.id))
    assert result.outcome == "pending_approval" and result.badge_job_id is None
    assert (result.host_name, result.department) == ("张伟", "Sales")
    assert _status(database, result.visit_id) == "pending_approval"
    with database.unit_of_work(write=False) as uow:
        events = uow.session.scalars(select(Notification.event)).all()
    assert events == ["consent_requested"]

    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        walkins.approve_visit(uow, result.visit_id)
    assert _status(database, result.visit_id) == "approved"
    with database.unit_of_work("kiosk:K1") as uow:
        done = walkins.complete_approved_walk_in(uow, result.visit_id)
    assert done.outcome == "checked_in" and done.badge_job_id is not None
    with database.unit_of_work("kiosk:K1") as uow:  # the waiting screen polls twice: still one badge
        again = walkins.complete_approved_walk_in(uow, result.visit_id)
    assert again.repeated and again.badge_job_id == done.badge_job_id


def test_denied_walk_in_cannot_be_checked_in(database):
    host = add_host(database)
    result = _register(database, _form(host.id))
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        walkins.deny_visit(uow, result.visit_id)
    assert _status(database, result.visit_id) == "denied"
    with pytest.raises(IllegalTransition), database.unit_of_work("kiosk:K1") as uow:
        walkins.complete_approved_walk_in(uow, result.visit_id)


def test_without_consent_policy_the_walk_in_is_checked_in_at_once(database):
    host = add_host(database)
    result = _register(database, _form(host.id), policy=WalkInPolicy(host_consent_required=False))
    assert result.outcome == "checked_in" and result.badge_job_id is not None
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Notification.event)).all() == ["visitor_arrived"]


def test_deny_list_hit_is_held_for_reception_not_sent_to_host(database):
    host = add_host(database)
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "phone", "13800138000", reason="harassment")
    result = _register(database, _form(host.id))
    assert result.outcome == "held"
    assert _status(database, result.visit_id) == "held"
    with database.unit_of_work(write=False) as uow:
        notices = uow.session.execute(select(Notification.event, Notification.recipient)).all()
    assert [tuple(n) for n in notices] == [("deny_list_hit", "reception")]
    with pytest.raises(PolicyRefusal), database.unit_of_work("host:zhang.wei@example.com") as uow:
        walkins.approve_visit(uow, result.visit_id)


def test_keyword_in_purpose_note_hits_the_deny_list(database):
    host = add_host(database)
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "keyword", "protest")
    result = _register(database, _form(host.id, purpose="other", purpose_note="Here for the PROTEST"))
    assert result.outcome == "held"


def test_sales_without_appointment_is_refused_politely_and_saves_nothing(database):
    host = add_host(database)
    with pytest.raises(PolicyRefusal) as err:
        _register(database, _form(host.id, purpose="sales"))
    assert err.value.code == "sales_without_appointment"
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name="王五", phone="13900139000", company="卖货公司", note="新品")
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []
        assert uow.session.scalars(select(Notification.event)).all() == ["contact_left"]


def test_returning_visitor_is_found_by_phone_with_id_number_masked(database, tmp_path):
    host = add_host(database)
    protector = IdNumberProtector.load_or_create(tmp_path / "data.key")
    _register(database, _form(host.id, company="ACME", id_number="11010519491231002X"), protector=protector)

    with database.unit_of_work(write=False) as uow:
        found = find_returning_visitor(uow, "+86 138-0013-8000")
        stored = uow.session.scalars(select(Visitor)).one()
    assert (found.name, found.company) == ("李雷", "ACME")
    assert found.id_number_masked == "**************002X"
    assert b"11010519491231002X" not in stored.id_number_cipher
    assert protector.decrypt(stored.id_number_cipher) == "11010519491231002X"
    with database.unit_of_work(write=False) as uow:
        assert find_returning_visitor(uow, "13900000000") is None


def test_visitor_who_gives_up_waiting_withdraws(database):
    host = add_host(database)
    result = _register(database, _form(host.id))
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.withdraw_walk_in(uow, result.visit_id)
    assert _status(database, result.visit_id) == VisitStatus.CANCELLED.value


def test_two_people_sharing_a_phone_stay_two_people(database):
    """A company's front-desk number given by two visitors must not rename the first one's history."""
    host = add_host(database)
    first = _register(database, _form(host.id, name="王小明", phone="02161234567"))
    second = _register(database, _form(host.id, name="李大伟", phone="021 6123 4567"))
    with database.unit_of_work(write=False) as uow:
        names = {uow.session.get(Visit, v.visit_id).visitor.name for v in (first, second)}
    assert names == {"王小明", "李大伟"}


def test_host_on_the_way_is_shown_while_the_decision_is_pending(database):
    from kiosk.services.visits import escalation

    host = add_host(database)
    result = _register(database, _form(host.id))
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        escalation.acknowledge(uow, result.visit_id)
    assert _status(database, result.visit_id) == "host_on_the_way"
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        walkins.approve_visit(uow, result.visit_id)
    assert _status(database, result.visit_id) == "approved"
