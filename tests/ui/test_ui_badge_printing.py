"""The badge comes out of the kiosk's own printer worker, and the done screen says so; a printer
that is missing sends the visitor to the desk, calmly, and the check-in still stands."""

from __future__ import annotations

from dataclasses import replace

from kiosk.config import CameraSettings, NotifySettings, PrinterSettings, Settings
from kiosk.models import Visit, VisitStatus
from kiosk.ui.kiosk.assembly import Kiosk


def _start(kiosk: Kiosk, settings: Settings, printer: PrinterSettings) -> None:
    kiosk.start_devices(replace(settings, camera=CameraSettings(source=""), printer=printer,
                                notify=NotifySettings(dispatcher="external")))


def test_scanned_invitation_prints_a_badge_and_the_screen_says_take_it(
    english: Kiosk, kiosk_settings: Settings, invitation, qtbot, tmp_path, database
) -> None:
    out = tmp_path / "badge.escpos"
    _start(english, kiosk_settings, PrinterSettings(kind="file", path=str(out), text_mode="gb18030"))
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.done
    qtbot.waitUntil(lambda: "take your visitor badge" in english.window.done.badge_line.text(), timeout=10_000)
    assert b"Jane Doe" in out.read_bytes()


def test_missing_printer_sends_the_visitor_to_the_desk_and_the_visit_stands(
    english: Kiosk, kiosk_settings: Settings, invitation, qtbot, database
) -> None:
    _start(english, kiosk_settings, PrinterSettings(kind="network", host="127.0.0.1", port=9, timeout=0.3))
    english.flow.scan_input.deliver_text(invitation.token)
    qtbot.waitUntil(lambda: "front desk" in english.window.done.badge_line.text(), timeout=20_000)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, invitation.visit_id).status == VisitStatus.CHECKED_IN
