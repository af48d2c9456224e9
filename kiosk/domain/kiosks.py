"""A kiosk's health as the desk sees it: what the kiosk reports every heartbeat, and what the desk derives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

# How often a kiosk writes its heartbeat, and when the desk stops trusting the last one.
HEARTBEAT_INTERVAL = timedelta(seconds=30)
# Two heartbeats missed (plus slack for a slow write): "not heard from lately".
STALE_AFTER = timedelta(seconds=75)
# Six missed: the kiosk is off, crashed or cut off.
OFFLINE_AFTER = timedelta(minutes=3)


class CameraHealth(StrEnum):
    OK = "ok"
    # Configured but not delivering frames (unplugged, in use, failing); the kiosk keeps retrying.
    UNAVAILABLE = "unavailable"
    # No camera on this kiosk (``[camera] source`` is empty).
    DISABLED = "disabled"
    STARTING = "starting"
    UNKNOWN = "unknown"


class PrinterHealth(StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    # Switched off, unplugged, unreachable on the network.
    OFFLINE = "offline"
    ERROR = "error"
    # No badge printer on this kiosk (``[printer] kind = "none"``).
    NONE = "none"
    # Nothing printed or asked yet since the kiosk started.
    UNKNOWN = "unknown"


class KioskStatus(StrEnum):
    ONLINE = "online"
    STALE = "stale"
    OFFLINE = "offline"


# The printer states a receptionist has to act on.
PRINTER_NEEDS_ATTENTION = frozenset({
    PrinterHealth.PAPER_LOW, PrinterHealth.PAPER_OUT, PrinterHealth.COVER_OPEN, PrinterHealth.OFFLINE,
    PrinterHealth.ERROR,
})


@dataclass(frozen=True)
class DeviceReport:
    """What a kiosk says about its devices in a heartbeat; ``detail`` is plain words ("paper low")."""

    camera: CameraHealth = CameraHealth.UNKNOWN
    printer: PrinterHealth = PrinterHealth.UNKNOWN
    detail: str = ""


UNKNOWN_DEVICES = DeviceReport()


def kiosk_status(age: timedelta, *, stale_after: timedelta = STALE_AFTER,
                 offline_after: timedelta = OFFLINE_AFTER) -> KioskStatus:
    """Online, stale or offline for a heartbeat ``age`` old (a heartbeat from the future counts as fresh)."""
    if age <= stale_after:
        return KioskStatus.ONLINE
    if age <= offline_after:
        return KioskStatus.STALE
    return KioskStatus.OFFLINE
