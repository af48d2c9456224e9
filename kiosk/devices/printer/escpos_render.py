"""A badge layout as ESC/POS bytes, rendered through python-escpos onto a ``Dummy`` printer.

Text is never handed to python-escpos's ``text()``: it re-encodes a whole line as GB18030 as
soon as it sees one Han character ("Müller 张" comes out wrong) and never switches the
printer to Chinese mode. Instead, per line:

* pure ASCII goes out as plain bytes in the printer's own font (cheapest, any printer);
* ``text_mode = "raster"``: other lines become 1-bit pictures (``GS v 0``) drawn with a CJK font;
* ``text_mode = "gb18030"``: other lines are GB18030 bytes between ``FS &`` and ``FS .``.

Every string is sanitised here as well as in the layout, so no byte of user text can start a
command. Style commands are sent only when they change, which keeps a Latin badge tiny.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from kiosk.config import PrinterSettings, cache_dir
from kiosk.devices.printer.raster_photo import render_photo
from kiosk.devices.printer.raster_text import PRINTABLE_DOTS_BY_PAPER_MM, find_cjk_font, render_text_line
from kiosk.domain.badge_layout import (
    BILINGUAL_LABELS,
    Align,
    BadgeData,
    BadgeLabels,
    BadgeLayout,
    Photo,
    QrCode,
    TextLine,
    TextSize,
    layout_badge,
)
from kiosk.domain.printable import sanitize_text

if TYPE_CHECKING:
    from escpos.escpos import Escpos

TEXT_MODES = ("auto", "raster", "gb18030")  # auto: raster until the cropped-text renderer lands (#16)
CHINESE_MODE_ON = b"\x1c\x26"  # FS &
CHINESE_MODE_OFF = b"\x1c\x2e"  # FS .
LINE_FEED = b"\n"
# GS ! n: high nibble is width multiplier - 1, low nibble height multiplier - 1.
_SIZE_MULTIPLIERS = {TextSize.NORMAL: (1, 1), TextSize.TALL: (1, 2), TextSize.LARGE: (2, 2)}
_PICKLE_DIR_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def import_escpos_quietly() -> None:
    """Point python-escpos's capabilities cache at our cache dir before its first import.

    Without this every process re-parses the capabilities file (~130 ms) and leaves a
    temporary folder behind.
    """
    if "escpos.capabilities" in sys.modules:
        return
    os.environ.setdefault(_PICKLE_DIR_ENV, str(cache_dir() / "escpos"))
    Path(os.environ[_PICKLE_DIR_ENV]).mkdir(parents=True, exist_ok=True)
    import escpos.capabilities  # noqa: F401  (imported for its side effect: the cache)


def new_dummy(profile: str, paper_width_mm: int) -> Any:
    """A ``Dummy`` printer whose profile knows the paper's printable width."""
    import_escpos_quietly()
    from escpos.printer import Dummy

    printer = Dummy(profile=profile)
    # Stock profiles say "Unknown"; python-escpos then prints a warning on every image and
    # cannot check widths. The copy keeps the shared profile table untouched.
    data = dict(printer.profile.profile_data)
    dots = PRINTABLE_DOTS_BY_PAPER_MM[paper_width_mm]
    data["media"] = {"width": {"mm": paper_width_mm, "pixels": dots}, "dpi": 203}
    printer.profile.profile_data = data
    return printer


@dataclass(frozen=True)
class _Style:
    align: Align = Align.LEFT
    size: TextSize = TextSize.NORMAL
    bold: bool = False
    inverted: bool = False


