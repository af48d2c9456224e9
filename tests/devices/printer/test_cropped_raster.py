"""Cropped pictures print the same badge as full-width ones, for a fraction of the bytes.

Both jobs are painted back to paper by ``escpos_stream_parser.paint`` (pictures where ESC a puts
them, white rows fed, double-height rows doubled) and compared dot for dot: no tolerance, since
cropping only leaves out white and every box lands on a whole dot.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime

import pytest
from escpos_stream_parser import paint, tokenize
from PIL import Image, ImageChops

from kiosk.devices.printer.escpos_render import render_badge
from kiosk.devices.printer.raster_blocks import crop_to_ink
from kiosk.devices.printer.raster_text import (
    INVERTED_MARGIN,
    PRINTABLE_DOTS_BY_PAPER_MM,
    find_cjk_font,
    render_text_line,
)
from kiosk.domain.badge_layout import (
    BILINGUAL_LABELS,
    ENGLISH_LABELS,
    Align,
    BadgeData,
    TextLine,
    TextSize,
    sample_badge,
)
from kiosk.domain.visits import VisitorType

LATIN = sample_badge()
CJK = BadgeData(
    visitor_name="张伟", company="华为技术有限公司", host_name="王芳", host_department="研发部",
    visit_date=date(2026, 6, 15), valid_until=datetime(2026, 6, 15, 18, 0), visitor_type=VisitorType.CONTRACTOR,
    site_name="上海总部", sign_out_token=LATIN.sign_out_token,
)  # fmt: skip


def jpeg() -> bytes:
    buffer = io.BytesIO()
    picture = Image.new("RGB", (300, 400), (200, 200, 200))
    picture.paste((40, 40, 40), (60, 80, 240, 330))
    picture.save(buffer, "JPEG")
    return buffer.getvalue()


BADGES = {"latin": LATIN, "cjk": CJK, "photo": replace(LATIN, visitor_name="Müller 张伟", photo_jpeg=jpeg())}


def painted(job: bytes, paper: int) -> Image.Image:
    return paint(tokenize(job), PRINTABLE_DOTS_BY_PAPER_MM[paper])


def differing_dots(first: Image.Image, second: Image.Image) -> int:
    assert first.size == second.size, (first.size, second.size)
    return ImageChops.logical_xor(first, second).convert("L").histogram()[255]


@pytest.mark.parametrize("native_qr", [True, False], ids=["native-qr", "drawn-qr"])
@pytest.mark.parametrize("paper", [58, 80])
@pytest.mark.parametrize("name", sorted(BADGES))
def test_cropped_and_full_width_pictures_print_the_same_dots(name: str, paper: int, native_qr: bool) -> None:
    badge = BADGES[name]
    options = {"paper_width_mm": paper, "text_mode": "raster", "labels": BILINGUAL_LABELS, "native_qr": native_qr}
    full = render_badge(badge, crop_raster=False, **options)  # type: ignore[arg-type]
    cropped = render_badge(badge, **options)  # type: ignore[arg-type]
    assert len(cropped) < 0.6 * len(full)
    full_paper, cropped_paper = painted(full, paper), painted(cropped, paper)
    assert differing_dots(full_paper, cropped_paper) == 0
    # The comparison sees the pictures: the page carries the drawn lines' ink, not only text boxes.
    pictures = sum(1 for t in tokenize(full) if t.kind == "image")
    assert pictures >= 4 + (not native_qr)


def test_the_painter_sees_a_picture_that_lands_one_byte_off() -> None:
    job = render_badge(CJK, paper_width_mm=80, text_mode="raster", native_qr=True)
    misplaced = job.replace(b"\x1ba\x01\x1dv0", b"\x1ba\x00\x1dv0", 1)  # the banner flush left, not centred
    assert misplaced != job
    assert differing_dots(painted(job, 80), painted(misplaced, 80)) > 1000


@pytest.mark.parametrize("paper", [58, 80])
def test_a_drawn_qr_code_goes_at_half_height_and_still_decodes(paper: int) -> None:
    import zxingcpp

    job = render_badge(LATIN, paper_width_mm=paper, text_mode="raster", labels=ENGLISH_LABELS, native_qr=False)
    images = [t.raw for t in tokenize(job) if t.kind == "image" and t.raw[4] > 1]
    assert [raw[3] for raw in images] == [2]  # GS v 0 m = 2: each row printed two dots tall
    width_bytes, height = images[0][4], images[0][6]
    assert width_bytes * height <= 25 * 99  # 33 modules of 6 dots: 198 dots square, sent as 99 rows
    paper_image = painted(job, paper).convert("L")
    found = [r.text for r in zxingcpp.read_barcodes(paper_image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert found == [LATIN.sign_out_token]


def test_a_crop_keeps_every_dot_and_only_whole_bytes() -> None:
    line = TextLine("离开请扫码 Scan to sign out")
    full = render_text_line(line, 576, find_cjk_font())
    block = crop_to_ink(full)
    assert block is not None and block.picture.width % 8 == 0
    assert block.rows_above + block.picture.height + block.rows_below == full.height
    assert block.picture.width * block.picture.height < full.width * full.height / 2
    left = (576 - block.picture.width) // 2 if block.centred else 0
    rebuilt = Image.new("1", full.size, 1)
    rebuilt.paste(block.picture, (left, block.rows_above))
    assert differing_dots(rebuilt, full) == 0


def test_a_blank_picture_sends_no_picture_only_its_height() -> None:
    assert crop_to_ink(Image.new("1", (576, 40), 1)) is None


@pytest.mark.parametrize("paper", [58, 80])
def test_the_white_on_black_banner_is_a_box_around_its_text(paper: int) -> None:
    dots = PRINTABLE_DOTS_BY_PAPER_MM[paper]
    line = TextLine("上海总部 | 访客 VISITOR", TextSize.TALL, Align.CENTER, inverted=True)
    banner = render_text_line(line, dots, find_cjk_font())
    black_columns = [x for x in range(dots) if banner.getpixel((x, 0)) == 0]
    assert black_columns, "the banner has its black box"
    width = black_columns[-1] - black_columns[0] + 1
    assert width < dots - 2 * INVERTED_MARGIN  # not a bar across the paper
    assert abs((black_columns[0] + black_columns[-1]) / 2 - dots / 2) <= 2  # centred
    # The text inside it stays white: the box is not solid.
    assert any(banner.getpixel((x, banner.height // 2)) for x in range(black_columns[0] + 10, black_columns[-1] - 10))
