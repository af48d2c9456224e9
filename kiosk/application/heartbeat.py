"""The kiosk's heartbeat: every 30 s, one row saying "alive, and this is how my camera and printer are".

``HeartbeatLoop`` asks a small callable for a ``DeviceReport`` (called on the loop's thread: it
must only read what other threads last set, never touch a device or a widget) and records it with
``record_heartbeat``. The first heartbeat goes out as the loop starts. The desk derives online /
stale / offline from the heartbeat's age (``kiosk.services.directory.heartbeats.kiosk_health``).

Where the states come from: the kiosk's screens keep the camera loop's latest ``CameraStatus``
(``camera_health`` turns it into the domain's ``CameraHealth``); the badge print loop's job
outcomes say how the printer was when it last printed (``PrinterWatch``, fed by the loop's
``on_update``). ``application/wiring.py`` puts them together.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from datetime import datetime

from kiosk import __version__
from kiosk.application.loops import BackgroundLoop
from kiosk.application.print_loop import JobUpdate
from kiosk.db import Database
from kiosk.devices.camera.status import CameraState, CameraStatus
from kiosk.domain.kiosks import HEARTBEAT_INTERVAL, UNKNOWN_DEVICES, CameraHealth, DeviceReport, PrinterHealth
from kiosk.domain.printing import PrintJobStatus
from kiosk.services.directory.heartbeats import KioskHealth, record_heartbeat

log = logging.getLogger(__name__)

DeviceStatus = Callable[[], DeviceReport]

_CAMERA = {
    CameraState.OK: CameraHealth.OK,
    CameraState.STARTING: CameraHealth.STARTING,
    CameraState.UNAVAILABLE: CameraHealth.UNAVAILABLE,
    CameraState.DISABLED: CameraHealth.DISABLED,
    CameraState.STOPPED: CameraHealth.UNAVAILABLE,
}

# PrinterUnavailable codes (kiosk/devices/printer/protocol.py) as the desk shows them.
_PRINTER_CODES = {
    "paper_out": PrinterHealth.PAPER_OUT,
    "cover_open": PrinterHealth.COVER_OPEN,
    "offline": PrinterHealth.OFFLINE,
    "not_found": PrinterHealth.OFFLINE,
    "timeout": PrinterHealth.OFFLINE,
    "permission": PrinterHealth.ERROR,
    "unknown": PrinterHealth.ERROR,
}


def camera_health(status: CameraStatus | None) -> CameraHealth:
    """The camera loop's latest status as the desk shows it; None (no status yet) is unknown."""
    return CameraHealth.UNKNOWN if status is None else _CAMERA.get(status.state, CameraHealth.UNKNOWN)


def camera_report(status: CameraStatus | None) -> DeviceReport:
    """A report carrying the camera only (the printer is filled in from the print loop)."""
    if status is None:
        return UNKNOWN_DEVICES
    detail = (status.reason or "") if status.state is not CameraState.OK else ""
    return DeviceReport(camera=camera_health(status), detail=detail)


class PrinterWatch:
    """How the badge printer was at its last job, from the print loop's updates (any thread)."""

    def __init__(self, *, configured: bool = True) -> None:
        self._lock = threading.Lock()
        self._state = PrinterHealth.UNKNOWN if configured else PrinterHealth.NONE
        self._detail = ""
        self._configured = configured

    def on_update(self, update: JobUpdate) -> None:
        if not self._configured:
            return
        if update.status is PrintJobStatus.DONE:
            state, detail = PrinterHealth.READY, ""
        else:
            state, detail = _PRINTER_CODES.get(update.code, PrinterHealth.ERROR), update.reason
        with self._lock:
            self._state, self._detail = state, detail

    def current(self) -> tuple[PrinterHealth, str]:
        with self._lock:
            return self._state, self._detail


def with_printer(status: DeviceStatus, printer: PrinterWatch) -> DeviceStatus:
    """``status``'s report, its printer filled in from ``printer`` when it does not know the printer itself."""

    def report() -> DeviceReport:
        given = status()
        if given.printer is not PrinterHealth.UNKNOWN:
            return given
        state, detail = printer.current()
        words = "; ".join(part for part in (given.detail, detail) if part)
        return DeviceReport(camera=given.camera, printer=state, detail=words)

    return report


class HeartbeatLoop(BackgroundLoop):
    name = "heartbeat"

    def __init__(
        self,
        database: Database,
        *,
        kiosk_code: str,
        site_code: str,
        status: DeviceStatus | None = None,
        interval_seconds: float = HEARTBEAT_INTERVAL.total_seconds(),
        app_version: str = __version__,
        host: str | None = None,
    ) -> None:
        super().__init__(interval=interval_seconds, max_backoff=max(interval_seconds, 60.0))
        self._database = database
        self._kiosk_code = kiosk_code
        self._site_code = site_code
        self._status = status or (lambda: UNKNOWN_DEVICES)
        self._app_version = app_version
        self._host = socket.gethostname() if host is None else host
        self._started_at: datetime | None = None
        self._status_failed = False

    def step(self) -> bool:
        self.run_once()
        return False

    def run_once(self) -> KioskHealth:
        """Record one heartbeat now. Raises only when the database cannot be written."""
        report = self._report()
        with self._database.unit_of_work(f"kiosk:{self._kiosk_code}") as uow:
            if self._started_at is None:
                self._started_at = uow.now()
            return record_heartbeat(
                uow, kiosk_code=self._kiosk_code, site_code=self._site_code, camera=report.camera,
                printer=report.printer, detail=report.detail, app_version=self._app_version, host=self._host,
                started_at=self._started_at,
            )

    def _report(self) -> DeviceReport:
        # A status callable that fails must not stop the heartbeat: "alive, devices unknown" is still news.
        try:
            report = self._status()
        except Exception:
            if not self._status_failed:
                log.exception("%s: the device status could not be read", self.name)
            self._status_failed = True
            return DeviceReport(detail="device status unavailable")
        self._status_failed = False
        return report
