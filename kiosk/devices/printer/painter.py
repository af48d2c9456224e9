"""The same ``BadgeLayout`` the ESC/POS renderer prints, drawn with QPainter; and the lobby poster.

One layout, several outputs: a PNG preview (the kiosk's done screen, the demo, the
docs), a PDF, and any printer the OS knows through QPrinter. Sizes follow a 203 dpi
thermal printer so the preview looks like the badge that comes out.

The lobby poster (``write_poster_pdf``) is an A4 page for the door: the site's name, a big QR code of
the pre-registration page (``<[notify] public_url>/visit``), the address written out and three
bilingual steps. ``kioskctl poster`` and the desk's "Lobby poster…" both save it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
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
    QPainterPath,
    QPdfWriter,
    QPen,
)
from qrcode.image.pil import PilImage

from kiosk.domain.badge_layout import Align, BadgeLayout, Photo, QrCode, TextLine, TextSize

DOTS_BY_PAPER_MM = {58: 384, 80: 576}
MARGIN = 8
_PIXEL_SIZE = {TextSize.NORMAL: 22, TextSize.TALL: 30, TextSize.LARGE: 48}
_INVERTED_MARGIN = 8
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
        # A box around the text, as the thermal printer prints a white-on-black line (raster_text).
        box_width = min(area.width(), QFontMetrics(_font(line)).horizontalAdvance(line.text) + 2 * _INVERTED_MARGIN)
        left = area.left() + ((area.width() - box_width) // 2 if line.align is Align.CENTER else 0)
        painter.fillRect(QRect(left, area.top() + 2, box_width, area.height() - 4), QColor("black"))
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


# -- the lobby poster: an A4 page for the door, pointing at the pre-registration page --------------------------

POSTER_HEADLINE = ("扫码预约来访", "Scan to register your visit")
POSTER_STEPS = (
    ("扫码，填写来访信息", "Scan the code and fill in your visit"),
    ("被访人确认后，您会收到邮件", "Your host confirms; you get an e-mail"),
    ("到访时，在自助机扫描邮件中的二维码", "On arrival, show the e-mail's QR code at the kiosk"),
)
A4_MM = (210.0, 297.0)
POSTER_DPI = 300
_INK, _ACCENT, _MUTED = QColor("#17212b"), QColor("#1f5fa8"), QColor("#5b6876")


def visit_page_url(public_url: str) -> str:
    """The pre-registration page's address under ``[notify] public_url``; "" when that is not set."""
    base = public_url.strip().rstrip("/")
    return f"{base}/visit" if base else ""


def _poster_font(pixel_size: float, *, bold: bool = False) -> QFont:
    font = QFont(_font_family())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


def _fitted_font(text: str, pixel_size: float, width: float, *, bold: bool = False) -> QFont:
    """The font at ``pixel_size``, made smaller until ``text`` fits on one line of ``width``."""
    font = _poster_font(pixel_size, bold=bold)
    measured = QFontMetrics(font).horizontalAdvance(text)
    if measured > width > 0:
        font = _poster_font(pixel_size * width / measured, bold=bold)
    return font


def _qr_path(data: str, left: float, top: float, side: float) -> QPainterPath:
    """The QR code's dark modules as one path (one fill: no hairline seams between squares in a PDF viewer)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    module = side / len(matrix)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            run = column
            while run < len(cells) and cells[run]:
                run += 1
            path.addRect(QRectF(left + column * module, top + row * module, (run - column) * module, module))
            column = run
    return path


def paint_poster(painter: QPainter, width: float, height: float, *, site_name: str, url: str) -> None:
    """The poster on any paint device ``width`` × ``height`` device pixels (A4's proportions)."""
    mm = width / A4_MM[0]
    margin = 16 * mm
    inner = width - 2 * margin
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
    centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)

    def text(line: str, top: float, font: QFont, colour: QColor, line_height: float) -> float:
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(margin, top, inner, line_height), centre, line)
        return top + line_height

    # The band at the top: the site's name on the accent colour.
    band = 34 * mm
    painter.fillRect(QRectF(0, 0, width, band), _ACCENT)
    text(site_name, 0, _fitted_font(site_name, 13 * mm, inner, bold=True), QColor("white"), band)

    y = band + 10 * mm
    y = text(POSTER_HEADLINE[0], y, _fitted_font(POSTER_HEADLINE[0], 16 * mm, inner, bold=True), _INK, 20 * mm)
    y = text(POSTER_HEADLINE[1], y, _fitted_font(POSTER_HEADLINE[1], 8.5 * mm, inner), _MUTED, 12 * mm)

    # The code in a rounded frame; the quiet zone is the frame's white inside.
    side, quiet = 100 * mm, 7 * mm
    frame = QRectF((width - side) / 2 - quiet, y + 6 * mm, side + 2 * quiet, side + 2 * quiet)
    pen = QPen(_ACCENT)
    pen.setWidthF(1.2 * mm)
    painter.setPen(pen)
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(frame, 6 * mm, 6 * mm)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    painter.drawPath(_qr_path(url, frame.left() + quiet, frame.top() + quiet, side))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    y = frame.bottom() + 4 * mm
    y = text(url, y, _fitted_font(url, 6 * mm, inner, bold=True), _INK, 10 * mm)

    # Three steps, numbered, each in both languages.
    y += 5 * mm
    painter.setPen(QPen(QColor("#d5dbe1"), 0.4 * mm))
    painter.drawLine(QRectF(margin, y, inner, 0).topLeft(), QRectF(margin, y, inner, 0).topRight())
    y += 6 * mm
    number_side, step_height = 10 * mm, 13 * mm
    text_left = margin + number_side + 6 * mm
    text_width = width - margin - text_left
    for number, (chinese, english) in enumerate(POSTER_STEPS, start=1):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_ACCENT)
        disc = QRectF(margin, y + (step_height - number_side) / 2, number_side, number_side)
        painter.drawEllipse(disc)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(_poster_font(6 * mm, bold=True))
        painter.setPen(QColor("white"))
        painter.drawText(disc, centre, str(number))
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(_fitted_font(chinese, 5.6 * mm, text_width, bold=True))
        painter.setPen(_INK)
        painter.drawText(QRectF(text_left, y, text_width, step_height / 2 + 0.5 * mm), left, chinese)
        painter.setFont(_fitted_font(english, 4.4 * mm, text_width))
        painter.setPen(_MUTED)
        painter.drawText(QRectF(text_left, y + step_height / 2, text_width, step_height / 2), left, english)
        y += step_height + 2.5 * mm

    footer = "来访登记 · Visitor registration"
    text(footer, height - 12 * mm, _poster_font(3.6 * mm), _MUTED, 6 * mm)


