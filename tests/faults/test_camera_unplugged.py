"""The camera unplugged mid-stream: codes shown before and after are checked in once each; while it is
away the scan screen says so and the visitor types the code printed under the QR code.

The camera is the only stand-in (a scripted VideoCapture: real frames, then nothing, then a
device that cannot be opened, then one that works again); the loop, the decoder, the debounce and
the check-ins are the real ones, as the kiosk wires them (``on_code`` → ``KioskGateway.check_in``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.config import CameraSettings
from kiosk.devices.camera import CameraStatus, ScannedCode
from kiosk.devices.camera.capture import CameraSource, SourceKind
from kiosk.devices.camera.loop import CameraLoop
from tests.faults.harness import Lobby, Stopwatch, distinct, settings_for
from tests.faults.table import Row, record

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devices" / "camera"))
from qr_scenes import SHARED_FRAMES, cluttered_scene, frame_with

pytestmark = pytest.mark.faults


class Capture:
    """A camera that plays ``frames`` and then gives nothing (unplugged), or cannot be opened at all."""

    def __init__(self, frames: list[np.ndarray], opened: bool = True) -> None:
        self._frames: Iterator[np.ndarray] = iter(frames)
        self._opened = opened

    def isOpened(self) -> bool:
        return self._opened

    def read(self) -> tuple[bool, np.ndarray | None]:
        frame = next(self._frames, None)
        return frame is not None, frame

    def get(self, prop_id: int) -> float:
        return 0.0

    def set(self, prop_id: int, value: float) -> bool:
        return True

    def release(self) -> None:
        pass


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1 / 30
        return self.now


@pytest.mark.expect_log("stopped delivering frames", "could not be opened")
def test_camera_unplugged_mid_stream(database, tmp_path, smtp, screens) -> None:
    watch = Stopwatch()
    settings = settings_for(tmp_path, smtp_port=smtp.port)
    lobby = Lobby.build(database, settings, 4)
    early, typed, waiting, late = lobby.invitations
    empty_file = SHARED_FRAMES / "frame_f_empty.png"
    empty = cv2.imread(str(empty_file)) if empty_file.is_file() else cluttered_scene()
    if empty.ndim == 2:
        empty = cv2.cvtColor(empty, cv2.COLOR_GRAY2BGR)
    script = [
        Capture([empty, *[frame_with(early.token)] * 3, empty, empty]),  # then unplugged mid-stream
        Capture([], opened=False),
        Capture([], opened=False),
        Capture([empty, *[frame_with(waiting.token)] * 3, empty, *[frame_with(late.token)] * 2, empty]),
    ]
    remaining = iter(script)
    loop: CameraLoop
    seen: list[str] = []
    camera_lines: list[str] = []
    unplugged_typing_done = False

    def factory(target: int | str, kind: SourceKind) -> Capture:
        capture = next(remaining, None)
        if capture is None:
            loop.request_stop()
            return Capture([], opened=False)
        return capture

    def on_code(code: ScannedCode) -> None:  # the kiosk's handle_code, for invitations
        seen.append(code.text)
        if code.is_ours and code.kind == "invitation":
            invitation = next(inv for inv in lobby.invitations if inv.token == code.text)
            lobby.check_in(invitation)

    def on_status(status: CameraStatus) -> None:
        nonlocal unplugged_typing_done
        camera_lines.append(screens.camera_line(status))
        if status.state.value == "unavailable" and not unplugged_typing_done:
            # The scan screen asks for the code: this visitor types it (ScanScreen.code_entered → check_in).
            unplugged_typing_done = True
            lobby.check_in(typed)

    loop = CameraLoop(
        CameraSettings(source="0", debounce_seconds=3.0), on_code=on_code, on_status=on_status,
        source=CameraSource("0", capture_factory=factory), clock=Ticks(), sleep=lambda _seconds: None,
    )
    loop.run()
    lobby.retry_until_checked_in()
    lobby.print_all()
    lobby.send_all()

    saw = [screens.after(attempts[0], lobby.badge_progress(visit_id)) for visit_id, attempts in lobby.attempts.items()]
    row = record(Row("camera unplugged mid-stream", saw=distinct(camera_lines) + "; " + distinct(saw),
                     note=f"codes read: {len(seen)} (each once: debounced); one visitor typed the code while the "
                          "camera was away, one waited and was scanned after it came back"))
    problems = lobby.audit(row)
    row.seconds = watch()
    assert not problems, problems
    assert sorted(seen) == sorted([early.token, waiting.token, late.token])
    assert all(len(a) == 1 and a[0].told_success for a in lobby.attempts.values())
