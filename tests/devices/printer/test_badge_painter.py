"""The QPainter badge: the same layout as the thermal badge, as PNG and PDF, and a calm OS-printer failure."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage

from kiosk.devices.printer.painter import badge_image, badge_png, print_badge_to_os_printer, write_badge_pdf
from kiosk.domain.badge_layout import BILINGUAL_LABELS, BadgeData, layout_badge
from kiosk.models.enums import VisitorType

TOKEN = "v1.o.AbCdEfGhIjKlMnOpQrStUvWxYz012345"


def _layout(paper=80, name="张伟明 Müller"):
    badge = BadgeData(name, "上海示例科技有限公司", "李娜", "研发部", date(2026, 6, 15),
                      datetime(2026, 6, 15, 22, 0, tzinfo=ZoneInfo("Asia/Shanghai")), VisitorType.CONTRACTOR,
                      "上海总部", TOKEN)
    return layout_badge(badge, paper, BILINGUAL_LABELS)


def _gray(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    array = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return array[:, : image.width()].copy()


@pytest.mark.parametrize("paper", [58, 80])
def test_preview_is_printer_width_and_its_qr_signs_out(qapp, paper):
    image = badge_image(_layout(paper))
    assert image.width() == {58: 384, 80: 576}[paper]
    decoded = zxingcpp.read_barcodes(_gray(image))
    assert [d.text for d in decoded] == [TOKEN]


def test_preview_shows_the_name_in_ink(qapp):
    """The top of the name line is not blank paper: the CJK font was found and used."""
    with_name = _gray(badge_image(_layout(name="张伟明")))
    without = _gray(badge_image(_layout(name="")))
    assert with_name.shape[0] > without.shape[0]
    assert (with_name[40:100] < 128).sum() > 500


def test_png_and_pdf(qapp, tmp_path):
    assert badge_png(_layout()).startswith(b"\x89PNG\r\n\x1a\n")
    pdf = tmp_path / "badge.pdf"
    write_badge_pdf(_layout(), pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/MediaBox" in data


def test_missing_os_printer_is_a_reason_not_a_crash(qapp):
    assert "was not found" in print_badge_to_os_printer(_layout(), "no-such-printer")


def test_os_output_reports_a_missing_printer_as_printer_unavailable(qapp):
    from kiosk.config import PrinterSettings
    from kiosk.devices.printer.os_output import os_badge_output
    from kiosk.devices.printer.protocol import PrinterUnavailable

    output = os_badge_output(PrinterSettings(kind="os", os_printer="no-such-printer"), BILINGUAL_LABELS)
    badge = BadgeData("Ann", "", "李娜", "", date(2026, 6, 15), datetime(2026, 6, 15, 22, 0, tzinfo=ZoneInfo("UTC")),
                      VisitorType.VISITOR, "HQ", TOKEN)
    with pytest.raises(PrinterUnavailable, match="was not found"):
        output(badge)
