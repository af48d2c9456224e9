"""The kiosk's heartbeat loop, as the kiosk process runs it: the desk sees the kiosk online with the
camera the screens last saw and the printer as the print loop last found it."""

from __future__ import annotations

import dataclasses
import time

import pytest

from kiosk.application.heartbeat import HeartbeatLoop, camera_report
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.application.wiring import kiosk_background
from kiosk.config import KioskSettings, NotifySettings, PrinterSettings, Settings, SiteSettings
from kiosk.devices.camera.status import CameraState, CameraStatus
from kiosk.devices.printer.protocol import PrinterUnavailable
from kiosk.domain.kiosks import CameraHealth, DeviceReport, KioskStatus, PrinterHealth
from kiosk.services.directory.heartbeats import kiosk_health
from kiosk.services.visits import checkin
from tests.conftest import SITE
from tests.factories import add_host, invite


def _settings(printer: PrinterSettings) -> Settings:
    return dataclasses.replace(
        Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"), kiosk=KioskSettings(id="K1"),
        printer=printer, notify=NotifySettings(dispatcher="external"),
    )


def _panel(database):
    with database.unit_of_work("staff:amy", write=False) as uow:
        return {k.kiosk_code: k for k in kiosk_health(uow, site_code=SITE)}


def _check_in(database) -> None:
    invitation = invite(database, add_host(database).id)
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code=SITE)


def test_the_heartbeat_carries_what_the_screens_last_saw_of_the_camera(database):
    latest = {"camera": CameraStatus(CameraState.OK)}
    loop = HeartbeatLoop(database, kiosk_code="K1", site_code=SITE, status=lambda: camera_report(latest["camera"]),
                         host="lobby-1")
    loop.run_once()
    assert _panel(database)["K1"].camera is CameraHealth.OK
    latest["camera"] = CameraStatus(CameraState.UNAVAILABLE, reason="the camera was unplugged", retry_in=4.0)
    loop.run_once()
    k1 = _panel(database)["K1"]
    assert (k1.status, k1.camera, k1.detail, k1.host) == (
        KioskStatus.ONLINE, CameraHealth.UNAVAILABLE, "the camera was unplugged", "lobby-1")
    assert k1.needs_attention


@pytest.mark.expect_log("device status could not be read")
def test_a_broken_status_source_still_says_the_kiosk_is_alive(database):
    def broken() -> DeviceReport:
        raise RuntimeError("the camera thread is gone")

    loop = HeartbeatLoop(database, kiosk_code="K1", site_code=SITE, status=broken)
    loop.run_once()
    loop.run_once()  # logged once, not every 30 s
    k1 = _panel(database)["K1"]
    assert (k1.status, k1.camera, k1.printer) == (KioskStatus.ONLINE, CameraHealth.UNKNOWN, PrinterHealth.UNKNOWN)


def test_the_kiosk_shows_online_as_soon_as_its_loops_start(database):
    loops = kiosk_background(database, _settings(PrinterSettings(kind="none"))).start()
    try:
        deadline = time.monotonic() + 5
        while "K1" not in _panel(database) and time.monotonic() < deadline:
            time.sleep(0.05)
        k1 = _panel(database)["K1"]
        # No camera status given: unknown; no badge printer configured: none.
        assert (k1.status, k1.camera, k1.printer) == (KioskStatus.ONLINE, CameraHealth.UNKNOWN, PrinterHealth.NONE)
    finally:
        assert loops.stop(5)


def test_a_printed_badge_shows_the_printer_ready(database, tmp_path):
    loops = kiosk_background(database, _settings(PrinterSettings(kind="file", path=str(tmp_path / "badge.bin"))),
                             status=lambda: DeviceReport(camera=CameraHealth.OK))
    heartbeat = loops.find(HeartbeatLoop)
    assert isinstance(heartbeat, HeartbeatLoop)
    heartbeat.run_once()
    assert _panel(database)["K1"].printer is PrinterHealth.UNKNOWN  # nothing printed yet
    _check_in(database)
    printer = loops.find(BadgePrintLoop)
    assert isinstance(printer, BadgePrintLoop) and printer.run_once() is not None
    heartbeat.run_once()
    k1 = _panel(database)["K1"]
    assert (k1.camera, k1.printer, k1.needs_attention) == (CameraHealth.OK, PrinterHealth.READY, False)


@pytest.mark.expect_log("out of paper")
def test_a_printer_out_of_paper_shows_on_the_desk(database):
    def out_of_paper(badge: object) -> None:
        raise PrinterUnavailable("The badge printer is out of paper. Load a new roll.", "paper_out")

    loops = kiosk_background(database, _settings(PrinterSettings(kind="usb")), badge_output=out_of_paper)
    _check_in(database)
    printer, heartbeat = loops.find(BadgePrintLoop), loops.find(HeartbeatLoop)
    assert isinstance(printer, BadgePrintLoop) and isinstance(heartbeat, HeartbeatLoop)
    printer.run_once()
    heartbeat.run_once()
    k1 = _panel(database)["K1"]
    assert (k1.printer, k1.detail, k1.needs_attention) == (
        PrinterHealth.PAPER_OUT, "The badge printer is out of paper. Load a new roll.", True)


def test_a_kiosk_that_stopped_goes_offline_on_the_desk(database, clock):
    HeartbeatLoop(database, kiosk_code="K1", site_code=SITE).run_once()
    clock.advance(minutes=4)
    assert _panel(database)["K1"].status is KioskStatus.OFFLINE
