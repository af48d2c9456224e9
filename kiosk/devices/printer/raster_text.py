"""Text as 1-bit pictures, so a printer without Chinese fonts still prints "张伟" or "Müller".

Each line is drawn on a picture exactly as wide as the printable area (384 dots on 58 mm, 576 on
80 mm), with its alignment drawn in; ``raster_blocks.crop_to_ink`` then sends only the inked box
and lets the printer place it. Heights are kept small because every row costs bytes on the wire.
A white-on-black line is a black box around its text (``INVERTED_MARGIN`` dots each side, the
line's full height), as the printer's own white-on-black (``GS B``) prints a text line.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.domain.badge_layout import Align, TextLine, TextSize

FONT_ENV = "KIOSK_BADGE_FONT"
# A site may drop a font into the installed package (kiosk/assets/fonts); none ships with it.
ASSETS_FONT_DIR = Path(str(files("kiosk") / "assets" / "fonts"))
# Debian/Ubuntu package fonts-wqy-microhei: small, and covers GB18030's common characters.
SYSTEM_CJK_FONTS = (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),)
_FONT_SUFFIXES = (".ttc", ".ttf", ".otf")

PRINTABLE_DOTS_BY_PAPER_MM = {58: 384, 80: 576}
# Rows per line. 20 dots is 2.5 mm at 203 dpi: small but clear for host and date lines.
ROWS_BY_SIZE = {TextSize.NORMAL: 20, TextSize.TALL: 28, TextSize.LARGE: 48}
_THRESHOLD = 128
INVERTED_MARGIN = 8


class BadgeFontMissing(RuntimeError):
    """No font that can draw Chinese names was found; the message says where we looked."""


def find_cjk_font(configured: str | os.PathLike[str] | None = None) -> Path:
    """The font for raster text: the configured path, ``$KIOSK_BADGE_FONT``, kiosk/assets/fonts, the system font."""
    candidates: list[Path] = []
    for explicit in (configured, os.environ.get(FONT_ENV)):
        if explicit:
            candidates.append(Path(explicit))
    if ASSETS_FONT_DIR.is_dir():
        candidates.extend(sorted(p for p in ASSETS_FONT_DIR.iterdir() if p.suffix.lower() in _FONT_SUFFIXES))
    candidates.extend(SYSTEM_CJK_FONTS)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(c) for c in candidates) or "(nowhere)"
    raise BadgeFontMissing(
        f"no font for printing names as pictures; looked at {looked}. "
        f'Install fonts-wqy-microhei, put a .ttf/.ttc in {ASSETS_FONT_DIR}, or set [printer] text_mode = "gb18030".'
    )


@lru_cache(maxsize=32)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=0)


def render_text_line(line: TextLine, width_dots: int, font_path: Path) -> Image.Image:
    """One line of text as a black-on-white (or inverted) mode "1" image ``width_dots`` wide."""
    rows = ROWS_BY_SIZE[line.size]
    bold = 1 if line.bold else 0
    # Most of the row is glyph; FreeType's size is roughly the CJK em box.
    size = max(8, int(rows * 0.9))
    font = _font(str(font_path), size)
    text_width = font.getlength(line.text) + 2 * bold
    if text_width > width_dots:
        # The layout counts cells; a proportional font can still overrun, so shrink to fit.
        size = max(8, int(size * width_dots / text_width))
        font = _font(str(font_path), size)
        text_width = font.getlength(line.text) + 2 * bold
    canvas = Image.new("L", (width_dots, rows), 255)
    draw = ImageDraw.Draw(canvas)
    ascent, descent = font.getmetrics()
    x = (width_dots - text_width) / 2 if line.align is Align.CENTER else 0
    y = (rows - (ascent + descent)) / 2
    draw.text((x + bold, y), line.text, font=font, fill=0, stroke_width=bold, stroke_fill=0)
    ink_black = canvas.point(lambda v: 0 if v < _THRESHOLD else 255)
    if line.inverted:
        box = (max(0, int(x) - INVERTED_MARGIN), 0, min(width_dots, int(x + text_width) + 1 + INVERTED_MARGIN), rows)
        white_on_black = ink_black.crop(box).point(lambda v: 255 - v)
        ink_black = Image.new("L", (width_dots, rows), 255)
        ink_black.paste(white_on_black, box[:2])
    return ink_black.convert("1", dither=Image.Dither.NONE)
