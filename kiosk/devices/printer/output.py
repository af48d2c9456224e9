"""A badge out of the configured ESC/POS printer: render the layout, send the bytes.

The print loop (``kiosk.application.print_loop``) calls a ``BadgeOutput`` for each job it has
claimed; this one, or the QPainter one for OS printers (``kiosk.devices.printer.os_output``).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import PrinterSettings
from kiosk.devices.printer.protocol import Printer
from kiosk.domain.badge_layout import BILINGUAL_LABELS, BadgeData, BadgeLabels

# Prints the badge or raises PrinterUnavailable (``delivered`` when it may have come out anyway).
BadgeOutput = Callable[[BadgeData], None]


class EscposBadgeOutput:
    def __init__(
        self,
        settings: PrinterSettings,
        labels: BadgeLabels = BILINGUAL_LABELS,
        *,
        printer_factory: Callable[[], Printer] | None = None,
    ) -> None:
        self._settings = settings
        self._labels = labels
        self._printer_factory = printer_factory or self._configured_printer

    def _configured_printer(self) -> Printer:
        # Imported here: python-escpos stays off the start-up path until the first badge.
        from kiosk.devices.printer.backends import printer_from_settings

        return printer_from_settings(self._settings)

    def __call__(self, badge: BadgeData) -> None:
        from kiosk.devices.printer.escpos_render import render_badge_for

        self._printer_factory().send(render_badge_for(badge, self._settings, self._labels))
