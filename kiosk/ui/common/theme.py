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
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

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
ON_ACCENT = "#ffffff"
AA_TEXT, AAA_TEXT = 4.5, 7.0  # WCAG contrast for body text: the normal look, and what high contrast aims at
LARGE_TEXT_SCALE = 1.3
SCALE_LIMIT_PX = 48
BASE_FONT_PX = {"kiosk": 20, "admin": 14}
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")


# Roles of a palette's colours, for the contrast rules (tests/ui/test_contrast.py reads them): a fill is
# something drawn on ("page": the page, cards, pressed buttons, selected rows; "accent": the company's
# colour as a fill; "preview": the dark camera area); a foreground is text or an icon drawn ON a group of
# fills; a "ring" is a line that has to be seen against the page (focus, the primary buttons' edge).
TEXT, ICON, RING = "text", "icon", "ring"


def _fill(group: str, default: str | None = None) -> Any:
    meta = {"fill": group}
    return field(metadata=meta) if default is None else field(default=default, metadata=meta)


def _on(group: str, default: str, kind: str = TEXT) -> Any:
    return field(default=default, metadata={"on": group, "kind": kind})


def _line(default: str) -> Any:
    return field(default=default, metadata={"line": True})  # decoration beside other things: no ratio


@dataclass(frozen=True)
class Palette:
    accent: str = _fill("accent")
    accent_dark: str = _fill("accent")
    accent_soft: str = _fill("page")
    # Text, from strongest to quietest; the page, cards and lines between things.
    ink: str = _on("page", "#1f2a33")
    ink_body: str = _on("page", "#323f4b")
    ink_soft: str = _on("page", "#52606d")
    ink_muted: str = _on("page", "#5c6773")  # quieter than soft, still 4.5:1 on every page fill
    surface: str = _fill("page", "#f5f7f8")
    card: str = _fill("page", "#ffffff")
    line: str = _line("#e4e7eb")
    line_strong: str = _line("#cbd2d9")
    pressed: str = _fill("page", "#eef2f5")
    # The accent as a text colour, and text on an accent fill (from_accent makes each readable).
    accent_text: str = _on("page", "#0f766e")
    accent_text_dark: str = _on("page", "#0b5b55")
    on_accent: str = _on("accent", "#ffffff")
    on_accent_soft: str = _on("accent", "#e2efee")
    warn: str = _on("page", "#8d5b00")
    error: str = _on("page", "#b42318")
    star: str = _on("page", "#b45309", ICON)  # the rating stars: amber, dark enough to see on white
    focus: str = _on("page", "#b45309", RING)  # keyboard focus ring: amber stands out on white, grey and teal
    accent_line: str = _on("page", "#0f766e", RING)  # the primary buttons' edge (white in high contrast)
    preview: str = _fill("preview", "#26323b")  # the camera area, dark in both looks
    on_preview: str = _on("preview", "#9aa5b1", ICON)

    @classmethod
    def from_accent(cls, accent: str) -> Palette:
        """The company's colour, deepened (hue kept) only as far as readability needs: white text on it,
        and it as text on the page, at 4.5:1 at least. A pale accent gets darker; a dark one stays."""
        colour = QColor(accent or DEFAULT_ACCENT)
        if not colour.isValid():
            log.warning("theme accent %r is not a colour; using %s", accent, DEFAULT_ACCENT)
            colour = QColor(DEFAULT_ACCENT)
        fill = _deepen(colour, lambda c: min(contrast_ratio(ON_ACCENT, c.name()),
                                             contrast_ratio(_tint(c), c.name())) >= AA_TEXT)
        dark, soft = fill.darker(130), cls._soft(fill)
        page = (*(f.default for f in fields(cls) if f.metadata.get("fill") == "page" and isinstance(f.default, str)),
                soft)

        def reads_on_page(c: QColor) -> bool:
            return all(contrast_ratio(c.name(), p) >= AA_TEXT for p in page)

        return cls(fill.name(), dark.name(), soft, accent_text=_deepen(fill, reads_on_page).name(),
                   accent_text_dark=_deepen(dark, reads_on_page).name(), on_accent=ON_ACCENT,
                   on_accent_soft=soft, accent_line=fill.name())

    @classmethod
    def _soft(cls, fill: QColor) -> str:
        """The accent's tint for selected rows: 12 % into white, less if the page's text would not read on it."""
        texts = [f.default for f in fields(cls) if f.metadata.get("on") == "page" and f.metadata.get("kind") == TEXT
                 and isinstance(f.default, str) and not f.name.startswith("accent")]
        share = 0.12
        while share > 0 and min(contrast_ratio(text, _tint(fill, share)) for text in texts) < AA_TEXT:
            share -= 0.01
        return _tint(fill, max(share, 0.0))

    def high_contrast(self) -> Palette:
        """White on black with yellow highlights; the accent only fills, deep enough for white text at 7:1,
        and the primary buttons get a white edge (a deep fill alone would vanish on black)."""
        fill = _deepen(QColor(self.accent_dark), lambda c: contrast_ratio(ON_ACCENT, c.name()) >= AAA_TEXT).name()
        return dataclasses.replace(
            self, accent=fill, accent_dark=fill, accent_soft="#333333", pressed="#333333",
            ink="#ffffff", ink_body="#ffffff", ink_soft="#ffffff", ink_muted="#e0e0e0",
            surface="#000000", card="#000000", line="#ffffff", line_strong="#ffffff",
            accent_text="#ffe14d", accent_text_dark="#ffe14d", on_accent="#ffffff", on_accent_soft="#ffffff",
            warn="#ffb84d", error="#ffb4ab", star="#ffe14d", focus="#ffe14d", accent_line="#ffffff",
            on_preview="#ffffff",
        )


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an opaque colour ("#rrggbb" or any name QColor reads)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    c = QColor(colour)
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast_ratio(one: str, other: str) -> float:
    """WCAG 2 contrast ratio, 1 (same) to 21 (black on white), whichever is the lighter."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _tint(colour: QColor, share: float = 0.12) -> str:
    """``colour`` mixed ``share`` into white: selected rows, and the softer text on an accent fill."""
    return QColor(*(round(255 - (255 - channel) * share) for channel in
                    (colour.red(), colour.green(), colour.blue()))).name()


def _deepen(colour: QColor, readable: Callable[[QColor], bool]) -> QColor:
    """``colour`` with its lightness lowered in small steps, hue and saturation kept, until ``readable``."""
    hue, saturation, lightness = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    while not readable(colour) and lightness > 0:
        lightness = max(0.0, lightness - 0.01)
        colour = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return colour


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
    # Longest names first, so @accent@ never eats the start of @accent_dark@.
    for name in sorted(values, key=len, reverse=True):
        template = template.replace(f"@{name}@", values[name])
    return scale_font_sizes(template, font_scale)


def palette_for(accent: str = DEFAULT_ACCENT, look: Look = Look()) -> Palette:
    palette = Palette.from_accent(accent)
    return palette.high_contrast() if look.high_contrast else palette


_applied = {"palette": palette_for()}  # what apply_theme drew last: icons drawn in code follow it


def current_palette() -> Palette:
    """The colours of the style sheet in force (``apply_theme``), for what code paints itself (icons)."""
    return _applied["palette"]


def stylesheet(name: str, family: str, accent: str = DEFAULT_ACCENT, look: Look = Look()) -> str:
    template = asset("themes", f"{name}.qss").read_text(encoding="utf-8")
    return render_stylesheet(template, palette_for(accent, look), family, look.font_scale)


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
    _applied["palette"] = palette_for(accent, look)
    return family
