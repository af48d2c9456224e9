"""A short two-note sound: at the desk when something needs the receptionist (a walk-in starts waiting), at
the kiosk when the host answers a waiting visitor.

QtMultimedia is loaded on the first chime, not at start-up; a machine without sound just stays quiet,
and a sound that fails is logged, never raised: the visit goes on without it.
The kiosk's "should it ring now" rule (``chime_due``) is plain Python, tested without Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, tzinfo
from typing import Any

from kiosk.config import KioskSettings

log = logging.getLogger(__name__)

Player = Callable[[float], None]  # plays the chime at a volume from 0.0 to 1.0


def clock_time(text: str) -> time:
    """ "HH:MM" (the config's format) as a time of day."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(at: time, quiet_from: time, quiet_until: time) -> bool:
    """From ``quiet_from`` up to (not including) ``quiet_until``; a window across midnight (20:00-08:00)
    is quiet before midnight and after it. The same time twice: no quiet hours."""
    if quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= at < quiet_until
    return at >= quiet_from or at < quiet_until


def chime_due(settings: KioskSettings, at: time) -> bool:
    """The kiosk's rule: switched on, audible, and not in the site's quiet hours (``at`` is site time)."""
    if not settings.chime or settings.chime_volume <= 0:
        return False
    return not in_quiet_hours(at, clock_time(settings.chime_quiet_from), clock_time(settings.chime_quiet_until))


class SoundEffectPlayer:
    """The real player: one QSoundEffect for chime.wav, made on the first play."""

    def __init__(self) -> None:
        self._effect: Any = None

    def __call__(self, volume: float) -> None:
        if self._effect is None:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect

            from kiosk.ui.common.assets import asset

            self._effect = QSoundEffect()
            self._effect.setSource(QUrl.fromLocalFile(str(asset("sounds", "chime.wav"))))
        self._effect.setVolume(volume)
        self._effect.play()


class Chime:
    """Rings at a fixed volume (the desk's: always on while the desk is open)."""

    def __init__(self, volume: float = 0.6, player: Player | None = None) -> None:
        self.volume = volume
        self.player: Player = player or SoundEffectPlayer()

    def __call__(self) -> None:
        play(self.player, self.volume)


def silent(_volume: float) -> None:
    """No sound device (yet): tests and the screenshot tool, until the kiosk starts its devices."""


class HostAnswerChime:
    """The kiosk's chime for a host's answer: rings only when ``[kiosk] chime`` says so at this site time.

    Silent until given a player: the kiosk's devices (``Kiosk.start_devices``) give it the sound card."""

    def __init__(self, settings: KioskSettings, now: Callable[[], datetime], zone: tzinfo,
                 player: Player = silent) -> None:
        self.settings, self.now, self.zone = settings, now, zone
        self.player = player

    def __call__(self) -> None:
        try:
            due = chime_due(self.settings, self.now().astimezone(self.zone).time())
        except Exception:  # a broken setting must not stop the visitor's screen from changing
            log.exception("chime rule failed")
            return
        if due:
            play(self.player, self.settings.chime_volume)


def play(player: Player, volume: float) -> None:
    try:
        player(volume)
    except Exception:  # no sound device, a missing codec: the screen already says it all
        log.exception("chime not played")
