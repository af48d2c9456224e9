"""Demo seeding: a believable lobby, built through the real services, safe to run again."""

from __future__ import annotations

from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from kiosk.domain.visits import CheckInOutcome
from kiosk.models import DenyListEntry, Department, Host, StaffUser, Visit
from kiosk.services import auth, demo
from kiosk.services.directory import hosts
from kiosk.services.visits import checkin, visit_log
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests.factories import SITE

TODAY_STATUSES = Counter({"invited": 3, "checked_in": 1, "checked_out": 1, "pending_approval": 1})


def _seed(db, *, reset=False):
    with db.unit_of_work("test") as uow:
        return demo.seed_demo(uow, site_code=SITE, reset=reset)


def _count(db, model):
    with db.unit_of_work(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _today(db):
    return db.clock.now().astimezone(ZoneInfo("Asia/Shanghai")).date()


def _visits_today(db):
    with db.unit_of_work(write=False) as uow:
        return visit_log.list_visits(uow, SITE, day=_today(db))


def test_two_hosts_named_zhang_wei_work_in_different_departments(database):
    _seed(database)

    with database.unit_of_work(write=False) as uow:
        zhang_weis = hosts.search_hosts(uow, "张伟")
    assert [h.name for h in zhang_weis] == ["张伟", "张伟"]
    assert len({h.department for h in zhang_weis}) == 2
    assert len({h.email for h in zhang_weis}) == 2
    assert _count(database, Host) == len(demo.HOSTS) == 20


def test_departments_have_a_contact_for_unreachable_hosts(database):
    _seed(database)

    with database.unit_of_work(write=False) as uow:
        contacts = dict(uow.session.execute(select(Department.name, Department.contact_email)).all())
    assert contacts == {d.name: d.contact_email for d in demo.DEPARTMENTS}


def test_today_has_visits_in_every_state_with_working_tokens(database):
    summary = _seed(database)

    today = _visits_today(database)
    assert Counter(v.status for v in today) == TODAY_STATUSES
    assert summary.visit_date == _today(database) and all(v.visit_date == summary.visit_date for v in today)
    assert len(summary.new_tokens) == len(demo.INVITATIONS)
    waiting = next(v for v in summary.invitations if v.status == "invited")
    with database.unit_of_work("kiosk:K1") as uow:
        result = checkin.check_in_by_token(uow, waiting.token, site_code=SITE)
    assert result.outcome is CheckInOutcome.CHECKED_IN and result.visitor_name == waiting.visitor_name


def test_desk_login_and_deny_list_entry_exist(database):
    summary = _seed(database)

    assert (summary.username, summary.password) == ("reception", "reception123")
    with database.unit_of_work("test") as uow:
        session = auth.authenticate(uow, "reception", "reception123")
    assert session.role == "receptionist"
    assert _count(database, DenyListEntry) == 1


def test_seeding_twice_adds_nothing(database):
    _seed(database)
    database.clock.advance(minutes=5)

    again = _seed(database)

    assert (again.hosts_created, again.hosts_existing) == (0, 20)
    assert again.new_tokens == [] and not again.user_created and not again.deny_entry_created
    assert Counter(v.status for v in _visits_today(database)) == TODAY_STATUSES
    assert (_count(database, Host), _count(database, Visit)) == (20, 6)
    assert (_count(database, DenyListEntry), _count(database, StaffUser)) == (1, 1)


def test_reset_replaces_todays_demo_visits_with_fresh_tokens(database):
    first = _seed(database)
    old_token = first.new_tokens[0].token

    fresh = _seed(database, reset=True)

    assert fresh.visitors_erased == 6
    assert len(fresh.new_tokens) == len(demo.INVITATIONS)
    assert _count(database, Visit) == 6 and _count(database, Host) == 20
    with database.unit_of_work("kiosk:K1") as uow, pytest.raises(TokenRejected) as err:
        checkin.check_in_by_token(uow, old_token, site_code=SITE)
    assert err.value.problem is TokenProblem.UNKNOWN


def test_next_day_gets_its_own_visitors(database):
    _seed(database)
    database.clock.advance(days=1)

    next_day = _seed(database)

    assert len(next_day.new_tokens) == len(demo.INVITATIONS)
    assert Counter(v.status for v in _visits_today(database)) == TODAY_STATUSES
    assert _count(database, Host) == 20 and _count(database, Visit) == 12
