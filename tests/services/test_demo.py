"""Demo seeding: a believable lobby, built through the real services, safe to run again."""

from __future__ import annotations

from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from kiosk.domain.rooms import BookingLevel, BookingStatus, RoomState
from kiosk.domain.visits import CheckInOutcome
from kiosk.models import DenyListEntry, Department, Host, StaffUser, Visit
from kiosk.models.rooms import Booking, Room
from kiosk.services import auth, demo, demo_rooms
from kiosk.services.directory import hosts
from kiosk.services.rooms import board, inspection, visit_rooms
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
    first = _seed(database)
    rooms_and_bookings = (_count(database, Room), _count(database, Booking))
    assert (first.rooms_created, first.bookings_made) == rooms_and_bookings
    database.clock.advance(minutes=5)

    again = _seed(database)

    assert (again.hosts_created, again.hosts_existing) == (0, 20)
    assert again.new_tokens == [] and not again.user_created and not again.deny_entry_created
    assert Counter(v.status for v in _visits_today(database)) == TODAY_STATUSES
    assert (_count(database, Host), _count(database, Visit)) == (20, 6)
    assert (_count(database, DenyListEntry), _count(database, StaffUser)) == (1, 1)
    assert (again.rooms_created, again.bookings_made) == (0, 0)
    assert (_count(database, Room), _count(database, Booking)) == (8, rooms_and_bookings[1])


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


def _meeting_day(db):
    with db.unit_of_work(write=False) as uow:
        return board.day_board(uow, SITE, opens="08:00", closes="20:00")


def test_meeting_rooms_on_three_floors_with_a_lively_day(database):
    summary = _seed(database)

    day = _meeting_day(database)
    assert len(day.rows) == len(demo_rooms.ROOMS) == 8
    assert {row.room.floor for row in day.rows} == {"2", "3", "5"}
    assert len({row.room.equipment for row in day.rows}) >= 6
    [training] = [row.room for row in day.rows if row.room.needs_approval]
    assert training.name == "培训室"
    states = {row.room.name: row.state for row in day.rows}
    assert (states["大会议室"], states["小会议室"], states["洽谈室 B"]) == (
        RoomState.IN_USE, RoomState.CLEANING, RoomState.OUT_OF_ORDER)
    assert RoomState.BOOKED in states.values()
    segments = [segment for row in day.rows for segment in row.segments]
    assert sum(s.ad_hoc for s in segments) == 1
    assert any(s.prepared for s in segments if s.starts_at > day.now)
    assert any(not s.prepared for s in segments if s.starts_at > day.now)
    assert {s.level for s in segments} == {BookingLevel.COMPANY, BookingLevel.DEPARTMENT}
    with database.unit_of_work(write=False) as uow:
        [damage] = inspection.damage_reports(uow, SITE)
        assert (damage.room_name, damage.what) == ("洽谈室 B", demo_rooms.DAMAGE)
        weekly = uow.session.scalars(select(Booking).where(Booking.topic == demo_rooms.WEEKLY.topic)).all()
        assert len(weekly) == demo_rooms.WEEKLY_WEEKS + 1 and len({b.series_id for b in weekly}) == 1
        displaced = uow.session.scalars(select(Booking).where(Booking.status == BookingStatus.DISPLACED)).one()
        assert displaced.topic == demo_rooms.DISPLACED.topic and displaced.displaced_by_booking_id is not None
        assert uow.session.scalars(select(Booking).where(Booking.status == BookingStatus.CANCELLED)).one()
        # A demo visitor comes to a booked meeting: the badge and the host's notice say where.
        first = summary.invitations[0]
        assert visit_rooms.meeting_of_visit(uow, first.visit_id)[:2] == ("洽谈室 A", "2")


def test_a_reset_seats_the_new_demo_visitors_at_their_meetings(database):
    _seed(database)

    fresh = _seed(database, reset=True)

    assert fresh.bookings_made == 0
    with database.unit_of_work(write=False) as uow:
        assert visit_rooms.meeting_of_visit(uow, fresh.invitations[0].visit_id)[:2] == ("洽谈室 A", "2")
        assert visit_rooms.meeting_of_visit(uow, fresh.invitations[1].visit_id)[:2] == ("视频会议室", "3")
