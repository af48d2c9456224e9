"""The status board on screen: the rows scroll under a fixed ruler of hours (the time now in a red pill on
today), the ruler exactly as wide as the rows."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from kiosk.application.gateways.desk_rooms import DayBoard
from kiosk.ui.desk.rooms.board_canvas import LINE, NOW, ROOM_COLUMN, RULER, BoardCanvas, Scale, font, is_today
from kiosk.ui.desk.rooms.texts import hm


class BoardRuler(QWidget):
    """The hours across the top, and the time now in a red pill on today."""

    def __init__(self, canvas: BoardCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.room_title = ""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(QColor(LINE), 1))
        painter.drawLine(QPointF(0, self.height() - 0.5), QPointF(self.width(), self.height() - 0.5))
        board = self.canvas.board
        base = self.font()
        painter.setFont(font(base, 12, bold=True))
        painter.setPen(QColor("#52606d"))
        painter.drawText(QRectF(16, 0, ROOM_COLUMN - 20, self.height()), Qt.AlignmentFlag.AlignVCenter,
                         self.room_title)
        if board is None:
            painter.end()
            return
        scale = Scale(board, self.canvas.width())
        label_font = font(base, 12)
        painter.setFont(label_font)
        metrics = QFontMetrics(label_font)
        for hour in scale.hours(self.canvas.zone, board):
            x = scale.x(hour)
            text = hm(hour, self.canvas.zone)
            width = metrics.horizontalAdvance(text)
            left = min(max(x - width / 2, scale.left + 2), scale.right - width)
            painter.setPen(QColor("#52606d"))
            painter.drawText(QRectF(left, 0, width + 2, self.height() - 8), Qt.AlignmentFlag.AlignBottom, text)
            painter.setPen(QPen(QColor(LINE), 1))
            painter.drawLine(QPointF(x, self.height() - 6), QPointF(x, self.height()))
        if is_today(board, self.canvas.zone) and board.opens_at <= board.now <= board.closes_at:
            text = hm(board.now, self.canvas.zone)
            pill_font = font(base, 12, bold=True)
            width = QFontMetrics(pill_font).horizontalAdvance(text) + 14
            x = scale.x(board.now)
            pill = QRectF(min(max(x - width / 2, scale.left), scale.right - width), 5, width, 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(NOW))
            painter.drawRoundedRect(pill, 11, 11)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(pill_font)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class BoardView(QScrollArea):
    """The rows scroll; the hour ruler stays above them, as wide as the rows."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomsBoard")
        self.canvas = BoardCanvas(zone)
        self.setWidget(self.canvas)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ruler = BoardRuler(self.canvas, self)
        self.setViewportMargins(0, RULER, 0, 0)
        self.setStyleSheet("QScrollArea#RoomsBoard { background: #ffffff; border: 1px solid #e4e7eb;"
                           " border-radius: 10px; }")

    def set_board(self, board: DayBoard | None) -> None:
        self.canvas.set_board(board)
        self.ruler.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        self.ruler.setGeometry(viewport.left(), viewport.top() - RULER, viewport.width(), RULER)
