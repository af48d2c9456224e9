"""Shelf labels on ESC/POS: golden bytes (Latin and CJK, 58 and 80 mm), read back as a person sees them.

A label is a ``BadgeLayout`` (``kiosk/domain/label_layout.py``) drawn by the badge's renderer, so the
stream must pass the same strict reader (``escpos_stream_parser``): every byte a command the renderer
sends on purpose, text read back line by line, the QR's data decoded. The golden jobs below are
regenerated only on purpose:
    .venv/bin/python tests/devices/printer/test_label_golden.py
prints new literals; read the diff of the bytes before pasting them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import zxingcpp
from escpos_stream_parser import Token, check_structure, text_lines, tokenize
from PIL import Image

from kiosk.devices.printer.escpos_render import render_layout
from kiosk.domain.badge_layout import COLUMNS_BY_PAPER_MM, QrCode, TextLine, TextSize, text_cells
from kiosk.domain.label_layout import (
    BILINGUAL_LABEL_LABELS,
    ENGLISH_LABEL_LABELS,
    SAMPLE_PICKUP_CODE,
    LabelData,
    layout_label,
    sample_label,
    shown_code,
)
from kiosk.domain.printable import is_printable_text

LATIN = sample_label(recipient="Anna Schmidt", department="Engineering", shelf="B-12", carrier="SF")
CJK = sample_label(recipient="王芳", department="研发部", shelf="C-3", carrier="JD", pieces=2, cod_cents=1250)
CASES = {
    "latin-58": (LATIN, 58, ENGLISH_LABEL_LABELS),
    "latin-80": (LATIN, 80, ENGLISH_LABEL_LABELS),
    "cjk-58": (CJK, 58, BILINGUAL_LABEL_LABELS),
    "cjk-80": (CJK, 80, BILINGUAL_LABEL_LABELS),
}
GOLDEN_HEX = {
    "cjk-58": (
        "1b401d21111b45011d42011b6101432d330a1d42001c26cdf5b7bc1c2e0a1d21001b45001c26d1d0b7a2b2bf1c2e0a1b"
        "61002d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d0a1d21011b45011b61011c26c8a1"
        "bcfec2eb20436f64653a20374b51322d4d3958441c2e0a1d21001b45001b61001c26cad5bcfe2052656365697665643a"
        "20323032362d30362d31351c2e0a1c264a4420783220bcfe1c2e0a1b45011c26b5bdb8b620434f442031322e353020c7"
        "b0cca8d2d1b5e6b8b61c2e0a1b45001b61011d286b0400314132001d286b03003143061d286b03003145311d286b0b00"
        "315030374b51324d3958441d286b03003151301b64061d5600"
    ),
    "cjk-80": (
        "1b401d21111b45011d42011b6101432d330a1d42001c26cdf5b7bc1c2e0a1d21001b45001c26d1d0b7a2b2bf1c2e0a1b"
        "61002d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d"
        "2d2d0a1d21011b45011b61011c26c8a1bcfec2eb20436f64653a20374b51322d4d3958441c2e0a1d21001b45001b6100"
        "1c26cad5bcfe2052656365697665643a20323032362d30362d3135204a4420783220bcfe1c2e0a1b45011c26b5bdb8b6"
        "20434f442031322e353020c7b0cca8d2d1b5e6b8b61c2e0a1b45001b61011d286b0400314132001d286b03003143061d"
        "286b03003145311d286b0b00315030374b51324d3958441d286b03003151301b64061d5600"
    ),
    "latin-58": (
        "1b401d21111b45011d42011b6101422d31320a1d4200416e6e61205363686d6964740a1d21001b4500456e67696e6565"
        "72696e670a1b61002d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d0a1d21011b45011b"
        "6101436f64653a20374b51322d4d3958440a1d21001b45001b610052656365697665643a20323032362d30362d313520"
        "53460a1b61011d286b0400314132001d286b03003143061d286b03003145311d286b0b00315030374b51324d3958441d"
        "286b03003151301b64061d5600"
    ),
    "latin-80": (
        "1b401d21111b45011d42011b6101422d31320a1d4200416e6e61205363686d6964740a1d21001b4500456e67696e6565"
        "72696e670a1b61002d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d"
        "2d2d2d2d2d2d2d2d0a1d21011b45011b6101436f64653a20374b51322d4d3958440a1d21001b45001b61005265636569"
        "7665643a20323032362d30362d31352053460a1b61011d286b0400314132001d286b03003143061d286b03003145311d"
        "286b0b00315030374b51324d3958441d286b03003151301b64061d5600"
    ),
}


# The CJK label on 80 mm in raster mode on a printer without native QR (TH230), command by command:
# every picture cropped to its ink ("image m<scale> <bytes wide>x<rows>"), white rows fed as 1-byte-wide
# blank pictures, ESC a placing each box, the drawn QR at half height (m2: 6-dot modules, 3 rows sent).
RASTER_SUMMARY_CJK_80 = [
    "init", "style 1d2111", "style 1b4501", "style 1d4201", "style 1b6101", "text C-3", "lf",
    "image m0 1x3", "style 1d2100", "style 1b4500", "style 1d4200", "image m0 11x41", "image m0 1x6",
    "image m0 7x16", "image m0 1x2", "style 1b6100", "text " + "-" * 48, "lf", "image m0 1x2", "style 1b6101",
    "image m0 36x26", "image m0 1x1", "style 1b6100", "image m0 35x18", "image m0 1x1", "image m0 28x19",
    "image m0 1x13", "style 1b6101", "image m2 16x63", "image m0 1x12", "feed", "cut",
]  # fmt: skip


def raster_summary(job: bytes) -> list[str]:
    summary = []
    for token in tokenize(job):
        raw = token.raw
        if token.kind == "image":
            summary.append(f"image m{raw[3]} {raw[4] | raw[5] << 8}x{raw[6] | raw[7] << 8}")
        elif token.kind == "text":
            summary.append(f"text {token.text}")
        elif token.kind == "style":
            summary.append(f"style {raw.hex()}")
        else:
            summary.append(token.kind)
    return summary


def raster_job_cjk_80() -> bytes:
    return render_layout(layout_label(CJK, 80, BILINGUAL_LABEL_LABELS), text_mode="raster", profile="TH230")


def golden_render(case: str) -> bytes:
    label, paper, labels = CASES[case]
    return render_layout(layout_label(label, paper, labels), text_mode="gb18030", native_qr=True)


def qr_texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens if t.kind == "qr" and t.text]


def raster_pictures(tokens: list[Token]) -> list[Image.Image]:
    """The GS v 0 pictures of a job as images (1 bits are black dots)."""
    pictures = []
    for token in tokens:
        if token.kind != "image":
            continue
        width_bytes, height = token.raw[4] | token.raw[5] << 8, token.raw[6] | token.raw[7] << 8
        body = bytes(~b & 0xFF for b in token.raw[8:])  # mode "1" PIL: 1 is white
        pictures.append(Image.frombytes("1", (width_bytes * 8, height), body))
    return pictures


def decoded_qr(picture: Image.Image) -> list[str]:
    padded = Image.new("L", (picture.width + 80, picture.height + 80), 255)
    padded.paste(picture.convert("L"), (40, 40))
    return [r.text for r in zxingcpp.read_barcodes(padded) if r.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_bytes(case: str) -> None:
    if case not in GOLDEN_HEX:
        pytest.fail(f"no golden bytes for {case}: run this file as a script")
    assert golden_render(case) == bytes.fromhex(GOLDEN_HEX[case])


def test_golden_summary_of_a_cropped_raster_job() -> None:
    job = raster_job_cjk_80()
    assert raster_summary(job) == RASTER_SUMMARY_CJK_80
    assert len(job) <= 4_000


@pytest.mark.parametrize("case", sorted(CASES))
def test_what_a_person_sees(case: str) -> None:
    label, paper, labels = CASES[case]
    tokens = tokenize(golden_render(case))
    check_structure(tokens)
    lines = text_lines(tokens)
    assert lines[0] == label.shelf  # first, big, white on black
    assert label.recipient in lines
    assert label.department in lines
    assert f"{labels.code}: {shown_code(SAMPLE_PICKUP_CODE)}" in lines
    assert any(f"{labels.received}: 2026-06-15" in line for line in lines)
    assert any(line.startswith(label.carrier) or line.endswith(f" {label.carrier}") or f" {label.carrier} " in line
               for line in lines)
    assert qr_texts(tokens) == [SAMPLE_PICKUP_CODE]
    columns = COLUMNS_BY_PAPER_MM[paper]
    for element in layout_label(label, paper, labels).elements:
        if isinstance(element, TextLine):
            wide = element.size is TextSize.LARGE
            assert text_cells(element.text) <= (columns // 2 if wide else columns), element


def test_the_shelf_is_big_and_inverted_and_the_code_tall() -> None:
    job = golden_render("latin-80")
    assert b"\x1d!\x11\x1bE\x01\x1dB\x01\x1ba\x01B-12\n" in job  # GS ! 0x11 (2x2), bold, GS B 1, centred
    assert b"\x1d!\x01\x1bE\x01\x1ba\x01Code: 7KQ2-M9XD\n" in job  # double height, bold, centred


def test_cash_on_delivery_and_pieces_are_shown_only_when_there_are_some() -> None:
    cjk = text_lines(tokenize(golden_render("cjk-80")))
    assert "到付 COD 12.50 前台已垫付" in cjk
    assert any("x2 件" in line for line in cjk)
    latin = text_lines(tokenize(golden_render("latin-80")))
    assert not any("COD" in line or " pcs" in line for line in latin)


def test_a_parcel_for_reception_says_so() -> None:
    layout = layout_label(replace(LATIN, recipient="", department=""), 80, BILINGUAL_LABEL_LABELS)
    texts = [e.text for e in layout.text_lines()]
    assert "前台 Reception" in texts


@pytest.mark.parametrize("paper", [58, 80])
def test_long_names_wrap_to_two_big_lines_and_stay_on_the_paper(paper: int) -> None:
    label = replace(LATIN, recipient="Maximilian Alexander Theodor von Hohenberg-Schwarzenfeld",
                    department="International Regulatory Affairs and Compliance " * 3, shelf="OVERFLOW-SHELF-" * 3)
    layout = layout_label(label, paper, ENGLISH_LABEL_LABELS)
    columns = COLUMNS_BY_PAPER_MM[paper]
    large = [e for e in layout.text_lines() if e.size is TextSize.LARGE]
    assert len(large) == 3  # the shelf and two lines of name
    assert all(text_cells(line.text) <= columns // 2 for line in large)
    assert all(text_cells(line.text) <= columns for line in layout.text_lines())
    check_structure(tokenize(render_layout(layout, text_mode="gb18030", native_qr=True)))


@pytest.mark.parametrize("paper", [58, 80])
def test_raster_mode_draws_the_cjk_lines_and_the_qr_decodes_to_the_code(paper: int) -> None:
    # TH230 has no native QR: the code is drawn as a picture, and a camera reads it back.
    job = render_layout(layout_label(CJK, paper, BILINGUAL_LABEL_LABELS), text_mode="raster", profile="TH230")
    tokens = tokenize(job)
    check_structure(tokens)
    assert not any(t.kind == "cn_text" for t in tokens)
    assert all(line.isascii() for line in text_lines(tokens))
    assert "C-3" in text_lines(tokens)
    found = [text for picture in raster_pictures(tokens) for text in decoded_qr(picture)]
    assert found == [SAMPLE_PICKUP_CODE]


@pytest.mark.parametrize("paper", [58, 80])
def test_byte_budget_of_a_cjk_label(paper: int) -> None:
    layout = layout_label(CJK, paper, BILINGUAL_LABEL_LABELS)
    assert len(render_layout(layout, text_mode="raster", native_qr=True)) <= 4_000  # the CJK badge's budget
    assert len(render_layout(layout, text_mode="gb18030", native_qr=True)) <= 400


HOSTILE = [
    "\x1b@", "\x1dV\x00", "\x1bp\x00\x19\xfa", "\x10\x14\x01\x00\x01", "\x10\x04\x01", "\x1c&", "\x1c.",
    "\x1d(k\x03\x001Q0", "\x1dv0\x00\x01\x00\x01\x00\xff", "\u202e", "\x00", "\x7f", "\x9b",
]


@pytest.mark.parametrize("text_mode", ["gb18030", "raster"])
@pytest.mark.parametrize("command", HOSTILE)
def test_control_bytes_in_a_hostile_name_never_reach_the_printer(command: str, text_mode: str) -> None:
    label = LabelData(
        recipient=f"Eve{command}张{command}Mallory", department=f"Ops{command}", shelf=f"A{command}1",
        received_on=LATIN.received_on, pickup_code=f"7KQ2{command}M9XD", carrier=f"SF{command}",
    )
    layout = layout_label(label, 80, BILINGUAL_LABEL_LABELS)
    for element in layout.elements:
        if isinstance(element, TextLine):
            assert is_printable_text(element.text)
        elif isinstance(element, QrCode):
            assert is_printable_text(element.data)
    job = render_layout(layout, text_mode=text_mode, native_qr=True)
    tokens = tokenize(job)  # raises on any byte that is no command the renderer sends
    check_structure(tokens)
    assert [t.kind for t in tokens].count("init") == 1 and [t.kind for t in tokens].count("cut") == 1
    assert qr_texts(tokens) == [e.data for e in layout.elements if isinstance(e, QrCode)]
    lines = text_lines(tokens)
    assert all(is_printable_text(line) for line in lines)
    expected = [e.text for e in layout.text_lines() if e.text.isascii() or text_mode == "gb18030"]
    assert lines == expected  # exactly the layout's lines, nothing more


if __name__ == "__main__":
    print("GOLDEN_HEX = {")
    for name in sorted(CASES):
        hex_text = golden_render(name).hex()
        print(f'    "{name}": (')
        for start in range(0, len(hex_text), 96):
            print(f'        "{hex_text[start : start + 96]}"')
        print("    ),")
    print("}")
    print(f"RASTER_SUMMARY_CJK_80 = {raster_summary(raster_job_cjk_80())!r}")


@pytest.mark.parametrize("paper", [58, 80])
def test_the_qpainter_renderer_draws_the_same_label_and_its_qr_reads(qapp, paper: int) -> None:
    import numpy as np
    from PySide6.QtGui import QImage

    from kiosk.devices.printer.painter import badge_image

    image = badge_image(layout_label(CJK, paper, BILINGUAL_LABEL_LABELS)).convertToFormat(
        QImage.Format.Format_Grayscale8)
    assert image.width() == {58: 384, 80: 576}[paper]
    gray = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    assert [r.text for r in zxingcpp.read_barcodes(gray[:, : image.width()].copy())] == [SAMPLE_PICKUP_CODE]
