"""The badge comes out of the kiosk's own printer worker, and the done screen says so; a printer
that is missing sends the visitor to the desk, calmly, and the check-in still stands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from kiosk.application.wiring import BackgroundLoops, kiosk_background
from kiosk.config import NotifySettings, PrinterSettings, Settings
from kiosk.db import Database
from kiosk.models import Visit, VisitStatus
from kiosk.ui.kiosk.assembly import Kiosk


@pytest.fixture
def start_printer(database: Database, kiosk_settings: Settings) -> Iterator[Callable[[PrinterSettings], None]]:
    """The kiosk process's badge print loop (as ``kiosk`` starts it) on the test database."""
    started: list[BackgroundLoops] = []

    def start(printer: PrinterSettings) -> None:
        settings = replace(kiosk_settings, printer=printer, notify=NotifySettings(dispatcher="external"))
        started.append(kiosk_background(database, settings).start())

    yield start
    for loops in started:
        assert loops.stop(5)


def test_scanned_invitation_prints_a_badge_and_the_screen_says_take_it(
    english: Kiosk, start_printer, invitation, qtbot, tmp_path, database
) -> None:
    out = tmp_path / "badge.escpos"
    start_printer(PrinterSettings(kind="file", path=str(out), text_mode="gb18030"))
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.done
    qtbot.waitUntil(lambda: "take your visitor badge" in english.window.done.badge_line.text(), timeout=10_000)
    assert b"Jane Doe" in out.read_bytes()


@pytest.mark.expect_log("refused the connection")
def test_missing_printer_sends_the_visitor_to_the_desk_and_the_visit_stands(
    english: Kiosk, start_printer, invitation, qtbot, database
) -> None:
    start_printer(PrinterSettings(kind="network", host="127.0.0.1", port=9, timeout=0.3))
    english.flow.scan_input.deliver_text(invitation.token)
    qtbot.waitUntil(lambda: "front desk" in english.window.done.badge_line.text(), timeout=20_000)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, invitation.visit_id).status == VisitStatus.CHECKED_IN
