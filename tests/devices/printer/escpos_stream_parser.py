"""A strict reader for the ESC/POS our renderer emits, for tests; and a painter of what it prints.

Every byte must belong to a command the renderer sends on purpose, a run of printable text
(ASCII, or a code page's characters after ``ESC t``), a line feed or a GB18030 run between
FS & and FS . - anything else raises ``StreamError``. Reading user text back out of the stream
is how the tests prove it started no command.

``paint`` lays the job out on paper as a printer would: raster pictures (``GS v 0``, scaled by
its m) at the position ``ESC a`` gives them, native QR codes drawn from their stored data, and
each text line as a row of character-cell boxes (the printer's font is not ours to draw). Two
jobs that paint the same pixels print the same badge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import Image

ESC, GS, FS, LF = 0x1B, 0x1D, 0x1C, 0x0A
RASTER_SCALES = {0: (1, 1), 2: (1, 2)}  # GS v 0 m: (width, height) multipliers the renderer uses
STYLE_COMMANDS = {
    (ESC, ord("a")): {0, 1, 2},  # align
    (ESC, ord("E")): {0, 1},  # bold
    (GS, ord("B")): {0, 1},  # white on black
    (GS, ord("!")): {0x00, 0x01, 0x11},  # size: normal, tall, large
}


class StreamError(AssertionError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str  # init, style, code_page, cn_off, text, cn_text, lf, qr, image, feed, cut
    raw: bytes
    text: str = ""


@lru_cache(maxsize=8)
def profile_code_pages(profile: str = "default") -> dict[int, str]:
    """ESC t page -> Python codec, as the renderer reads them from the profile."""
    from kiosk.devices.printer.escpos_render import new_dummy
    from kiosk.devices.printer.text_encodings import code_page_codecs

    return code_page_codecs(new_dummy(profile, 80).profile)


def tokenize(stream: bytes, profile: str = "default") -> list[Token]:
    tokens: list[Token] = []
    code_page = "cp437"  # page 0 after ESC @ (ASCII is all the renderer sends in it)
    i = 0
    while i < len(stream):
        b = stream[i]
        two = tuple(stream[i : i + 2])
        if two == (ESC, ord("@")):
            tokens.append(Token("init", stream[i : i + 2]))
            i += 2
        elif two in STYLE_COMMANDS:
            if i + 2 >= len(stream) or stream[i + 2] not in STYLE_COMMANDS[two]:  # type: ignore[index]
                raise StreamError(f"bad style argument at {i}: {stream[i : i + 3]!r}")
            tokens.append(Token("style", stream[i : i + 3]))
            i += 3
        elif two == (ESC, ord("t")):
            page = stream[i + 2] if i + 2 < len(stream) else -1
            if page not in profile_code_pages(profile):
                raise StreamError(f"ESC t selects page {page}, which the profile {profile!r} cannot encode")
            code_page = profile_code_pages(profile)[page]
            tokens.append(Token("code_page", stream[i : i + 3], code_page))
            i += 3
        elif two == (FS, ord(".")):
            tokens.append(Token("cn_off", stream[i : i + 2]))
            i += 2
        elif two == (ESC, ord("d")):
            tokens.append(Token("feed", stream[i : i + 3]))
            i += 3
        elif two == (GS, ord("V")):
            length = 4 if stream[i + 2] in (65, 66) else 3
            tokens.append(Token("cut", stream[i : i + length]))
            i += length
        elif stream[i : i + 3] == b"\x1d(k":
            size = stream[i + 3] | stream[i + 4] << 8
            body = stream[i + 5 : i + 5 + size]
            if len(body) != size or body[:1] != b"1" or body[1:2] not in (b"A", b"C", b"E", b"P", b"Q"):
                raise StreamError(f"bad GS ( k at {i}")
            text = body[3:].decode("utf-8") if body[1:2] == b"P" else ""
            tokens.append(Token("qr", stream[i : i + 5 + size], text))
            i += 5 + size
        elif stream[i : i + 3] == b"\x1dv0":
            if stream[i + 3] not in RASTER_SCALES:
                raise StreamError(f"GS v 0 with m = {stream[i + 3]} at {i}")
            width_bytes = stream[i + 4] | stream[i + 5] << 8
            height = stream[i + 6] | stream[i + 7] << 8
            end = i + 8 + width_bytes * height
            if end > len(stream):
                raise StreamError(f"image at {i} runs past the end")
            tokens.append(Token("image", stream[i:end]))
            i = end
        elif two == (FS, ord("&")):
            end = stream.find(b"\x1c.", i + 2)
            if end < 0:
                raise StreamError(f"FS & at {i} is never closed")
            payload = stream[i + 2 : end]
            if any(byte < 0x20 or byte == 0x7F for byte in payload):
                raise StreamError(f"control byte inside Chinese-mode text at {i}: {payload!r}")
            tokens.append(Token("cn_text", stream[i : end + 2], payload.decode("gb18030")))
            i = end + 2
        elif b == LF:
            tokens.append(Token("lf", b"\n"))
            i += 1
        elif 0x20 <= b <= 0x7E or b >= 0x80:
            end = i
            while end < len(stream) and (0x20 <= stream[end] <= 0x7E or stream[end] >= 0x80):
                end += 1
            run = stream[i:end]
            tokens.append(Token("text", run, run.decode("ascii" if run.isascii() else code_page)))
            i = end
        else:
            raise StreamError(f"byte 0x{b:02X} at {i} starts no command the renderer sends: {stream[i : i + 8]!r}")
    return tokens


def check_structure(tokens: list[Token]) -> None:
    """Init first, cut last, and every text run is a whole line on its own."""
    if not tokens or tokens[0].kind != "init":
        raise StreamError("the job does not start with ESC @")
    if tokens[-1].kind != "cut" or tokens[-2].kind != "feed":
        raise StreamError("the job does not end with a feed and a cut")
    for index, token in enumerate(tokens):
        if token.kind == "init" and index != 0:
            raise StreamError(f"ESC @ in the middle of the job (token {index})")
        if token.kind in ("cut", "feed") and index < len(tokens) - 2:
            raise StreamError(f"{token.kind} before the end of the job (token {index})")
        if token.kind in ("text", "cn_text"):
            if tokens[index + 1].kind != "lf":
                raise StreamError(f"text not followed by its line feed: {token!r} then {tokens[index + 1]!r}")
            if tokens[index - 1].kind in ("text", "cn_text"):
                raise StreamError(f"two text runs on one line: {tokens[index - 1]!r} {token!r}")


def text_lines(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens if t.kind in ("text", "cn_text")]


CELL_WIDTH, CELL_HEIGHT, LINE_SPACING = 12, 24, 30  # Font A, and ESC 2's default feed, in dots
_SIZES = {0x00: (1, 1), 0x01: (1, 2), 0x11: (2, 2)}


def paint(tokens: list[Token], width_dots: int) -> Image.Image:
    """The job on paper ``width_dots`` wide (mode "1", 1 is white)."""
    import qrcode

    pieces: list[tuple[int, int, Image.Image]] = []
    y, align, size, inverted = 0, 0, (1, 1), False
    stored_qr, qr_module = "", 3

    def place(picture: Image.Image) -> None:
        nonlocal y
        x = {0: 0, 1: (width_dots - picture.width) // 2, 2: width_dots - picture.width}[align]
        pieces.append((x, y, picture))
        y += picture.height

    for index, token in enumerate(tokens):
        raw = token.raw
        if token.kind == "style":
            command, value = raw[:2], raw[2]
            if command == b"\x1ba":
                align = value
            elif command == b"\x1d!":
                size = _SIZES[value]
            elif command == b"\x1dB":
                inverted = bool(value)
        elif token.kind == "image":
            scale_x, scale_y = RASTER_SCALES[raw[3]]
            width_bytes, height = raw[4] | raw[5] << 8, raw[6] | raw[7] << 8
            body = bytes(255 - byte for byte in raw[8:])
            picture = Image.frombytes("1", (width_bytes * 8, height), body)
            place(picture.resize((picture.width * scale_x, height * scale_y), Image.Resampling.NEAREST))
        elif token.kind in ("text", "cn_text"):
            place(_text_band(token.text, token.kind == "cn_text", size, inverted))
        elif token.kind == "lf" and tokens[index - 1].kind not in ("text", "cn_text"):
            y += LINE_SPACING  # an empty line; after text, the band above already fed the line
        elif token.kind == "qr":
            body = raw[5:]
            if body[1:2] == b"C":
                qr_module = body[2]
            elif body[1:2] == b"P":
                stored_qr = token.text
            elif body[1:2] == b"Q":
                code = qrcode.QRCode(box_size=qr_module, border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
                code.add_data(stored_qr)
                place(code.make_image().get_image().convert("1"))
        elif token.kind == "feed":
            y += raw[2] * LINE_SPACING
    paper = Image.new("1", (width_dots, y), 1)
    for x, top, picture in pieces:
        paper.paste(picture, (x, top))
    return paper


def _text_band(text: str, chinese: bool, size: tuple[int, int], inverted: bool) -> Image.Image:
    """A line of the printer's font as boxes: one per character cell, two cells for a wide character."""
    from kiosk.domain.badge_layout import char_cells

    width_mul, height_mul = size
    cell_width, cell_height = CELL_WIDTH * width_mul, CELL_HEIGHT * height_mul
    cells = [(ch, char_cells(ch) if chinese else 1) for ch in text]
    band = Image.new("1", (sum(n for _, n in cells) * cell_width, max(cell_height, LINE_SPACING)), int(not inverted))
    x = 0
    for ch, n in cells:
        if ch != " ":
            band.paste(int(inverted), (x + 1, 1, x + n * cell_width - 1, cell_height - 1))
        x += n * cell_width
    return band
