"""The status board's drawing: a row per room (name, floor, seats, equipment, its state now as a coloured
word), the opening hours across, each booking a block, its cleaning buffer a lighter hatched tail, and on
today a red "now" line with the part of the day gone by shaded.

Painted with QPainter (text drawn this way is never read as HTML; the words are ``board_words``). A click on a
block emits ``booking_chosen``, a click on free time ``slot_chosen`` (room, the half hour clicked);
``board_view`` keeps the hour ruler above the rows as they scroll.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from kiosk.application.gateways.desk_rooms import BoardRow, BoardSegment, BookingLevel, BookingStatus, DayBoard
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.desk.rooms.board_words import block_lines, room_texts, segment_tooltip
from kiosk.ui.desk.rooms.texts import STATE_COLOURS, equipment_list, hm

ROOM_COLUMN = 250
RULER = 36
ROW = 72
PAD_RIGHT = 16
INK, MUTED, LINE, SOFT_LINE = "#1f2a33", "#7b8794", "#dde2e7", "#eef1f4"
# (fill, edge, text) of a block by level; a company meeting stands out (it displaces department ones).
LEVEL_COLOURS = {
    BookingLevel.COMPANY: ("#3f3ab8", "#2c2890", "#ffffff"),
    BookingLevel.DEPARTMENT: ("#d6efe8", "#0f766e", "#123a34"),
}
DONE_COLOURS = ("#e9ecf0", "#9aa5b1", "#52606d")
UNPREPARED = "#d97706"
NOW = "#e02424"


@dataclass(frozen=True)
class Block:
    booking_id: int
    room_id: int
    rect: QRectF  # the meeting
    tail: QRectF  # the cleaning buffer after it (empty when none)
    segment: BoardSegment


def font(base: QFont, pixels: int, *, bold: bool = False) -> QFont:
    made = QFont(base)
    made.setPixelSize(pixels)
    made.setBold(bold)
    return made


class Scale:
    """Where an instant falls across the board's width."""

    def __init__(self, board: DayBoard | None, width: int) -> None:
        self.left = ROOM_COLUMN
        self.right = max(self.left + 100, width - PAD_RIGHT)
        self.opens = board.opens_at if board else None
        self.span = (board.closes_at - board.opens_at).total_seconds() if board else 1.0

    def x(self, at: datetime) -> float:
        if self.opens is None or self.span <= 0:
            return float(self.left)
        share = (at - self.opens).total_seconds() / self.span
        return self.left + max(0.0, min(1.0, share)) * (self.right - self.left)

    def at(self, x: float) -> datetime | None:
        if self.opens is None or not self.left <= x <= self.right:
            return None
        return self.opens + timedelta(seconds=(x - self.left) / (self.right - self.left) * self.span)

    def hours(self, zone: ZoneInfo, board: DayBoard) -> list[datetime]:
        """Every whole site-local hour from opening to closing."""
        first = board.opens_at.astimezone(zone).replace(minute=0, second=0, microsecond=0)
        if first < board.opens_at:
            first += timedelta(hours=1)
        ticks, at = [], first
        while at <= board.closes_at:
            ticks.append(at)
            at += timedelta(hours=1)
        return ticks


def is_today(board: DayBoard, zone: ZoneInfo) -> bool:
    return board.now.astimezone(zone).date() == board.day


