"""Leaving: badge QR, name search, end of day; feedback afterwards; escalation and the roster."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from kiosk.models import BadgePrintJob, Notification, Visit, VisitStatus
from kiosk.services.errors import Conflict, ValidationFailed
from kiosk.services.visits import checkin, escalation, print_jobs, roster, signout, walkins
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests.factories import SITE, add_host, badge_code, invite


def _arrive(db, name="Jane Doe", phone="13800138000", host_id=None):
    host_id = host_id or add_host(db).id
    invitation = invite(db, host_id, name=name, phone=phone)
    with db.unit_of_work("kiosk:K1") as uow:
        result = checkin.check_in_by_token(uow, invitation.token, site_code=SITE)
    return result.visit_id, badge_code(db, result.badge_job_id)


def _status(db, visit_id):
    with db.unit_of_work(write=False) as uow:
        return uow.session.get(Visit, visit_id).status


def test_badge_qr_signs_out_once(database):
    visit_id, badge = _arrive(database)
    database.clock.advance(hours=2)
    with database.unit_of_work("kiosk:K1") as uow:
        result = signout.sign_out_by_token(uow, badge, site_code=SITE)
    assert (result.visitor_name, result.repeated) == ("Jane Doe", False)
    assert _status(database, visit_id) == VisitStatus.CHECKED_OUT
    database.clock.advance(seconds=2)
    with database.unit_of_work("kiosk:K1") as uow:
        assert signout.sign_out_by_token(uow, badge, site_code=SITE).repeated
    database.clock.advance(minutes=5)
    with pytest.raises(TokenRejected) as err, database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_by_token(uow, badge, site_code=SITE)
    assert err.value.problem is TokenProblem.ALREADY_USED


def test_lost_badge_reissue_revokes_the_old_sign_out_token(database):
    visit_id, old_badge = _arrive(database)
    with database.unit_of_work("staff:amy") as uow:
        job_id = print_jobs.reissue_badge(uow, visit_id)
    new_badge = badge_code(database, job_id)
    assert new_badge != old_badge
    with pytest.raises(TokenRejected) as err, database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_by_token(uow, old_badge, site_code=SITE)
    assert err.value.problem is TokenProblem.REPLACED
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_by_token(uow, new_badge, site_code=SITE)
    assert _status(database, visit_id) == VisitStatus.CHECKED_OUT


def test_reprint_keeps_the_same_token_and_is_audited(database):
    visit_id, badge = _arrive(database)
    with database.unit_of_work("staff:amy") as uow:
        job_id = print_jobs.reprint_badge(uow, visit_id)
    with database.unit_of_work(write=False) as uow:
        job = uow.session.get(BadgePrintJob, job_id)
        assert (job.reason, job.requested_by) == ("reprint", "staff:amy")
    assert badge_code(database, job_id) == badge


def test_sign_out_by_name_shows_only_people_on_site(database):
    host = add_host(database)
    jane, _ = _arrive(database, "Jane Doe", "13800138000", host.id)
    _arrive(database, "Jack Ma", "13800138001", host.id)
    with database.unit_of_work(write=False) as uow:
        matches = signout.find_on_site_by_name(uow, "ja", site_code=SITE)
    assert sorted(m.visitor_name for m in matches) == ["Jack Ma", "Jane Doe"]
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, jane, via="name")
    with database.unit_of_work(write=False) as uow:
        assert [m.visitor_name for m in signout.find_on_site_by_name(uow, "JA", site_code=SITE)] == ["Jack Ma"]


def test_end_of_day_signs_everyone_out_and_marks_no_shows(database):
    host = add_host(database)
    on_site, _ = _arrive(database, host_id=host.id)
    no_show = invite(database, host.id, name="Never Came", phone="13800138009").visit_id
    with database.unit_of_work("system") as uow:
        assert signout.end_of_day(uow, site_code=SITE, signout_time=time(22, 0)) == ([], [])
    database.clock.advance(hours=13, minutes=1)  # 22:01 local
    with database.unit_of_work("system") as uow:
        assert signout.end_of_day(uow, site_code=SITE, signout_time=time(22, 0)) == ([on_site], [no_show])
    assert _status(database, on_site) == VisitStatus.CHECKED_OUT
    assert _status(database, no_show) == VisitStatus.NO_SHOW


def test_feedback_after_sign_out_once_and_in_range(database):
    visit_id, _ = _arrive(database)
    with pytest.raises(Conflict), database.unit_of_work("kiosk:K1") as uow:
        signout.record_feedback(uow, visit_id, 5)
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, visit_id)
    for bad in (0, 6, True, "5"):
        with pytest.raises(ValidationFailed), database.unit_of_work("kiosk:K1") as uow:
            signout.record_feedback(uow, visit_id, bad)
    with database.unit_of_work("kiosk:K1") as uow:
        signout.record_feedback(uow, visit_id, 4, "Friendly reception 👍")
    with pytest.raises(Conflict), database.unit_of_work("kiosk:K1") as uow:
        signout.record_feedback(uow, visit_id, 5)


def test_host_silent_for_15_minutes_is_escalated_once(database):
    host = add_host(database)
    with database.unit_of_work("test") as uow:
        from kiosk.models import Department

        uow.session.scalars(select(Department)).one().contact_email = "sales-lead@example.com"
        uow.commit()
    visit_id, _ = _arrive(database, host_id=host.id)
    acknowledged, _ = _arrive(database, "Bob", "13800138002", host.id)
    with database.unit_of_work("host") as uow:
        escalation.acknowledge(uow, acknowledged)

    database.clock.advance(minutes=14)
    with database.unit_of_work("system") as uow:
        assert escalation.escalate_unacknowledged(uow, minutes=15) == []
    database.clock.advance(minutes=1)
    with database.unit_of_work("system") as uow:
        assert escalation.escalate_unacknowledged(uow, minutes=15) == [visit_id]
    with database.unit_of_work("system") as uow:
        assert escalation.escalate_unacknowledged(uow, minutes=15) == []
    with database.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(Notification.channel, Notification.recipient).where(Notification.event == "host_unreachable")
        ).all()
    assert sorted(map(tuple, rows)) == [("email", "sales-lead@example.com"), ("reception", "reception")]


def test_pending_walk_in_is_escalated_too(database):
    host = add_host(database)
    with database.unit_of_work("kiosk:K1") as uow:
        pending = walkins.register_walk_in(
            uow, walkins.WalkInForm("李雷", "13800138000", host.id, "meeting"), site_code=SITE
        )
    database.clock.advance(minutes=15)
    with database.unit_of_work("system") as uow:
        assert escalation.escalate_unacknowledged(uow, minutes=15) == [pending.visit_id]


def test_roster_lists_who_is_in_the_building(database):
    host = add_host(database)
    first, _ = _arrive(database, "Jane Doe", "13800138000", host.id)
    database.clock.advance(minutes=5)
    second, _ = _arrive(database, "Jack Ma", "13800138001", host.id)
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, first)
    with database.unit_of_work(write=False) as uow:
        entries = roster.on_site_roster(uow, site_code=SITE)
    assert [(e.visit_id, e.visitor_name, e.host_name, e.department, e.phone) for e in entries] == [
        (second, "Jack Ma", "张伟", "Sales", "+8613800138001")
    ]
    assert entries[0].checked_in_at == database.clock.now()


def test_hosts_are_reminded_once_of_visitors_still_in_before_the_day_closes(database):
    host = add_host(database, chat_address="json://127.0.0.1:9/hook")
    still_in, _ = _arrive(database, host_id=host.id)
    gone, _ = _arrive(database, "Jack Ma", "13800138001", host.id)
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, gone)
    with database.unit_of_work("system") as uow:
        assert signout.remind_hosts_of_visitors_still_in(uow, site_code=SITE, remind_at=time(18, 0)) == []
    database.clock.advance(hours=9)  # 18:00 local
    for expected in ([still_in], []):
        with database.unit_of_work("system") as uow:
            assert signout.remind_hosts_of_visitors_still_in(uow, site_code=SITE, remind_at=time(18, 0)) == expected
    with database.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(Notification.channel, Notification.visit_id).where(Notification.event == "still_on_site")
        ).all()
    assert sorted(map(tuple, rows)) == [("chat", still_in), ("email", still_in)]
