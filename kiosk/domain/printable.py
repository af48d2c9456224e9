"""Make user text safe for a printer: no byte of a name may start a printer command.

A visitor types their own name. ESC @ would reset the printer, GS V cut the paper, ESC p
open a cash drawer, DLE EOT answer into our status read; bidi overrides (U+202E) make a
name print as something else. Everything that is not visible text goes, before layout and
again in the renderer.
"""

from __future__ import annotations

import unicodedata

# Categories that never print: controls (Cc: C0, DEL, C1), format (Cf: bidi marks,
# zero-width joiners, BOM, soft hyphen), surrogates (Cs, cannot be encoded), private use
# (Co, no font has them), unassigned (Cn).
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
# Separators that would break a one-line field become one space.
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})
_LINE_BREAKS = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Accents stack on one letter; a pile of them has no width, so the layout could not bound it.
_MAX_MARKS_PER_LETTER = 2


def sanitize_text(text: str, *, max_chars: int = 500) -> str:
    """One clean line: NFC, controls and invisible formatting removed, spaces collapsed.

    ``max_chars`` bounds the work: a 10,000-character "name" cannot fill a badge anyway.
    """
    text = unicodedata.normalize("NFC", text[: max_chars * 4])
    out: list[str] = []
    pending_space = False
    marks = 0
    for ch in text:
        if ch in _LINE_BREAKS or unicodedata.category(ch) in _SPACE_CATEGORIES:
            pending_space = bool(out)
            marks = 0
            continue
        category = unicodedata.category(ch)
        if category in _DROP_CATEGORIES:
            continue
        marks = marks + 1 if category in ("Mn", "Me") else 0
        if marks > _MAX_MARKS_PER_LETTER:
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        out.append(ch)
        if len(out) >= max_chars:
            break
    return "".join(out)


def is_printable_text(text: str) -> bool:
    """True when ``sanitize_text`` would leave the text as it is (used by tests and assertions)."""
    return all(ch not in _LINE_BREAKS and unicodedata.category(ch) not in _DROP_CATEGORIES for ch in text)
