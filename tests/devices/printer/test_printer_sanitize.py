"""Sanitising: what may not reach a printer does not, and ordinary names are untouched."""

from __future__ import annotations

import pytest

from kiosk.domain.printable import is_printable_text, sanitize_text


@pytest.mark.parametrize(
    "name", ["Anna Schmidt", "张伟", "Müller 张伟", "José Ñúñez", "O'Brien", "Σωκράτης", "محمد", "Nguyễn"]
)
def test_ordinary_names_pass_unchanged(name: str) -> None:
    assert sanitize_text(name) == name


@pytest.mark.parametrize("code", [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)])
def test_every_c0_c1_control_and_del_is_removed(code: int) -> None:
    cleaned = sanitize_text(f"A{chr(code)}B")
    assert cleaned in ("AB", "A B")  # line breaks and tabs become a space


@pytest.mark.parametrize(
    "mark",
    ["\u202e", "\u202a", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200d", "\ufeff"],
)
def test_bidi_and_zero_width_formatting_is_removed(mark: str) -> None:
    assert sanitize_text(f"Eve{mark}Mallory") == "EveMallory"


def test_whitespace_is_collapsed_and_trimmed() -> None:
    assert sanitize_text("  Anna\t\n\r  Schmidt\u3000 ") == "Anna Schmidt"


def test_nfc_and_bounded_length_and_stacked_marks() -> None:
    assert sanitize_text("Jose\u0301") == "José"
    assert len(sanitize_text("x" * 10_000, max_chars=100)) == 100
    assert sanitize_text("e" + "\u0301" * 50) == "é\u0301\u0301"


def test_printable_check_agrees() -> None:
    assert is_printable_text("Müller 张伟")
    assert not is_printable_text("a\x1bb")
    assert not is_printable_text("a\u202eb")
