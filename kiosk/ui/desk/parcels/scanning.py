"""Codes into the parcel forms: a box that tells a keyboard-wedge scanner's burst from typing, and a small
camera dialog that reads 1D and 2D codes (or takes a photo) with the kiosk's camera loop on its QThread.

The burst is told by timing, as at the kiosk (``kiosk/devices/scanner.py``): keys reach the box as typed,
and a run of fast keys ending in Enter replaces the box's text with the burst and emits ``scanned``.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.config import CameraSettings
from kiosk.devices.camera import CameraState, CameraStatus, ScannedCode
from kiosk.devices.scanner import WedgeDetector
from kiosk.ui.desk.widgets import button, label

if TYPE_CHECKING:
    from kiosk.ui.kiosk.code_sources import CameraThread

log = logging.getLogger(__name__)

# Tracking numbers are 10-20 characters; pickup codes 6-8: a burst of 6 is a scan.
MIN_BURST = 6


class ScanField(QLineEdit):
    """A line box for typed or scanned codes; ``scanned(text)`` after a scanner's burst (the box holds it)."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, min_length: int = MIN_BURST) -> None:
        super().__init__(parent)
        self._detector = WedgeDetector(min_length=min_length)
        self.setClearButtonEnabled(True)
        self.setMaxLength(64)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        stamp = event.timestamp() / 1000 if event.timestamp() else time.monotonic()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            burst = self._detector.feed("\r", stamp).scanned
            if burst is not None:
                self.setText(burst.strip())
                self.scanned.emit(self.text())
                event.accept()
                return
        elif len(event.text()) == 1 and event.text().isprintable() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._detector.feed(event.text(), stamp)
        else:
            self._detector.flush()
        super().keyPressEvent(event)


class CameraDialog(QDialog):
    """The desk's webcam: ``code`` is the first code read (mode "scan"), ``photo_jpeg`` the picture taken
    (mode "photo"). Without a camera it says so and offers only Close."""

    def __init__(self, parent: QWidget | None, settings: CameraSettings | None, *, photo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("AdminCentral")
        self.photo_mode = photo
        self.code = ""
        self.photo_jpeg: bytes | None = None
        self._latest: QImage | None = None
        self.setWindowTitle(self.tr("Take a photo") if photo else self.tr("Scan with the camera"))
        self.preview = label()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 320)
        self.preview.setStyleSheet("background: #1f2a33; border-radius: 10px; color: #ffffff;")
        self.status = label(self.tr("Starting the camera…"), "muted")
        self.status.setWordWrap(True)
        self.take = button(self.tr("Take photo"), "primary")
        self.take.setVisible(photo)
        self.take.setEnabled(False)
        self.take.clicked.connect(self._take)
        self.close_button = button(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.camera_thread: CameraThread | None = None
        if settings is None or not settings.source:
            self.show_status(CameraStatus(CameraState.DISABLED, "no camera is configured"))
        else:
            from kiosk.ui.kiosk.code_sources import CameraThread  # OpenCV and zxing-cpp: loaded on first use

            self.camera_thread = CameraThread(settings, self, every_format=True)
            self.camera_thread.preview_wanted = True
            self.camera_thread.preview.connect(self.show_frame)
            self.camera_thread.status.connect(self.show_status)
            if not photo:
                self.camera_thread.code.connect(self.read)
            self.camera_thread.start()

    def show_frame(self, image: QImage) -> None:
        self._latest = image
        self.take.setEnabled(True)
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def show_status(self, status: CameraStatus) -> None:
        if status.state is CameraState.OK:
            self.status.setText(self.tr("Hold the label up to the camera.") if not self.photo_mode
                                else self.tr("Hold the parcel in view, then take the photo."))
        elif status.state in (CameraState.DISABLED, CameraState.UNAVAILABLE):
            self.status.setText(self.tr("No camera is available at this desk. Type the number, or use the "
                                        "scanner.") if not self.photo_mode
                                else self.tr("No camera is available at this desk. Choose a photo file instead."))
            self.preview.setText(self.tr("No camera"))

    def read(self, code: ScannedCode) -> None:
        if code.text:
            self.code = code.text.strip()
            self.accept()

    def _take(self) -> None:
        if self._latest is None:
            return
        from kiosk.devices.camera.photo import capture_still  # OpenCV: loaded when a photo is taken
        from kiosk.ui.kiosk.screens.photo import frame_from_image

        try:
            self.photo_jpeg = capture_still(frame_from_image(self._latest))
        except ValueError:
            log.warning("the camera frame could not be made into a photo", exc_info=True)
            return
        self.accept()

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        if self.camera_thread is not None:
            self.camera_thread.stop()
            self.camera_thread = None


def jpeg_from_file(path: str, max_side: int = 1280) -> bytes:
    """A photo file (JPEG, PNG, ...) as a JPEG no longer than ``max_side``; for the worker pool."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from kiosk.services.errors import FieldError, ValidationFailed

    image = QImage(path)
    if image.isNull():
        raise ValidationFailed([FieldError("photo_jpeg", "unreadable", "the file is not a picture")])
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 85)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())
