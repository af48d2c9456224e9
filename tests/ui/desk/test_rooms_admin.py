"""The rooms themselves (added, edited, a name taken refused), damage reported outside an inspection (the room
out of order on the board and refused by the form), and the use report with its total and export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.application.gateways.desk_rooms import DamageForm, RoomForm, RoomState
from kiosk.db import Database
from kiosk.ui.desk.rooms.rooms_tab import RoomDialog
from kiosk.ui.desk.rooms.tables import texts
from tests.ui.desk.rooms_setup import E, RoomsDesk, at, close, make_desk


@pytest.fixture
def desk(qtbot, database: Database) -> Iterator[RoomsDesk]:
    made = make_desk(qtbot, database)
    made.add_room("Orchid", 12, "3F")
    made.page.start()
    yield made
    close(made)


def test_a_room_is_added_and_edited(desk, qtbot) -> None:
    tab = desk.page.rooms
    desk.page.tabs.setCurrentWidget(tab)
    dialog = RoomDialog(None, None)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()  # a room needs a name
    dialog.name.setText("Training")
    dialog.floor.setText("6F")
    dialog.capacity.setValue(60)
    dialog.equipment[E.PROJECTOR].setChecked(True)
    dialog.equipment[E.MICROPHONE].setChecked(True)
    dialog.needs_approval.setChecked(True)
    dialog.cleaning.setValue(20)
    tab.ask_room = lambda row: dialog.form()
    tab.add_button.click()
    assert tab.message.text() == "Saved: Training"
    assert [texts(tab.table, r) for r in range(tab.table.rowCount())] == [
        ["Orchid", "3F", "12", "Projector · Whiteboard", "10 min", "10 min", "", "In order"],
        ["Training", "6F", "60", "Projector · Microphone", "20 min", "10 min", "needs approval", "In order"],
    ]
    tab.table.selectRow(1)
    assert tab.edit_button.isEnabled()
    edited = RoomDialog(None, tab.current())
    qtbot.addWidget(edited)
    assert (edited.name.text(), edited.capacity.value(), edited.needs_approval.isChecked()) == ("Training", 60, True)
    edited.active.setChecked(False)
    tab.ask_room = lambda row: edited.form()
    tab.edit_button.click()
    assert texts(tab.table, 1)[6] == "needs approval, not in use"
    assert [row.room.name for row in desk.gateway.day_board().rows] == ["Orchid"]  # only rooms in use
    tab.ask_room = lambda row: RoomForm(name="Orchid", capacity=8)
    tab.add_button.click()
    assert tab.message.text() == "A room of this name exists already."


def test_damage_reported_at_the_desk_puts_the_room_out_of_order(desk) -> None:
    damage = desk.page.damage
    desk.page.tabs.setCurrentWidget(damage)
    assert not damage.repair_button.isEnabled()
    damage.ask_damage = lambda: (DamageForm(room_id=desk.rooms["Orchid"].room_id, what="空调漏水"), "")
    damage.report_button.click()
    assert damage.message.text() == "Orchid is out of order until the repair is recorded."
    assert texts(damage.table, 0)[:2] == ["Orchid", "空调漏水"]
    assert texts(damage.table, 0)[6] == "Waiting for repair"
    damage.table.selectRow(0)
    assert damage.repair_button.isEnabled() and not damage.photo_button.isEnabled()  # no photo
    desk.page.tabs.setCurrentWidget(desk.page.board)
    assert desk.page.board.board.rows[0].state is RoomState.OUT_OF_ORDER


def test_the_use_report_per_room_with_its_total_and_export(desk, clock, tmp_path: Path) -> None:
    desk.add_room("Yangtze", 30, "5F")
    desk.book("Orchid", at(10), at(12), 6)
    desk.book("Yangtze", at(14), at(15), 6)
    cancelled = desk.book("Yangtze", at(16), at(17), 6).booking
    desk.gateway.cancel(cancelled.booking_id, "改期")
    clock.advance(days=1)
    report = desk.page.report
    desk.page.tabs.setCurrentWidget(report)
    report.show_last_month()  # May: nothing yet
    assert [texts(report.table, r)[0] for r in range(report.table.rowCount())] == ["Orchid", "Yangtze", "Total"]
    assert texts(report.table, 2)[2:] == ["0.0", "744", "0%", "0", "0", "0", "0"]  # 31 days × 12 h × 2 rooms
    report.date_from.setDate(report.date_from.date().addMonths(1))
    report.date_to.setDate(report.date_to.date().addDays(16))  # 1-16 June
    assert report.period() == (at(9, day=1).date(), at(9, day=16).date())
    assert texts(report.table, 0)[:3] == ["Orchid", "3F", "2.0"]
    assert texts(report.table, 1)[5:] == ["1", "0", "0", "1"]  # one held, one cancelled
    assert texts(report.table, 2)[:3] == ["Total", "", "3.0"]
    path = tmp_path / "rooms.xlsx"
    report.choose_file = lambda name: str(path)
    report.export_button.click()
    assert report.message.text() == "2 room(s) exported."
    sheet = load_workbook(path).active
    assert sheet is not None and sheet.max_row >= 3
