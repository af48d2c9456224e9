"""A badge layout as ESC/POS bytes, rendered through python-escpos onto a ``Dummy`` printer.

Text is never handed to python-escpos's ``text()``: it re-encodes a whole line as GB18030 as
soon as it sees one Han character ("Müller 张" comes out wrong) and never switches the
printer to Chinese mode. Instead, per line, by ``[printer] text_mode``:

* pure ASCII goes out as plain bytes in the printer's own font (cheapest, any printer);
* ``"auto"`` (the default), in this order: a line one of the profile's single-byte code pages
  can encode goes as text in that page (``ESC t n`` when the page changes: "José Ñúñez",
  "Σωκράτης"); a line that needs Chinese goes as GB18030 between ``FS &`` and ``FS .`` when the
  profile says the firmware has Chinese and every character is in GB18030's two-byte part; any
  other line is drawn as a picture. The rule for "the firmware has Chinese"
  (``text_encodings.firmware_has_chinese``): the profile's vendor is a maker for the mainland
  market (Zjiang, ZiJiang, Netum, Rongta, Sunmi: profiles POS-5890, ZJ-5870, NT-5890K,
  NT-80-V-UL, RP326, Sunmi-V2), or the profile's data (a site's own capabilities file) names a
  GB18030 code page or font. python-escpos's database has no field for it, so the list is ours;
  every other profile, "default" included (Epson-like), gets pictures for Chinese, which print
  on any firmware. A printer that has Chinese under another profile: ``text_mode = "gb18030"``.
  On Chinese firmware, whose Chinese mode may be on from power-up, ``FS .`` goes before the first
  code-page line so its bytes are not read as GB18030;
* ``"raster"``: every non-ASCII line is a 1-bit picture (``GS v 0``) drawn with a CJK font;
* ``"gb18030"``: every non-ASCII line is GB18030 between ``FS &`` and ``FS .``.

Pictures (text lines, a QR code the printer cannot draw, the photo) are drawn at the full
printable width and sent cropped to their ink (``raster_blocks``): the printer centres the box
with ``ESC a 1`` and white rows are fed as a 1-byte-wide blank picture, so the dots land where
the full picture had them. ``crop_raster=False`` sends the full pictures, as earlier releases
did: the tests and the benchmark compare the two.

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
from kiosk.devices.printer.raster_blocks import (
    DOUBLE_HEIGHT,
    NORMAL_SCALE,
    blank_rows_command,
    crop_to_ink,
    raster_command,
)
from kiosk.devices.printer.raster_photo import render_photo
from kiosk.devices.printer.raster_qr import render_qr
from kiosk.devices.printer.raster_text import PRINTABLE_DOTS_BY_PAPER_MM, find_cjk_font, render_text_line
from kiosk.devices.printer.text_encodings import (
    CHINESE_MODE_OFF,
    chinese_mode_text,
    code_page_codecs,
    encode_in_code_page,
    firmware_has_chinese,
    fits_chinese_firmware,
)
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

TEXT_MODES = ("auto", "raster", "gb18030")
LINE_FEED = b"\n"
SELECT_CODE_PAGE = b"\x1bt"  # ESC t n
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
    """Writes elements to one printer, remembering the printer's state so each change is sent once."""

    def __init__(
        self, printer: Escpos, text_mode: str, paper_width_mm: int, font_path: Path | None, crop_raster: bool
    ) -> None:
        self.printer = printer
        self.text_mode = text_mode
        self.dots = PRINTABLE_DOTS_BY_PAPER_MM[paper_width_mm]
        self.font_path = font_path
        self.crop_raster = crop_raster
        self.code_pages = code_page_codecs(printer.profile) if text_mode == "auto" else {}
        self.has_chinese = text_mode == "auto" and firmware_has_chinese(printer.profile)
        # What ESC @ leaves behind: normal style, code page 0; Chinese mode as the firmware starts.
        self.style = _Style()
        self.code_page = 0
        self.chinese_mode_may_be_on = self.has_chinese
        self.blank_rows = 0  # white rows owed to the paper before the next thing printed

    def start(self) -> None:
        self.printer.hw("INIT")  # ESC @

    def finish(self) -> None:
        self._feed_blank_rows()
        self._restyle(_Style(align=self.style.align))
        self.printer.cut()  # ESC d 6 (feed past the cutter), then GS V

    def text_line(self, line: TextLine) -> None:
        text = sanitize_text(line.text)
        encoded = self._as_text(text)
        if encoded is None:
            self._picture(render_text_line(replace(line, text=text), self.dots, self._font()))
            return
        self._feed_blank_rows()
        self._restyle(_Style(line.align, line.size, line.bold, line.inverted))
        self.printer._raw(encoded + LINE_FEED)

    def _as_text(self, text: str) -> bytes | None:
        """The line's bytes in the printer's own font (with any code page switch), or None to draw it."""
        if text.isascii() and self.code_page == 0:
            return text.encode("ascii")  # page 0 has ASCII on every printer
        if self.text_mode == "gb18030":
            return chinese_mode_text(text)
        if self.text_mode == "raster":
            return None
        found = encode_in_code_page(text, self.code_pages, self.code_page)
        if found is not None:
            page, encoded = found
            prefix = b""
            if self.chinese_mode_may_be_on and not text.isascii():
                prefix, self.chinese_mode_may_be_on = CHINESE_MODE_OFF, False
            if page != self.code_page:
                prefix, self.code_page = prefix + SELECT_CODE_PAGE + bytes((page,)), page
            return prefix + encoded
        if self.has_chinese and fits_chinese_firmware(text):
            self.chinese_mode_may_be_on = False  # the line ends with FS .
            return chinese_mode_text(text)
        return None

    def qr(self, code: QrCode, native: bool) -> None:
        data = sanitize_text(code.data)
        if not data:
            return
        if native:
            from escpos.constants import QR_ECLEVEL_M

            self._feed_blank_rows()
            # qr(native=True, center=True) raises in python-escpos; ESC a centres it instead.
            self._restyle(_Style(align=Align.CENTER))
            self.printer.qr(data, ec=QR_ECLEVEL_M, size=code.module_dots, native=True)
        else:
            self._picture(render_qr(data, code.module_dots, self.dots))

    def photo(self, photo: Photo) -> None:
        picture = render_photo(photo.jpeg, self.dots)
        if picture is not None:
            self._picture(picture)

    def _picture(self, picture: Image.Image) -> None:
        """A full-width picture: sent whole, or cropped to its ink with its white rows fed."""
        # Pictures ignore text styles; they are reset so the next text line starts from ESC @'s.
        if not self.crop_raster:
            self._restyle(_Style())
            self.printer._raw(raster_command(picture))
            return
        block = crop_to_ink(picture)
        if block is None:
            self.blank_rows += picture.height
            return
        self.blank_rows += block.rows_above
        self._feed_blank_rows()
        self._restyle(_Style(align=Align.CENTER if block.centred else Align.LEFT))
        self.printer._raw(raster_command(block.picture, DOUBLE_HEIGHT if block.double_height else NORMAL_SCALE))
        self.blank_rows = block.rows_below

    def _feed_blank_rows(self) -> None:
        if self.blank_rows:
            self.printer._raw(blank_rows_command(self.blank_rows))
            self.blank_rows = 0

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


