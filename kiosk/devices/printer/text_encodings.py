"""Which lines a printer can print as its own text, read from its python-escpos capability profile.

* Code pages: the profile's table of ``ESC t n`` pages; a page counts when python-escpos names a
  Python codec for it and that codec writes one byte per character (CP932, listed for some
  Epsons, is a two-byte Japanese encoding the firmware does not take under ``ESC t``), and no
  byte of the line falls in the control range.
* Chinese: see ``firmware_has_chinese``. Such firmware prints the two-byte part of GB18030 (the
  GBK characters) between ``FS &`` and ``FS .``; a line with a character outside it (an emoji,
  a rare script) is drawn instead.
"""

from __future__ import annotations

import codecs
from functools import lru_cache
from typing import Any

CHINESE_MODE_ON = b"\x1c\x26"  # FS &
CHINESE_MODE_OFF = b"\x1c\x2e"  # FS .
# Makers of printers for the mainland market in python-escpos's profile database; their firmware
# carries a GB18030 font behind FS &. The database has no field that says so (it lists only
# single-byte code pages), so this list is ours.
CHINESE_FIRMWARE_VENDORS = frozenset({"Zjiang", "ZiJiang", "Netum", "Rongta", "Sunmi"})


def firmware_has_chinese(profile: Any) -> bool:
    """True when the profile's maker is in ``CHINESE_FIRMWARE_VENDORS``, or its data (a site's own
    capabilities file) names a GB18030 code page or font. "default" is Epson-like: no."""
    data = profile.profile_data
    if data.get("vendor") in CHINESE_FIRMWARE_VENDORS:
        return True
    named = [*data.get("codePages", {}).values(), *(font.get("name", "") for font in data.get("fonts", {}).values())]
    return any("GB18030" in str(name).upper() for name in named)


def code_page_codecs(profile: Any) -> dict[int, str]:
    """``ESC t`` page number -> Python codec, for the profile's pages that Python can encode."""
    return dict(_codecs_of(tuple(sorted(profile.profile_data.get("codePages", {}).items()))))


@lru_cache(maxsize=64)
def _codecs_of(pages: tuple[tuple[str, str], ...]) -> tuple[tuple[int, str], ...]:
    from escpos.capabilities import CAPABILITIES

    encodings = CAPABILITIES.get("encodings", {})
    found: list[tuple[int, str]] = []
    for number, name in pages:
        codec = encodings.get(name, {}).get("python_encode")
        if not codec:
            continue
        try:
            codecs.lookup(codec)
        except LookupError:
            continue
        found.append((int(number), codec))
    return tuple(sorted(found))


def encode_in_code_page(text: str, pages: dict[int, str], current: int) -> tuple[int, bytes] | None:
    """(page, bytes) for ``text`` in one byte per character: the current page if it can, else the
    lowest-numbered page that can; None when none can."""
    order = ([current] if current in pages else []) + [page for page in pages if page != current]
    for page in order:
        try:
            encoded = text.encode(pages[page])
        except UnicodeEncodeError:
            continue
        if len(encoded) == len(text) and not any(byte < 0x20 or byte == 0x7F for byte in encoded):
            return page, encoded
    return None


def fits_chinese_firmware(text: str) -> bool:
    """Every character is ASCII or a two-byte GB18030 code, which Chinese firmware fonts cover."""
    return all(ch.isascii() or len(ch.encode("gb18030")) == 2 for ch in text)


def chinese_mode_text(text: str) -> bytes:
    """ASCII as is; anything else as GB18030 inside Chinese mode. Unencodable characters become '?'."""
    if text.isascii():
        return text.encode("ascii")
    return CHINESE_MODE_ON + text.encode("gb18030", errors="replace") + CHINESE_MODE_OFF
