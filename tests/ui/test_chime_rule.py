"""When the kiosk may chime: switched on, audible, and outside the site's quiet hours (which may wrap midnight)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from kiosk.config import KioskSettings
from kiosk.ui.common.chime import Chime, chime_due

NIGHT_QUIET = KioskSettings(chime=True, chime_volume=0.4, chime_quiet_from="20:00", chime_quiet_until="08:00")


@pytest.mark.parametrize(("at", "rings"), [
    (time(8, 0), True),    # quiet ends at 08:00 sharp
    (time(12, 30), True),
    (time(19, 59), True),
    (time(20, 0), False),  # quiet starts at 20:00 sharp
    (time(23, 59), False),
    (time(0, 0), False),   # past midnight: still the same quiet night
    (time(3, 15), False),
    (time(7, 59), False),
])
def test_a_quiet_night_across_midnight(at: time, rings: bool) -> None:
    assert chime_due(NIGHT_QUIET, at) is rings


@pytest.mark.parametrize(("at", "rings"), [(time(12, 0), False), (time(13, 59), False), (time(14, 0), True),
                                           (time(11, 59), True), (time(23, 0), True)])
def test_a_quiet_window_within_one_day(at: time, rings: bool) -> None:
    lunch = replace(NIGHT_QUIET, chime_quiet_from="12:00", chime_quiet_until="14:00")
    assert chime_due(lunch, at) is rings


def test_the_same_time_twice_means_no_quiet_hours() -> None:
    always = replace(NIGHT_QUIET, chime_quiet_from="00:00", chime_quiet_until="00:00")
    assert all(chime_due(always, time(hour, 30)) for hour in range(24))


def test_switched_off_or_at_volume_zero_it_never_rings() -> None:
    for settings in (replace(NIGHT_QUIET, chime=False), replace(NIGHT_QUIET, chime_volume=0.0)):
        assert not any(chime_due(settings, time(hour, 0)) for hour in range(24))


@pytest.mark.expect_log("chime not played")
def test_the_desk_chime_rings_at_its_volume_and_survives_a_broken_sound_device() -> None:
    played: list[float] = []
    Chime(0.6, player=played.append)()
    assert played == [0.6]

    def broken(_volume: float) -> None:
        raise RuntimeError("no audio device")

    Chime(player=broken)()  # logged, not raised
