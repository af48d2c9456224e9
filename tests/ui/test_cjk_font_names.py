"""The kiosk finds its Chinese font by any of the font's names: under a Chinese locale Qt lists
fonts-wqy-microhei as 文泉驿微米黑, and the stylesheet must use the name Qt lists."""

from __future__ import annotations

from kiosk.ui.common.theme import pick_cjk_family


def test_the_english_name_is_found() -> None:
    assert pick_cjk_family(["DejaVu Sans", "WenQuanYi Micro Hei"]) == "WenQuanYi Micro Hei"


def test_the_chinese_name_qt_lists_under_a_chinese_locale_is_found_and_used() -> None:
    assert pick_cjk_family(["DejaVu Sans", "文泉驿微米黑"]) == "文泉驿微米黑"


def test_the_preferred_family_wins_whatever_name_it_is_listed_by() -> None:
    assert pick_cjk_family(["文泉驿微米黑", "思源黑体"]) == "思源黑体"


def test_no_chinese_font_is_none() -> None:
    assert pick_cjk_family(["DejaVu Sans", "Liberation Serif"]) is None
