"""A short two-note sound when something needs the receptionist (a walk-in starts waiting).

QtMultimedia is loaded on the first chime, not at start-up; a desk without sound just stays quiet.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QUrl

from kiosk.ui.common.assets import asset

log = logging.getLogger(__name__)


class Chime:
    def __init__(self, volume: float = 0.6) -> None:
        self.volume = volume
        self._effect: Any = None  # QSoundEffect, made on first use

    def __call__(self) -> None:
        if self._effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            self._effect = QSoundEffect()
            self._effect.setSource(QUrl.fromLocalFile(str(asset("sounds", "chime.wav"))))
            self._effect.setVolume(self.volume)
        self._effect.play()
