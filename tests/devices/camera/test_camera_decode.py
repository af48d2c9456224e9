"""decode_qr on realistic frames: synthetic scenes made here, and the shared test frames."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from qr_scenes import (
    SHARED_PAYLOAD,
    blur_and_noise,
    cluttered_scene,
    darken,
    place,
    render_qr,
    square,
    token,
)

from kiosk.devices.camera.codes import classify_code
from kiosk.devices.camera.decode import decode_qr, decode_texts

PERSPECTIVE = [(500.0, 250.0), (760.0, 290.0), (730.0, 500.0), (520.0, 470.0)]


def _clean(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    return place(code, scene, square(640, 360, 200))


def _small(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    return place(code, scene, square(300, 500, 90))


def _perspective(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    return place(code, scene, PERSPECTIVE)


def _rotated(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    return place(code, scene, square(900, 300, 220, angle_deg=33))


def _blurred_noisy(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    return blur_and_noise(place(code, scene, square(640, 360, 220)), sigma=2.0, noise=12.0)


def _dark_low_contrast(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    return darken(place(code, scene, square(640, 360, 220)), contrast=0.3, offset=15)


def _everything(code: np.ndarray, scene: np.ndarray) -> np.ndarray:
    warped = place(code, scene, [(420.0, 200.0), (700.0, 240.0), (690.0, 520.0), (430.0, 480.0)])
    return darken(blur_and_noise(warped, sigma=1.2, noise=8.0), contrast=0.5, offset=30)


SCENES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "clean": _clean,
    "small_90px": _small,
    "perspective": _perspective,
    "rotated_33deg": _rotated,
    "blur_and_noise": _blurred_noisy,
    "dark_low_contrast": _dark_low_contrast,
    "warped_blurred_dark": _everything,
}


@pytest.mark.parametrize("name", list(SCENES))
@pytest.mark.parametrize("color", ["bgr", "gray"])
def test_decodes_the_exact_token_in_hard_frames(name: str, color: str, scene: np.ndarray) -> None:
    payload = token("i")
    frame = SCENES[name](render_qr(payload), scene)
    if color == "gray":
        frame = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert decode_texts(frame) == [payload]
    assert classify_code(payload).kind == "invitation"


def test_light_on_dark_codes_from_dark_mode_phones_decode(scene: np.ndarray) -> None:
    payload = token("i")
    frame = place(255 - render_qr(payload), scene, square(640, 360, 220))
    assert decode_texts(frame) == [payload]


def test_position_is_the_code_in_the_frame(scene: np.ndarray) -> None:
    frame = place(render_qr(token("o")), scene, square(640, 360, 240))
    [found] = decode_qr(frame)
    xs = [x for x, _ in found.position]
    ys = [y for _, y in found.position]
    # The quad hugs the code itself, inside the quiet zone of the placed image.
    assert 520 <= min(xs) < max(xs) <= 760 and 240 <= min(ys) < max(ys) <= 480


def test_two_codes_in_one_frame_are_both_found(scene: np.ndarray) -> None:
    first, second = token("i"), token("o")
    frame = place(render_qr(first), scene, square(350, 360, 220))
    frame = place(render_qr(second), frame, square(930, 360, 220))
    assert sorted(decode_texts(frame)) == sorted([first, second])


def test_frames_without_codes_decode_nothing(scene: np.ndarray) -> None:
    assert decode_qr(scene) == []
    assert decode_qr(np.zeros((720, 1280), np.uint8)) == []
    assert decode_qr(np.zeros((0, 0), np.uint8)) == []
    assert decode_qr(None) == []


def test_odd_frame_layouts_are_accepted_or_refused_clearly(scene: np.ndarray) -> None:
    payload = token("i")
    frame = place(render_qr(payload), scene, square(640, 360, 220))
    bgra = cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)
    assert decode_texts(bgra) == [payload]
    assert decode_texts(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)[:, ::-1][:, ::-1]) == [payload]
    with pytest.raises(ValueError):
        decode_qr(frame.astype(np.float32))


@pytest.mark.parametrize(
    ("payload", "rejection", "reason"),
    [
        ("https://example.com/welcome", None, "url"),
        ("WIFI:T:WPA;S:x;P:y;;", None, "wifi"),
        ("访客：张三", None, "unknown"),
        ("Z" * 2048, "too_long", "too_long"),
        (bytes(range(256)), "binary", "binary"),
    ],
)
def test_foreign_payloads_come_back_classified_never_raised(
    payload: str | bytes, rejection: str | None, reason: str
) -> None:
    frame = place(render_qr(payload, box=3), cluttered_scene(), square(640, 360, 620 if len(payload) > 300 else 240))
    [found] = decode_qr(frame)
    assert found.rejection == rejection
    if rejection is None:
        assert found.text == payload
    else:
        assert found.text is None
    code = classify_code(found.text if found.text is not None else found.raw)
    assert (code.kind, code.reason) == ("foreign", reason)


SHARED_FRAME_NAMES = [
    "frame_a_clean_200.png",
    "frame_b_small_90.png",
    "frame_c_rot20_persp.png",
    "frame_d_blur2_noise12.png",
    "frame_e_lowcontrast35.png",
]


@pytest.mark.parametrize("name", SHARED_FRAME_NAMES)
def test_shared_frames_decode_to_the_shared_payload(name: str, shared_frames_dir: Path) -> None:
    frame = cv2.imread(str(shared_frames_dir / name), cv2.IMREAD_GRAYSCALE)
    assert frame is not None, f"{name} is missing from {shared_frames_dir}"
    assert decode_texts(frame) == [SHARED_PAYLOAD]
    assert classify_code(SHARED_PAYLOAD).reason == "unknown"


def test_the_empty_shared_frame_decodes_nothing(shared_frames_dir: Path) -> None:
    frame = cv2.imread(str(shared_frames_dir / "frame_f_empty.png"), cv2.IMREAD_GRAYSCALE)
    assert frame is not None
    assert decode_qr(frame) == []
