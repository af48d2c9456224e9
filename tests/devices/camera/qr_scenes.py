"""Realistic test frames, made at test time: QR codes rendered with ``qrcode`` and placed
into a cluttered 1280x720 scene, optionally warped, blurred, noised or darkened.

A module with a unique name (not conftest) so test files can import its helpers."""

from __future__ import annotations

import secrets
from pathlib import Path

import cv2
import numpy as np
import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_L, ERROR_CORRECT_M

FRAME_W, FRAME_H = 1280, 720
SHARED_PAYLOAD = "v1.ABCD1234.20250614T0930.SITE01.QjelC7Ti4f6bUQkixBTG5Gxxxxx"
# tests/devices/camera/conftest.py -> repo root is parents[3]; CI checks out ../shared beside it.
SHARED_FRAMES = Path(__file__).resolve().parents[3].parent / "shared" / "testdata" / "qr-frames"

Quad = list[tuple[float, float]]


def token(kind: str = "i") -> str:
    # 24 random bytes are exactly 32 base64url characters, like the real tokens.
    return f"v1.{kind}.{secrets.token_urlsafe(24)}"


def render_qr(payload: str | bytes, *, box: int = 6) -> np.ndarray:
    """The QR code as a gray image with its 4-module quiet zone."""
    big = len(payload) > 300
    qr = qrcode.QRCode(box_size=box, border=4, error_correction=ERROR_CORRECT_L if big else ERROR_CORRECT_M)
    qr.add_data(payload)
    qr.make(fit=True)
    image = qr.make_image(fill_color="black", back_color="white").convert("L")
    return np.asarray(image, dtype=np.uint8).copy()


def cluttered_scene(seed: int = 7) -> np.ndarray:
    """A BGR lobby-ish background: boxes, lines, circles and text in many shades."""
    rng = np.random.default_rng(seed)
    scene = np.full((FRAME_H, FRAME_W, 3), 170, np.uint8)
    scene[:] = np.linspace(120, 210, FRAME_W, dtype=np.uint8)[None, :, None]
    for _ in range(40):
        x, y = int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H))
        w, h = int(rng.integers(20, 260)), int(rng.integers(20, 180))
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.rectangle(scene, (x, y), (x + w, y + h), color, -1 if rng.random() < 0.6 else 3)
    for _ in range(25):
        p1 = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
        p2 = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
        cv2.line(scene, p1, p2, tuple(int(c) for c in rng.integers(0, 256, 3)), int(rng.integers(1, 6)))
    for _ in range(12):
        center = (int(rng.integers(0, FRAME_W)), int(rng.integers(0, FRAME_H)))
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        cv2.circle(scene, center, int(rng.integers(10, 90)), color, -1)
    for i in range(8):
        org = (int(rng.integers(0, FRAME_W - 300)), int(rng.integers(30, FRAME_H)))
        cv2.putText(scene, f"WELCOME {i} LOBBY", org, cv2.FONT_HERSHEY_SIMPLEX, 1.2, (20, 20, 20), 2)
    return scene


def square(cx: float, cy: float, side: float, angle_deg: float = 0.0) -> Quad:
    half = side / 2
    corners = np.array([(-half, -half), (half, -half), (half, half), (-half, half)])
    a = np.deg2rad(angle_deg)
    rotation = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return [(cx + x, cy + y) for x, y in corners @ rotation.T]


def place(code: np.ndarray, scene: np.ndarray, quad: Quad) -> np.ndarray:
    """``scene`` with ``code`` (including quiet zone) mapped onto ``quad`` (TL, TR, BR, BL)."""
    h, w = code.shape[:2]
    src = np.float32([(0, 0), (w, 0), (w, h), (0, h)])
    matrix = cv2.getPerspectiveTransform(src, np.float32(quad))
    size = (scene.shape[1], scene.shape[0])
    warped = cv2.warpPerspective(cv2.cvtColor(code, cv2.COLOR_GRAY2BGR), matrix, size, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, size, flags=cv2.INTER_NEAREST)
    out = scene.copy()
    out[mask > 0] = warped[mask > 0]
    return out


def blur_and_noise(frame: np.ndarray, sigma: float = 2.0, noise: float = 12.0, seed: int = 3) -> np.ndarray:
    blurred = cv2.GaussianBlur(frame, (0, 0), sigma)
    rng = np.random.default_rng(seed)
    noisy = blurred.astype(np.float32) + rng.normal(0, noise, blurred.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def darken(frame: np.ndarray, contrast: float = 0.3, offset: float = 15) -> np.ndarray:
    return np.clip(frame.astype(np.float32) * contrast + offset, 0, 255).astype(np.uint8)


def frame_with(payload: str | bytes, *, side: float = 220, seed: int = 7) -> np.ndarray:
    """A cluttered BGR frame with one upright QR code of ``payload`` near the middle."""
    return place(render_qr(payload), cluttered_scene(seed), square(640, 360, side))


def write_video(path: Path, frames: list[np.ndarray], fps: float = 30.0) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (FRAME_W, FRAME_H))
    if not writer.isOpened():
        pytest.skip("this OpenCV build cannot write MJPG .avi files")
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path
