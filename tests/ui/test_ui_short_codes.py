"""Typing the invitation's short code at the kiosk: the same screens as the QR, and a pause after many wrong codes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.config import CameraSettings, Settings
from kiosk.db import Database
from kiosk.domain import short_codes
from kiosk.models import Visit, VisitStatus
from kiosk.ui.kiosk.assembly import Kiosk


def _type(kiosk: Kiosk, text: str) -> None:
    kiosk.window.welcome.invitation.click()
    scan = kiosk.window.scan
    scan.code.setText(text)
    scan.submit.click()


def _status(database: Database, visit_id: int) -> VisitStatus:
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit is not None
        return visit.status


def test_a_typed_short_code_checks_in_like_the_qr(english: Kiosk, invitation, database: Database) -> None:
    typed = short_codes.shown(invitation.short_code).lower()
    _type(english, typed)
    window = english.window
    assert window.current() is window.done
    assert window.done.title.text() == "Welcome, Jane Doe"
    assert window.done.body.text() == "张伟 (Sales) has been told you are here."
    assert _status(database, invitation.visit_id) == VisitStatus.CHECKED_IN
    # Then the QR reads as a used code, as a second scan after the grace window would.
    english.flow.go_home()
    database.clock.advance(seconds=120)
    english.flow.scan_input.deliver_text(invitation.token)
    assert window.current() is window.message
    assert window.message.title.text() == "This invitation has already been used"


def test_a_short_code_typed_by_hand_through_the_scanner_filter(
    english: Kiosk, kiosk_settings: Settings, invitation, qtbot
) -> None:
    # A person's keystrokes are slower than a wedge scanner's burst: they reach the box, then Return submits.
    english.start_devices(replace(kiosk_settings, camera=CameraSettings(source="")))
    english.window.welcome.invitation.click()
    box = english.window.scan.code
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    typed = short_codes.shown(invitation.short_code)
    QTest.keyClicks(box, typed, delay=80)
    qtbot.waitUntil(lambda: box.text() == typed, timeout=3000)
    QTest.keyClick(box, Qt.Key.Key_Return, delay=80)
    qtbot.waitUntil(lambda: english.window.current() is english.window.done, timeout=3000)


def test_a_wrong_code_reads_like_an_unknown_code_in_the_visitors_language(kiosk: Kiosk, invitation) -> None:
    _type(kiosk, "ABCD-EFGH")
    window = kiosk.window
    assert window.current() is window.message
    assert window.message.title.text() == "无法识别此二维码"
    kiosk.languages.set_language("en")
    assert window.message.title.text() == "We could not recognise this code"
    assert window.scan.code.text() == ""  # the next visitor does not see it


def test_after_ten_wrong_codes_the_kiosk_asks_for_a_minutes_patience(
    english: Kiosk, invitation, database: Database
) -> None:
    for number in range(10):
        english.flow.go_home()
        _type(english, short_codes.from_number(number))
        assert english.window.message.title.text() == "We could not recognise this code"
    english.flow.go_home()
    _type(english, invitation.short_code)  # even the right one waits: the pause says nothing about codes
    window = english.window
    assert window.message.title.text() == "Please wait a moment"
    assert "try again in a minute" in window.message.body.text()
    english.languages.set_language("zh_CN")
    assert window.message.title.text() == "请稍候"
    # The QR still scans meanwhile, and a minute later typing works again.
    english.languages.set_language("en")
    database.clock.advance(seconds=60)
    english.flow.go_home()
    _type(english, invitation.short_code)
    assert window.current() is window.done
