"""Badge output for ``[printer] kind = "os"``: the printer worker draws with QPainter and spools to CUPS."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.config import PrinterSettings
from kiosk.devices.printer.painter import print_badge_to_os_printer
from kiosk.devices.printer.protocol import PrinterUnavailable
from kiosk.domain.badge_layout import BadgeData, BadgeLabels, BadgeLayout, layout_badge


def os_badge_output(settings: PrinterSettings, labels: BadgeLabels) -> Callable[[BadgeData], None]:
    """A ``BadgePrintLoop`` output; runs on the worker thread (QPainter on a QPrinter is thread-safe)."""

    def output(badge: BadgeData) -> None:
        problem = print_badge_to_os_printer(layout_badge(badge, settings.paper_width_mm, labels), settings.os_printer)
        if problem:
            raise PrinterUnavailable(problem, "not_found")

    return output


def os_layout_output(settings: PrinterSettings) -> Callable[[BadgeLayout], None]:
    """A ``LabelPrintLoop`` output for an OS printer: the shelf label drawn like a badge."""

    def output(layout: BadgeLayout) -> None:
        problem = print_badge_to_os_printer(layout, settings.os_printer)
        if problem:
            raise PrinterUnavailable(problem, "not_found")

    return output
