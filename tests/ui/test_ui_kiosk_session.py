"""The kiosk as a shared device: language switch, idle wipe, no way out by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent

from kiosk.ui.kiosk.assembly import Kiosk


def test_language_switch_changes_what_the_visitor_reads(kiosk: Kiosk) -> None:
    welcome = kiosk.window.welcome
    assert welcome.invitation.title.text() == "我有邀请"
    assert welcome.language.text() == "English"
    welcome.language.click()
    assert welcome.invitation.title.text() == "I have an invitation"
    assert welcome.language.text() == "中文"
    assert welcome.date.text() == "Monday, 15 June 2026"
    welcome.language.click()
    assert welcome.date.text() == "2026年6月15日　星期一"


def test_idle_wipes_every_field_and_returns_to_welcome_in_the_default_language(kiosk: Kiosk, host, qtbot) -> None:
    kiosk.window.welcome.language.click()
    kiosk.window.welcome.walk_in.click()
    form = kiosk.window.walk_in
    form.name.setText("Jane Doe")
    form.phone.setText("13800138000")
    kiosk.flow._search_hosts("zw")
    form.host.choose(form.host.results.item(0).data(Qt.ItemDataRole.UserRole))
    kiosk.flow.countdown_seconds = 1
    kiosk.flow.idle.set_seconds(1)
    qtbot.waitUntil(lambda: kiosk.window.idle_overlay.isVisible(), timeout=3000)
    assert kiosk.window.idle_overlay.title.text() == "Are you still there?"
    qtbot.waitUntil(lambda: kiosk.window.current() is kiosk.window.welcome, timeout=3000)
    assert not kiosk.window.idle_overlay.isVisible()
    assert (form.name.text(), form.phone.text(), form.host.selected) == ("", "", None)
    assert kiosk.languages.current == "zh_CN"
    assert kiosk.window.welcome.invitation.title.text() == "我有邀请"


def test_touch_during_the_countdown_keeps_the_visit(kiosk: Kiosk) -> None:
    kiosk.window.welcome.walk_in.click()
    kiosk.window.walk_in.name.setText("Jane Doe")
    kiosk.flow._on_idle()
    assert kiosk.window.idle_overlay.isVisible()
    kiosk.window.idle_overlay.stay.click()
    assert not kiosk.window.idle_overlay.isVisible()
    assert kiosk.window.current() is kiosk.window.walk_in
    assert kiosk.window.walk_in.name.text() == "Jane Doe"


def test_idle_on_welcome_only_restores_the_default_language(kiosk: Kiosk) -> None:
    kiosk.window.welcome.language.click()
    kiosk.flow._on_idle()
    assert not kiosk.window.idle_overlay.isVisible()
    assert kiosk.languages.current == "zh_CN"


def test_start_over_forgets_the_form(english: Kiosk) -> None:
    english.window.welcome.walk_in.click()
    english.window.walk_in.name.setText("Jane Doe")
    english.window.walk_in.header.home.click()
    assert english.window.current() is english.window.welcome
    assert english.window.walk_in.name.text() == ""


def test_window_cannot_be_closed_by_the_visitor(kiosk: Kiosk) -> None:
    event = QCloseEvent()
    kiosk.window.closeEvent(event)
    assert not event.isAccepted()


@pytest.mark.expect_log("set [kiosk] scale = 0.42")  # the offscreen platform's screen is 800x800
def test_fullscreen_takes_the_primary_screens_geometry(kiosk: Kiosk) -> None:
    kiosk.window.show_kiosk()
    screen = kiosk.window.screen().geometry()
    assert kiosk.window.geometry() == screen
    assert kiosk.window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_page_slides_up_so_the_field_stays_above_the_on_screen_keyboard(english: Kiosk, qtbot) -> None:
    window = english.window
    window.welcome.walk_in.click()
    field = window.walk_in.id_number
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    keyboard_top = field.mapTo(window, field.rect().topLeft()).y()  # the keyboard would cover the field
    window.pan_for_keyboard(keyboard_top)
    assert window.stack.y() < 0
    assert field.mapTo(window, field.rect().bottomLeft()).y() < keyboard_top
    window.pan_for_keyboard(None)
    assert window.stack.y() == 0
