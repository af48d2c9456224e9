"""Frames from whatever ``CameraSettings.source`` names: a device, a file, or a stream.

Plain Python over OpenCV, no Qt. ``read()`` never raises: it returns a frame or None,
and ``last_error`` says in words why there is no frame, so the kiosk can show
"camera unavailable" and the loop can reconnect.

- "0", "1", ...          a camera device index (V4L2 / DirectShow / AVFoundation)
- "/dev/video0"          a Linux camera device node
- "*.png", "*.jpg", ...  a still image: the same frame forever (demo and testing)
- "*.avi", "*.mp4", ...  a video file, looped at the end
- "rtsp://", "http://"   a network stream
- ""                     no camera
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff"})
# Files are read as fast as the disk allows; this paces them like a camera.
DEFAULT_FILE_FPS = 30.0
# OpenCV's FFmpeg backend otherwise waits ~30 s on a dead stream, far past any stop() deadline.
STREAM_TIMEOUT_MS = 5000


class SourceKind(enum.StrEnum):
    NONE = "none"
    DEVICE = "device"
    IMAGE = "image"
    VIDEO = "video"
    STREAM = "stream"


class VideoCaptureLike(Protocol):
    """The part of ``cv2.VideoCapture`` we use; tests pass fakes with the same methods."""

    def isOpened(self) -> bool: ...
    def read(self) -> tuple[bool, np.ndarray | None]: ...
    def get(self, prop_id: int) -> float: ...
    def set(self, prop_id: int, value: float) -> bool: ...
    def release(self) -> None: ...


CaptureFactory = Callable[[int | str, SourceKind], VideoCaptureLike]


def source_kind(source: str) -> SourceKind:
    source = source.strip()
    if not source:
        return SourceKind.NONE
    # Linux users also name cameras by node ("/dev/video0"); V4L2 opens those directly.
    if source.isdigit() or source.startswith("/dev/"):
        return SourceKind.DEVICE
    if "://" in source:
        return SourceKind.STREAM
    if Path(source).suffix.lower() in IMAGE_SUFFIXES:
        return SourceKind.IMAGE
    return SourceKind.VIDEO


def redact_url(url: str) -> str:
    """``url`` without a password, which stream URLs often carry and logs must not."""
    return re.sub(r"://[^/@]*@", "://***@", url)


def open_cv_capture(target: int | str, kind: SourceKind) -> VideoCaptureLike:
    """The real ``cv2.VideoCapture`` for ``target``, with timeouts for network streams."""
    if kind is SourceKind.STREAM:
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, STREAM_TIMEOUT_MS, cv2.CAP_PROP_READ_TIMEOUT_MSEC, STREAM_TIMEOUT_MS]
        return cv2.VideoCapture(str(target), cv2.CAP_FFMPEG, params)
    return cv2.VideoCapture(target)


class CameraSource:
    """One camera (or stand-in). ``open()``, then ``read()`` until it returns None, then ``close()``."""

    def __init__(
        self,
        source: str,
        *,
        width: int = 1280,
        height: int = 720,
        capture_factory: CaptureFactory = open_cv_capture,
    ) -> None:
        self.source = source.strip()
        self.kind = source_kind(self.source)
        self.width = width
        self.height = height
        self._capture_factory = capture_factory
        self._capture: VideoCaptureLike | None = None
        self._still: np.ndarray | None = None
        self._file_fps = DEFAULT_FILE_FPS
        # Why the last open() or read() gave nothing; None while frames flow.
        self.last_error: str | None = None

    @property
    def is_open(self) -> bool:
        return self._still is not None or self._capture is not None

    @property
    def frame_interval(self) -> float:
        """Seconds to wait between reads; devices and streams pace themselves (0)."""
        if self.kind in (SourceKind.IMAGE, SourceKind.VIDEO):
            return 1.0 / self._file_fps
        return 0.0

    def open(self) -> bool:
        """Try to start the source; False (with ``last_error`` set) when it cannot."""
        self.close()
        try:
            opened = self._open()
        except Exception as exc:  # OpenCV raises cv2.error for some bad arguments
            opened = False
            self.last_error = f"{self._describe()} could not be opened: {exc}"
        if opened:
            self.last_error = None
        return opened

    def read(self) -> np.ndarray | None:
        """The next frame (BGR uint8, read-only), or None with ``last_error`` saying why."""
        if self._still is not None:
            return self._still
        if self._capture is None:
            self.last_error = self.last_error or f"{self._describe()} is not open"
            return None
        frame = self._grab()
        # End of a video file: loop by reopening, which also notices a file deleted or replaced meanwhile.
        if frame is None and self.kind is SourceKind.VIDEO and self.open():
            frame = self._grab()
        if frame is None:
            self.last_error = self.last_error or self._lost_message()
            self.close()
            return None
        frame.flags.writeable = False  # shared by decoder, preview and photo; nobody may draw on it
        return frame

    def close(self) -> None:
        if self._capture is not None:
            try:
                self._capture.release()
            except Exception:
                pass  # a half-dead device may fail to release; it is being dropped anyway
        self._capture = None
        self._still = None

    def _open(self) -> bool:
        if self.kind is SourceKind.NONE:
            self.last_error = "no camera is configured (camera.source is empty)"
            return False
        if self.kind is SourceKind.IMAGE:
            return self._open_image()
        if self.kind is SourceKind.VIDEO and not Path(self.source).is_file():
            self.last_error = f"video file {self.source} does not exist"
            return False
        target: int | str = int(self.source) if self.source.isdigit() else self.source
        capture = self._capture_factory(target, self.kind)
        if not capture.isOpened():
            capture.release()
            hint = "unreachable or wrong URL?" if self.kind is SourceKind.STREAM else "missing, unplugged or busy?"
            self.last_error = f"{self._describe()} could not be opened ({hint})"
            return False
        if self.kind is SourceKind.DEVICE:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            # A one-frame buffer means the decoder always sees what is in front of the lens now.
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        if self.kind is SourceKind.VIDEO:
            fps = capture.get(cv2.CAP_PROP_FPS)
            self._file_fps = fps if 1.0 <= fps <= 120.0 else DEFAULT_FILE_FPS
        self._capture = capture
        return True

    def _open_image(self) -> bool:
        if not Path(self.source).is_file():
            self.last_error = f"image file {self.source} does not exist"
            return False
        still = cv2.imread(self.source, cv2.IMREAD_COLOR)
        if still is None:
            self.last_error = f"image file {self.source} could not be read as an image"
            return False
        still.flags.writeable = False
        self._still = still
        self._file_fps = DEFAULT_FILE_FPS
        return True

    def _grab(self) -> np.ndarray | None:
        assert self._capture is not None
        try:
            ok, frame = self._capture.read()
        except Exception as exc:
            self.last_error = f"{self._describe()} failed: {exc}"
            return None
        if not ok or frame is None or frame.size == 0:
            return None
        return frame

    def _lost_message(self) -> str:
        if self.kind is SourceKind.VIDEO:
            return f"video file {self.source} could not be read"
        return f"{self._describe()} stopped delivering frames (unplugged or disconnected?)"

    def _describe(self) -> str:
        if self.kind is SourceKind.DEVICE:
            return f"camera {self.source}"
        if self.kind is SourceKind.STREAM:
            return f"stream {redact_url(self.source)}"
        return f"{self.kind.value} {self.source}"
