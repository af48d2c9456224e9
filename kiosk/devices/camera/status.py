"""What the camera loop reports about itself; cheap to import (no OpenCV), so screens can show it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class CameraState(enum.StrEnum):
    STARTING = "starting"
    OK = "ok"
    UNAVAILABLE = "unavailable"
    # camera.source is empty: no camera on this kiosk, nothing to retry.
    DISABLED = "disabled"
    STOPPED = "stopped"


@dataclass(frozen=True)
class CameraStatus:
    state: CameraState
    # Why the camera is unavailable or disabled, in words for logs and the admin window.
    reason: str | None = None
    # Seconds until the next reconnect attempt, while unavailable.
    retry_in: float | None = None
