"""The status board: a row per room with its state now in a word, each meeting a block where its time is (the
cleaning buffer after it), company and department meetings in different colours, the now line on today; a click
on a meeting opens it, a click on free time opens the booking form there; other days; live and every minute."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from kiosk.application.gateways.desk_rooms import BookingLevel, DamageForm, RoomState
from kiosk.db import Database
from kiosk.domain.changes import Area
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.desk.rooms import room_views
from kiosk.ui.desk.rooms.board_canvas import LEVEL_COLOURS, NOW, ROW
from kiosk.ui.desk.rooms.board_words import block_lines, room_texts
from kiosk.ui.desk.rooms.booking_form import BookingDialog
from kiosk.ui.desk.rooms.detail import BookingDetailDialog
from tests.ui.desk.rooms_setup import ZONE, RoomsDesk, at, close, make_desk


@pytest.fixture
def desk(qtbot, database: Database) -> Iterator[RoomsDesk]:
    made = make_desk(qtbot, database)
    made.add_room("Orchid", 12, "3F")
    made.add_room("Yangtze", 30, "5F", needs_approval=True)
    made.add_room("Huangshan", 6, "5F", frozenset())
    yield made
    close(made)


def shown(desk: RoomsDesk) -> None:
    desk.page.show()
    desk.page.start()
    QTest.qWaitForWindowExposed(desk.page)


def test_each_room_shows_its_floor_seats_equipment_and_state_in_words(desk, clock) -> None:
    clock.advance(minutes=-40)
    desk.book("Orchid", at(8, 30), at(10), 6)  # under way now (09:00)
    clock.advance(minutes=40)
    desk.book("Huangshan", at(15), at(16), 4)
    desk.gateway.report_damage(DamageForm(room_id=desk.rooms["Yangtze"].room_id, what="projector lamp broken"))
    shown(desk)
    rows = desk.page.board.board.rows
    assert [room_texts(row) for row in rows] == [
        ("Orchid", "In use", "3F · 12 seat(s)", "Proj. · Board"),
        ("Huangshan", "Booked", "5F · 6 seat(s)", "no equipment"),
        ("Yangtze", "Out of order", "5F · 30 seat(s) · approval", "Proj. · Board"),
    ]
    assert rows[0].state is RoomState.IN_USE


def test_a_meeting_is_a_block_where_its_time_is_with_its_cleaning_buffer_after_it(desk) -> None:
    made = desk.book("Orchid", at(10), at(13), 4, topic="周会").booking
    shown(desk)
    canvas = desk.page.board.view.canvas
    scale = canvas.scale()
    block = canvas.block_of(made.booking_id)
    assert block is not None
    assert block.rect.left() == pytest.approx(scale.x(at(10)) + 1, abs=1)
    assert block.rect.right() == pytest.approx(scale.x(at(13)) - 1, abs=1)
    hour = scale.x(at(11)) - scale.x(at(10))
    assert block.tail.width() == pytest.approx(hour / 6, abs=2)  # ten minutes of cleaning
    assert 0 <= block.rect.top() < ROW  # the first row: Orchid
    assert block_lines(block.segment, ZONE, past=False) == ("周会", "10:00–13:00 · 张伟 · 4", "⚠ Not prepared · Ad-hoc")
    picture = canvas.grab().toImage()
    inside = QPoint(int(block.rect.right()) - 12, int(block.rect.center().y()))
    assert picture.pixelColor(inside) == QColor(LEVEL_COLOURS[BookingLevel.DEPARTMENT][0])
    now_x = round(scale.x(at(9)))
    assert any(picture.pixelColor(QPoint(x, ROW * 3 - 4)) == QColor(NOW) for x in range(now_x - 1, now_x + 2))


def test_a_company_meeting_looks_different_from_a_department_one(desk) -> None:
    company = desk.book("Orchid", at(14), at(17), 10, level=BookingLevel.COMPANY, topic="董事会").booking
    shown(desk)
    canvas = desk.page.board.view.canvas
    block = canvas.block_of(company.booking_id)
    assert block is not None and "Company" in block_lines(block.segment, ZONE, past=False)[2]
    inside = QPoint(int(block.rect.right()) - 12, int(block.rect.center().y()))
    assert canvas.grab().toImage().pixelColor(inside) == QColor(LEVEL_COLOURS[BookingLevel.COMPANY][0])


def test_a_click_on_a_meeting_opens_it_and_on_free_time_the_form_there(desk) -> None:
    made = desk.book("Orchid", at(10), at(11), 4, topic="周会").booking
    shown(desk)
    opened: list[object] = []
    desk.page.open_detail = opened.append
    desk.page.run_form = opened.append
    canvas = desk.page.board.view.canvas
    block = canvas.block_of(made.booking_id)
    assert block is not None
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, block.rect.center().toPoint())
    detail = opened[0]
    assert isinstance(detail, BookingDetailDialog)
    assert detail.panel.heading.text() == f"#{made.booking_id} 周会"
    free = QPointF(canvas.scale().x(at(14, 10)), ROW * 1.5)  # the second row, at 14:10
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, free.toPoint())
    form = opened[1]
    assert isinstance(form, BookingDialog)
    room = desk.page.board.board.rows[1].room
    assert form.room.currentData() == room.room_id
    assert (form.start.time(), form.end.time()) == (QTime(14, 0), QTime(15, 0))


def test_the_next_and_previous_days(desk) -> None:
    desk.book("Orchid", at(10, day=16), at(11, day=16), 4, topic="明天的会")
    shown(desk)
    board = desk.page.board
    assert not board.today_button.isEnabled()
    assert "2026-06-15" in board.day_title.text() and "today" in board.day_title.text()
    board.next_button.click()
    assert "2026-06-16" in board.day_title.text() and board.today_button.isEnabled()
    assert [s.topic for row in board.board.rows for s in row.segments] == ["明天的会"]
    board.today_button.click()
    assert board.board.day == at(9).date()


def test_the_board_follows_changes_and_the_clock(qtbot, desk, clock) -> None:
    live = LiveChanges()
    page = room_views(desk.gateway, desk.pool, zone=ZONE, now=desk.database.clock.now,
                      search_hosts=lambda _text: [], live=live)[0].widget
    qtbot.addWidget(page)
    page.minute.setInterval(40)
    page.show()
    page.start()
    made = desk.book("Orchid", at(9, 30), at(10), 4).booking  # elsewhere: another desk
    live.listener(frozenset({Area.ROOMS}))
    qtbot.waitUntil(lambda: page.board.view.canvas.block_of(made.booking_id) is not None, timeout=3000)
    assert page.board.board.rows[0].state is RoomState.BOOKED
    clock.advance(minutes=45)  # 09:45: the meeting is under way
    qtbot.waitUntil(lambda: page.board.board.rows[0].state is RoomState.IN_USE, timeout=3000)
    clock.advance(minutes=20)  # 10:05: its cleaning buffer
    qtbot.waitUntil(lambda: page.board.board.rows[0].state is RoomState.CLEANING, timeout=3000)
    page.stop()
