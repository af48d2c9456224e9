"""The look: a QSS template with an accent colour, and a font that has every Chinese character.

``assets/themes/<name>.qss`` uses ``@accent@``, ``@accent_dark@``, ``@accent_soft@`` and
``@font@`` placeholders, so a site can change its colour without touching the layout rules.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.ui.common.assets import asset

log = logging.getLogger(__name__)

# In order of preference. Noto/Source Han read best at kiosk sizes; WenQuanYi is what
# most Linux images have; the last two cover a developer's Windows or macOS desk.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)
DEFAULT_ACCENT = "#0f766e"  # a calm teal: readable on white, not alarming like red nor loud like orange


@dataclass(frozen=True)
class Palette:
    accent: str
    accent_dark: str
    accent_soft: str

    @classmethod
    def from_accent(cls, accent: str) -> Palette:
        colour = QColor(accent)
        if not colour.isValid():
            log.warning("theme accent %r is not a colour; using %s", accent, DEFAULT_ACCENT)
            colour = QColor(DEFAULT_ACCENT)
        # A tint for selected rows and focus rings: the accent mixed 12 % into white.
        tint = QColor(
            round(255 - (255 - colour.red()) * 0.12),
            round(255 - (255 - colour.green()) * 0.12),
            round(255 - (255 - colour.blue()) * 0.12),
        )
        return cls(colour.name(), colour.darker(130).name(), tint.name())


def pick_cjk_family(available: list[str] | None = None) -> str | None:
    families = set(available if available is not None else QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def render_stylesheet(template: str, palette: Palette, font_family: str) -> str:
    return (
        template.replace("@accent_dark@", palette.accent_dark)
        .replace("@accent_soft@", palette.accent_soft)
        .replace("@accent@", palette.accent)
        .replace("@font@", font_family)
    )


def stylesheet(name: str, family: str, accent: str = DEFAULT_ACCENT) -> str:
    template = asset("themes", f"{name}.qss").read_text(encoding="utf-8")
    return render_stylesheet(template, Palette.from_accent(accent), family)


def admin_stylesheet(accent: str = DEFAULT_ACCENT) -> str:
    """For the desk window when it shares an application with the kiosk (demo): set on the window itself."""
    return stylesheet("admin", pick_cjk_family() or QApplication.font().family(), accent)


def apply_theme(app: QApplication, name: str = "kiosk", accent: str = DEFAULT_ACCENT) -> str:
    """Set the application font and style sheet; returns the font family chosen."""
    family = pick_cjk_family()
    if family is None:
        log.warning("no CJK font found (install fonts-noto-cjk or fonts-wqy-microhei); Chinese may show as boxes")
        family = app.font().family()
    font = QFont(family)
    font.setPixelSize(20 if name == "kiosk" else 14)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(stylesheet(name, family, accent))
    return family
