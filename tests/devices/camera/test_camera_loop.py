"""CameraSource and CameraLoop: files, fakes that fail mid-stream, threads that stop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from qr_scenes import cluttered_scene, frame_with, token

from kiosk.backoff import Backoff
from kiosk.config import CameraSettings
from kiosk.devices.camera.capture import CameraSource, SourceKind, redact_url, source_kind
from kiosk.devices.camera.codes import ScannedCode
from kiosk.devices.camera.decode import decode_texts
from kiosk.devices.camera.loop import CameraLoop, CameraStatus

# ---------------------------------------------------------------- fakes


class FakeCapture:
    """A VideoCapture stand-in that plays a script: frames, then ``None`` for "device gone"."""

    def __init__(self, frames: list[np.ndarray | None], opened: bool = True) -> None:
        self._frames = iter(frames)
        self._opened = opened
        self.released = False

    def isOpened(self) -> bool:
        return self._opened

    def read(self) -> tuple[bool, np.ndarray | None]:
        frame = next(self._frames, None)
        return (frame is not None, frame)

    def get(self, prop_id: int) -> float:
        return 0.0

    def set(self, prop_id: int, value: float) -> bool:
        return True

    def release(self) -> None:
        self.released = True


def scripted_factory(captures: list[FakeCapture]) -> Callable[[int | str, SourceKind], FakeCapture]:
    """Each open() gets the next capture; when the script runs out the camera stays missing."""
    remaining: Iterator[FakeCapture] = iter(captures)

    def factory(target: int | str, kind: SourceKind) -> FakeCapture:
        return next(remaining, FakeCapture([], opened=False))

    return factory


class Recorder:
    def __init__(self) -> None:
        self.codes: list[ScannedCode] = []
        self.statuses: list[CameraStatus] = []
        self.previews: list[np.ndarray] = []
        self.sleeps: list[float] = []
        self.changed = threading.Condition()

    def on_code(self, code: ScannedCode) -> None:
        with self.changed:
            self.codes.append(code)
            self.changed.notify_all()

    def on_status(self, status: CameraStatus) -> None:
        with self.changed:
            self.statuses.append(status)
            self.changed.notify_all()

    def on_preview(self, frame: np.ndarray) -> None:
        self.previews.append(frame)

    def states(self) -> list[str]:
        return [s.state.value for s in self.statuses]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        with self.changed:
            assert self.changed.wait_for(predicate, timeout), f"timed out; statuses {self.states()}"


class TickingClock:
    """Fake monotonic time that moves 1/30 s per call; debounce and preview use it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1 / 30
        return self.now


def settings(**overrides: object) -> CameraSettings:
    return CameraSettings(**{"source": "0", "debounce_seconds": 3.0, "preview_fps": 15, **overrides})


# ---------------------------------------------------------------- CameraSource


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("", SourceKind.NONE),
        ("  ", SourceKind.NONE),
        ("0", SourceKind.DEVICE),
        ("2", SourceKind.DEVICE),
        ("/dev/video0", SourceKind.DEVICE),
        ("/tmp/x.PNG", SourceKind.IMAGE),
        ("frame.jpg", SourceKind.IMAGE),
        ("/tmp/clip.avi", SourceKind.VIDEO),
        ("rtsp://cam.local/stream1", SourceKind.STREAM),
        ("http://10.0.0.5:8080/video", SourceKind.STREAM),
    ],
)
def test_source_kind_follows_the_setting(source: str, kind: SourceKind) -> None:
    assert source_kind(source) is kind


def test_stream_passwords_never_reach_messages() -> None:
    assert redact_url("rtsp://admin:hunter2@10.0.0.9/s1") == "rtsp://***@10.0.0.9/s1"
    source = CameraSource("rtsp://admin:hunter2@10.0.0.9/s1", capture_factory=scripted_factory([]))
    assert not source.open()
    assert source.last_error is not None and "hunter2" not in source.last_error


def test_an_image_file_yields_the_same_frame_forever(tmp_path: Path) -> None:
    payload = token("i")
    path = tmp_path / "still.png"
    cv2.imwrite(str(path), frame_with(payload))
    source = CameraSource(str(path))
    assert source.open() and source.kind is SourceKind.IMAGE
    frames = [source.read() for _ in range(5)]
    assert all(f is frames[0] for f in frames) and frames[0] is not None
    assert not frames[0].flags.writeable
    assert decode_texts(frames[0]) == [payload]
    assert source.frame_interval == pytest.approx(1 / 30)


def test_missing_files_and_cameras_fail_with_a_reason(tmp_path: Path) -> None:
    for source in (CameraSource(str(tmp_path / "nope.png")), CameraSource(str(tmp_path / "nope.avi"))):
        assert not source.open()
        assert source.last_error is not None and "does not exist" in source.last_error
        assert source.read() is None
    not_an_image = tmp_path / "bad.jpg"
    not_an_image.write_bytes(b"not a jpeg")
    bad = CameraSource(str(not_an_image))
    assert not bad.open() and "could not be read" in (bad.last_error or "")
    camera = CameraSource("0", capture_factory=scripted_factory([]))
    assert not camera.open() and "camera 0 could not be opened" in (camera.last_error or "")
    assert not CameraSource("").open()


