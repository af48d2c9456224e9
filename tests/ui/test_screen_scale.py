"""A panel smaller than the 1920x1080 the screens are laid out for: the kiosk says which ``[kiosk] scale`` fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings
from kiosk.ui.kiosk.window import scale_to_fit


@pytest.mark.parametrize(("width", "height", "scale", "wanted"), [
    (1920, 1080, 1.0, None),  # the design size
    (1080, 1920, 1.0, None),  # the same, turned for portrait
    (3840, 2160, 2.0, None),  # a dense panel drawn at twice the size: 1920x1080 logical
    (1280, 720, 1.0, 0.67),  # cage's headless output, small lobby panels
    (720, 1280, 1.0, 0.67),
    (1366, 768, 1.0, 0.71),
    (1280, 800, 1.0, 0.67),  # the short side fits at 0.74, the long side needs 0.67
    (1280, 720, 0.67, None),  # once set, no more advice
    (1920, 1080, 1.5, 1.0),  # drawn too big for the panel: back to 1
])
def test_the_scale_that_fits_the_panel(width: int, height: int, scale: float, wanted: float | None) -> None:
    assert scale_to_fit(width, height, scale) == wanted


def test_the_scale_setting_is_checked(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nscale = 0.67\n", encoding="utf-8")
    assert load_settings(config, env={}).kiosk.scale == 0.67
    config.write_text("[kiosk]\nscale = 0.1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="scale"):
        load_settings(config, env={})


@pytest.fixture
def kiosk_settings(kiosk_settings):
    from dataclasses import replace

    return replace(kiosk_settings, kiosk=replace(kiosk_settings.kiosk, scale=0.67))


def test_at_a_fractional_scale_typing_repaints_the_whole_window(kiosk, qtbot, monkeypatch) -> None:
    """Under Wayland at a fractional scale a typed word never showed in its field (a lost small repaint):
    each key then repaints the whole window."""
    window = kiosk.window
    repaints: list[bool] = []
    monkeypatch.setattr(window, "update", lambda *args: repaints.append(True))
    kiosk.window.welcome.walk_in.click()
    field = window.walk_in.name
    field.setFocus()
    qtbot.keyClicks(field, "zhang")
    qtbot.wait(10)
    assert field.text() == "zhang"
    assert repaints  # at least once after the keys; coalesced, not once per event
    assert len(repaints) <= 10
