"""The desk's kiosk panel: each kiosk's last heartbeat, camera and printer, and whether it is online,
stale (two heartbeats missed) or offline (three minutes silent), by the database's clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.domain.kiosks import CameraHealth, KioskStatus, PrinterHealth
from kiosk.services.directory.heartbeats import kiosk_health, record_heartbeat
from kiosk.services.directory.sites import ensure_kiosk, ensure_site
from tests.conftest import SITE


def beat(database, kiosk="K1", *, camera=CameraHealth.OK, printer=PrinterHealth.READY, detail="", site=SITE,
         **extra):
    with database.unit_of_work(f"kiosk:{kiosk}") as uow:
        return record_heartbeat(uow, kiosk_code=kiosk, site_code=site, camera=camera, printer=printer,
                                detail=detail, **extra)


def panel(database, **options):
    with database.unit_of_work("staff:amy", write=False) as uow:
        return {k.kiosk_code: k for k in kiosk_health(uow, site_code=SITE, **options)}


def test_a_kiosk_that_just_beat_is_online_with_its_devices(database, clock):
    beat(database, "K1", printer=PrinterHealth.PAPER_LOW, detail="paper low", app_version="0.1.0", host="lobby-1")
    k1 = panel(database)["K1"]
    assert (k1.status, k1.camera, k1.printer, k1.detail) == (
        KioskStatus.ONLINE, CameraHealth.OK, PrinterHealth.PAPER_LOW, "paper low")
    assert (k1.last_seen_at, k1.silent_for, k1.app_version, k1.host) == (clock.now(), timedelta(0), "0.1.0", "lobby-1")
    assert k1.needs_attention  # paper low: someone should bring a roll


def test_a_silent_kiosk_goes_stale_then_offline_and_comes_back_with_its_next_heartbeat(database, clock):
    beat(database, "K1")
    clock.advance(seconds=60)  # one heartbeat missed: still online
    assert panel(database)["K1"].status is KioskStatus.ONLINE
    clock.advance(seconds=20)  # two missed
    k1 = panel(database)["K1"]
    assert (k1.status, k1.silent_for) == (KioskStatus.STALE, timedelta(seconds=80))
    assert k1.needs_attention
    clock.advance(minutes=3)
    assert panel(database)["K1"].status is KioskStatus.OFFLINE
    beat(database, "K1")
    assert panel(database)["K1"].status is KioskStatus.ONLINE


def test_the_desk_may_choose_its_own_thresholds(database, clock):
    beat(database, "K1")
    clock.advance(seconds=40)
    assert panel(database, stale_after=timedelta(seconds=35))["K1"].status is KioskStatus.STALE
    assert panel(database, stale_after=timedelta(seconds=10),
                 offline_after=timedelta(seconds=30))["K1"].status is KioskStatus.OFFLINE
    with pytest.raises(ValueError):
        panel(database, stale_after=timedelta(minutes=5), offline_after=timedelta(minutes=1))


def test_each_kiosk_keeps_its_own_row_and_the_panel_lists_the_site_in_order(database, clock):
    with database.unit_of_work("test") as uow:
        other = ensure_site(uow, "BJ", "Beijing Office", "Asia/Shanghai")
        # An admin desk registers as a device but never beats: it is no kiosk to watch.
        ensure_kiosk(uow, "DESK-1", other)
        uow.commit()
    beat(database, "K2", camera=CameraHealth.UNAVAILABLE, detail="camera unplugged")
    beat(database, "K1")
    beat(database, "B1", site="BJ")
    clock.advance(seconds=30)
    beat(database, "K1", printer=PrinterHealth.PAPER_OUT, detail="out of paper")
    kiosks = panel(database)
    assert list(kiosks) == ["K1", "K2"]
    assert (kiosks["K1"].printer, kiosks["K1"].detail, kiosks["K1"].silent_for) == (
        PrinterHealth.PAPER_OUT, "out of paper", timedelta(0))
    assert (kiosks["K2"].camera, kiosks["K2"].silent_for) == (CameraHealth.UNAVAILABLE, timedelta(seconds=30))
    assert all(k.needs_attention for k in kiosks.values())


def test_a_healthy_kiosk_needs_no_attention(database):
    beat(database, "K1", camera=CameraHealth.DISABLED, printer=PrinterHealth.NONE)
    assert not panel(database)["K1"].needs_attention


def test_a_restart_shows_as_a_new_start(database, clock):
    first = clock.now()
    beat(database, "K1", started_at=first)
    clock.advance(minutes=10)
    beat(database, "K1")  # the same run
    assert panel(database)["K1"].started_at == first
    restarted = clock.advance(seconds=5)
    beat(database, "K1", started_at=restarted)
    assert panel(database)["K1"].started_at == restarted


def test_device_words_are_kept_plain_and_short(database):
    beat(database, "K1", detail="paper\x1b[31m low\n" + "x" * 600)
    detail = panel(database)["K1"].detail
    assert detail.startswith("paper [31m low x") and len(detail) == 500


def test_a_heartbeat_from_a_clock_running_ahead_counts_as_fresh(database, clock):
    beat(database, "K1")
    clock.advance(seconds=-20)  # the desk's clock is behind the kiosk's
    k1 = panel(database)["K1"]
    assert (k1.status, k1.silent_for) == (KioskStatus.ONLINE, timedelta(0))
