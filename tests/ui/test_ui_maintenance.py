"""Lockdown and the maintenance panel: the hidden corner, the PIN pad and its lockout, the panel's checks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.config import PrinterSettings, Settings
from kiosk.db import Database
from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.models import BadgePrintJob, Visit, VisitStatus
from kiosk.ui.kiosk.assembly import Kiosk, build_kiosk
from kiosk.ui.kiosk.maintenance import panel

PIN = "246813"
HOLD_MS = 150  # the real 3 s, shortened


@pytest.fixture
def pin_hash() -> str:
    return PasswordHasher().hash(PIN)


@pytest.fixture
def kiosk_settings(kiosk_settings: Settings, pin_hash: str, tmp_path: Path) -> Settings:
    return replace(
        kiosk_settings,
        kiosk=replace(kiosk_settings.kiosk, maintenance_pin_hash=pin_hash),
        printer=PrinterSettings(kind="file", path=str(tmp_path / "printer.bin")),
    )


@pytest.fixture(autouse=True)
def _restore_look(qapp):
    """Reload settings re-applies the theme to the whole application: put it back for the next test."""
    sheet, font = qapp.styleSheet(), qapp.font()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def english(english: Kiosk) -> Kiosk:
    english.maintenance.corner.hold.setInterval(HOLD_MS)
    return english


def _long_press(kiosk: Kiosk, qtbot) -> None:
    qtbot.mousePress(kiosk.maintenance.corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.maintenance.pad.isVisible, timeout=2000)
    qtbot.mouseRelease(kiosk.maintenance.corner, Qt.MouseButton.LeftButton)


def _type_pin(kiosk: Kiosk, pin: str) -> None:
    pad = kiosk.maintenance.pad
    pad.clear.click()
    for digit in pin:
        pad.digits[digit].click()
    pad.ok.click()


def _unlock(kiosk: Kiosk, qtbot) -> None:
    _long_press(kiosk, qtbot)
    _type_pin(kiosk, PIN)
    assert kiosk.maintenance.panel.isVisible()


def test_the_corner_is_invisible_and_only_over_the_welcome_screen(english: Kiosk) -> None:
    corner = english.maintenance.corner
    assert corner.geometry().getRect() == (0, 0, 80, 80)
    assert corner.isVisible()
    english.window.welcome.walk_in.click()  # elsewhere the corner is "Start over"
    assert not corner.isVisible()
    english.flow.go_home()
    assert corner.isVisible()


def test_a_long_press_in_the_corner_opens_the_pin_pad(english: Kiosk, qtbot) -> None:
    _long_press(english, qtbot)
    pad = english.maintenance.pad
    assert pad.message.text() == "Enter the maintenance PIN."
    assert pad.keys.isVisible()
    assert not pad.ok.isEnabled()  # nothing typed yet


def test_a_short_tap_in_the_corner_does_nothing(english: Kiosk, qtbot) -> None:
    qtbot.mouseClick(english.maintenance.corner, Qt.MouseButton.LeftButton)
    qtbot.wait(HOLD_MS * 3)
    assert not english.maintenance.pad.isVisible()


def test_without_a_pin_hash_the_corner_says_how_to_set_one(english: Kiosk, qtbot) -> None:
    english.maintenance.gate.pin_hash = ""
    _long_press(english, qtbot)
    pad = english.maintenance.pad
    assert "kioskctl kiosk set-pin" in pad.message.text()
    assert not pad.keys.isVisible()
    pad.cancel.click()
    assert not pad.isVisible()


def test_the_right_pin_opens_the_panel(english: Kiosk, qtbot) -> None:
    _unlock(english, qtbot)
    assert not english.maintenance.pad.isVisible()
    assert english.maintenance.panel.title.text() == "Maintenance"


@pytest.mark.expect_log("maintenance: wrong PIN")
def test_three_wrong_pins_lock_the_pad_for_a_minute(english: Kiosk, qtbot, database: Database) -> None:
    gate = english.maintenance.gate
    now = [1000.0]
    gate.clock = lambda: now[0]
    _long_press(english, qtbot)
    _type_pin(english, "111111")
    assert english.maintenance.pad.message.text() == "Wrong PIN. Tries left before a one-minute wait: 2"
    _type_pin(english, "222222")
    _type_pin(english, "333333")
    pad = english.maintenance.pad
    assert gate.locked
    assert "Try again in 60 s." in pad.message.text()
    assert not pad.keys.isEnabled()
    gate.check(PIN)  # even the right PIN waits out the minute
    assert not english.maintenance.panel.isVisible()
    # Closing and reopening the pad does not reset the count.
    pad.cancel.click()
    _long_press(english, qtbot)
    assert not pad.keys.isEnabled()
    now[0] += 61
    database.clock.advance(seconds=61)
    gate._show_state()
    assert pad.keys.isEnabled()
    _type_pin(english, PIN)
    assert english.maintenance.panel.isVisible()


def test_the_pad_needs_six_digits(english: Kiosk, qtbot) -> None:
    _long_press(english, qtbot)
    pad = english.maintenance.pad
    for digit in PIN[:5]:
        pad.digits[digit].click()
    assert not pad.ok.isEnabled()
    pad.digits[PIN[5]].click()
    assert pad.ok.isEnabled()


@pytest.mark.expect_log("maintenance: wrong PIN")
def test_a_restarted_kiosk_is_still_locked(english: Kiosk, qtbot, database: Database, kiosk_settings: Settings,
                                           protector) -> None:
    _long_press(english, qtbot)
    for wrong in ("111111", "222222", "333333"):
        _type_pin(english, wrong)
    english.shutdown()

    restarted = build_kiosk(kiosk_settings, KioskGateway.from_settings(database, kiosk_settings, protector),
                            database.clock.now, synchronous=True)
    try:
        restarted.languages.set_language("en")
        restarted.maintenance.corner.hold.setInterval(HOLD_MS)
        restarted.window.show()
        _long_press(restarted, qtbot)
        pad = restarted.maintenance.pad
        assert "Try again in 60 s." in pad.message.text()
        assert not pad.keys.isEnabled()
        restarted.maintenance.gate.check(PIN)  # the right PIN waits out the minute here too
        assert not restarted.maintenance.panel.isVisible()
    finally:
        restarted.shutdown()
        restarted.window.deleteLater()


def test_scans_are_ignored_while_maintenance_is_open(english: Kiosk, qtbot, invitation, database: Database) -> None:
    _unlock(english, qtbot)
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.welcome
    english.maintenance.panel.close_button.click()
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.done
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, invitation.visit_id).status == VisitStatus.CHECKED_IN


@pytest.mark.expect_log("maintenance: the kiosk was exited from the panel")
def test_exit_quits_the_application(english: Kiosk, qtbot, monkeypatch) -> None:
    exits = []
    monkeypatch.setattr(panel.QCoreApplication, "exit", lambda code=0: exits.append(code))
    _unlock(english, qtbot)
    english.maintenance.panel.exit.click()
    assert exits == [0]


def test_test_print_sends_the_sample_badge_and_queues_nothing(english: Kiosk, qtbot, kiosk_settings,
                                                              database: Database) -> None:
    _unlock(english, qtbot)
    english.maintenance.panel.test_print.click()
    assert english.maintenance.panel.status.text() == "The test badge was sent to the printer."
    printed = Path(kiosk_settings.printer.path).read_bytes()
    assert printed.startswith(b"\x1b@")  # ESC @: a printer reset, the start of every badge
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(BadgePrintJob)) == 0


def test_a_missing_printer_is_reported_calmly(english: Kiosk, qtbot) -> None:
    english.maintenance.settings = replace(english.maintenance.settings, printer=PrinterSettings(kind="none"))
    _unlock(english, qtbot)
    english.maintenance.panel.test_print.click()
    assert english.maintenance.panel.status.text().startswith("The test badge did not print: ")
    assert english.maintenance.panel.test_print.isEnabled()


class FakeCamera(QObject):
    status = Signal(object)
    preview = Signal(QImage)

    def __init__(self) -> None:
        super().__init__()
        self.preview_wanted = False


def test_camera_test_shows_the_preview_and_the_status(english: Kiosk, qtbot) -> None:
    camera = FakeCamera()
    english.maintenance.attach_camera(camera)
    camera.status.emit(CameraStatus(CameraState.OK))
    _unlock(english, qtbot)
    panel = english.maintenance.panel
    panel.camera_test.click()
    assert camera.preview_wanted
    assert panel.preview.isVisible()
    assert panel.status.text().startswith("Camera: working.")
    frame = QImage(640, 360, QImage.Format.Format_RGB888)
    frame.fill(Qt.GlobalColor.darkCyan)
    camera.preview.emit(frame)
    assert not panel.preview.pixmap().isNull()
    camera.status.emit(CameraStatus(CameraState.UNAVAILABLE, reason="unplugged"))
    assert panel.status.text() == "Camera: not available, retrying. unplugged"
    panel.close_button.click()
    assert not camera.preview_wanted


def test_camera_test_without_a_camera_says_so(english: Kiosk, qtbot) -> None:
    _unlock(english, qtbot)
    english.maintenance.panel.camera_test.click()
    assert "No camera is running" in english.maintenance.panel.status.text()


def test_reload_settings_applies_what_it_can_and_names_what_needs_a_restart(
    english: Kiosk, qtbot, tmp_path: Path, monkeypatch, pin_hash: str
) -> None:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    config = tmp_path / "kiosk.toml"
    current = english.maintenance.settings
    new_hash = PasswordHasher().hash("9999")
    config.write_text(
        f'[database]\nurl = "{current.database.url}"\n'
        f'[site]\ncode = "{current.site.code}"\nname = "{current.site.name}"\nlanguage = "en"\n'
        f'[kiosk]\nid = "K1"\nidle_seconds = 45\nlarge_text = true\nmaintenance_pin_hash = "{new_hash}"\n'
        f'[camera]\nsource = ""\n[printer]\nkind = "file"\npath = "{current.printer.path}"\n',
        encoding="utf-8",
    )
    english.maintenance.settings = replace(current, source=str(config))
    _unlock(english, qtbot)
    english.maintenance.panel.reload.click()
    status = english.maintenance.panel.status.text()
    assert "Now in use: site.language, kiosk.maintenance_pin_hash, kiosk.large_text." in status
    assert "These need a restart of the kiosk: kiosk.idle_seconds" in status
    assert english.languages.default == "en"
    assert english.accessibility.look.large_text
    assert english.maintenance.gate.pin_hash == new_hash


def test_reload_with_a_broken_file_changes_nothing(english: Kiosk, qtbot, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nidle_seconds = 'soon'\n", encoding="utf-8")
    english.maintenance.settings = replace(english.maintenance.settings, source=str(config))
    _unlock(english, qtbot)
    english.maintenance.panel.reload.click()
    assert "nothing was changed" in english.maintenance.panel.status.text()
    assert "kiosk.idle_seconds" in english.maintenance.panel.status.text()
    assert english.languages.default == "zh_CN"


def test_the_panel_closes_itself_when_left_alone(english: Kiosk, qtbot, invitation) -> None:
    _unlock(english, qtbot)
    english.maintenance.panel.idle.set_seconds(1)
    qtbot.waitUntil(lambda: not english.maintenance.panel.isVisible(), timeout=3000)
    english.flow.scan_input.deliver_text(invitation.token)  # scans are listened to again
    assert english.window.current() is english.window.done


@pytest.mark.parametrize("keys", [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
])
@pytest.mark.expect_log("laid out for 1920x1080")  # show_kiosk on the offscreen platform's 800x800 screen
def test_keyboard_shortcuts_do_not_close_the_kiosk(kiosk: Kiosk, qtbot, keys) -> None:
    window = kiosk.window
    window.show_kiosk()
    key, modifier = keys
    qtbot.keyClick(window, key, modifier)
    qtbot.keyClick(window.welcome, key, modifier)
    QApplication.processEvents()
    assert window.isVisible()
    assert not window.close()  # what a window manager does on Alt+F4
    assert window.isVisible()
    assert window.current() is window.welcome
