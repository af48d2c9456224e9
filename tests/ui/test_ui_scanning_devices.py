"""Codes arriving from real device paths: the camera thread (and its failure) and a keyboard-wedge scanner."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.config import CameraSettings, Settings
from kiosk.devices.camera import CameraState
from kiosk.ui.kiosk.assembly import Kiosk


@pytest.mark.expect_log("no-such-camera.png does not exist")
def test_camera_failure_is_shown_calmly_and_manual_entry_checks_in(
    english: Kiosk, kiosk_settings: Settings, invitation, qtbot, tmp_path
) -> None:
    broken = replace(kiosk_settings, camera=CameraSettings(source=str(tmp_path / "no-such-camera.png")))
    english.start_devices(broken)
    qtbot.waitUntil(lambda: english.window.scan._status is not None
                    and english.window.scan._status.state is CameraState.UNAVAILABLE, timeout=5000)
    english.window.welcome.invitation.click()
    scan = english.window.scan
    assert scan.camera_line.text() == "The camera is not available right now. Please type your code below."
    assert "camera is resting" in english.window.welcome.camera_line.text()
    scan.code.setText(invitation.token)
    scan.submit.click()
    assert english.window.current() is english.window.done
    assert english.window.done.title.text() == "Welcome, Jane Doe"


def test_empty_manual_entry_explains_where_the_code_is(english: Kiosk) -> None:
    english.window.welcome.invitation.click()
    english.window.scan.submit.click()
    assert english.window.current() is english.window.scan
    assert "printed under the QR code" in english.window.scan.error.text()


def test_wedge_scanner_burst_checks_in_without_a_tap(english: Kiosk, kiosk_settings: Settings, invitation) -> None:
    english.start_devices(replace(kiosk_settings, camera=CameraSettings(source="")))
    english.window.activateWindow()
    english.window.setFocus()
    QTest.keyClicks(english.window, invitation.token)
    QTest.keyClick(english.window, Qt.Key.Key_Return)
    assert english.window.current() is english.window.done


def test_typing_in_a_form_still_reaches_the_field(english: Kiosk, kiosk_settings: Settings, qtbot) -> None:
    english.start_devices(replace(kiosk_settings, camera=CameraSettings(source="")))
    english.window.welcome.walk_in.click()
    name = english.window.walk_in.name
    name.setFocus()
    qtbot.waitUntil(name.hasFocus, timeout=2000)
    QTest.keyClicks(name, "Li", delay=80)
    qtbot.waitUntil(lambda: name.text() == "Li", timeout=2000)
