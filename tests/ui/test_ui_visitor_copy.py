"""What a visitor reads and can do on the kiosk's answers: a problem is never a dead end, a star is empty until
chosen, the badge line is read to its end, a note never hides what it lands on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton

from kiosk.db import Database
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.widgets.free_spot import shown_parts
from tests.factories import invite

UNKNOWN_INVITATION = "v1.i." + "A" * 32
UNKNOWN_BADGE = "v1.o." + "A" * 32
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def _buttons(kiosk: Kiosk) -> list[str]:
    return [button.text() for button in kiosk.window.message.action_buttons if button.isVisible()]


def test_an_unknown_code_offers_registering_as_a_walk_in_and_the_front_desk(english: Kiosk) -> None:
    english.flow.scan_input.deliver_text(UNKNOWN_INVITATION)
    message = english.window.message
    assert english.window.current() is message
    assert _buttons(english) == ["Register as a walk-in"]
    assert message.hint.isVisible() and "front desk" in message.hint.text()

    message.action_buttons[0].click()
    assert english.window.current() is english.window.walk_in
    assert english.window.walk_in.name.text() == ""


def test_the_way_forward_reads_in_chinese(kiosk: Kiosk, host, database: Database, clock) -> None:
    expired = invite(database, host.id)
    clock.advance(days=1)
    kiosk.flow.scan_input.deliver_text(expired.token)
    assert _buttons(kiosk) == ["现场登记来访"]
    assert kiosk.window.message.hint.text() == "您也可以到前台咨询，我们很乐意为您服务。"
    kiosk.languages.set_language("en")
    assert _buttons(kiosk) == ["Register as a walk-in"]


def test_an_unreadable_badge_at_sign_out_offers_signing_out_by_name(english: Kiosk) -> None:
    english.flow.scan_input.deliver_text(UNKNOWN_BADGE)
    assert english.window.message.title.text() == "We could not sign you out with this code"
    assert _buttons(english) == ["Sign out by name"]
    english.window.message.action_buttons[0].click()
    assert english.window.current() is english.window.sign_out


def test_stars_are_empty_until_the_visitor_chooses(english: Kiosk, invitation, database: Database) -> None:
    from tests.ui.test_ui_checkin_flow import _badge_token

    english.flow.scan_input.deliver_text(invitation.token)
    english.flow.go_home()
    rating = english.window.rating
    english.flow.scan_input.deliver_text(_badge_token(database, invitation.visit_id))
    assert english.window.current() is rating
    assert rating.filled() == 0
    assert {star.text() for star in rating.stars} == {"\u2606"}
    rating.stars[2].click()
    assert rating.filled() == 3


@pytest.mark.parametrize("orientation", SIZES)
def test_a_note_on_the_welcome_screen_hides_none_of_it(english: Kiosk, orientation: str, qtbot) -> None:
    window = english.window
    window.resize(*SIZES[orientation])
    qtbot.waitUntil(lambda: window.welcome.width() == SIZES[orientation][0])
    english.flow.scan_input.deliver_text("https://example.com/pay?id=1")
    toast = window.toast
    assert toast.isVisible() and "web link" in toast.text()
    assert window.rect().contains(toast.geometry())
    tiles_and_buttons = [QRect(b.mapTo(window, b.rect().topLeft()), b.size())
                         for b in window.welcome.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert tiles_and_buttons
    assert [r for r in tiles_and_buttons if r.intersects(toast.geometry())] == []
    if orientation == "landscape":  # room beside the bar: nothing on the screen is covered at all
        assert [r for r in shown_parts(window.welcome, window) if r.intersects(toast.geometry())] == []


@pytest.mark.parametrize("orientation", SIZES)
@pytest.mark.parametrize("large_text", [False, True])
def test_the_badge_line_is_read_to_its_end(english: Kiosk, invitation, orientation: str, large_text: bool,
                                           qtbot) -> None:
    window = english.window
    window.resize(*SIZES[orientation])
    if large_text:
        assert english.accessibility is not None
        english.accessibility.set_large_text(True)
    english.flow.scan_input.deliver_text(invitation.token)
    line = window.done.badge_line
    assert line.text() == "Your visitor badge is printing below the screen\u2026"
    qtbot.waitUntil(lambda: window.done.width() == SIZES[orientation][0])
    window.done.layout().activate()
    inside = line.contentsRect()
    needed = line.fontMetrics().boundingRect(inside, int(Qt.TextFlag.TextWordWrap), line.text())
    assert needed.width() <= inside.width() and needed.height() <= inside.height()
    assert line.geometry().right() <= window.done.width()


def test_success_screens_say_done_and_problems_start_over(kiosk: Kiosk, invitation, database: Database) -> None:
    from tests.ui.test_ui_checkin_flow import _badge_token

    window = kiosk.window
    kiosk.flow.scan_input.deliver_text(invitation.token)
    assert window.done.header.home.text() == "完成"
    kiosk.languages.set_language("en")
    assert window.done.header.home.text() == "Done"
    window.done.header.home.click()
    assert window.current() is window.welcome

    kiosk.flow.scan_input.deliver_text(_badge_token(database, invitation.visit_id))
    assert window.rating.header.home.text() == "Done"
    window.rating.skip.click()
    assert window.message.title.text() == "Thank you for your visit"
    assert window.message.header.home.text() == "Done"

    kiosk.flow.go_home()
    kiosk.flow.scan_input.deliver_text(UNKNOWN_INVITATION)
    assert window.message.header.home.text() == "Start over"
    kiosk.languages.set_language("zh_CN")
    assert window.message.header.home.text() == "返回首页"
