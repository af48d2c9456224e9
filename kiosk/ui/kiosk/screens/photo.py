"""The visitor's photo, with consent: live preview, a 3-2-1 countdown, then retake or use it.

Frames come from the camera's preview (full-size BGR images); the still is the latest one,
made into a JPEG by ``capture_still``. Without a camera the visitor simply continues and the
front desk takes the photo.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.ui.kiosk.screens.scan import PreviewView
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, label, page_layout, set_role

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

COUNTDOWN_FROM = 3
LIVE, COUNTDOWN, REVIEW, UNAVAILABLE = "live", "countdown", "review", "unavailable"


def frame_from_image(image: QImage) -> np.ndarray:
    """A preview QImage back as the BGR frame ``capture_still`` expects (a copy: the image may go away)."""
    import numpy as np  # loaded with the camera, not with the kiosk's first screen

    image = image.convertToFormat(QImage.Format.Format_BGR888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, : width * 3].reshape(height, width, 3).copy()


class PhotoView(PreviewView):
    """The preview with the countdown's big number over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, guide="face", idle_icon="person")
        self.count: int | None = None

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if self.count is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPixelSize(int(min(self.width(), self.height()) * 0.4))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255, 230))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, str(self.count))
        painter.end()


class PhotoScreen(Screen):
    wants_preview = True

    finished = Signal(object)  # JPEG bytes, or None: continue without a photo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = LIVE
        self.latest: QImage | None = None
        self.photo_jpeg: bytes | None = None
        self._camera: CameraStatus | None = None
        self._count = 0
        self.header = Header(self)
        self.view = PhotoView()
        self.title = label("title")
        self.consent = label("subtitle")
        self.status = label("status-ok")
        self.take = button("primary")
        self.take.clicked.connect(self.start_countdown)
        self.use = button("primary")
        self.use.clicked.connect(self._use)
        self.retake = button()
        self.retake.clicked.connect(self.retake_photo)
        self.skip = button("quiet")
        self.skip.clicked.connect(lambda: self._finish(None))

        side = QVBoxLayout()
        side.setSpacing(18)
        side.addWidget(self.title)
        side.addWidget(self.consent)
        side.addWidget(self.status)
        side.addStretch(1)
        for widget in (self.take, self.use, self.retake, self.skip):
            side.addWidget(widget)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        self.body.addWidget(self.view, 3)
        self.body.addLayout(side, 2)
        layout = page_layout(self, self.header)
        layout.addLayout(self.body, 1)
        self.keyboard_order(self.take, self.use, self.retake, self.skip)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._show_state()

    def resizeEvent(self, event: object) -> None:
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    # -- the camera -------------------------------------------------------------------------------------------

    def set_camera_status(self, status: CameraStatus) -> None:
        self._camera = status
        if status.state in (CameraState.UNAVAILABLE, CameraState.DISABLED) and self.state in (LIVE, COUNTDOWN):
            self.ticker.stop()
            self.latest = None
            self._set_state(UNAVAILABLE)
        elif status.state is CameraState.OK and self.state == UNAVAILABLE:
            self._set_state(LIVE)
        else:
            self._show_state()

    def set_preview(self, image: QImage) -> None:
        """A frame from the camera; shown (and kept as the one to capture) only while the picture is live."""
        if self.state not in (LIVE, COUNTDOWN) or not self.isVisible():
            return
        self.latest = image
        self.view.set_image(image)
        if not self.take.isEnabled() and self.state == LIVE:
            self._show_state()

    # -- the steps ---------------------------------------------------------------------------------------------

    def begin(self) -> None:
        """A new visitor: live picture, nothing taken yet."""
        self.reset()
        unavailable = self._camera is not None and self._camera.state in (CameraState.UNAVAILABLE,
                                                                          CameraState.DISABLED)
        self._set_state(UNAVAILABLE if unavailable else LIVE)

    def start_countdown(self) -> None:
        if self.state != LIVE or self.latest is None:
            return
        self._count = COUNTDOWN_FROM
        self.view.count = self._count
        self._set_state(COUNTDOWN)
        self.ticker.start()

    def _tick(self) -> None:
        self._count -= 1
        if self._count > 0:
            self.view.count = self._count
            self.view.update()
            return
        self.ticker.stop()
        self.view.count = None
        self.capture()

    def capture(self) -> None:
        """The latest frame becomes the photo; a frame that cannot be encoded counts as no camera."""
        try:
            from kiosk.devices.camera.photo import capture_still  # OpenCV: loaded when a photo is taken

            self.photo_jpeg = capture_still(frame_from_image(self.latest)) if self.latest is not None else None
        except ValueError:
            log.warning("the camera frame could not be made into a photo", exc_info=True)
            self.photo_jpeg = None
        if self.photo_jpeg is None:
            self._set_state(UNAVAILABLE)
            return
        self.view.set_image(self.latest)  # frozen: later frames are ignored until a retake
        self._set_state(REVIEW)

    def retake_photo(self) -> None:
        self.photo_jpeg = None
        self._set_state(LIVE)

    def _use(self) -> None:
        if self.photo_jpeg is not None:
            self._finish(self.photo_jpeg)

    def _finish(self, jpeg: bytes | None) -> None:
        self.ticker.stop()
        for widget in (self.take, self.use, self.retake, self.skip):
            widget.setEnabled(False)  # one answer per visitor
        self.finished.emit(jpeg)

    # -- what shows --------------------------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        self.view.guide = "" if state == REVIEW else "face"  # the photo as it will be kept, nothing over it
        if state != COUNTDOWN:
            self.view.count = None
        if state == UNAVAILABLE:
            self.view.set_image(None)
        self._show_state()

    def _show_state(self) -> None:
        state = self.state
        self.take.setVisible(state in (LIVE, COUNTDOWN))
        self.take.setEnabled(state == LIVE and self.latest is not None)
        self.use.setVisible(state == REVIEW)
        self.use.setEnabled(True)
        self.retake.setVisible(state == REVIEW)
        self.retake.setEnabled(True)
        self.skip.setVisible(state in (LIVE, UNAVAILABLE))
        self.skip.setEnabled(True)
        set_role(self.skip, "primary" if state == UNAVAILABLE else "quiet")
        self.retranslate()

    def retranslate(self) -> None:
        state = self.state
        self.title.setText(self.tr("Your photo for the visitor badge")
                           if state != REVIEW else self.tr("Is this photo all right?"))
        self.consent.setText(self.tr(
            "With your consent we take one photo. It is printed on your badge and kept only with this visit."))
        self.view.placeholder = self.tr("Camera unavailable") if state == UNAVAILABLE else ""
        if state == UNAVAILABLE:
            set_role(self.status, "status-warn")
            self.status.setText(self.tr(
                "The camera is not available right now. Please continue; the front desk will take your photo."))
        elif state == COUNTDOWN:
            set_role(self.status, "status-ok")
            self.status.setText(self.tr("Look at the camera and smile\u2026"))
        elif state == REVIEW:
            set_role(self.status, "status-ok")
            self.status.setText(self.tr("Use it, or take it again."))
        else:
            set_role(self.status, "status-ok")
            self.status.setText(self.tr("Keep your face inside the oval.") if self.latest is not None
                                else self.tr("Starting the camera\u2026"))
        self.take.setText(self.tr("Yes, take my photo"))
        self.use.setText(self.tr("Use this photo"))
        self.retake.setText(self.tr("Retake"))
        self.skip.setText(self.tr("Continue") if state == UNAVAILABLE else self.tr("Continue without a photo"))
        self.view.update()

    def reset(self) -> None:
        self.ticker.stop()
        self.latest = None
        self.photo_jpeg = None
        self.view.count = None
        self.view.set_image(None)
        self._set_state(LIVE)
