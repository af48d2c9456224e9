"""``text_mode = "auto"``: code-page text where the printer can, GB18030 where its profile has Chinese,
pictures for the rest; and the rule that decides which profiles have Chinese."""

from __future__ import annotations

from dataclasses import replace

import pytest
from escpos_stream_parser import Token, check_structure, text_lines, tokenize
from test_printer_hostile import COMMANDS, is_inert

from kiosk.config import PrinterSettings
from kiosk.devices.printer.escpos_render import new_dummy, render_badge, render_badge_for
from kiosk.devices.printer.text_encodings import firmware_has_chinese
from kiosk.domain.badge_layout import BILINGUAL_LABELS, ENGLISH_LABELS, layout_badge, sample_badge

CHINESE_PROFILES = ["POS-5890", "ZJ-5870", "NT-5890K", "NT-80-V-UL", "RP326", "Sunmi-V2"]
OTHER_PROFILES = ["default", "simple", "TM-T88V", "TM-T20II", "TM-P80", "TSP600", "TH230", "CT-S651"]


def auto(name: str, profile: str = "default", labels=ENGLISH_LABELS, **changes: object) -> list[Token]:  # type: ignore[no-untyped-def]
    badge = sample_badge(visitor_name=name, **changes)
    tokens = tokenize(render_badge(badge, text_mode="auto", profile=profile, labels=labels, native_qr=True), profile)
    check_structure(tokens)
    return tokens


def line_token(tokens: list[Token], text: str) -> Token:
    found = [t for t in tokens if t.kind in ("text", "cn_text") and t.text == text]
    assert len(found) == 1, (text, text_lines(tokens))
    return found[0]


def drawn(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind == "image" and t.raw[4] | t.raw[5] << 8 > 1]


@pytest.mark.parametrize("profile", CHINESE_PROFILES)
def test_the_makers_for_the_chinese_market_have_chinese(profile: str) -> None:
    assert firmware_has_chinese(new_dummy(profile, 80).profile)


@pytest.mark.parametrize("profile", OTHER_PROFILES)
def test_other_profiles_including_the_default_do_not(profile: str) -> None:
    assert not firmware_has_chinese(new_dummy(profile, 80).profile)


def test_a_sites_own_profile_can_say_it_has_a_gb18030_font() -> None:
    profile = new_dummy("default", 80).profile
    profile.profile_data = {**profile.profile_data, "fonts": {"0": {"name": "Font A"}, "2": {"name": "GB18030 24x24"}}}
    assert firmware_has_chinese(profile)


def test_latin_letters_the_code_page_has_go_as_text_without_switching_pages() -> None:
    tokens = auto("José Ñúñez")
    assert line_token(tokens, "José Ñúñez").raw == "José Ñúñez".encode("cp437")  # page 0 after ESC @
    assert not any(t.kind in ("code_page", "cn_text", "image") for t in tokens)


def test_greek_switches_to_a_page_that_has_it_and_back_for_ascii_only_when_needed() -> None:
    tokens = auto("Σωκράτης")
    pages = [t for t in tokens if t.kind == "code_page"]
    assert len(pages) == 1 and "Σωκράτης".encode(pages[0].text) == line_token(tokens, "Σωκράτης").raw
    assert "Acme GmbH" in text_lines(tokens)  # ASCII reads the same in that page
    assert not drawn(tokens)


def test_chinese_on_a_printer_without_it_is_drawn_and_never_sent_as_gb18030() -> None:
    tokens = auto("张伟", labels=BILINGUAL_LABELS)
    assert not any(t.kind == "cn_text" for t in tokens)
    assert "张伟" not in text_lines(tokens)
    assert len(drawn(tokens)) == 5  # banner, name, host, date, scan hint: each with a bilingual label
    assert "Acme GmbH" in text_lines(tokens)


def test_a_japanese_name_is_not_sent_in_the_two_byte_page_the_profile_lists() -> None:
    # "default" lists CP932 as page 1; Epson firmware has Katakana there, not Shift-JIS.
    tokens = auto("山田")
    assert not any(t.kind == "code_page" for t in tokens)
    assert len(drawn(tokens)) == 1


def test_chinese_firmware_gets_gb18030_and_the_badge_is_a_few_hundred_bytes() -> None:
    tokens = auto("张伟", profile="RP326", labels=BILINGUAL_LABELS)
    assert line_token(tokens, "张伟").raw == b"\x1c&" + "张伟".encode("gb18030") + b"\x1c."
    assert "接待 Host: Li Wei (Engineering)" in text_lines(tokens)
    assert not drawn(tokens)
    assert sum(len(t.raw) for t in tokens) <= 400


def test_chinese_firmware_leaves_chinese_mode_before_code_page_text() -> None:
    tokens = auto("José", profile="RP326")
    name = line_token(tokens, "José")
    before = tokens[tokens.index(name) - 1]
    assert before.kind == "cn_off"  # FS .: é is one CP437 byte, not the start of a GB18030 pair
    assert [t.kind for t in tokens].count("cn_off") == 1


def test_characters_chinese_fonts_lack_are_drawn_even_on_chinese_firmware() -> None:
    tokens = auto("张伟 😀", profile="RP326")
    assert "张伟 😀" not in text_lines(tokens)
    assert len(drawn(tokens)) == 1


def test_the_default_settings_print_in_auto_mode() -> None:
    settings = PrinterSettings()
    assert settings.text_mode == "auto"
    badge = sample_badge(visitor_name="José 张伟")
    assert render_badge_for(badge, settings) == render_badge(badge, text_mode="auto", labels=BILINGUAL_LABELS)


@pytest.mark.parametrize("profile", ["default", "RP326"])
@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_text_stays_text_in_auto_mode(command: str, profile: str) -> None:
    name = f"Jos\u00e9{command}张{command}Ñ"
    badge = replace(sample_badge(), visitor_name=name, company=f"Ac{command}me", host_name=f"Σ{command}ω")
    tokens = tokenize(render_badge(badge, text_mode="auto", profile=profile, native_qr=True), profile)
    check_structure(tokens)
    lines = text_lines(tokens)
    assert all(is_inert(line) for line in lines)
    layout_lines = [line.text for line in layout_badge(badge).text_lines()]
    assert all(line in layout_lines for line in lines)  # nothing read back that the layout did not say
