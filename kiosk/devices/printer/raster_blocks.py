"""Full-width 1-bit pictures cut down to their ink, and the ``GS v 0`` bytes that print them.

A picture drawn for the whole printable width (a text line, the QR code, the photo) is mostly
white, and every white row costs width/8 bytes on a 9600-baud line. ``crop_to_ink`` keeps the
smallest box that still puts every dot where the full picture had it:

* across: a box flush with the left edge (printed with ``ESC a 0``) or one centred on the paper
  (``ESC a 1``), whichever is narrower. Widths are whole bytes and the printable width is a
  multiple of 16 dots, so the printer's centring, (width - box) / 2, is an exact dot position;
* down: the blank rows above and below are not sent as picture but as a 1-byte-wide white
  ``GS v 0`` of that height, which feeds the paper exactly as far on any printer, whatever its
  motion units (``ESC J`` would depend on them);
* a box whose rows come in identical pairs (the QR code: 6-dot modules) is sent at half height
  with ``GS v 0`` m = 2, each row printed twice as tall: the same dots for half the bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops

RASTER_COMMAND = b"\x1dv0"  # GS v 0 m xL xH yL yH d1...dk
NORMAL_SCALE, DOUBLE_HEIGHT = 0, 2  # m
_MAX_ROWS_PER_COMMAND = 960  # as python-escpos splits long pictures; printers take up to 2303
_INVERTED = bytes(255 - value for value in range(256))


@dataclass(frozen=True)
class InkBlock:
    """The inked part of a full-width picture and where it goes."""

    picture: Image.Image  # mode "1", 1 is white; width a multiple of 8; at half height when double_height
    centred: bool  # printed with ESC a 1, else flush left with ESC a 0
    rows_above: int  # blank rows of the full picture above the box
    rows_below: int
    double_height: bool


def crop_to_ink(picture: Image.Image) -> InkBlock | None:
    """The smallest printable box of a full-width mode "1" ``picture``; None when it has no ink."""
    width, height = picture.size
    box = ImageChops.invert(picture.convert("L")).getbbox()  # the black dots
    if box is None:
        return None
    ink_left, top, ink_right, bottom = box
    flush_left_width = _round_up(ink_right, 8)
    half = _round_up(max(width // 2 - ink_left, ink_right - width // 2), 4)
    centred = 2 * half < flush_left_width
    left, right = (width // 2 - half, width // 2 + half) if centred else (0, flush_left_width)
    cropped = picture.crop((left, top, right, bottom))
    halved = _halved_if_rows_pair(cropped)
    return InkBlock(
        picture=halved or cropped,
        centred=centred,
        rows_above=top,
        rows_below=height - bottom,
        double_height=halved is not None,
    )


def raster_command(picture: Image.Image, scale: int = NORMAL_SCALE) -> bytes:
    """``GS v 0`` for a mode "1" picture whose width is a multiple of 8 (split every 960 rows)."""
    width_bytes = picture.width // 8
    if width_bytes * 8 != picture.width:
        raise ValueError(f"a raster picture must be a whole number of bytes wide, not {picture.width} dots")
    body = picture.tobytes().translate(_INVERTED)  # PIL's 1 is white; the printer's 1 is black
    row_bytes = width_bytes
    commands = []
    for first_row in range(0, picture.height, _MAX_ROWS_PER_COMMAND):
        rows = min(_MAX_ROWS_PER_COMMAND, picture.height - first_row)
        header = RASTER_COMMAND + bytes((scale,)) + _low_high(width_bytes) + _low_high(rows)
        commands.append(header + body[first_row * row_bytes : (first_row + rows) * row_bytes])
    return b"".join(commands)


def blank_rows_command(rows: int) -> bytes:
    """White paper ``rows`` dots tall: a 1-byte-wide picture with no ink."""
    commands = []
    while rows > 0:
        chunk = min(rows, _MAX_ROWS_PER_COMMAND)
        commands.append(RASTER_COMMAND + bytes((NORMAL_SCALE,)) + _low_high(1) + _low_high(chunk) + bytes(chunk))
        rows -= chunk
    return b"".join(commands)


def _halved_if_rows_pair(picture: Image.Image) -> Image.Image | None:
    """Every second row, when each row equals the one below it; else None."""
    if picture.height % 2:
        return None
    row_bytes = picture.width // 8
    data = picture.tobytes()
    pairs = picture.height // 2
    for pair in range(pairs):
        start = 2 * pair * row_bytes
        if data[start : start + row_bytes] != data[start + row_bytes : start + 2 * row_bytes]:
            return None
    kept = b"".join(data[2 * pair * row_bytes : (2 * pair + 1) * row_bytes] for pair in range(pairs))
    return Image.frombytes("1", (picture.width, pairs), kept)


def _round_up(value: int, step: int) -> int:
    return -(-value // step) * step


def _low_high(value: int) -> bytes:
    return bytes((value & 0xFF, value >> 8 & 0xFF))
