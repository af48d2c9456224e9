"""The same ``BadgeLayout`` the ESC/POS renderer prints, drawn with QPainter.

One layout, several outputs: a PNG preview (the kiosk's done screen, the demo, the
docs), a PDF, and any printer the OS knows through QPrinter. Sizes follow a 203 dpi
thermal printer so the preview looks like the badge that comes out.
"""

from __future__ import annotations

import io
from pathlib import Path

import qrcode
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from qrcode.image.pil import PilImage

from kiosk.domain.badge_layout import Align, BadgeLayout, Photo, QrCode, TextLine, TextSize

DOTS_BY_PAPER_MM = {58: 384, 80: 576}
MARGIN = 8
_PIXEL_SIZE = {TextSize.NORMAL: 22, TextSize.TALL: 30, TextSize.LARGE: 48}
_CJK_FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",)
_family: str | None = None


def _font_family() -> str:
    """A family that has Han characters; loaded once, after QApplication exists."""
    global _family
    if _family is None:
        _family = QFont().defaultFamily()
        for path in _CJK_FONT_FILES:
            if Path(path).exists():
                font_id = QFontDatabase.addApplicationFont(path)
                families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                if families:
                    _family = families[0]
                    break
    return _family


def _font(line: TextLine) -> QFont:
    font = QFont(_font_family())
    font.setPixelSize(_PIXEL_SIZE[line.size])
    font.setBold(line.bold)
    return font


def _qr_image(data: str, module: int) -> QImage:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module, border=2,
                         image_factory=PilImage)
    code.add_data(data)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return QImage.fromData(buffer.getvalue())  # PNG, told by its header


def _element_height(element: object, width: int) -> int:
    if isinstance(element, TextLine):
        return QFontMetrics(_font(element)).height() + (8 if element.inverted else 4)
    if isinstance(element, QrCode):
        return _qr_image(element.data, element.module_dots).height() + 8
    if isinstance(element, Photo):
        image = QImage.fromData(element.jpeg)
        return 0 if image.isNull() else min(image.height() * (width // 2) // max(image.width(), 1), 320) + 8
    return 0


def badge_image(layout: BadgeLayout) -> QImage:
    """The badge as a white image one printer-dot per pixel wide."""
    width = DOTS_BY_PAPER_MM[layout.paper_width_mm]
    inner = width - 2 * MARGIN
    height = 2 * MARGIN + sum(_element_height(e, inner) for e in layout.elements)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    y = MARGIN
    for element in layout.elements:
        step = _element_height(element, inner)
        area = QRect(MARGIN, y, inner, step)
        if isinstance(element, TextLine):
            _draw_text(painter, element, area)
        elif isinstance(element, QrCode):
            qr = _qr_image(element.data, element.module_dots)
            painter.drawImage(MARGIN + (inner - qr.width()) // 2, y + 4, qr)
        elif isinstance(element, Photo):
            photo = QImage.fromData(element.jpeg)
            if not photo.isNull():
                scaled = photo.scaled(inner // 2, step - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(MARGIN + (inner - scaled.width()) // 2, y + 4, scaled)
        y += step
    painter.end()
    return image


def _draw_text(painter: QPainter, line: TextLine, area: QRect) -> None:
    painter.setFont(_font(line))
    if line.inverted:
        painter.fillRect(area.adjusted(0, 2, 0, -2), QColor("black"))
        painter.setPen(QColor("white"))
    else:
        painter.setPen(QColor("black"))
    if set(line.text) == {"-"}:  # the rule between visitor and host
        painter.drawLine(area.left(), area.center().y(), area.right(), area.center().y())
        return
    align = Qt.AlignmentFlag.AlignHCenter if line.align is Align.CENTER else Qt.AlignmentFlag.AlignLeft
    if line.align is Align.LEFT:
        area = area.adjusted(6, 0, 0, 0)
    painter.drawText(area, int(align | Qt.AlignmentFlag.AlignVCenter), line.text)


def badge_png(layout: BadgeLayout) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    badge_image(layout).save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


def write_badge_pdf(layout: BadgeLayout, path: Path) -> None:
    """A PDF page the badge's size (paper width × its length at 203 dpi)."""
    image = badge_image(layout)
    mm_per_dot = 25.4 / 203
    writer = QPdfWriter(str(path))
    writer.setResolution(203)
    size = QPageSize(QSizeF(image.width() * mm_per_dot, image.height() * mm_per_dot), QPageSize.Unit.Millimeter)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, image.width(), image.height()), image)
    painter.end()


def print_badge_to_os_printer(layout: BadgeLayout, printer_name: str = "") -> str:
    """Print through the OS (CUPS on Linux). Returns "" on success or a reason for the front desk.

    Call from a worker thread: a spooler can take seconds. QtPrintSupport is imported here so
    the kiosk does not pay for it at start-up.
    """
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return f"The badge printer {printer_name or '(system default)'} was not found."
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    image = badge_image(layout)
    painter = QPainter()
    if not painter.begin(printer):
        return "The badge printer did not accept the job."
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    scale = min(page.width() / image.width(), page.height() / image.height())
    painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
    painter.end()
    return ""
