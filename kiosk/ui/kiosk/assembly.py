"""Putting the kiosk's UI together: window, flow, worker pool, languages, camera, wedge scanner, the
visitor's accessibility choices and the maintenance corner.

``app.py`` calls this with real devices and starts the background loops (``kiosk.application.wiring``)
beside it; tests and the screenshot tool call it with ``synchronous=True`` and no devices, so they get
the same screens and the same flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.config import Settings
from kiosk.ui.common.chime import HostAnswerChime, SoundEffectPlayer
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.theme import DEFAULT_ACCENT, Look
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.kiosk.accessibility import AccessibilityModes
from kiosk.ui.kiosk.brand import load_brand
from kiosk.ui.kiosk.code_sources import CameraThread, WedgeFilter
from kiosk.ui.kiosk.flow.controller import KioskFlow
from kiosk.ui.kiosk.maintenance.panel import Maintenance
from kiosk.ui.kiosk.window import KioskWindow


@dataclass
class Kiosk:
    window: KioskWindow
    flow: KioskFlow
    pool: WorkerPool
    languages: LanguageManager
    accessibility: AccessibilityModes | None = None
    maintenance: Maintenance | None = None
    camera: CameraThread | None = None
    wedge: WedgeFilter | None = None
    chime: HostAnswerChime | None = None

    def start_devices(self, settings: Settings) -> None:
        """Camera (on its own thread) and keyboard-wedge scanner: both feed the flow's one scan input."""
        self.wedge = WedgeFilter(self.window, self.flow.scan_input)
        self.wedge.install()
        self.camera = CameraThread(settings.camera)
        self.camera.code.connect(self.flow.scan_input.deliver)
        self.camera.status.connect(self.flow.set_camera_status)
        self.camera.preview.connect(self.window.scan.set_preview)
        camera = self.camera
        self.flow.camera_preview = lambda wanted: setattr(camera, "preview_wanted", wanted)
        if self.maintenance is not None:
            self.maintenance.attach_camera(self.camera)
        self.camera.start()
        if self.chime is not None:
            self.chime.player = SoundEffectPlayer()  # the host's answer is heard (the sound loads on first use)

    def shutdown(self) -> None:
        if self.maintenance is not None:
            self.maintenance.stop()
            self.maintenance = None
        if self.camera is not None:
            self.camera.stop()
            self.camera = None
        if self.wedge is not None:
            self.wedge.uninstall()
            self.wedge = None
        self.flow.stop()
        self.languages.shutdown()
        self.window.allow_close = True
        self.window.close()


def build_kiosk(
    settings: Settings,
    gateway: KioskGateway,
    now: Callable[[], datetime],
    *,
    synchronous: bool = False,
    pool: WorkerPool | None = None,
    poll_interval_ms: int = 2000,
) -> Kiosk:
    """``pool``: a worker pool of the caller's (tests hold answers back with one); else a new one."""
    languages = LanguageManager(settings.site.language)
    pool = pool or WorkerPool(synchronous=synchronous)
    zone = ZoneInfo(settings.site.timezone)
    brand = load_brand(settings.site.name, settings.site.logo, settings.site.background)
    window = KioskWindow(brand, now, zone)
    if settings.kiosk.scale != round(settings.kiosk.scale):
        window.repaint_whole_on_typing()
    pool.setParent(window)
    languages.setParent(window)
    flow = KioskFlow(
        window, gateway, pool, languages,
        idle_seconds=settings.kiosk.idle_seconds,
        waiting_idle_seconds=settings.visits.escalation_minutes * 60,
        poll_interval_ms=poll_interval_ms,
    )
    chime = flow.chime = HostAnswerChime(settings.kiosk, now, zone)
    accessibility = _accessibility(settings, window, flow, languages)
    maintenance = Maintenance(window, settings, languages, accessibility, flow.scan_input, gateway,
                              synchronous=synchronous)

    # Only over the welcome screen: elsewhere a visitor is mid-visit.
    def corner_over_welcome_only(_index: int = 0) -> None:
        maintenance.corner.setVisible(window.current() is window.welcome)

    window.stack.currentChanged.connect(corner_over_welcome_only)
    flow.start()
    corner_over_welcome_only()
    return Kiosk(window, flow, pool, languages, accessibility=accessibility, maintenance=maintenance, chime=chime)


def _accessibility(settings: Settings, window: KioskWindow, flow: KioskFlow,
                   languages: LanguageManager) -> AccessibilityModes:
    """Large text and high contrast go back to the site's defaults whenever the language does (a visitor
    has gone), and when the welcome screen has sat idle (the flow resets the language there only if
    it was changed)."""
    modes = AccessibilityModes(Look(settings.kiosk.large_text, settings.kiosk.high_contrast),
                               accent=settings.site.accent or DEFAULT_ACCENT, parent=window)
    for screen in window.screens():
        bar = getattr(screen, "header", None)
        if bar is not None:
            bar.accessibility.connect_to(modes)
    modes.changed.connect(lambda look: window.welcome.set_background_visible(not look.high_contrast))
    window.welcome.set_background_visible(not modes.look.high_contrast)
    languages.was_reset.connect(modes.reset)
    flow.idle.idle.connect(lambda: modes.reset() if window.current() is window.welcome else None)
    return modes