class _BadgeWriter:
    """Writes elements to one printer, remembering the style so each change is sent once."""

    def __init__(self, printer: Escpos, text_mode: str, paper_width_mm: int, font_path: Path | None) -> None:
        self.printer = printer
        self.text_mode = text_mode
        self.dots = PRINTABLE_DOTS_BY_PAPER_MM[paper_width_mm]
        self.font_path = font_path
        self.style = _Style()  # what ESC @ leaves behind

    def start(self) -> None:
        self.printer.hw("INIT")  # ESC @

    def finish(self) -> None:
        self._restyle(_Style(align=self.style.align))
        self.printer.cut()  # ESC d 6 (feed past the cutter), then GS V

    def text_line(self, line: TextLine) -> None:
        text = sanitize_text(line.text)
        if text.isascii() or self.text_mode == "gb18030":
            self._restyle(_Style(line.align, line.size, line.bold, line.inverted))
            self.printer._raw(_encode_text(text) + LINE_FEED)
        else:
            self._image(render_text_line(replace(line, text=text), self.dots, self._font()))

    def qr(self, code: QrCode, native: bool) -> None:
        data = sanitize_text(code.data)
        if not data:
            return
        if native:
            from escpos.constants import QR_ECLEVEL_M

            # qr(native=True, center=True) raises in python-escpos; ESC a centres it instead.
            self._restyle(_Style(align=Align.CENTER))
            self.printer.qr(data, ec=QR_ECLEVEL_M, size=code.module_dots, native=True)
        else:
            self._image(_qr_picture(data, code.module_dots, self.dots))

    def photo(self, photo: Photo) -> None:
        picture = render_photo(photo.jpeg, self.dots)
        if picture is not None:
            self._image(picture)

    def _image(self, picture: Image.Image) -> None:
        # Pictures are full width with alignment drawn in, and ignore text styles.
        self._restyle(_Style())
        self.printer.image(picture, impl="bitImageRaster")

    def _font(self) -> Path:
        if self.font_path is None:
            self.font_path = find_cjk_font()
        return self.font_path

    def _restyle(self, wanted: _Style) -> None:
        current, printer = self.style, self.printer
        if wanted.size != current.size:
            width, height = _SIZE_MULTIPLIERS[wanted.size]
            printer.set(custom_size=True, width=width, height=height)  # GS ! n
        if wanted.bold != current.bold:
            printer.set(bold=wanted.bold)  # ESC E n
        if wanted.inverted != current.inverted:
            printer.set(invert=wanted.inverted)  # GS B n
        if wanted.align != current.align:
            printer.set(align=str(wanted.align))  # ESC a n
        self.style = wanted


def _encode_text(text: str) -> bytes:
    """ASCII as is; anything else as GB18030 inside Chinese mode. Unencodable characters become '?'."""
    if text.isascii():
        return text.encode("ascii")
    return CHINESE_MODE_ON + text.encode("gb18030", errors="replace") + CHINESE_MODE_OFF


def _qr_picture(data: str, module_dots: int, width_dots: int) -> Image.Image:
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(box_size=module_dots, border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module_dots
    picture = Image.new("1", (width_dots, size), 1)
    left = (width_dots - size) // 2
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                x, y = left + col_index * module_dots, row_index * module_dots
                picture.paste(0, (x, y, x + module_dots, y + module_dots))
    return picture


def render_layout(
    layout: BadgeLayout,
    *,
    text_mode: str = "raster",
    profile: str = "default",
    native_qr: bool | None = None,
    font_path: Path | None = None,
) -> bytes:
    """ESC/POS bytes for ``layout``. ``native_qr`` None means: native when the profile supports it."""
    if text_mode not in TEXT_MODES:
        raise ValueError(f"text_mode {text_mode!r} is not allowed; use raster or gb18030")
    printer = new_dummy(profile, layout.paper_width_mm)
    if native_qr is None:
        native_qr = bool(printer.profile.supports("qrCode"))
    writer = _BadgeWriter(printer, text_mode, layout.paper_width_mm, font_path)
    writer.start()
    for element in layout.elements:
        if isinstance(element, TextLine):
            writer.text_line(element)
        elif isinstance(element, QrCode):
            writer.qr(element, native_qr)
        elif isinstance(element, Photo):
            writer.photo(element)
    writer.finish()
    return bytes(printer.output)


def render_badge(
    badge: BadgeData,
    *,
    paper_width_mm: int = 80,
    text_mode: str = "raster",
    profile: str = "default",
    labels: BadgeLabels = BILINGUAL_LABELS,
    native_qr: bool | None = None,
    font_path: Path | None = None,
) -> bytes:
    """Lay out and render one badge."""
    layout = layout_badge(badge, paper_width_mm, labels)
    return render_layout(layout, text_mode=text_mode, profile=profile, native_qr=native_qr, font_path=font_path)


def render_badge_for(badge: BadgeData, settings: PrinterSettings, labels: BadgeLabels = BILINGUAL_LABELS) -> bytes:
    """Render with the paper width, text mode and profile from ``[printer]``."""
    return render_badge(
        badge,
        paper_width_mm=settings.paper_width_mm,
        text_mode=settings.text_mode,
        profile=settings.profile,
        labels=labels,
    )
