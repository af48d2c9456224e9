"""Line icons from ``kiosk/assets/icons``, drawn in any colour at any size (the SVGs use ``currentColor``)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.ui.common.assets import asset


@lru_cache(maxsize=64)
def _svg(name: str) -> str:
    return asset("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon_pixmap(name: str, size: int, color: str = "#1f2a33", device_pixel_ratio: float = 1.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color).encode("utf-8")))
    side = round(size * device_pixel_ratio)
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def icon(name: str, size: int = 48, color: str = "#1f2a33") -> QIcon:
    return QIcon(icon_pixmap(name, size, color))
