"""A badge out of the configured ESC/POS printer: render the layout, send the bytes.

The print loop (``kiosk.application.print_loop``) calls a ``BadgeOutput`` for each job it has
claimed; this one, or the QPainter one for OS printers (``kiosk.devices.printer.os_output``).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import PrinterSettings
from kiosk.devices.printer.protocol import Printer
from kiosk.domain.badge_layout import BILINGUAL_LABELS, BadgeData, BadgeLabels, BadgeLayout

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


# Prints a laid-out page (a parcel's shelf label) or raises PrinterUnavailable, like ``BadgeOutput``.
LayoutOutput = Callable[[BadgeLayout], None]


class EscposLayoutOutput:
    """Any ``BadgeLayout`` (the label print loop's shelf labels) out of the configured ESC/POS printer, with
    the text mode and profile from ``[printer]``."""

    def __init__(self, settings: PrinterSettings, *, printer_factory: Callable[[], Printer] | None = None) -> None:
        self._settings = settings
        self._printer_factory = printer_factory or (lambda: _configured_printer(settings))

    def __call__(self, layout: BadgeLayout) -> None:
        from kiosk.devices.printer.escpos_render import render_layout

        job = render_layout(layout, text_mode=self._settings.text_mode, profile=self._settings.profile)
        self._printer_factory().send(job)


def _configured_printer(settings: PrinterSettings) -> Printer:
    from kiosk.devices.printer.backends import printer_from_settings

    return printer_from_settings(settings)
