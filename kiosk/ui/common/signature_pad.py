"""A finger signature: strokes drawn with a finger (touch) or a mouse, exported as a small PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QTouchEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#1f2a33")
PEN_WIDTH = 5
Stroke = list[QPointF]


class SignaturePad(QWidget):
    """Records strokes in widget coordinates; ``changed`` fires when the first line appears or all are cleared."""

    changed = Signal(bool)  # something drawn?

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def has_ink(self) -> bool:
        return any(len(stroke) > 1 for stroke in self.strokes)

    def clear(self) -> None:
        had_ink = self.has_ink()
        self.strokes = []
        self._drawing = False
        self.update()
        if had_ink:
            self.changed.emit(False)

    # -- input: a mouse, or the first finger of a touch (a palm resting beside it is ignored) ------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._extend(event.position())
            self._drawing = False

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                position = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(position)
                elif self._drawing:
                    self._extend(position)
                if kind == QEvent.Type.TouchEnd:
                    self._drawing = False
            event.accept()  # handled here: Qt must not also synthesise mouse events for the same finger
            return True
        return super().event(event)

    def _begin(self, point: QPointF) -> None:
        self._drawing = True
        self.strokes.append([QPointF(point)])
        self.update()

    def _extend(self, point: QPointF) -> None:
        if not self.strokes:
            return
        had_ink = self.has_ink()
        stroke = self.strokes[-1]
        if stroke[-1] != point:
            stroke.append(QPointF(point))
        self.update()
        if not had_ink and self.has_ink():
            self.changed.emit(True)

    # -- drawing and export -------------------------------------------------------------------------------------

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor("#cbd2d9"), 2))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(area, 20, 20)
        # The line to sign on, as on paper.
        baseline = area.bottom() - area.height() * 0.25
        painter.setPen(QPen(QColor("#d9e2ec"), 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left() + 32, baseline), QPointF(area.right() - 32, baseline))
        self._draw_strokes(painter)
        painter.end()

    def _draw_strokes(self, painter: QPainter) -> None:
        painter.setPen(QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self.strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def to_png(self) -> bytes | None:
        """The ink on a white background at the pad's size (no frame, no guide line); None if nothing drawn."""
        if not self.has_ink():
            return None
        image = QImage(max(1, self.width()), max(1, self.height()), QImage.Format.Format_Grayscale8)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        buffer.close()
        return bytes(data.data())
