"""ESC/POS rendering: golden bytes, structure, mixed scripts in both text modes, byte budgets.

The golden job below is regenerated only on purpose:
    .venv/bin/python tests/devices/printer/test_printer_render.py
prints a new literal; read the diff of the bytes before pasting it.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from escpos_stream_parser import check_structure, text_lines, tokenize
from PIL import Image

from kiosk.devices.printer.escpos_render import render_badge, render_layout
from kiosk.domain.badge_layout import BILINGUAL_LABELS, ENGLISH_LABELS, BadgeData, layout_badge, sample_badge

TOKEN = "q3Kp9xZ-0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345_6"
GOLDEN_BADGE = sample_badge(visitor_name="Müller 张伟", host_name="王芳")
GOLDEN_HEX = (
    "1b401d21011b45011d42011b61011c264c6f626279207c20b7c3bfcd2056495349544f521c2e0a1d21111d42001c264d"
    "a8b96c6c657220d5c5ceb01c2e0a1d21001b450041636d6520476d62480a1b61002d2d2d2d2d2d2d2d2d2d2d2d2d2d2d"
    "2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d0a1c26bdd3b4fd20486f73743a20cd"
    "f5b7bc2028456e67696e656572696e67291c2e0a1c26c8d5c6da20446174653a20323032362d30362d313520d3d0d0a7"
    "d6c120556e74696c3a2031383a30301c2e0a1b61011d286b0400314132001d286b03003143061d286b03003145311d28"
    "6b2e0031503071334b7039785a2d306142634465466748694a6b4c6d4e6f507152735475567758795a3031323334355f"
    "361d286b03003151301c26c0ebbfaac7ebc9a8c2eb205363616e20746f207369676e206f75741c2e0a1b64061d5600"
)

# The same badge for a visitor invited to a booked meeting: one line more, under the host.
GOLDEN_ROOM_BADGE = replace(GOLDEN_BADGE, meeting_room="大会议室", meeting_floor="3")
GOLDEN_ROOM_HEX = (
    "1b401d21011b45011d42011b61011c264c6f626279207c20b7c3bfcd2056495349544f521c2e0a1d21111d42001c264d"
    "a8b96c6c657220d5c5ceb01c2e0a1d21001b450041636d6520476d62480a1b61002d2d2d2d2d2d2d2d2d2d2d2d2d2d2d"
    "2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d0a1c26bdd3b4fd20486f73743a20cd"
    "f5b7bc2028456e67696e656572696e67291c2e0a1c26bbe1d2e9cad220526f6f6d3a20b4f3bbe1d2e9cad22c20c2a5b2"
    "e320466c6f6f7220331c2e0a1c26c8d5c6da20446174653a20323032362d30362d313520d3d0d0a7d6c120556e74696c"
    "3a2031383a30301c2e0a1b61011d286b0400314132001d286b03003143061d286b03003145311d286b2e003150307133"
    "4b7039785a2d306142634465466748694a6b4c6d4e6f507152735475567758795a3031323334355f361d286b03003151"
    "301c26c0ebbfaac7ebc9a8c2eb205363616e20746f207369676e206f75741c2e0a1b64061d5600"
)


def golden_render(badge: BadgeData = GOLDEN_BADGE) -> bytes:
    return render_badge(badge, paper_width_mm=80, text_mode="gb18030", native_qr=True, labels=BILINGUAL_LABELS)


def badge(name: str, **changes: object) -> BadgeData:
    fields = {**GOLDEN_BADGE.__dict__, "visitor_name": name, "host_name": "Li Wei", **changes}
    return BadgeData(**fields)  # type: ignore[arg-type]


def test_golden_bytes() -> None:
    assert golden_render() == bytes.fromhex(GOLDEN_HEX)


def test_golden_bytes_of_a_badge_with_a_meeting_room() -> None:
    job = golden_render(GOLDEN_ROOM_BADGE)
    assert job == bytes.fromhex(GOLDEN_ROOM_HEX)
    lines = text_lines(tokenize(job))
    assert lines[lines.index("接待 Host: 王芳 (Engineering)") + 1] == "会议室 Room: 大会议室, 楼层 Floor 3"
    # Nothing else moves: without its room line it is the badge without a room, byte for byte.
    room_line = "会议室 Room: 大会议室, 楼层 Floor 3".encode("gb18030")
    assert job.replace(b"\x1c&" + room_line + b"\x1c.\n", b"") == golden_render()


def test_the_room_line_in_english_and_on_narrow_paper() -> None:
    english = layout_badge(replace(GOLDEN_ROOM_BADGE, meeting_floor="12F"), labels=ENGLISH_LABELS)
    assert "Room: 大会议室, Floor 12F" in [line.text for line in english.text_lines()]
    narrow = [line.text for line in layout_badge(GOLDEN_ROOM_BADGE, paper_width_mm=58).text_lines()]
    assert narrow[narrow.index("会议室 Room: 大会议室") + 1] == "楼层 Floor 3"
    no_floor = layout_badge(replace(GOLDEN_ROOM_BADGE, meeting_floor=""), labels=ENGLISH_LABELS)
    assert "Room: 大会议室" in [line.text for line in no_floor.text_lines()]


def test_golden_structure() -> None:
    job = golden_render()
    assert job.startswith(b"\x1b@")  # ESC @ init
    assert b"\x1d(k" in job  # native QR (GS ( k)
    assert TOKEN.encode() in job
    assert b"\x1d(k\x03\x001Q0" in job  # ... and the command that prints it
    assert job.endswith(b"\x1bd\x06\x1dV\x00")  # feed past the cutter, then GS V cut
    assert b"\x1ba\x01\x1d(k" in job  # centred with ESC a 1, not qr(center=True)
    tokens = tokenize(job)
    check_structure(tokens)
    assert "Müller 张伟" in text_lines(tokens)


NAMES = ["Müller 张伟", "José Ñúñez", "张伟", "O'Brien"]


@pytest.mark.parametrize("name", NAMES)
def test_gb18030_mode_round_trips_names(name: str) -> None:
    job = render_badge(badge(name), text_mode="gb18030", native_qr=True)
    tokens = tokenize(job)
    check_structure(tokens)
    name_tokens = [t for t in tokens if t.text == name]
    assert len(name_tokens) == 1
    if name.isascii():
        assert name_tokens[0].kind == "text" and name_tokens[0].raw == name.encode("ascii")
    else:
        # Between FS & and FS . the bytes are exactly the GB18030 encoding of the name.
        assert name_tokens[0].raw == b"\x1c&" + name.encode("gb18030") + b"\x1c."
    assert b"\x1dv0" not in job


@pytest.mark.parametrize("name", NAMES)
def test_raster_mode_draws_non_ascii_and_sends_no_han_bytes(name: str) -> None:
    job = render_badge(badge(name), text_mode="raster", native_qr=True)
    tokens = tokenize(job)
    check_structure(tokens)
    assert not any(t.kind == "cn_text" for t in tokens)  # never Chinese mode
    texts = text_lines(tokens)
    assert all(line.isascii() for line in texts)
    outside_images = b"".join(t.raw for t in tokens if t.kind != "image")
    assert not any(byte >= 0x80 for byte in outside_images)
    if name.isascii():
        assert name in texts
    else:
        assert name not in texts
        assert any(t.kind == "image" for t in tokens)  # GS v 0
        assert b"\x1dv0" in job


@pytest.mark.parametrize("paper, dots", [(58, 384), (80, 576)])
def test_raster_pictures_are_cropped_to_their_ink_and_placed_by_the_printer(paper: int, dots: int) -> None:
    tokens = tokenize(render_badge(badge("张伟"), paper_width_mm=paper, text_mode="raster"))
    images = [t for t in tokens if t.kind == "image"]
    widths = [t.raw[4] | t.raw[5] << 8 for t in images]
    assert all(1 <= width < dots // 8 for width in widths)  # whole bytes, none the paper's width
    drawn = [t for t in images if (t.raw[4] | t.raw[5] << 8) > 1]
    spacers = [t for t in images if (t.raw[4] | t.raw[5] << 8) == 1]
    assert all(t.raw[8:] == bytes(len(t.raw) - 8) for t in spacers)  # 1 byte wide: blank rows only
    # Banner, name, host, date (and validity: its own line on 58 mm), scan hint; the QR is native.
    assert len(drawn) == {58: 6, 80: 5}[paper]
    # Each drawn line is preceded by the alignment the printer places it with.
    for token in drawn:
        before = tokens[: tokens.index(token)]
        last_align = [t.raw[2] for t in before if t.kind == "style" and t.raw[:2] == b"\x1ba"]
        assert last_align and last_align[-1] in (0, 1)


def test_unencodable_characters_become_question_marks() -> None:
    # A lone surrogate cannot be encoded; the sanitiser drops it, so build the layout by hand.
    layout = layout_badge(badge("张伟"), 80)
    from dataclasses import replace

    from kiosk.domain.badge_layout import TextLine

    patched = replace(layout, elements=(TextLine("a\udc80张"),))
    job = render_layout(patched, text_mode="gb18030")
    assert b"\x1c&a\xd5\xc5\x1c.\n" in job  # the surrogate was dropped, not sent as bytes


def test_accented_latin_uses_two_byte_codes_in_chinese_mode() -> None:
    job = render_badge(badge("Léa Müller"), text_mode="gb18030")
    assert b"\x1c&L\xa8\xa6a M\xa8\xb9ller\x1c." in job  # é = A8A6, ü = A8B9


def test_raster_qr_when_profile_has_no_native_qr() -> None:
    job = render_badge(
        badge("Anna"), text_mode="raster", labels=ENGLISH_LABELS, profile="TH230"
    )  # no native QR, has a cutter
    assert b"\x1d(k" not in job
    tokens = tokenize(job)
    check_structure(tokens)
    drawn = [t for t in tokens if t.kind == "image" and t.raw[4] | t.raw[5] << 8 > 1]  # not blank spacers
    assert len(drawn) == 1  # the QR, drawn


def test_photo_is_printed_and_a_broken_one_is_skipped() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (120, 90, 60)).save(buffer, "JPEG")
    with_photo = render_badge(badge("Anna", photo_jpeg=buffer.getvalue()), labels=ENGLISH_LABELS)
    assert sum(t.kind == "image" for t in tokenize(with_photo)) == 1
    broken = render_badge(badge("Anna", photo_jpeg=b"not a jpeg"), labels=ENGLISH_LABELS)
    assert broken == render_badge(badge("Anna"), labels=ENGLISH_LABELS)


def test_byte_budgets() -> None:
    latin = badge("Anna Schmidt")
    assert len(render_badge(latin, text_mode="raster", labels=ENGLISH_LABELS, native_qr=True)) <= 400
    assert len(render_badge(latin, text_mode="gb18030", labels=BILINGUAL_LABELS, native_qr=True)) <= 400
    cjk = badge("张伟", company="华为技术有限公司", host_name="王芳", host_department="研发部", site_name="上海总部")
    assert len(render_badge(cjk, paper_width_mm=80, text_mode="raster")) <= 4_000
    assert len(render_badge(cjk, paper_width_mm=58, text_mode="raster")) <= 4_000
    assert len(render_badge(cjk, paper_width_mm=58, text_mode="raster", native_qr=False)) <= 8_000
    # A meeting's room costs one raster line (two on 58 mm paper), only on the badges that have one.
    at_meeting = replace(cjk, meeting_room="第三会议室", meeting_floor="12F")
    assert len(render_badge(at_meeting, paper_width_mm=80, text_mode="raster")) <= 5_000
    assert len(render_badge(at_meeting, paper_width_mm=58, text_mode="raster")) <= 5_000


def test_unknown_text_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="auto, raster or gb18030"):
        render_badge(GOLDEN_BADGE, text_mode="utf8")


if __name__ == "__main__":
    for name, golden in (("GOLDEN_HEX", GOLDEN_BADGE), ("GOLDEN_ROOM_HEX", GOLDEN_ROOM_BADGE)):
        hex_text = golden_render(golden).hex()
        print(f"{name} = (")
        for start in range(0, len(hex_text), 96):
            print(f'    "{hex_text[start : start + 96]}"')
        print(")")