def test_a_video_file_loops_at_the_end(invitation_video: Path, invitation_token: str) -> None:
    source = CameraSource(str(invitation_video))
    assert source.open(), source.last_error
    assert source.frame_interval == pytest.approx(1 / 30, rel=0.05)
    frames = [source.read() for _ in range(30)]  # the clip has 12 frames
    assert all(f is not None for f in frames)
    assert decode_texts(frames[0]) == [invitation_token]
    assert decode_texts(frames[25]) == [invitation_token]
    source.close()
    assert not source.is_open


def test_a_device_that_stops_delivering_frames_reports_it() -> None:
    frame = cluttered_scene()
    source = CameraSource("0", capture_factory=scripted_factory([FakeCapture([frame, frame])]))
    assert source.open()
    assert source.read() is not None and source.read() is not None
    assert source.read() is None
    assert "stopped delivering frames" in (source.last_error or "")
    assert not source.is_open


# ---------------------------------------------------------------- Backoff


def test_backoff_doubles_from_half_a_second_to_ten_then_resets() -> None:
    backoff = Backoff()
    assert [backoff.next() for _ in range(7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    backoff.reset()
    assert backoff.next() == 0.5


# ---------------------------------------------------------------- CameraLoop, synchronous


def run_scripted(
    captures: list[FakeCapture], recorder: Recorder, *, stop_when: Callable[[CameraLoop], bool]
) -> CameraLoop:
    """Run the loop on this thread until ``stop_when`` says so (checked at every status and sleep)."""
    loop: CameraLoop

    def sleep(seconds: float) -> None:
        recorder.sleeps.append(seconds)
        if stop_when(loop) or len(recorder.sleeps) > 50:
            loop.request_stop()

    def on_status(status: CameraStatus) -> None:
        recorder.on_status(status)
        if stop_when(loop):
            loop.request_stop()

    loop = CameraLoop(
        settings(),
        on_code=recorder.on_code,
        on_status=on_status,
        on_preview=recorder.on_preview,
        source=CameraSource("0", capture_factory=scripted_factory(captures)),
        clock=TickingClock(),
        sleep=sleep,
    )
    loop.run()
    return loop


@pytest.mark.expect_log("camera 0 could not be opened", "camera 0 stopped delivering frames")
def test_camera_missing_then_failing_mid_stream_reconnects_with_backoff() -> None:
    payload = token("i")
    frame = frame_with(payload)
    recorder = Recorder()
    captures = [
        FakeCapture([], opened=False),  # not plugged in yet
        FakeCapture([], opened=False),
        FakeCapture([frame] * 3),  # works, then is unplugged
        FakeCapture([frame] * 3),  # plugged back in
    ]
    run_scripted(captures, recorder, stop_when=lambda _: recorder.states().count("ok") >= 2)

    assert recorder.states() == ["starting", "unavailable", "ok", "unavailable", "ok", "stopped"]
    first_fault, second_fault = recorder.statuses[1], recorder.statuses[3]
    assert "could not be opened" in (first_fault.reason or "")
    assert "stopped delivering frames" in (second_fault.reason or "")
    # Doubling while missing, back to the start after frames flowed again.
    assert recorder.sleeps[:3] == [0.5, 1.0, 0.5]
    # Same code, same debounce window, across the reconnect: reported once.
    assert [c.text for c in recorder.codes] == [payload]


@pytest.mark.expect_log("camera 0 could not be opened")
def test_camera_that_never_appears_keeps_retrying_up_to_ten_seconds() -> None:
    recorder = Recorder()
    run_scripted([], recorder, stop_when=lambda _: len(recorder.sleeps) >= 8)
    assert recorder.sleeps[:8] == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]
    # Identical faults are reported once, not at every retry.
    assert recorder.states() == ["starting", "unavailable", "stopped"]
    assert recorder.statuses[1].retry_in == 0.5


@pytest.mark.expect_log("camera 0 stopped delivering frames")
def test_foreign_codes_are_reported_and_scanning_goes_on() -> None:
    invitation = token("i")
    payloads: list[str | bytes] = [
        "https://example.com",
        "WIFI:T:WPA;S:x;P:y;;",
        "Q" * 2048,
        bytes(range(256)),
        invitation,
    ]
    frames = [frame_with(p, side=620 if len(p) > 300 else 240) for p in payloads]
    recorder = Recorder()
    # Each frame shown 4 times, like a camera; the loop must keep going past every foreign code.
    script = [f for f in frames for _ in range(4)]
    loop = run_scripted([FakeCapture(script)], recorder, stop_when=lambda _: "unavailable" in recorder.states())

    assert [(c.kind, c.reason) for c in recorder.codes] == [
        ("foreign", "url"),
        ("foreign", "wifi"),
        ("foreign", "too_long"),
        ("foreign", "binary"),
        ("invitation", None),
    ]
    assert recorder.codes[-1].text == invitation
    assert loop.frames_processed == len(script)


@pytest.mark.expect_log("camera callback", "camera 0 stopped delivering frames")
def test_a_callback_that_raises_does_not_stop_scanning(caplog: pytest.LogCaptureFixture) -> None:
    first, second = token("i"), token("o")
    recorder = Recorder()
    seen: list[str] = []

    def flaky_on_code(code: ScannedCode) -> None:
        seen.append(code.text)
        raise RuntimeError("UI bug")

    loop = CameraLoop(
        settings(),
        on_code=flaky_on_code,
        on_status=recorder.on_status,
        source=CameraSource(
            "0", capture_factory=scripted_factory([FakeCapture([frame_with(first), frame_with(second)])])
        ),
        clock=TickingClock(),
        sleep=lambda _: loop.request_stop(),
    )
    loop.run()
    assert seen == [first, second]
    assert "camera callback" in caplog.text


@pytest.mark.expect_log("camera 0 stopped delivering frames")
def test_previews_are_small_and_throttled_to_preview_fps() -> None:
    frame = cluttered_scene()
    recorder = Recorder()
    # 60 frames at the fake 30 fps = 2 s; preview_fps 15 allows one preview per 2 frames.
    loop = run_scripted([FakeCapture([frame] * 60)], recorder, stop_when=lambda _: "unavailable" in recorder.states())
    assert loop.frames_processed == 60
    assert 25 <= len(recorder.previews) <= 31
    assert recorder.previews[0].shape == (360, 640, 3)
    assert loop.latest_frame() is not None and loop.latest_frame().shape == (720, 1280, 3)


def test_an_empty_source_means_disabled_not_retrying() -> None:
    recorder = Recorder()
    loop = CameraLoop(settings(source=""), on_code=recorder.on_code, on_status=recorder.on_status)
    loop.run()
    assert recorder.states() == ["disabled", "stopped"]


# ---------------------------------------------------------------- CameraLoop, threaded, real files


def test_loop_on_a_video_reports_a_code_once_and_stops_promptly(invitation_video: Path, invitation_token: str) -> None:
    recorder = Recorder()
    loop = CameraLoop(
        settings(source=str(invitation_video)),
        on_code=recorder.on_code,
        on_status=recorder.on_status,
        on_preview=recorder.on_preview,
    )
    loop.start()
    try:
        recorder.wait_for(lambda: len(recorder.codes) >= 1)
        # Keep watching past the end of the 12-frame clip so the loop has seen it many times.
        deadline = time.monotonic() + 5
        while loop.frames_processed < 30 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        started = time.monotonic()
        stopped = loop.stop()
        took = time.monotonic() - started
    assert stopped and took < 1.0
    assert not loop.is_running
    assert loop.frames_processed >= 30
    assert [c.text for c in recorder.codes] == [invitation_token]
    assert recorder.codes[0].kind == "invitation"
    assert recorder.states()[:2] == ["starting", "ok"] and recorder.states()[-1] == "stopped"
    assert 1 <= len(recorder.previews) < loop.frames_processed
    assert not [t for t in threading.enumerate() if t.name == "camera-loop"]


@pytest.mark.expect_log("invitation.avi does not exist")
def test_video_deleted_mid_run_goes_unavailable_then_recovers(invitation_video: Path, tmp_path: Path) -> None:
    recorder = Recorder()
    kept = tmp_path / "kept.avi"
    kept.write_bytes(invitation_video.read_bytes())
    loop = CameraLoop(
        settings(source=str(invitation_video)),
        on_code=recorder.on_code,
        on_status=recorder.on_status,
        backoff=Backoff(initial=0.05, maximum=0.2),
    )
    loop.start()
    try:
        recorder.wait_for(lambda: "ok" in recorder.states())
        invitation_video.unlink()  # the open handle plays to the end, then reopening fails
        recorder.wait_for(lambda: "unavailable" in recorder.states())
        assert "does not exist" in (recorder.statuses[-1].reason or "")
        kept.replace(invitation_video)
        recorder.wait_for(lambda: recorder.states().count("ok") >= 2)
    finally:
        assert loop.stop()
    assert recorder.states() == ["starting", "ok", "unavailable", "ok", "stopped"]


@pytest.mark.expect_log("missing.avi does not exist")
def test_stop_cuts_a_long_backoff_short(tmp_path: Path) -> None:
    recorder = Recorder()
    loop = CameraLoop(
        settings(source=str(tmp_path / "missing.avi")),
        on_code=recorder.on_code,
        on_status=recorder.on_status,
        backoff=Backoff(initial=10.0),
    )
    loop.start()
    recorder.wait_for(lambda: "unavailable" in recorder.states())
    started = time.monotonic()
    assert loop.stop()
    assert time.monotonic() - started < 1.0
    assert recorder.states()[-1] == "stopped"
