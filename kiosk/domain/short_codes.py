"""Short invitation codes: what a visitor types at the kiosk when the QR code will not scan.

Eight characters of Crockford base32 (digits and letters without I, L, O, U), 40 random bits,
shown as ``XXXX-XXXX``. Typing is forgiving: any case, with or without the dash or spaces, and
the letters people mistake for digits (O for 0, I and L for 1) read as those digits. Pure: the
kiosk classifies typed text with it, the services issue and look codes up with it.
"""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
BITS = 40
# What people type for what they see (Crockford's decoding rules).
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Dashes and spaces a visitor may type between the groups (a phone's keyboard may offer other dashes).
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_CANONICAL = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")
# Longer than any typed short code with separators: anything past this is something else.
_MAX_TYPED = 24


def normalise(text: str) -> str | None:
    """The canonical eight characters of a typed short code, or None when ``text`` cannot be one."""
    if not isinstance(text, str) or len(text) > _MAX_TYPED:
        return None
    # A Chinese input method in full-width mode types wide letters and digits: read them as ASCII.
    narrow = "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)
    compact = _SEPARATORS.sub("", narrow).upper().translate(_LOOKALIKES)
    return compact if _CANONICAL.fullmatch(compact) else None


def is_short_code(text: str) -> bool:
    return normalise(text) is not None


def shown(code: str) -> str:
    """``XXXX-XXXX``: how a code is printed in the e-mail and the command line."""
    canonical = normalise(code) or code
    return f"{canonical[:4]}-{canonical[4:]}"


def from_number(number: int) -> str:
    """The canonical code of a 40-bit number (the services draw it from ``secrets``)."""
    if not 0 <= number < 1 << BITS:
        raise ValueError("a short code holds 40 bits")
    return "".join(ALPHABET[(number >> shift) & 31] for shift in range(BITS - 5, -1, -5))
