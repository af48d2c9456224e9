"""Building the background loops a process runs from its settings.

The entry points call ``kiosk_background(...).start()`` after the window is up and
``stop()`` when the event loop ends; nothing else starts a thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.application.change_watcher import ChangeListener, ChangeWatcher
from kiosk.application.heartbeat import DeviceStatus, HeartbeatLoop, PrinterWatch, with_printer
from kiosk.application.housekeeping import Housekeeping
from kiosk.application.label_print_loop import LabelPrintLoop, label_station
from kiosk.application.loops import BackgroundLoop, LoopHealth
from kiosk.application.notification_loop import dispatcher_for_kiosk
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.printer.output import BadgeOutput, LayoutOutput
from kiosk.domain.kiosks import UNKNOWN_DEVICES


@dataclass
class BackgroundLoops:
    loops: list[BackgroundLoop] = field(default_factory=list)

    def start(self) -> BackgroundLoops:
        for loop in self.loops:
            loop.start()
        return self

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask every loop to stop first, then wait for each: a slow SMTP send does not hold up the others."""
        for loop in self.loops:
            loop.request_stop()
        return all([loop.stop(timeout) for loop in self.loops])

    def health(self) -> list[LoopHealth]:
        return [loop.health for loop in self.loops]

    def find(self, kind: type[BackgroundLoop]) -> BackgroundLoop | None:
        return next((loop for loop in self.loops if isinstance(loop, kind)), None)


def kiosk_background(database: Database, settings: Settings, *, badge_output: BadgeOutput | None = None,
                     status: DeviceStatus | None = None) -> BackgroundLoops:
    """A kiosk's loops: badge printing, notice dispatch (unless ``[notify] dispatcher = "external"``),
    the housekeeping clockwork and the heartbeat. ``badge_output`` replaces ESC/POS (OS printers drawn
    with QPainter). ``status`` gives the heartbeat the devices' state (called on the heartbeat's thread;
    default: unknown); a printer it leaves unknown is reported as the print loop last found it."""
    printer = PrinterWatch(configured=settings.printer.kind != "none")
    loops: list[BackgroundLoop] = [BadgePrintLoop(database, settings, output=badge_output, poll_seconds=0.5,
                                                  on_update=printer.on_update)]
    dispatcher = dispatcher_for_kiosk(database, settings)
    if dispatcher is not None:
        loops.append(dispatcher)
    loops.append(Housekeeping(database, settings))
    loops.append(HeartbeatLoop(database, kiosk_code=settings.kiosk.id, site_code=settings.site.code,
                               status=with_printer(status or (lambda: UNKNOWN_DEVICES), printer)))
    return BackgroundLoops(loops)


def desk_background(database: Database, *, on_change: ChangeListener, settings: Settings | None = None,
                    label_output: LayoutOutput | None = None) -> BackgroundLoops:
    """A desk's loops: the change watcher, calling ``on_change(areas)`` on its own thread when
    committed transactions (anyone's, this desk's too) changed those areas; and, when the desk has a
    ``[printer]``, the shelf-label print loop for its station (``label_output`` replaces ESC/POS)."""
    loops: list[BackgroundLoop] = [ChangeWatcher(database, on_change)]
    if settings is not None and label_station(settings):
        loops.append(LabelPrintLoop(database, settings, output=label_output))
    return BackgroundLoops(loops)
