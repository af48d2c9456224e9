"""Changes made anywhere (a kiosk, another desk, kioskctl) reaching the views on the GUI thread.

The change watcher (``kiosk.application.change_watcher``) calls ``listener`` on its own thread;
emitting a signal from there queues the call into the GUI thread. A view that follows an area
refetches what it shows when that area changed; several changes in quick succession are one
refresh (``coalesce_ms``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.domain.changes import Area


class LiveChanges(QObject):
    changed = Signal(object)  # frozenset[Area], on the GUI thread

    def listener(self, areas: frozenset[Area]) -> None:
        """For the watcher's thread: safe to call from any thread."""
        self.changed.emit(areas)


class AreaFollower(QObject):
    """Calls ``refresh`` once, shortly after any of ``areas`` changed (a burst of commits is one refresh)."""

    def __init__(self, live: LiveChanges, areas: frozenset[Area], refresh: Callable[[], None],
                 *, coalesce_ms: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.areas = areas
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(refresh)
        live.changed.connect(self._changed)

    def _changed(self, areas: frozenset[Area]) -> None:
        if areas & self.areas and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
