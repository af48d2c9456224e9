"""The desk's status line: each kiosk's health from its heartbeats, and today's alerts for reception
that nobody has seen to; acknowledging one at the desk takes it off the count."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kiosk.application.gateways.desk import DeskGateway
from kiosk.db import Database
from kiosk.domain.kiosks import CameraHealth, PrinterHealth
from kiosk.models import Notification
from kiosk.services.directory.heartbeats import record_heartbeat
from kiosk.services.visits import denylist, walkins
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.status_strip import DeskStatusStrip
from kiosk.ui.desk.today import TodayView
from tests.factories import SITE


def _strip(qtbot, database: Database) -> DeskStatusStrip:
    strip = DeskStatusStrip(DeskGateway(database, SITE), WorkerPool(synchronous=True), ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(strip)
    return strip


def _heartbeat(database: Database, kiosk: str, printer: PrinterHealth = PrinterHealth.READY) -> None:
    with database.unit_of_work(f"kiosk:{kiosk}") as uow:
        record_heartbeat(uow, kiosk_code=kiosk, site_code=SITE, camera=CameraHealth.OK, printer=printer)


def test_each_kiosk_shows_its_health_and_a_silent_one_goes_offline(qtbot, database: Database) -> None:
    _heartbeat(database, "K1")
    _heartbeat(database, "K2", PrinterHealth.PAPER_LOW)
    strip = _strip(qtbot, database)
    strip.refresh()
    assert [chip.text() for chip in strip.kiosks] == ["K1 ● online", "K2 ● online · paper low"]
    assert [chip.property("alert") for chip in strip.kiosks] == [False, True]
    database.clock.advance(minutes=5)
    _heartbeat(database, "K2", PrinterHealth.PAPER_LOW)
    strip.refresh()
    assert strip.kiosks[0].text() == "K1 ● offline" and strip.kiosks[0].property("alert") is True


def test_no_kiosk_yet_is_said_plainly(qtbot, database: Database) -> None:
    strip = _strip(qtbot, database)
    strip.refresh()
    assert [chip.text() for chip in strip.kiosks] == ["No kiosk has reported yet"]


def test_acknowledging_an_alert_at_the_desk_takes_it_off_the_count(qtbot, admin: TodayView, database, host) -> None:
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "phone", "13910000006")
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="meeting"), site_code=SITE)
    strip = _strip(qtbot, database)
    strip.refresh()
    assert strip.alerts.text() == "1 new alert(s)" and strip.alerts.property("alert") is True

    admin.refresh()
    admin.tabs.setCurrentIndex(admin.notices_tab)
    with database.unit_of_work(write=False) as uow:
        alert = uow.session.query(Notification).filter_by(event="deny_list_hit").one()
    admin.notices.select_notice(alert.id)
    assert admin.notices.acknowledge_button.isEnabled()
    admin.notices.acknowledge_button.click()
    strip.refresh()
    assert strip.alerts.text() == "0 new alert(s)" and strip.alerts.property("alert") is False
    admin.notices.select_notice(alert.id)
    assert not admin.notices.acknowledge_button.isEnabled()
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Notification, alert.id).acknowledged_by == "staff:reception"