def render_layout(
    layout: BadgeLayout,
    *,
    text_mode: str = "raster",
    profile: str = "default",
    native_qr: bool | None = None,
    font_path: Path | None = None,
    crop_raster: bool = True,
) -> bytes:
    """ESC/POS bytes for ``layout``. ``native_qr`` None means: native when the profile supports it.
    ``crop_raster=False``: full-width pictures, as before cropping (the baseline for tests and benchmarks)."""
    if text_mode not in TEXT_MODES:
        raise ValueError(f"text_mode {text_mode!r} is not allowed; use auto, raster or gb18030")
    printer = new_dummy(profile, layout.paper_width_mm)
    if native_qr is None:
        native_qr = bool(printer.profile.supports("qrCode"))
    writer = _BadgeWriter(printer, text_mode, layout.paper_width_mm, font_path, crop_raster)
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
    crop_raster: bool = True,
) -> bytes:
    """Lay out and render one badge."""
    layout = layout_badge(badge, paper_width_mm, labels)
    return render_layout(
        layout, text_mode=text_mode, profile=profile, native_qr=native_qr, font_path=font_path, crop_raster=crop_raster
    )


def render_badge_for(badge: BadgeData, settings: PrinterSettings, labels: BadgeLabels = BILINGUAL_LABELS) -> bytes:
    """Render with the paper width, text mode and profile from ``[printer]``."""
    return render_badge(
        badge,
        paper_width_mm=settings.paper_width_mm,
        text_mode=settings.text_mode,
        profile=settings.profile,
        labels=labels,
    )
