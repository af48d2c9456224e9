"""Check-in by invitation token: the invited visitor's zero-tap path."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent, BadgePrintJob, Notification, Visit, VisitStatus
from kiosk.services.errors import PolicyRefusal, ValidationFailed
from kiosk.services.visits import checkin, denylist, invitations
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests.factories import SITE, add_host, badge_code, invite


def _check_in(db, token, **kw):
    with db.unit_of_work("kiosk:K1") as uow:
        return checkin.check_in_by_token(uow, token, site_code=SITE, **kw)


def _count(db, model, *where):
    with db.unit_of_work(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where))


def test_invited_visitor_is_checked_in_with_badge_and_host_notice(database):
    host = add_host(database, chat_address="json://127.0.0.1:9/hook")
    invitation = invite(database, host.id)

    result = _check_in(database, invitation.token)

    assert result.outcome == "checked_in"
    assert (result.visitor_name, result.host_name, result.department) == ("Jane Doe", "张伟", "Sales")
    assert result.badge_job_id is not None and not result.repeated
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, invitation.visit_id)
        assert visit.status == VisitStatus.CHECKED_IN
        assert visit.checked_in_by == "kiosk:K1"
        assert visit.host_notified_at == database.clock.now()
        notices = uow.session.scalars(select(Notification).where(Notification.event == "visitor_arrived")).all()
        assert sorted(n.channel for n in notices) == ["chat", "email"]
        assert {n.recipient for n in notices} == {"zhang.wei@example.com", "json://127.0.0.1:9/hook"}
        job = uow.session.get(BadgePrintJob, result.badge_job_id)
        assert job.sign_out_token and "v1.o." not in job.sign_out_token  # sealed while it waits
        actions = uow.session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == visit.id)).all()
        assert "visit.checked_in" in actions


def test_double_scan_within_grace_returns_the_same_result_and_prints_once(database):
    host = add_host(database)
    invitation = invite(database, host.id)
    first = _check_in(database, invitation.token)
    database.clock.advance(seconds=3)

    again = _check_in(database, invitation.token)

    assert again.repeated and again.visit_id == first.visit_id and again.badge_job_id == first.badge_job_id
    assert _count(database, BadgePrintJob) == 1
    assert _count(database, Notification, Notification.event == "visitor_arrived") == 1


def test_scan_after_grace_window_is_already_used(database):
    host = add_host(database)
    invitation = invite(database, host.id)
    _check_in(database, invitation.token)
    database.clock.advance(seconds=11)

    with pytest.raises(TokenRejected) as err:
        _check_in(database, invitation.token)
    assert err.value.problem is TokenProblem.ALREADY_USED


@pytest.mark.parametrize(
    ("days", "problem"), [(-1, TokenProblem.EXPIRED), (1, TokenProblem.NOT_YET_VALID)]
)
def test_token_only_works_on_the_visit_day(database, days, problem):
    host = add_host(database)
    today = database.clock.now().date()
    invitation = invite(database, host.id, visit_date=today + timedelta(days=max(days, 0)))
    database.clock.advance(days=-days)
    with pytest.raises(TokenRejected) as err:
        _check_in(database, invitation.token)
    assert err.value.problem is problem


def test_visit_day_is_the_site_day_not_utc(database):
    """23:30 in Shanghai is still the same day although UTC already says 15:30."""
    host = add_host(database)
    invitation = invite(database, host.id)
    database.clock.advance(hours=14, minutes=30)  # 09:00 + 14:30 = 23:30 local
    assert _check_in(database, invitation.token).outcome == "checked_in"


def test_cancelled_invitation_is_refused(database):
    host = add_host(database)
    invitation = invite(database, host.id)
    with database.unit_of_work("staff:amy") as uow:
        invitations.cancel_invitation(uow, invitation.visit_id)
    with pytest.raises(TokenRejected) as err:
        _check_in(database, invitation.token)
    assert err.value.problem is TokenProblem.CANCELLED


def test_token_for_another_site_is_refused(database):
    from kiosk.services.directory.sites import ensure_site

    host = add_host(database)
    invitation = invite(database, host.id)
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "BRANCH", "Branch office", "Asia/Shanghai")
        uow.commit()
    with pytest.raises(TokenRejected) as err, database.unit_of_work("kiosk:B1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code="BRANCH")
    assert err.value.problem is TokenProblem.WRONG_SITE


def test_badge_token_cannot_check_in(database):
    host = add_host(database)
    invitation = invite(database, host.id)
    result = _check_in(database, invitation.token)
    badge_token = badge_code(database, result.badge_job_id)
    assert badge_token.startswith("v1.o.")
    with pytest.raises(TokenRejected) as err:
        _check_in(database, badge_token)
    assert err.value.problem is TokenProblem.WRONG_KIND


def test_deny_list_hit_holds_the_visit_and_alerts_reception_once(database):
    host = add_host(database)
    invitation = invite(database, host.id, name="Mallory Bad", company="Evil Corp")
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "company", "evil corp", reason="trespass 2025")

    first = _check_in(database, invitation.token)
    again = _check_in(database, invitation.token)

    assert first.outcome == again.outcome == "held"
    assert first.badge_job_id is None
    assert _count(database, Notification, Notification.event == "deny_list_hit") == 1
    assert _count(database, Notification, Notification.event == "visitor_arrived") == 0
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, invitation.visit_id)
        assert visit.status == VisitStatus.INVITED and visit.hold_reason == "deny_list:company"


def test_a_held_visit_is_let_in_only_after_a_supervisor_releases_the_hold_with_a_reason(database):
    host = add_host(database)
    invitation = invite(database, host.id, name="Mallory Bad")
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "name", "mallory bad")
    _check_in(database, invitation.token)

    with pytest.raises(PolicyRefusal) as refused, database.unit_of_work("staff:amy") as uow:
        checkin.check_in_visit(uow, invitation.visit_id, site_code=SITE)
    assert refused.value.code == "held_for_supervisor"
    with pytest.raises(PolicyRefusal) as refused, database.unit_of_work("staff:amy") as uow:
        denylist.override_hold(uow, invitation.visit_id, reason="known to us", role=StaffRole.RECEPTIONIST)
    assert refused.value.code == "supervisor_needed"
    with pytest.raises(ValidationFailed), database.unit_of_work("staff:li") as uow:
        denylist.override_hold(uow, invitation.visit_id, reason="   ", role=StaffRole.SUPERVISOR)
    with database.unit_of_work("staff:li") as uow:
        denylist.override_hold(uow, invitation.visit_id, reason="Contract signed today", role=StaffRole.SUPERVISOR)
    with database.unit_of_work("staff:amy") as uow:
        result = checkin.check_in_visit(uow, invitation.visit_id, site_code=SITE)

    assert result.outcome == "checked_in" and result.badge_job_id is not None
    with database.unit_of_work(write=False) as uow:
        override = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.hold_overridden")).one()
    assert (override.actor, override.after) == ("staff:li", {"reason": "Contract signed today"})
    database.clock.advance(minutes=1)
    with pytest.raises(TokenRejected):  # the invitation was spent at the desk
        _check_in(database, invitation.token)


def test_vip_arrival_is_announced_to_reception_and_the_supervisor(database):
    host = add_host(database)
    invitation = invite(database, host.id, name="Madam Chair", vip=True)
    ordinary = invite(database, host.id, name="Plain Visitor", phone="13800138001")
    _check_in(database, invitation.token)
    _check_in(database, ordinary.token)
    with database.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(Notification.channel, Notification.visit_id).where(Notification.event == "vip_arrived")
        ).all()
    assert sorted(map(tuple, rows)) == [("reception", invitation.visit_id), ("supervisor", invitation.visit_id)]
