"""Entry points: no display means a how-to, not a crash; a bad config is one line; the demo camera really scans."""

from __future__ import annotations

from pathlib import Path

import cv2

from kiosk.app import has_display, main_admin, main_kiosk
from kiosk.application import demo
from kiosk.config import Settings
from kiosk.devices.camera import decode_qr


def test_display_is_detected_from_the_environment() -> None:
    assert not has_display({})
    assert has_display({"DISPLAY": ":0"})
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert has_display({"QT_QPA_PLATFORM": "offscreen"})


def test_without_a_display_the_kiosk_explains_xvfb_and_exits_1(monkeypatch, capsys) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "KIOSK_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    assert main_kiosk(["--demo", "unused-dir"]) == 1
    err = capsys.readouterr().err
    assert 'xvfb-run -s "-screen 0 1920x1080x24" kiosk --demo' in err
    assert main_admin([]) == 1
    assert not Path("unused-dir").exists()


def test_a_bad_config_is_one_clear_line(tmp_path: Path, capsys) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nidle_seconds = "soon"\n', encoding="utf-8")
    assert main_kiosk(["--config", str(config)]) == 2
    assert "kiosk.idle_seconds" in capsys.readouterr().err


def test_demo_settings_keep_everything_in_the_demo_folder(tmp_path: Path) -> None:
    settings = demo.demo_settings(Settings(), tmp_path)
    assert settings.database.url == f"sqlite:///{tmp_path.resolve() / 'kiosk.sqlite3'}"
    assert settings.printer.kind == "file" and settings.printer.path.startswith(str(tmp_path.resolve()))
    assert settings.camera.source.endswith(demo.VIDEO_NAME)


def test_demo_camera_video_shows_a_readable_invitation(tmp_path: Path) -> None:
    token = "v1.i." + "Q" * 32
    video = tmp_path / demo.VIDEO_NAME
    demo.write_camera_video(video, token)
    capture = cv2.VideoCapture(str(video))
    texts: list[str | None] = []
    try:
        for index in range(demo.FPS * demo.LOOP_SECONDS):
            ok, frame = capture.read()
            assert ok
            if index % demo.FPS == 0:
                texts += [code.text for code in decode_qr(frame)]
    finally:
        capture.release()
    assert token in texts