class BoardCanvas(QWidget):
    booking_chosen = Signal(int)
    slot_chosen = Signal(int, object)  # room id, the aware instant of the half hour clicked

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.board: DayBoard | None = None
        self.blocks: list[Block] = []
        self.hovered: int | None = None
        self.empty_text = ""
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_board(self, board: DayBoard | None) -> None:
        self.board = board
        self.setMinimumHeight(max(ROW, ROW * len(board.rows) if board else ROW))
        self._lay_out()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(1000, ROW * max(1, len(self.board.rows) if self.board else 1))

    def scale(self) -> Scale:
        return Scale(self.board, self.width())

    def row_top(self, index: int) -> int:
        return index * ROW

    def _lay_out(self) -> None:
        self.blocks = []
        if self.board is None:
            return
        scale = self.scale()
        for index, row in enumerate(self.board.rows):
            top = self.row_top(index) + 9
            height = ROW - 18
            for segment in row.segments:
                if segment.ends_at <= self.board.opens_at or segment.starts_at >= self.board.closes_at:
                    continue
                left, right = scale.x(segment.starts_at), scale.x(segment.ends_at)
                tail_end = scale.x(segment.busy_until)
                self.blocks.append(Block(segment.booking_id, row.room.room_id,
                                         QRectF(left + 1, top, max(4.0, right - left - 2), height),
                                         QRectF(right, top + 6, max(0.0, tail_end - right - 1), height - 12),
                                         segment))

    def block_of(self, booking_id: int) -> Block | None:
        return next((b for b in self.blocks if b.booking_id == booking_id), None)

    def block_at(self, point: QPointF) -> Block | None:
        return next((b for b in reversed(self.blocks) if b.rect.contains(point)), None)

    def row_at(self, y: float) -> BoardRow | None:
        if self.board is None or y < 0:
            return None
        index = int(y // ROW)
        return self.board.rows[index] if index < len(self.board.rows) else None

    # -- events --------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._lay_out()
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position())
        hovered = block.booking_id if block else None
        if hovered != self.hovered:
            self.hovered = hovered
            self.setCursor(Qt.CursorShape.PointingHandCursor if block else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.hovered = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        block = self.block_at(event.position())
        if block is not None:
            self.booking_chosen.emit(block.booking_id)
            return None
        row, at = self.row_at(event.position().y()), self.scale().at(event.position().x())
        if row is not None and at is not None:
            local = at.astimezone(self.zone)
            start = local.replace(minute=0 if local.minute < 30 else 30, second=0, microsecond=0)
            self.slot_chosen.emit(row.room.room_id, start)
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at(QPointF(event.pos()))
            if block is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(segment_tooltip(block.segment, self.zone)) or "",
                                  self)
            else:
                row = self.row_at(event.pos().y())
                tip = equipment_list(row.room.equipment) if row is not None and event.pos().x() < ROOM_COLUMN else ""
                if tip:
                    QToolTip.showText(event.globalPos(), plain_tooltip(tip) or "", self)
                else:
                    QToolTip.hideText()
            return True
        return super().event(event)

    # -- painting ------------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        board = self.board
        if board is None or not board.rows:
            painter.setPen(QColor(MUTED))
            painter.setFont(font(self.font(), 15))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        scale = self.scale()
        today = is_today(board, self.zone)
        for index, row in enumerate(board.rows):
            self._paint_row(painter, scale, index, row)
        self._paint_grid(painter, scale, board)
        rows_bottom = ROW * len(board.rows)
        if today:
            gone = QRectF(scale.left, 0, scale.x(board.now) - scale.left, rows_bottom)
            painter.fillRect(gone, QColor(120, 135, 150, 22))
        for block in self.blocks:
            self._paint_block(painter, block, past=today and block.segment.ends_at <= board.now)
        if today and board.opens_at <= board.now <= board.closes_at:
            painter.setPen(QPen(QColor(NOW), 2))
            x = scale.x(board.now)
            painter.drawLine(QPointF(x, 0), QPointF(x, rows_bottom))
        painter.end()

    def _paint_row(self, painter: QPainter, scale: Scale, index: int, row: BoardRow) -> None:
        top = self.row_top(index)
        painter.fillRect(QRectF(0, top, self.width(), ROW), QColor("#ffffff" if index % 2 == 0 else "#fbfcfd"))
        painter.setPen(QPen(QColor(SOFT_LINE), 1))
        painter.drawLine(QPointF(0, top + ROW - 0.5), QPointF(self.width(), top + ROW - 0.5))
        if row.room.out_of_order:
            hatch = QBrush(QColor(214, 69, 69, 40), Qt.BrushStyle.BDiagPattern)
            painter.fillRect(QRectF(scale.left, top + 1, scale.right - scale.left, ROW - 2), hatch)
        base = self.font()
        name, chip_text, facts, gear = room_texts(row)
        chip_font = font(base, 12, bold=True)
        chip_width = QFontMetrics(chip_font).horizontalAdvance(chip_text) + 18
        chip = QRectF(ROOM_COLUMN - chip_width - 14, top + 10, chip_width, 22)
        name_font = font(base, 15, bold=True)
        painter.setFont(name_font)
        painter.setPen(QColor(INK))
        name_width = int(chip.left() - 16 - 8)
        painter.drawText(QRectF(16, top + 8, name_width, 24), Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, name_width))
        colours = STATE_COLOURS[row.state]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours[1]))
        painter.drawRoundedRect(chip, 11, 11)
        painter.setPen(QColor(colours[0]))
        painter.setFont(chip_font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, chip_text)
        small = font(base, 12)
        painter.setFont(small)
        metrics = QFontMetrics(small)
        width = ROOM_COLUMN - 30
        for line, colour, y in ((facts, "#52606d", 34), (gear, MUTED, 52)):
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(16, top + y, width, 18), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))

    def _paint_grid(self, painter: QPainter, scale: Scale, board: DayBoard) -> None:
        painter.setPen(QPen(QColor(LINE), 1))
        painter.drawLine(QPointF(scale.left - 0.5, 0), QPointF(scale.left - 0.5, self.height()))
        rows_bottom = ROW * len(board.rows)
        for hour in scale.hours(self.zone, board):
            x = round(scale.x(hour)) + 0.5
            painter.setPen(QPen(QColor(LINE), 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, rows_bottom))
            half = hour + timedelta(minutes=30)
            if half < board.closes_at:
                painter.setPen(QPen(QColor(SOFT_LINE), 1, Qt.PenStyle.DashLine))
                hx = round(scale.x(half)) + 0.5
                painter.drawLine(QPointF(hx, 0), QPointF(hx, rows_bottom))

    def _paint_block(self, painter: QPainter, block: Block, *, past: bool) -> None:
        segment = block.segment
        done = segment.status is BookingStatus.DONE
        fill, edge, ink = DONE_COLOURS if done else LEVEL_COLOURS[segment.level]
        if block.tail.width() > 1:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f1f3f5"))
            painter.drawRoundedRect(block.tail, 4, 4)
            painter.setBrush(QBrush(QColor("#c3cad2"), Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(block.tail, 4, 4)
        rect = block.rect
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRectF(rect.left(), rect.top() + 3, 4, rect.height() - 6), QColor(edge))
        if not done and not segment.prepared and not past:
            painter.setPen(QPen(QColor(UNPREPARED), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        if block.booking_id == self.hovered:
            painter.setPen(QPen(QColor(edge), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        inner = rect.adjusted(10, 5, -6, -5)
        if inner.width() < 14:
            return
        base = self.font()
        fonts = (font(base, 13, bold=True), font(base, 12), font(base, 12, bold=True))
        painter.save()
        painter.setClipRect(rect)
        y = inner.top()
        topic, when, marks = block_lines(segment, self.zone, past=past)
        start, end = hm(segment.starts_at, self.zone), hm(segment.ends_at, self.zone)
        # A short meeting's block is narrow: the time alone, then its start, rather than "08:4…".
        for line_font, texts in zip(fonts, ((topic,), (when, f"{start}–{end}", start), (marks,)), strict=True):
            metrics = QFontMetrics(line_font)
            painter.setFont(line_font)
            painter.setPen(QColor(ink))
            width = int(inner.width())
            text = next((t for t in texts if metrics.horizontalAdvance(t) <= width), texts[-1])
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            if len(shown.rstrip("…")) >= 2 and y + metrics.height() <= inner.bottom() + 2:
                painter.drawText(QRectF(inner.left(), y, inner.width(), metrics.height()),
                                 Qt.AlignmentFlag.AlignVCenter, shown)
            y += metrics.height() + 1
        painter.restore()
