"""Icons in a colour ROLE of the palette, so high contrast and a company's accent recolour them too.

A pixmap is drawn once, in one colour. ``set_icon`` remembers on the widget itself which icon, at
which size, in which role; ``repaint_all`` (``AccessibilityModes`` calls it after every change of
look) draws each such widget again from the palette now in force (``theme.current_palette``).
The roles are palette colours whose contrast tests/ui/test_contrast.py checks on the fills they sit on.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from kiosk.ui.common.icons import icon, icon_pixmap
from kiosk.ui.common.theme import Palette, current_palette

_THEMED = "kioskThemedIcon"  # dynamic property: "name|size|ROLE"


class IconRole(Enum):
    """Where an icon sits and so which palette colour draws it (the value: a ``Palette`` field)."""

    ACCENT = "accent_text"  # the company's colour, on the page or a card (yellow in high contrast)
    MUTED = "ink_soft"  # secondary, beside its words (the language globe)
    INK = "ink_body"  # like body text
    ON_ACCENT = "on_accent"  # on an accent fill: the primary tile, a checked toggle
    WARN = "warn"
    ERROR = "error"
    PREVIEW = "on_preview"  # on the dark camera area of the scan and photo screens


def colour(role: IconRole, palette: Palette | None = None) -> str:
    return str(getattr(palette or current_palette(), role.value))


def pixmap(name: str, size: int, role: IconRole) -> QPixmap:
    """For a widget that paints the icon itself: call it while painting, so it follows the look in force."""
    return icon_pixmap(name, size, colour(role))


def set_icon(widget: QLabel | QAbstractButton, name: str, size: int, role: IconRole = IconRole.ACCENT) -> None:
    """Show icon ``name`` drawn ``size`` px in ``role``'s colour, now and after every change of look.

    A button keeps its own ``iconSize``; a label shows the pixmap."""
    widget.setProperty(_THEMED, f"{name}|{size}|{role.name}")
    _draw(widget, name, size, role, current_palette())


def icon_label(name: str, size: int, role: IconRole = IconRole.ACCENT) -> QLabel:
    """A centred label showing only a themed icon."""
    widget = QLabel()
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    set_icon(widget, name, size, role)
    return widget


def repaint_all(palette: Palette | None = None) -> int:
    """Draw every themed icon again in ``palette`` (default: the one in force); returns how many."""
    palette = palette or current_palette()
    count = 0
    for widget in QApplication.allWidgets():
        spec = widget.property(_THEMED)
        if not isinstance(spec, str) or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        name, size, role = spec.split("|")
        _draw(widget, name, int(size), IconRole[role], palette)
        count += 1
    return count


def _draw(widget: QLabel | QAbstractButton, name: str, size: int, role: IconRole, palette: Palette) -> None:
    if isinstance(widget, QLabel):
        widget.setPixmap(icon_pixmap(name, size, colour(role, palette)))
    else:
        widget.setIcon(icon(name, size, colour(role, palette)))
