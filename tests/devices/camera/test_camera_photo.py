"""capture_still: small, capped JPEG visitor photos."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.devices.camera.photo import PHOTO_MAX_BYTES, capture_still


def _jpeg_shape(data: bytes) -> tuple[int, ...]:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image is not None, "not a JPEG"
    return image.shape


def test_a_camera_frame_becomes_a_640px_jpeg_under_the_cap(scene: np.ndarray) -> None:
    data = capture_still(scene)
    assert data[:2] == b"\xff\xd8"
    assert len(data) <= PHOTO_MAX_BYTES
    assert _jpeg_shape(data) == (360, 640, 3)


def test_pure_noise_still_fits_the_cap_by_lowering_quality_then_size() -> None:
    noise = np.random.default_rng(1).integers(0, 256, (1080, 1920, 3), dtype=np.uint8)
    data = capture_still(noise, max_bytes=40_000)
    assert len(data) <= 40_000
    assert max(_jpeg_shape(data)[:2]) <= 640


def test_small_and_gray_frames_are_kept_as_they_are(scene: np.ndarray) -> None:
    small = cv2.cvtColor(cv2.resize(scene, (320, 180)), cv2.COLOR_BGR2GRAY)
    assert _jpeg_shape(capture_still(small)) == (180, 320)


def test_an_empty_frame_is_refused() -> None:
    with pytest.raises(ValueError):
        capture_still(np.zeros((0, 0, 3), np.uint8))
