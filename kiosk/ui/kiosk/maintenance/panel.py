"""The maintenance panel, behind the corner gesture and the PIN: test print, camera test,
reload settings, exit the kiosk.

Nothing here writes to the database: the test badge is the fixed sample, sent straight
to the configured printer from a worker. While the pad or the panel is open the kiosk
ignores scanned codes, so a technician testing the camera checks nobody in.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.config import ConfigError, Settings, load_settings
from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.theme import Look
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.kiosk.accessibility import AccessibilityModes
from kiosk.ui.kiosk.maintenance.corner import MaintenanceCorner, MaintenanceOverlay, PinGate, PinLock, PinPad
from kiosk.ui.kiosk.widgets.base import button, label

if TYPE_CHECKING:
    from kiosk.ui.kiosk.code_sources import CameraThread

log = logging.getLogger(__name__)

# Settings the running kiosk takes over on "Reload settings"; any other change waits for a restart.
LIVE_SETTINGS = ("site.language", "kiosk.large_text", "kiosk.high_contrast", "kiosk.maintenance_pin_hash")
PREVIEW_SIZE = (480, 270)


def exit_kiosk() -> None:
    """exit(), not quit(): quit() first asks every window to close, and the kiosk window refuses."""
    log.warning("maintenance: the kiosk was exited from the panel")
    QCoreApplication.exit(0)


def print_sample_badge(settings: Settings) -> str:
    """Send the sample badge to the configured printer; "" when it printed, else the printer's reason.

    Runs in a worker. Renderers are imported here, off the kiosk's start-up path.
    """
    from kiosk.devices.printer.protocol import PrinterUnavailable
    from kiosk.domain.badge_layout import labels_for_language, sample_badge

    badge = sample_badge(site_name=settings.site.name)
    labels = labels_for_language(settings.site.language)
    try:
        if settings.printer.kind == "os":
            from kiosk.devices.printer.os_output import os_badge_output

            os_badge_output(settings.printer, labels)(badge)
        else:
            from kiosk.devices.printer.backends import printer_from_settings
            from kiosk.devices.printer.escpos_render import render_badge_for

            printer_from_settings(settings.printer).send(render_badge_for(badge, settings.printer, labels))
    except PrinterUnavailable as exc:
        return exc.reason
    return ""


def changed_keys(old: Settings, new: Settings) -> list[str]:
    """``section.key`` of every setting that differs."""
    changed = []
    for section in dataclasses.fields(Settings):
        before, after = getattr(old, section.name), getattr(new, section.name)
        if not dataclasses.is_dataclass(before) or before == after:
            continue
        changed += [f"{section.name}.{f.name}" for f in dataclasses.fields(before)
                    if getattr(before, f.name) != getattr(after, f.name)]
    return changed


class MaintenancePanel(MaintenanceOverlay):
    def __init__(self, window: QWidget, idle_seconds: int) -> None:
        super().__init__(window, idle_seconds, card_width=820)
        self.title = label("title")
        self.status = label("body")
        self.preview = QLabel()
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()
        self.test_print = button("")
        self.camera_test = button("")
        self.reload = button("")
        self.exit = button("")
        self.close_button = button("primary")
        self.close_button.clicked.connect(self.close_overlay)
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, action in enumerate((self.test_print, self.camera_test, self.reload, self.exit)):
            grid.addWidget(action, index // 2, index % 2)
        self.body.addWidget(self.title)
        self.body.addWidget(self.status)
        self.body.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addLayout(grid)
        self.body.addWidget(self.close_button)
        self.retranslate()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_preview(self, image: QImage) -> None:
        if self.preview.isVisible():
            width, height = PREVIEW_SIZE
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                width, height, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Maintenance"))
        self.test_print.setText(self.tr("Test print"))
        self.camera_test.setText(self.tr("Camera test"))
        self.reload.setText(self.tr("Reload settings"))
        self.exit.setText(self.tr("Exit kiosk"))
        self.close_button.setText(self.tr("Close"))


class Maintenance(QObject):
    """Wires the corner, the PIN pad and the panel to the kiosk's settings, look, language and camera."""

    def __init__(self, window: QWidget, settings: Settings, languages: LanguageManager, modes: AccessibilityModes,
                 scan_input: QObject, pins: PinLock, *, synchronous: bool = False) -> None:
        super().__init__(window)
        self.settings, self.languages, self.modes, self.scan_input = settings, languages, modes, scan_input
        # Its own pool: the flow's cancel_pending() (a visitor leaving) must not drop a PIN check.
        self.pool = WorkerPool(synchronous=synchronous, max_threads=1, parent=self)
        idle = settings.kiosk.idle_seconds
        self.corner = MaintenanceCorner(window)
        self.pad = PinPad(window, idle)
        self.gate = PinGate(self.pad, self.pool, settings.kiosk.maintenance_pin_hash, pins)
        self.panel = MaintenancePanel(window, idle)
        self.camera: CameraThread | None = None  # once devices start
        self.camera_status: CameraStatus | None = None
        self.corner.long_pressed.connect(self.begin)
        self.gate.unlocked.connect(self.open_panel)
        self.pad.closed.connect(self._follow_overlays)
        self.panel.closed.connect(self._panel_closed)
        self.panel.test_print.clicked.connect(self.test_print)
        self.panel.camera_test.clicked.connect(self.camera_test)
        self.panel.reload.clicked.connect(self.reload_settings)
        self.panel.exit.clicked.connect(lambda: exit_kiosk())

    def stop(self) -> None:
        self.pad.close_overlay()
        self.panel.close_overlay()
        self.pool.shutdown()

    def begin(self) -> None:
        self.gate.begin()
        self._follow_overlays()

    def open_panel(self) -> None:
        self.panel.show_status(self.tr("Choose a check. The panel closes by itself when left alone."))
        self.panel.open_overlay()
        self._follow_overlays()

    def _follow_overlays(self) -> None:
        self.scan_input.blockSignals(self.pad.isVisible() or self.panel.isVisible())

    def _panel_closed(self) -> None:
        self.panel.preview.hide()
        if self.camera is not None:
            self.camera.preview_wanted = False  # the panel opens only over the welcome screen
        self._follow_overlays()

    # -- test print ---------------------------------------------------------------------------------------------

    def test_print(self) -> None:
        self.panel.test_print.setEnabled(False)
        self.panel.show_status(self.tr("Printing a test badge…"))
        self.pool.submit(print_sample_badge, self.settings, on_done=self._printed,
                         on_error=lambda error: self._printed(str(error)))

    def _printed(self, problem: str) -> None:
        self.panel.test_print.setEnabled(True)
        if problem:
            self.panel.show_status(self.tr("The test badge did not print: {reason}").format(reason=problem))
        else:
            self.panel.show_status(self.tr("The test badge was sent to the printer."))

    # -- camera test --------------------------------------------------------------------------------------------

    def attach_camera(self, camera: CameraThread) -> None:
        self.camera = camera
        camera.status.connect(self._camera_changed)
        camera.preview.connect(self.panel.show_preview)

    def _camera_changed(self, status: CameraStatus) -> None:
        self.camera_status = status
        if self.panel.preview.isVisible():
            self.panel.show_status(self._camera_words())

    def camera_test(self) -> None:
        if self.camera is None:
            self.panel.show_status(self.tr("No camera is running on this kiosk ([camera] source is empty or "
                                           "devices are not started)."))
            return
        self.camera.preview_wanted = True
        self.panel.preview.clear()
        self.panel.preview.show()
        self.panel.show_status(self._camera_words())

    def _camera_words(self) -> str:
        status = self.camera_status
        state = status.state if status else CameraState.STARTING
        words = {
            CameraState.OK: self.tr("Camera: working. Hold a QR code up to it: the picture should show it."),
            CameraState.STARTING: self.tr("Camera: starting…"),
            CameraState.UNAVAILABLE: self.tr("Camera: not available, retrying."),
            CameraState.DISABLED: self.tr("Camera: turned off in the settings."),
            CameraState.STOPPED: self.tr("Camera: stopped."),
        }[state]
        return f"{words} {status.reason}" if status and status.reason else words

    # -- reload settings ----------------------------------------------------------------------------------------

    def reload_settings(self) -> None:
        source = self.settings.source
        try:
            fresh = load_settings(None if source == "(defaults)" else source)
        except ConfigError as exc:
            self.panel.show_status(self.tr("The settings file has a mistake, nothing was changed: {error}")
                                   .format(error=exc))
            return
        changed = changed_keys(self.settings, fresh)
        live = [key for key in changed if key in LIVE_SETTINGS]
        later = [key for key in changed if key not in LIVE_SETTINGS]
        self._apply_live(fresh)
        lines = [self.tr("Settings reloaded from {source}.").format(source=fresh.source)]
        if not changed:
            lines.append(self.tr("Nothing has changed."))
        if live:
            lines.append(self.tr("Now in use: {keys}.").format(keys=", ".join(live)))
        if later:
            lines.append(self.tr("These need a restart of the kiosk: {keys}.").format(keys=", ".join(later)))
        self.panel.show_status("\n".join(lines))

    def _apply_live(self, fresh: Settings) -> None:
        kiosk = dataclasses.replace(self.settings.kiosk, large_text=fresh.kiosk.large_text,
                                    high_contrast=fresh.kiosk.high_contrast,
                                    maintenance_pin_hash=fresh.kiosk.maintenance_pin_hash)
        site = dataclasses.replace(self.settings.site, language=fresh.site.language)
        self.settings = dataclasses.replace(self.settings, kiosk=kiosk, site=site)
        self.gate.pin_hash = kiosk.maintenance_pin_hash
        self.languages.default = site.language
        self.modes.defaults = Look(kiosk.large_text, kiosk.high_contrast)
        # The panel opens over an empty welcome screen: greet the next visitor with the new defaults.
        self.languages.reset()
