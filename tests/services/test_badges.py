"""Badge layout: pure, fits the paper, counts CJK as two cells, never lets control characters through."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.domain.badge_layout import (
    BILINGUAL_LABELS,
    ENGLISH_LABELS,
    Align,
    BadgeData,
    Photo,
    QrCode,
    TextLine,
    TextSize,
    char_cells,
    labels_for_language,
    layout_badge,
    sample_badge,
    text_cells,
    truncate_to_cells,
    wrap_to_cells,
)
from kiosk.models.enums import VisitorType

TOKEN = "q3Kp9xZ-0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345_6"


def make_badge(**changes: object) -> BadgeData:
    return sample_badge(**changes)


def line_width(line: TextLine) -> int:
    return text_cells(line.text) * (2 if line.size is TextSize.LARGE else 1)


@pytest.mark.parametrize(("ch", "cells"), [("a", 1), ("张", 2), ("ü", 2), ("Ñ", 2), ("\u0301", 0), ("ｱ", 1)])
def test_cells_per_character(ch: str, cells: int) -> None:
    assert char_cells(ch) == cells


def test_truncation_respects_double_width_characters() -> None:
    assert truncate_to_cells("张伟张伟张伟", 8) == "张伟..."
    assert truncate_to_cells("short", 8) == "short"
    assert text_cells(truncate_to_cells("张" * 40, 31)) <= 31


def test_wrapping_breaks_latin_at_spaces_and_cjk_anywhere() -> None:
    assert wrap_to_cells("Maria Consuelo Fernandez Garcia", 16, 2) == ["Maria Consuelo", "Fernandez Garcia"]
    assert wrap_to_cells("欧阳娜娜欧阳娜娜欧阳娜娜", 16, 2) == ["欧阳娜娜欧阳娜娜", "欧阳娜娜"]
    lines = wrap_to_cells("A" * 100, 16, 2)
    assert len(lines) == 2 and lines[1].endswith("...")


@pytest.mark.parametrize("paper", [58, 80])
@pytest.mark.parametrize(
    "name",
    ["Anna Schmidt", "张伟", "Müller 张伟", "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.", "欧阳" * 30],
)
def test_every_line_fits_the_paper(paper: int, name: str) -> None:
    badge = make_badge(visitor_name=name, company="华为技术有限公司" * 5, host_department="研发部" * 10)
    layout = layout_badge(badge, paper)
    assert layout.columns == {58: 32, 80: 48}[paper]
    for line in layout.text_lines():
        assert line_width(line) <= layout.columns, line


def test_layout_order_and_content() -> None:
    layout = layout_badge(make_badge(photo_jpeg=b"jpeg"), 80, ENGLISH_LABELS)
    kinds = [type(e) for e in layout.elements]
    assert kinds[:3] == [TextLine, Photo, TextLine]
    banner, _, name = layout.elements[:3]
    assert isinstance(banner, TextLine) and banner.text == "Lobby | VISITOR" and banner.inverted
    assert isinstance(name, TextLine) and name == TextLine("Anna Schmidt", TextSize.LARGE, Align.CENTER, bold=True)
    texts = [line.text for line in layout.text_lines()]
    assert "Host: Li Wei (Engineering)" in texts
    assert "Date: 2026-06-15 Until: 18:00" in texts
    assert QrCode(TOKEN) in layout.elements
    assert texts[-1] == "Scan to sign out"


def test_bilingual_labels_and_types() -> None:
    layout = layout_badge(make_badge(visitor_type=VisitorType.DELIVERY, site_name=""), 58, BILINGUAL_LABELS)
    assert layout.text_lines()[0].text == "送货 DELIVERY"
    assert labels_for_language("en") is ENGLISH_LABELS
    assert labels_for_language("zh_CN") is BILINGUAL_LABELS
    assert set(BILINGUAL_LABELS.visitor_types) == set(VisitorType)


def test_valid_until_on_another_day_shows_the_date() -> None:
    layout = layout_badge(make_badge(valid_until=datetime(2026, 6, 17, 9, 30)), 80, ENGLISH_LABELS)
    assert any("Until: 2026-06-17 09:30" in line.text for line in layout.text_lines())


def test_fields_are_sanitised_before_layout() -> None:
    hostile = "\x1b@Eve\u202e\x1dV\x00\u200b Mallory\x9b"
    layout = layout_badge(make_badge(visitor_name=hostile, company=hostile, sign_out_token="ab\x10\x04\x01cd"), 80)
    for line in layout.text_lines():
        assert all(ch >= " " and not 0x7F <= ord(ch) <= 0x9F for ch in line.text), line
    assert layout.text_lines()[1].text == "@Eve V Mallory"  # GS counts as a separator
    assert QrCode("abcd") in layout.elements


def test_no_token_no_qr_and_unknown_paper_refused() -> None:
    assert not any(isinstance(e, QrCode) for e in layout_badge(make_badge(sign_out_token=""), 80).elements)
    with pytest.raises(ValueError, match="58 or 80"):
        layout_badge(make_badge(), 76)
