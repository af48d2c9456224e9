"""Fixtures for the camera tests; the frame-making helpers live in qr_scenes.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from qr_scenes import SHARED_FRAMES, cluttered_scene, frame_with, place, render_qr, square, token, write_video


@pytest.fixture(scope="session")
def scene() -> np.ndarray:
    return cluttered_scene()


@pytest.fixture(scope="session")
def invitation_token() -> str:
    return token("i")


@pytest.fixture(scope="session")
def make_frame() -> Callable[..., np.ndarray]:
    return frame_with


@pytest.fixture
def invitation_video(tmp_path: Path, invitation_token: str) -> Path:
    """A 12-frame, 30 fps clip of a code drifting across a cluttered scene."""
    base = cluttered_scene()
    code = render_qr(invitation_token)
    frames = [place(code, base, square(560 + 8 * i, 360, 220, angle_deg=i)) for i in range(12)]
    return write_video(tmp_path / "invitation.avi", frames)


@pytest.fixture(scope="session")
def shared_frames_dir() -> Path:
    if not SHARED_FRAMES.is_dir():
        pytest.skip(f"shared QR test frames not found at {SHARED_FRAMES} (checked out beside the repo in CI)")
    return SHARED_FRAMES
