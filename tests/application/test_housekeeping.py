"""The kiosk's clockwork: escalation after 15 minutes, the evening reminder, the end of the day, the daily purge."""

from __future__ import annotations

import dataclasses
import threading

from kiosk.application.housekeeping import Housekeeping
from kiosk.config import Settings, SiteSettings
from kiosk.models import Visit, VisitStatus
from kiosk.services.visits import checkin, walkins
from tests.factories import SITE, add_host, invite


def _settings() -> Settings:
    return dataclasses.replace(Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"))


def test_a_day_of_housekeeping(database):
    host = add_host(database)
    invited = invite(database, host.id, name="Jane Doe")
    no_show = invite(database, host.id, name="Never Came", phone="13800138009").visit_id
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invited.token, site_code=SITE)
    with database.unit_of_work("kiosk:K1") as uow:
        waiting = walkins.register_walk_in(
            uow, walkins.WalkInForm("李雷", "13900139000", host.id, "meeting"), site_code=SITE).visit_id
    keeper = Housekeeping(database, _settings())

    morning = keeper.run_once()  # 09:00
    assert (morning.escalated, morning.reminded, morning.signed_out, morning.purged) == ([], [], [], True)

    database.clock.advance(minutes=15)
    assert sorted(keeper.run_once().escalated) == sorted([invited.visit_id, waiting])
    database.clock.advance(hours=9)  # 18:15
    evening = keeper.run_once()
    assert (evening.reminded, evening.signed_out, evening.purged) == ([invited.visit_id], [], False)
    database.clock.advance(hours=4)  # 22:15
    night = keeper.run_once()
    assert (night.signed_out, night.no_shows) == ([invited.visit_id], [no_show])
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, invited.visit_id).status == VisitStatus.CHECKED_OUT
    database.clock.advance(hours=2)  # past midnight: a new day, a new purge
    assert keeper.run_once().purged


def test_the_thread_runs_and_stops_promptly(database):
    ran = threading.Event()
    keeper = Housekeeping(database, _settings(), interval_seconds=30)
    original = keeper.run_once

    def once():
        report = original()
        ran.set()
        return report

    keeper.run_once = once  # type: ignore[method-assign]
    keeper.start()
    try:
        assert ran.wait(10)
    finally:
        assert keeper.stop(5)