def poster_image(*, site_name: str, url: str, width: int = 1240) -> QImage:
    """The poster as an image (A4's proportions; 1240 px wide is 150 dpi): previews and tests."""
    height = round(width * A4_MM[1] / A4_MM[0])
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_poster(painter, width, height, site_name=site_name, url=url)
    painter.end()
    return image


def write_poster_pdf(path: Path, *, site_name: str, url: str) -> None:
    """One A4 page, portrait, 300 dpi, the QR code as vector squares. OSError when it cannot be written."""
    if not path.parent.is_dir():
        raise OSError(f"folder {path.parent} does not exist")
    writer = QPdfWriter(str(path))
    writer.setResolution(POSTER_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{site_name} — {POSTER_HEADLINE[1]}")
    writer.setCreator("lobby-kiosk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path} could not be written")
    paint_poster(painter, writer.width(), writer.height(), site_name=site_name, url=url)
    painter.end()
    del writer  # closes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path} could not be written")


# -- a printed table (the stocktake's count sheet) ---------------------------------------------------------------

SHEET_DPI = 150


def write_table_pdf(path: Path, *, title: str, subtitle: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                    widths: Sequence[float]) -> None:
    """A4 portrait pages of ``rows`` under ``headers`` (repeated on every page), ``widths`` the columns'
    shares of the line; a page number at the foot. Plain strings in: the caller decides what a cell says
    (a count sheet leaves "counted" and "reason" blank to write on). OSError when it cannot be written."""
    if not path.parent.is_dir():
        raise OSError(f"folder {path.parent} does not exist")
    writer = QPdfWriter(str(path))
    writer.setResolution(SHEET_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("lobby-kiosk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path} could not be written")
    width, height = writer.width(), writer.height()
    mm = SHEET_DPI / 25.4
    row_height = round(8 * mm)
    total = sum(widths) or 1.0
    lefts = [0]
    for share in widths:
        lefts.append(lefts[-1] + round(width * share / total))
    body = _poster_font(3.2 * mm)
    bold = _poster_font(3.2 * mm, bold=True)

    def cells(values: Sequence[str], top: int, font: QFont) -> None:
        painter.setFont(font)
        for index, value in enumerate(values):
            area = QRect(lefts[index] + round(mm), top, lefts[index + 1] - lefts[index] - round(2 * mm), row_height)
            painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             QFontMetrics(font).elidedText(value, Qt.TextElideMode.ElideRight, area.width()))
        painter.drawLine(0, top + row_height, width, top + row_height)

    page, index = 1, 0
    while True:
        painter.setPen(QPen(_INK))
        painter.setFont(_poster_font(5 * mm, bold=True))
        painter.drawText(QRect(0, 0, width, round(9 * mm)), Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(body)
        painter.drawText(QRect(0, round(9 * mm), width, round(6 * mm)), Qt.AlignmentFlag.AlignLeft, subtitle)
        top = round(17 * mm)
        cells(headers, top, bold)
        top += row_height
        while index < len(rows) and top + row_height <= height - round(10 * mm):
            cells(rows[index], top, body)
            top += row_height
            index += 1
        painter.setPen(QPen(_MUTED))
        painter.drawText(QRect(0, height - round(6 * mm), width, round(6 * mm)), Qt.AlignmentFlag.AlignRight, str(page))
        if index >= len(rows):
            break
        writer.newPage()
        page += 1
    painter.end()
    del writer  # closes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path} could not be written")
