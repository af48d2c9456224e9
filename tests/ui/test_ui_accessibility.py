"""Large text and high contrast from the welcome screen, for every screen, until the visitor has gone;
the welcome screen by keyboard; the toggles and the maintenance panel in the site's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from kiosk.ui.common.assets import assets_dir
from kiosk.ui.common.theme import DEFAULT_ACCENT, Palette, render_stylesheet, scale_font_sizes
from kiosk.ui.kiosk.assembly import Kiosk

pytestmark = pytest.mark.usefixtures("themed")  # the kiosk's real style sheet (tests/ui/conftest.py)


def _px(widget) -> int:
    return widget.font().pixelSize()


def _text_colour(widget) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def test_large_text_enlarges_labels_on_every_screen_and_resets_at_idle(english: Kiosk) -> None:
    welcome = english.window.welcome
    title_px, tile_px = _px(welcome.scan_title), _px(welcome.invitation.title)
    assert title_px == 34
    welcome.accessibility.large_text.click()
    assert _px(welcome.scan_title) > title_px
    assert _px(welcome.invitation.title) > tile_px
    assert _px(welcome.clock) == 52  # already big: stays put
    welcome.walk_in.click()
    assert english.window.current() is english.window.walk_in
    assert _px(english.window.walk_in.header.home) > 26  # the next screen follows
    english.flow.go_home()
    assert english.accessibility.look.large_text  # the same visitor, still here
    english.flow.idle.idle.emit()  # nobody has touched the welcome screen for a while
    assert _px(welcome.scan_title) == title_px
    assert not welcome.accessibility.large_text.isChecked()


def test_high_contrast_changes_the_palette_and_resets_when_the_visitor_leaves(english: Kiosk) -> None:
    welcome = english.window.welcome
    assert _text_colour(welcome.greeting) == "#1f2a33"
    welcome.accessibility.high_contrast.click()
    assert welcome.accessibility.high_contrast.isChecked()
    assert _text_colour(welcome.greeting) == "#ffffff"
    welcome.invitation.click()
    english.flow.reset_all()  # what the "still there?" countdown does when nobody answers
    assert _text_colour(welcome.greeting) == "#1f2a33"
    assert not welcome.accessibility.high_contrast.isChecked()


def test_high_contrast_resets_at_idle_on_the_welcome_screen(english: Kiosk) -> None:
    welcome = english.window.welcome
    welcome.accessibility.high_contrast.click()
    english.flow.idle.idle.emit()
    assert _text_colour(welcome.greeting) == "#1f2a33"


def test_a_sites_defaults_come_back_after_each_visitor(english: Kiosk) -> None:
    modes = english.accessibility
    modes.defaults = modes.defaults.__class__(large_text=True, high_contrast=False)
    english.flow.reset_all()
    assert english.window.welcome.accessibility.large_text.isChecked()
    english.window.welcome.accessibility.large_text.click()  # this visitor wants it smaller
    assert not modes.look.large_text
    english.flow.reset_all()
    assert modes.look.large_text


def test_the_welcome_screen_works_by_tab_and_enter(english: Kiosk, qtbot) -> None:
    window, welcome = english.window, english.window.welcome
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.wait(10)
    assert QApplication.focusWidget() is None  # no focus ring for touch visitors
    order = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    toggles = welcome.accessibility
    # Reading order, the same in both orientations: the tiles, then the control bar along the bottom.
    assert order == [welcome.invitation, welcome.walk_in, welcome.sign_out, welcome.delivery,
                     toggles.large_text, toggles.high_contrast, welcome.language, welcome.invitation]
    qtbot.keyClick(welcome.invitation, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is welcome.language
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is welcome.invitation
    qtbot.keyClick(welcome.invitation, Qt.Key.Key_Enter)
    assert english.window.current() is english.window.scan


def test_a_toggle_works_by_keyboard_too(english: Kiosk, qtbot) -> None:
    toggle = english.window.welcome.accessibility.large_text
    toggle.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(toggle, Qt.Key.Key_Return)
    assert english.accessibility.look.large_text
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert not english.accessibility.look.large_text


def test_toggles_are_named_for_screen_readers_in_both_languages(kiosk: Kiosk) -> None:
    toggles = kiosk.window.welcome.accessibility
    assert toggles.large_text.accessibleName() == "放大文字"
    assert toggles.high_contrast.accessibleName() == "高对比度"
    kiosk.languages.set_language("en")
    assert toggles.high_contrast.accessibleName() == "High contrast"


def test_large_text_scales_reading_sizes_only() -> None:
    sheet = "a { font-size: 20px; } b { font-size: 34px; } c { font-size: 112px; }"
    assert scale_font_sizes(sheet, 1.3) == "a { font-size: 26px; } b { font-size: 44px; } c { font-size: 112px; }"


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_placeholder_in_the_kiosk_theme_is_filled(high_contrast: bool) -> None:
    palette = Palette.from_accent(DEFAULT_ACCENT)
    palette = palette.high_contrast() if high_contrast else palette
    rendered = render_stylesheet((assets_dir() / "themes" / "kiosk.qss").read_text(encoding="utf-8"), palette, "Sans")
    assert "@" not in rendered


def test_the_accessibility_toggles_speak_the_sites_language(kiosk: Kiosk) -> None:
    toggles = kiosk.window.welcome.accessibility
    # The buttons show their signs ("A+", a contrast icon) with words, and the words are read aloud.
    assert (toggles.large_text.accessibleName(), toggles.high_contrast.accessibleName()) == ("放大文字", "高对比度")
    assert (toggles.large_text.text(), toggles.high_contrast.text().strip()) == ("A+  放大文字", "高对比度")


def test_the_maintenance_panel_speaks_the_sites_language(kiosk: Kiosk) -> None:
    assert kiosk.maintenance.panel.exit.text() == "退出自助机"
    assert kiosk.window.welcome.greeting.text() == "欢迎光临"  # the screens' own file still loads beside it
    kiosk.languages.set_language("en")
    assert kiosk.maintenance.panel.exit.text() == "Exit kiosk"
