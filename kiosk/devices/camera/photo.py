"""Visitor photos: a camera frame made small enough to store with the visit and print on a badge."""

from __future__ import annotations

import cv2
import numpy as np

PHOTO_MAX_SIDE = 640
PHOTO_MAX_BYTES = 150_000
# Start high for a good badge photo; step down only when the size cap demands it.
_QUALITIES = (90, 80, 70, 60, 50, 40)
_MIN_SIDE = 80


def fit_within(frame: np.ndarray, max_side: int) -> np.ndarray:
    """``frame`` scaled down (never up) so its longer side is at most ``max_side``."""
    height, width = frame.shape[:2]
    longest = max(height, width)
    if longest <= max_side:
        return frame
    scale = max_side / longest
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # INTER_AREA averages pixels instead of skipping them: no moiré on shirts and badges.
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA)


def capture_still(frame: np.ndarray, *, max_side: int = PHOTO_MAX_SIDE, max_bytes: int = PHOTO_MAX_BYTES) -> bytes:
    """A JPEG of ``frame`` (BGR or gray uint8), at most ``max_side`` px long and ``max_bytes`` big."""
    if frame is None or frame.size == 0 or frame.dtype != np.uint8:
        raise ValueError("capture_still needs a non-empty uint8 frame")
    image = fit_within(frame, max_side)
    while True:
        for quality in _QUALITIES:
            ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
            if not ok:
                raise ValueError("the frame could not be encoded as JPEG")
            if encoded.size <= max_bytes:
                return encoded.tobytes()
        # Pathological input (pure noise) can exceed the cap even at low quality: shrink too.
        if max(image.shape[:2]) <= _MIN_SIDE:
            return encoded.tobytes()
        image = fit_within(image, int(max(image.shape[:2]) * 0.75))
