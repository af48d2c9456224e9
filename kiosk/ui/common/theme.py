"""The look: a QSS template with an accent colour, and a font that has every Chinese character.

``kiosk/assets/themes/<name>.qss`` uses ``@name@`` placeholders for its colours (``@accent@``,
``@ink@``, ``@surface@`` ... see ``Palette``) and ``@font@``, so a site can change its colour,
and a visitor can ask for high contrast, without touching the layout rules. Every
``font-size: Npx`` in a template is written for the normal look; ``Look.font_scale`` enlarges
the reading sizes (below ``SCALE_LIMIT_PX``: the clock and the countdown are big enough already).
"""

from __future__ import annotations

import dataclasses
import logging
import re
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
LARGE_TEXT_SCALE = 1.3
SCALE_LIMIT_PX = 48
BASE_FONT_PX = {"kiosk": 20, "admin": 14}
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")


@dataclass(frozen=True)
class Palette:
    accent: str
    accent_dark: str
    accent_soft: str
    # Text, from strongest to quietest; the page, cards and lines between things.
    ink: str = "#1f2a33"
    ink_body: str = "#323f4b"
    ink_soft: str = "#52606d"
    ink_muted: str = "#7b8794"
    surface: str = "#f5f7f8"
    card: str = "#ffffff"
    line: str = "#e4e7eb"
    line_strong: str = "#cbd2d9"
    pressed: str = "#eef2f5"
    # The accent as a text colour (empty: the accent itself, or its dark shade), and text on an accent fill.
    accent_text: str = ""
    accent_text_dark: str = ""
    on_accent: str = "#ffffff"
    on_accent_soft: str = "#d7f0ec"
    warn: str = "#8d5b00"
    error: str = "#b42318"
    focus: str = "#d97706"  # keyboard focus ring: amber stands out on white, grey and teal alike

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

    def high_contrast(self) -> Palette:
        """White on black with yellow highlights (the accent only fills: white text reads on its dark shade)."""
        return dataclasses.replace(
            self, accent=self.accent_dark, accent_soft="#333333", pressed="#333333",
            ink="#ffffff", ink_body="#ffffff", ink_soft="#ffffff", ink_muted="#e0e0e0",
            surface="#000000", card="#000000", line="#ffffff", line_strong="#ffffff",
            accent_text="#ffe14d", accent_text_dark="#ffe14d", on_accent="#ffffff", on_accent_soft="#ffffff",
            warn="#ffb84d", error="#ff8a80", focus="#ffe14d",
        )


@dataclass(frozen=True)
class Look:
    """What a visitor can change for themselves: bigger text, stronger colours."""

    large_text: bool = False
    high_contrast: bool = False

    @property
    def font_scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0


# What Qt may list those families as under a Chinese locale (fontconfig gives the localized name first).
CJK_LOCAL_NAMES = {
    "Source Han Sans SC": ("思源黑体", "思源黑体 CN"),
    "WenQuanYi Micro Hei": ("文泉驿微米黑", "文泉驛微米黑"),
    "Microsoft YaHei": ("微软雅黑",),
    "PingFang SC": ("苹方-简",),
}


def pick_cjk_family(available: list[str] | None = None) -> str | None:
    """The first CJK family installed, by any of its names, as Qt lists it (the name a stylesheet must use)."""
    families = set(available if available is not None else QFontDatabase.families())
    for family in CJK_FAMILIES:
        for name in (family, *CJK_LOCAL_NAMES.get(family, ())):
            if name in families:
                return name
    return None


def scale_font_sizes(template: str, scale: float) -> str:
    if scale == 1.0:
        return template

    def scaled(match: re.Match[str]) -> str:
        size = int(match.group(1))
        return f"font-size: {round(size * scale) if size < SCALE_LIMIT_PX else size}px"

    return _FONT_SIZE.sub(scaled, template)


def render_stylesheet(template: str, palette: Palette, font_family: str, font_scale: float = 1.0) -> str:
    values = dataclasses.asdict(palette) | {"font": font_family}
    values["accent_text"] = palette.accent_text or palette.accent
    values["accent_text_dark"] = palette.accent_text_dark or palette.accent_dark
    # Longest names first, so @accent@ never eats the start of @accent_dark@.
    for name in sorted(values, key=len, reverse=True):
        template = template.replace(f"@{name}@", values[name])
    return scale_font_sizes(template, font_scale)


def stylesheet(name: str, family: str, accent: str = DEFAULT_ACCENT, look: Look = Look()) -> str:
    template = asset("themes", f"{name}.qss").read_text(encoding="utf-8")
    palette = Palette.from_accent(accent)
    if look.high_contrast:
        palette = palette.high_contrast()
    return render_stylesheet(template, palette, family, look.font_scale)


def admin_stylesheet(accent: str = DEFAULT_ACCENT) -> str:
    """For the desk window when it shares an application with the kiosk (demo): set on the window itself."""
    return stylesheet("admin", pick_cjk_family() or QApplication.font().family(), accent)


def apply_theme(app: QApplication, name: str = "kiosk", accent: str = DEFAULT_ACCENT, look: Look = Look()) -> str:
    """Set the application font and style sheet; returns the font family chosen."""
    family = pick_cjk_family()
    if family is None:
        log.warning("no CJK font found (install fonts-noto-cjk or fonts-wqy-microhei); Chinese may show as boxes")
        family = app.font().family()
    font = QFont(family)
    font.setPixelSize(round(BASE_FONT_PX.get(name, 20) * look.font_scale))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyleSheet(stylesheet(name, family, accent, look))
    return family
