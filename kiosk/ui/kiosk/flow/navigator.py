"""What a journey's steps (walk-in, consent, delivery) may ask of the kiosk flow.

Steps get a ``Steps`` bundle: the navigator and the few things they use (window, gateway,
pool, languages), never the whole ``KioskFlow``, so a step cannot reach into another step's
state and the flow can change its insides freely. ``KioskFlow`` is the navigator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.services.errors import ServiceError
from kiosk.services.visits.checkin import CheckInResult
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.kiosk.flow.visitor_messages import Message
from kiosk.ui.kiosk.widgets.base import Screen
from kiosk.ui.kiosk.window import KioskWindow


class Navigator(Protocol):
    # A visitor's request is in flight: further taps and scans wait for its answer.
    busy: bool

    def show(self, screen: Screen) -> None: ...

    def show_message(self, message: Message) -> None: ...

    def show_checked_in(self, result: CheckInResult, text: str | None = None) -> None: ...

    def show_failure(self, error: ServiceError, *, signing_out: bool = False) -> None: ...

    def go_home(self) -> None: ...

    def reset_all(self) -> None: ...


@dataclass(frozen=True)
class Steps:
    navigator: Navigator
    window: KioskWindow
    gateway: KioskGateway
    pool: WorkerPool
    languages: LanguageManager
