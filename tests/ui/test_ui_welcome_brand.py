"""The welcome screen as the company's "first window": its logo, its colour, its picture, the live camera card,
and the control bar every screen keeps within reach."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Settings
from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.brand import LOGO_HEIGHT, MAX_FILE_BYTES, load_brand

LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)


def _picture(path: Path, size: tuple[int, int], colour: str) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    return _picture(tmp_path / "logo.png", (600, 200), "#1d4ed8")


@pytest.fixture
def kiosk_settings(kiosk_settings: Settings, logo: Path, tmp_path: Path) -> Settings:
    background = _picture(tmp_path / "lobby.jpg", (1600, 900), "#000000")
    site = replace(kiosk_settings.site, logo=str(logo), accent="#1d4ed8", background=str(background))
    return replace(kiosk_settings, site=site)


def _top(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).y()


def test_the_logo_stands_in_for_the_site_name_at_its_height(kiosk: Kiosk) -> None:
    mark = kiosk.window.welcome.site
    pixmap = mark.pixmap()
    assert not pixmap.isNull() and mark.text() == ""
    assert round(pixmap.height() / pixmap.devicePixelRatio()) == LOGO_HEIGHT
    assert round(pixmap.width() / pixmap.devicePixelRatio()) == LOGO_HEIGHT * 3  # its own proportions
    assert mark.accessibleName() == "Test Tower"  # a screen reader still says whose lobby this is


def test_the_companys_colour_stays_through_large_text_and_back(kiosk: Kiosk) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from kiosk.ui.common.theme import apply_theme

    apply_theme(app, "kiosk", accent="#1d4ed8")  # what kiosk/app.py does at start-up with [site] accent
    assert kiosk.accessibility is not None
    kiosk.accessibility.set_large_text(True)
    assert "#1d4ed8" in app.styleSheet().lower()
    kiosk.accessibility.reset()
    assert "#1d4ed8" in app.styleSheet().lower()


def test_the_companys_picture_is_a_faint_hint_and_gone_in_high_contrast(kiosk: Kiosk) -> None:
    welcome = kiosk.window.welcome
    page = QColor(welcome.grab().toImage().pixelColor(8, 400))
    assert page.lightness() < 235  # the black picture darkens the light page a little...
    assert page.lightness() > 190  # ...and only a little: text on the page keeps its contrast
    assert kiosk.accessibility is not None
    kiosk.accessibility.set_high_contrast(True)
    assert welcome.grab().toImage().pixelColor(8, 400) == QColor("#000000")  # nothing behind the text


@pytest.mark.expect_log("is not a picture the kiosk can show")
@pytest.mark.parametrize("content", [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n" + b"\0" * 64])
def test_a_broken_logo_leaves_the_site_name_and_says_why(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(content)
    brand = load_brand("Test Tower", str(path))
    assert brand.logo is None and brand.name == "Test Tower"


@pytest.mark.expect_log("cannot be read (No such file", "bytes, more than")
def test_a_missing_or_huge_logo_is_not_shown(tmp_path: Path) -> None:
    huge = tmp_path / "poster.png"
    huge.write_bytes(b"\0" * (MAX_FILE_BYTES + 1))
    assert load_brand("T", str(tmp_path / "missing.png")).logo is None
    assert load_brand("T", str(huge)).logo is None


def test_an_svg_logo_is_drawn_sharp(tmp_path: Path) -> None:
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
                   '<rect width="300" height="100" fill="#0f766e"/></svg>', encoding="utf-8")
    brand = load_brand("T", str(svg))
    assert brand.logo is not None
    assert (brand.logo.width(), brand.logo.height()) == (LOGO_HEIGHT * 6, LOGO_HEIGHT * 2)
    assert brand.logo.pixelColor(10, 10) == QColor("#0f766e")


def _frame(colour: str) -> QImage:
    image = QImage(640, 360, QImage.Format.Format_RGB888)
    image.fill(QColor(colour))
    return image


def test_the_visitor_sees_the_camera_on_the_welcome_card_and_the_next_one_never_sees_it(kiosk: Kiosk) -> None:
    window, welcome = kiosk.window, kiosk.window.welcome
    assert welcome.wants_preview  # the flow asks the camera for frames while welcome shows
    kiosk.flow.set_camera_status(CameraStatus(CameraState.OK))
    window.scan.set_preview(_frame("#c03030"))  # the camera's frames arrive at the scan screen first
    preview = welcome.preview
    assert preview.grab().toImage().pixelColor(preview.width() // 2, preview.height() // 2).red() > 150
    welcome.walk_in.click()
    kiosk.flow.go_home()
    assert preview.image is None  # the last visitor's face is gone before the next one walks up


def test_without_a_camera_the_card_says_so_calmly_and_points_to_typing(english: Kiosk) -> None:
    welcome = english.window.welcome
    english.flow.set_camera_status(CameraStatus(CameraState.UNAVAILABLE, "no camera"))
    english.window.scan.set_preview(_frame("#c03030"))
    assert welcome.preview.image is None
    assert welcome.preview.placeholder == "Camera resting"
    assert "type your code" in welcome.camera_line.text()


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_every_screen_keeps_its_controls_in_a_bar_along_the_bottom(english: Kiosk, size) -> None:
    window = english.window
    window.resize(*size)
    for screen in window.screens():
        bar = getattr(screen, "header", None)
        assert bar is not None, type(screen).__name__
        window.show_screen(screen)
        QApplication.processEvents()
        bottom = _top(bar, window) + bar.height()
        assert size[1] - 64 <= bottom <= size[1], type(screen).__name__  # at the foot of the screen
        assert bar.accessibility.large_text.text() == "A+  Larger text"
        assert bar.accessibility.high_contrast.text().strip() == "High contrast"
        assert bar.language.text() == "中文"
        for button in bar.buttons():
            if button.isVisible():
                assert button.mapTo(window, QPoint(button.width(), 0)).x() <= size[0], button.text()
    assert not window.welcome.header.home.isVisible()  # nowhere to start over from


def test_the_bar_on_any_screen_changes_the_look_for_every_screen(english: Kiosk) -> None:
    window = english.window
    window.welcome.walk_in.click()
    window.walk_in.header.accessibility.large_text.click()
    assert english.accessibility is not None and english.accessibility.look.large_text
    assert window.welcome.accessibility.large_text.isChecked()  # every bar shows the same choice
    window.walk_in.header.language.click()
    assert window.walk_in.header.language.text() == "English"
    window.walk_in.header.home.click()
    assert window.current() is window.welcome




@pytest.mark.expect_log("laid out for 1920x1080")  # the offscreen platform's screen is 800x800
def test_the_tiles_keep_their_words_whole_when_the_kiosk_goes_fullscreen(themed, kiosk: Kiosk, qtbot) -> None:
    """show_kiosk makes the window frameless, which makes its native window again: the tiles were resized
    meanwhile without being told, and their titles were squeezed into the height they had before."""
    kiosk.window.show_kiosk()
    qtbot.wait(100)
    welcome = kiosk.window.welcome
    for tile in (welcome.invitation, welcome.walk_in, welcome.sign_out, welcome.delivery):
        for words in (tile.title, tile.subtitle):
            assert words.height() >= words.heightForWidth(words.width()), words.text()
        assert tile.title.geometry().bottom() < tile.height()
