"""The company's own look on the welcome screen: its logo, its colour, a picture behind the page.

The files come from ``[site] logo`` and ``[site] background`` and are read once, at start-up, as
untrusted input: a missing, unreadable, huge or not-an-image file leaves the kiosk as it was (the
site name in text, the plain page) and says why in the log, never stops it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 8 * 1024 * 1024  # a logo or a lobby photo, not a poster print
MAX_PIXELS = 4096 * 4096  # decoded size: a small file can still decode to a huge picture
LOGO_HEIGHT = 96  # px it is drawn at, at most; twice that is kept for large text and high-density screens


@dataclass(frozen=True)
class Brand:
    """What the welcome screen shows of the company. ``logo``/``background``: None when not set or not usable."""

    name: str
    logo: QImage | None = None
    background: QImage | None = None


def load_brand(name: str, logo_path: str = "", background_path: str = "") -> Brand:
    logo = _load(logo_path, "logo", QSize(0, LOGO_HEIGHT * 2)) if logo_path else None
    background = _load(background_path, "background", None) if background_path else None
    return Brand(name, logo, background)


def _load(path_text: str, what: str, target: QSize | None) -> QImage | None:
    path = Path(path_text).expanduser()
    try:
        size = path.stat().st_size
    except OSError as error:
        log.warning("[site] %s %s cannot be read (%s): not shown", what, path, error.strerror or error)
        return None
    if size > MAX_FILE_BYTES:
        log.warning("[site] %s %s is %d bytes, more than %d: not shown", what, path, size, MAX_FILE_BYTES)
        return None
    image = _render_svg(path, target) if path.suffix.lower() == ".svg" else _read_picture(path, target)
    if image is None or image.isNull():
        log.warning("[site] %s %s is not a picture the kiosk can show (PNG, JPEG or SVG): not shown", what, path)
        return None
    return image


def _read_picture(path: Path, target: QSize | None) -> QImage | None:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if not full.isValid() or full.width() * full.height() > MAX_PIXELS:
        return None
    if target is not None and full.height() > target.height():
        reader.setScaledSize(full.scaled(QSize(full.width(), target.height()), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def _render_svg(path: Path, target: QSize | None) -> QImage | None:
    renderer = QSvgRenderer(QByteArray(path.read_bytes()))
    if not renderer.isValid() or renderer.defaultSize().isEmpty():
        return None
    natural = renderer.defaultSize()
    height = target.height() if target is not None else natural.height()
    width = round(natural.width() * height / natural.height())
    if width <= 0 or width * height > MAX_PIXELS:
        return None
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image
