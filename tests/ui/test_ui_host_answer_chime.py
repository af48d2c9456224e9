"""The kiosk chimes when the host answers a waiting walk-in (on the way, yes, no), quietly and only by day;
a sound that fails never costs the visitor their visit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.models import Visit
from kiosk.services.visits import escalation, walkins
from kiosk.ui.kiosk.assembly import Kiosk
from tests.factories import invite


def _visit_id(database: Database) -> int:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Visit.id)).one()


def _ask_the_host(kiosk: Kiosk) -> list[float]:
    """A walk-in for 张伟, now on the waiting screen; returns the volumes the kiosk's chime plays at."""
    played: list[float] = []
    assert kiosk.chime is not None and kiosk.flow.chime is kiosk.chime
    kiosk.chime.player = played.append
    form = kiosk.window.walk_in
    kiosk.window.welcome.walk_in.click()
    form.phone.setText("13800138000")
    form.name.setText("李雷")
    kiosk.flow._search_hosts("zw")
    form.host.results.itemClicked.emit(form.host.results.item(0))
    form.purpose_buttons[next(iter(form.purpose_buttons))].click()
    form.submit.click()
    assert kiosk.window.current() is kiosk.window.waiting
    kiosk.flow.poll_walk_in()
    assert played == []  # asking the host is not news
    return played


def _host(database: Database, host, action) -> None:  # type: ignore[no-untyped-def]
    with database.unit_of_work(f"host:{host.id}") as uow:
        action(uow, _visit_id(database))


def test_the_host_letting_the_visitor_in_rings_once_at_the_configured_volume(
        kiosk: Kiosk, host, database: Database) -> None:
    played = _ask_the_host(kiosk)
    _host(database, host, walkins.approve_visit)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.done
    assert played == [0.4]


def test_on_the_way_rings_once_however_often_it_is_heard_and_again_when_the_host_decides(
        kiosk: Kiosk, host, database: Database) -> None:
    played = _ask_the_host(kiosk)
    _host(database, host, escalation.acknowledge)
    for _ in range(3):
        kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.waiting
    assert played == [0.4]
    _host(database, host, walkins.deny_visit)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.message
    assert played == [0.4, 0.4]


def test_a_decline_rings_but_the_visitor_cancelling_does_not(kiosk: Kiosk, host, database: Database) -> None:
    played = _ask_the_host(kiosk)
    _host(database, host, walkins.deny_visit)
    kiosk.flow.poll_walk_in()
    assert played == [0.4]

    kiosk.flow.go_home()
    played = _ask_the_host(kiosk)
    kiosk.window.waiting.cancel_button.click()
    assert kiosk.window.current() is kiosk.window.message
    assert played == []


def test_an_invited_visitor_checking_in_hears_nothing(kiosk: Kiosk, host, database: Database) -> None:
    played: list[float] = []
    assert kiosk.chime is not None
    kiosk.chime.player = played.append
    kiosk.flow.scan_input.deliver_text(invite(database, host.id, name="Jane Doe").token)
    assert kiosk.window.current() is kiosk.window.done
    assert played == []


@pytest.fixture
def late_evening(clock: FixedClock) -> None:
    clock.set(datetime(2026, 6, 15, 13, 30, tzinfo=UTC))  # 21:30 in Shanghai: inside the default 20:00-08:00


def test_in_the_quiet_hours_the_screen_changes_without_a_sound(
        late_evening: None, kiosk: Kiosk, host, database: Database) -> None:
    played = _ask_the_host(kiosk)
    _host(database, host, walkins.approve_visit)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.done
    assert played == []


def test_switched_off_in_the_settings_it_stays_silent(kiosk: Kiosk, host, database: Database) -> None:
    assert kiosk.chime is not None
    kiosk.chime.settings = replace(kiosk.chime.settings, chime=False)
    played = _ask_the_host(kiosk)
    kiosk.chime.player = played.append
    _host(database, host, walkins.approve_visit)
    kiosk.flow.poll_walk_in()
    assert played == []


@pytest.mark.expect_log("chime not played")
def test_a_broken_sound_device_never_breaks_the_visit(kiosk: Kiosk, host, database: Database) -> None:
    _ask_the_host(kiosk)

    def broken(_volume: float) -> None:
        raise RuntimeError("no audio device")

    assert kiosk.chime is not None
    kiosk.chime.player = broken
    _host(database, host, walkins.approve_visit)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.done
    assert kiosk.window.done.title.text() == "欢迎您，李雷"


@pytest.mark.expect_log("chime failed")
def test_even_a_chime_that_raises_leaves_the_news_on_screen(kiosk: Kiosk, host, database: Database) -> None:
    _ask_the_host(kiosk)

    def exploding() -> None:
        raise OSError("sound server gone")

    kiosk.flow.chime = exploding
    _host(database, host, walkins.deny_visit)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.message
    assert "张伟" in kiosk.window.message.title.text()
