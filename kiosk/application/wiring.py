"""Building the background loops a process runs from its settings.

The entry points call ``kiosk_background(...).start()`` after the window is up and
``stop()`` when the event loop ends; nothing else starts a thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.application.housekeeping import Housekeeping
from kiosk.application.loops import BackgroundLoop, LoopHealth
from kiosk.application.notification_loop import dispatcher_for_kiosk
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.printer.output import BadgeOutput


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
                     ) -> BackgroundLoops:
    """A kiosk's loops: badge printing, notice dispatch (unless ``[notify] dispatcher = "external"``)
    and the housekeeping clockwork. ``badge_output`` replaces ESC/POS (OS printers drawn with QPainter)."""
    loops: list[BackgroundLoop] = [BadgePrintLoop(database, settings, output=badge_output, poll_seconds=0.5)]
    dispatcher = dispatcher_for_kiosk(database, settings)
    if dispatcher is not None:
        loops.append(dispatcher)
    loops.append(Housekeeping(database, settings))
    return BackgroundLoops(loops)
