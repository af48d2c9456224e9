"""The invitation screen: a live camera preview with a framing guide, and typing the code by hand."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QBoxLayout, QFrame, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.ui.kiosk.themed_icons import IconRole, pixmap
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, label, page_layout, set_role

GUIDE_COLOUR = QColor("#2dd4bf")


class PreviewView(QWidget):
    """The camera picture, cropped to fill, under a guide; a calm placeholder without a camera.

    ``guide``: "qr" (a square to hold the code in), "face" (an oval for a photo) or "" (none).
    """

    def __init__(self, parent: QWidget | None = None, *, guide: str = "qr", idle_icon: str = "qr") -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.placeholder = ""
        self.guide, self.idle_icon = guide, idle_icon
        self.setMinimumSize(480, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect())
        clip = QPainterPath()
        clip.addRoundedRect(area, 32, 32)
        painter.setClipPath(clip)
        painter.fillRect(area, QColor("#26323b"))
        if self.image is not None and not self.image.isNull():
            # Mirrored: people expect a camera facing them to behave like a mirror.
            scaled = self.image.flipped(Qt.Orientation.Horizontal).scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
            )
            painter.drawImage(
                int((self.width() - scaled.width()) / 2), int((self.height() - scaled.height()) / 2), scaled
            )
            if self.guide:
                self._draw_guide(painter, area)
        else:
            self._draw_placeholder(painter, area)
        painter.end()

    def _draw_guide(self, painter: QPainter, area: QRectF) -> None:
        if self.guide == "face":
            self._draw_face_guide(painter, area)
            return
        side = min(area.width(), area.height()) * 0.66
        box = QRectF(area.center().x() - side / 2, area.center().y() - side / 2, side, side)
        # Dim everything outside the square so the eye (and the phone) goes to the middle.
        outside = QPainterPath()
        outside.addRect(area)
        inside = QPainterPath()
        inside.addRoundedRect(box, 24, 24)
        painter.fillPath(outside.subtracted(inside), QColor(15, 23, 30, 110))
        painter.setPen(QPen(GUIDE_COLOUR, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        arm = side * 0.16
        for x, y, dx, dy in ((box.left(), box.top(), 1, 1), (box.right(), box.top(), -1, 1),
                             (box.left(), box.bottom(), 1, -1), (box.right(), box.bottom(), -1, -1)):
            painter.drawLine(int(x), int(y), int(x + dx * arm), int(y))
            painter.drawLine(int(x), int(y), int(x), int(y + dy * arm))

    def _draw_face_guide(self, painter: QPainter, area: QRectF) -> None:
        height = area.height() * 0.72
        oval = QRectF(area.center().x() - height * 0.38, area.center().y() - height / 2, height * 0.76, height)
        outside = QPainterPath()
        outside.addRect(area)
        inside = QPainterPath()
        inside.addEllipse(oval)
        painter.fillPath(outside.subtracted(inside), QColor(15, 23, 30, 110))
        painter.setPen(QPen(GUIDE_COLOUR, 6, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.drawEllipse(oval)

    def _draw_placeholder(self, painter: QPainter, area: QRectF) -> None:
        # Drawn from the palette in force each time: high contrast turns the sign white.
        sign = pixmap("camera-off" if self.placeholder else self.idle_icon, 112, IconRole.PREVIEW)
        painter.drawPixmap(int(area.center().x() - 56), int(area.center().y() - 120), sign)
        painter.setPen(QColor("#d9e2ec"))
        font = painter.font()
        font.setPixelSize(28)
        painter.setFont(font)
        text_box = area.adjusted(40, area.height() / 2 + 16, -40, -20)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.placeholder)


class ScanScreen(Screen):
    accepts_codes = True
    wants_preview = True

    code_entered = Signal(str)
    # The camera's frames are wired to this screen; the photo step takes them from here too.
    frame_arrived = Signal(QImage)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status: CameraStatus | None = None
        self.header = Header(self)
        self.title = label("title")
        self.subtitle = label("subtitle")
        self.preview = PreviewView()
        self.camera_line = label("status-ok")

        self.manual_title = label("field")
        self.manual_hint = label("muted")
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.code.returnPressed.connect(self._submit)
        self.error = label("error")
        self.error.hide()
        self.submit = button("primary")
        self.submit.clicked.connect(self._submit)

        manual = QFrame()
        manual.setProperty("role", "card")
        manual_layout = QVBoxLayout(manual)
        manual_layout.setContentsMargins(32, 28, 32, 32)
        manual_layout.setSpacing(14)
        manual_layout.addWidget(self.manual_title)
        manual_layout.addWidget(self.manual_hint)
        manual_layout.addWidget(self.code)
        manual_layout.addWidget(self.error)
        manual_layout.addWidget(self.submit)

        side = QVBoxLayout()
        side.setSpacing(16)
        side.addWidget(self.title)
        side.addWidget(self.subtitle)
        side.addWidget(self.camera_line)
        side.addStretch(1)
        side.addWidget(manual)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        self.body.addWidget(self.preview, 3)
        self.body.addLayout(side, 2)

        layout = page_layout(self, self.header)
        layout.addLayout(self.body, 1)
        self.keyboard_order(self.code, self.submit)
        self.retranslate()

    def resizeEvent(self, event: object) -> None:
        # Portrait: the picture on top, the words and the typing below it.
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def set_preview(self, image: QImage) -> None:
        if self._status is None or self._status.state is CameraState.OK:
            if self.isVisible():
                self.preview.set_image(image)
            self.frame_arrived.emit(image)

    def set_camera_status(self, status: CameraStatus) -> None:
        self._status = status
        if status.state is not CameraState.OK:
            self.preview.set_image(None)
        self._show_status()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.code.setProperty("invalid", bool(text))
        self.code.style().unpolish(self.code)
        self.code.style().polish(self.code)

    def _submit(self) -> None:
        text = self.code.text().strip()
        if not text:
            self.show_error(self.tr("Please type the code printed under the QR code on your invitation."))
            return
        self.show_error("")
        self.code_entered.emit(text)

    def _show_status(self) -> None:
        state = self._status.state if self._status else CameraState.STARTING
        if state is CameraState.OK:
            set_role(self.camera_line, "status-ok")
            self.camera_line.setText("●  " + self.tr("Scanning: hold the code inside the frame, about 20 cm away"))
            self.preview.placeholder = ""
        elif state in (CameraState.UNAVAILABLE, CameraState.DISABLED):
            set_role(self.camera_line, "status-warn")
            self.camera_line.setText(self.tr("The camera is not available right now. Please type your code below."))
            self.preview.placeholder = self.tr("Camera unavailable")
        else:
            set_role(self.camera_line, "status-ok")
            self.camera_line.setText(self.tr("Starting the camera\u2026"))
            self.preview.placeholder = ""
        self.preview.update()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Show your invitation"))
        self.subtitle.setText(self.tr("Hold the QR code from your invitation message up to the camera."))
        self.manual_title.setText(self.tr("No QR code? Type your invitation code"))
        self.manual_hint.setText(self.tr("It is printed under the QR code, like ABCD-1234."))
        self.code.setPlaceholderText(self.tr("Invitation code"))
        self.submit.setText(self.tr("Check in"))
        self._show_status()

    def reset(self) -> None:
        self.code.clear()
        self.show_error("")
        # The last frame may be the previous visitor's face (the photo step shares the camera).
        self.preview.set_image(None)
