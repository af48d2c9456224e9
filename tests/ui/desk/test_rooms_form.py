"""The booking form: as it is filled in, one line says whether the slot can be had (the booking in the way, the
seats, the notice period) or whom a company meeting will displace; a free room found for the slot; saving says
what was booked, what was displaced and which rooms were offered, or for a weekly series the dates not booked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QTime

from kiosk.application.gateways.desk_rooms import BookingLevel, BookingStatus
from kiosk.db import Database
from kiosk.ui.desk.rooms.booking_form import BookingDialog
from tests.ui.desk.rooms_setup import E, RoomsDesk, at, close, make_desk


@pytest.fixture
def desk(qtbot, database: Database) -> Iterator[RoomsDesk]:
    made = make_desk(qtbot, database)
    made.add_room("Orchid", 12, "3F")
    made.add_room("Yangtze", 30, "5F", frozenset({E.PROJECTOR, E.WHITEBOARD, E.VIDEO_CONFERENCE}))
    made.add_room("Huangshan", 6, "5F", frozenset())
    made.page.start()
    yield made
    close(made)


def fill(dialog: BookingDialog, desk: RoomsDesk, *, room: str = "Orchid", day: int = 15,
         start: tuple[int, int] = (10, 0), end: tuple[int, int] = (11, 0), count: int = 4, organiser: str = "张伟",
         ad_hoc: bool = True) -> None:
    dialog.room.setCurrentIndex(dialog.room.findData(desk.rooms[room].room_id))
    dialog.organiser.edit.setText(organiser)
    dialog.organiser.search_now()
    dialog.organiser.pick(0)
    dialog.day.setDate(QDate(2026, 6, day))
    dialog.start.setTime(QTime(*start))
    dialog.end.setTime(QTime(*end))
    dialog.attendees.setValue(count)
    dialog.ad_hoc.setChecked(ad_hoc)
    dialog.check_now()


def form_of(desk: RoomsDesk) -> BookingDialog:
    dialog = BookingDialog(desk.page.ctx, parent=desk.page, check_delay_ms=0)
    return dialog


def test_the_line_names_the_booking_in_the_way(desk) -> None:
    other = desk.book("Orchid", at(10, 30), at(11, 30), 4, organiser="李娜", topic="预算评审").booking
    dialog = form_of(desk)
    assert dialog.check_line.text() == "Choose the room and the organiser."
    fill(dialog, desk)
    assert dialog.check_line.text() == (f"Taken: #{other.booking_id} 预算评审 (李娜) 10:30–11:30, "
                                        "cleaning until 11:40")
    assert dialog.check_line.property("tone") == "refused"
    dialog.end.setTime(QTime(10, 25))  # ends before it, but the 10-minute cleaning runs into 10:30
    dialog.check_now()
    assert dialog.check_line.text().startswith("Taken:")
    dialog.end.setTime(QTime(10, 20))  # cleaned by 10:30: touching is fine
    dialog.check_now()
    assert dialog.check_line.text() == "Free: Orchid 2026-06-15 10:00–10:20"
    assert dialog.check_line.property("tone") == "fine"


def test_the_line_says_the_seats_and_the_notice_period(desk) -> None:
    dialog = form_of(desk)
    fill(dialog, desk, room="Huangshan", count=8)
    assert dialog.check_line.text() == "Too many attendees: the room seats 6."
    fill(dialog, desk, room="Orchid", count=8, ad_hoc=False)
    assert dialog.check_line.text().startswith("Departments book at least 1 day(s) ahead")
    dialog.ad_hoc.setChecked(True)
    dialog.check_now()
    assert dialog.check_line.text().startswith("Free: Orchid")
    dialog.equipment[E.VIDEO_CONFERENCE].setChecked(True)
    dialog.check_now()
    assert dialog.check_line.text() == "The room has no Video conference."


def test_a_company_meeting_says_whom_it_will_displace_and_saving_says_what_was_offered(desk) -> None:
    weekly = desk.book("Orchid", at(10), at(11), 6, organiser="李娜", topic="部门周会").booking
    dialog = form_of(desk)
    fill(dialog, desk, count=10)
    dialog.company_level.setChecked(True)
    dialog.topic.setText("全员大会")
    dialog.check_now()
    assert dialog.check_line.text() == (f"Company meeting: will displace #{weekly.booking_id} 部门周会 (李娜) "
                                        "10:00–11:00. Their organisers are told and offered free rooms.")
    assert dialog.check_line.property("tone") == "warn"
    desk.page.run_form = lambda shown: shown.save_button.click()
    desk.page._run(dialog)
    made = dialog.outcome
    assert made is not None and made.booking.level is BookingLevel.COMPANY
    notice = desk.page.notice.text()
    assert notice.startswith(f"Booked #{made.booking.booking_id}: Orchid 2026-06-15 10:00–11:00, cleaning until 11:10.")
    assert (f"Displaced #{weekly.booking_id} 部门周会 (李娜) 10:00–11:00; offered: Huangshan (5F, 6 seat(s)), "
            "Yangtze (5F, 30 seat(s))." in notice)
    assert desk.page.notice.property("tone") == "warn"
    assert desk.gateway.booking(weekly.booking_id).row.status is BookingStatus.DISPLACED


def test_a_refused_save_keeps_the_form_open_with_the_reason(desk) -> None:
    dialog = form_of(desk)
    fill(dialog, desk, room="Huangshan", count=8)
    dialog.save_button.click()
    assert dialog.outcome is None and dialog.result() == 0
    assert dialog.check_line.text() == "Too many attendees: the room seats 6."
    assert dialog.save_button.isEnabled()


def test_a_free_room_is_found_for_the_slot(desk) -> None:
    desk.book("Orchid", at(14), at(15), 4)
    dialog = form_of(desk)
    fill(dialog, desk, start=(14, 0), end=(15, 0), count=8)
    dialog.find_button.click()
    offers = [dialog.offers.item(i).text() for i in range(dialog.offers.count())]
    assert offers == ["Yangtze · 5F · 30 seat(s)"]  # Orchid is taken, Huangshan too small
    dialog.offers.itemClicked.emit(dialog.offers.item(0))
    assert dialog.room.currentData() == desk.rooms["Yangtze"].room_id
    dialog.check_now()
    assert dialog.check_line.text().startswith("Free: Yangtze")


def test_a_weekly_series_lists_the_dates_not_booked(desk) -> None:
    clash = desk.book("Orchid", at(10, day=29), at(11, day=29), 4, organiser="李娜", topic="月会").booking
    dialog = form_of(desk)
    fill(dialog, desk, day=22, ad_hoc=False)
    dialog.repeat.setChecked(True)
    dialog.until.setDate(QDate(2026, 7, 6))
    desk.page.run_form = lambda shown: shown.save_button.click()
    desk.page._run(dialog)
    notice = desk.page.notice.text()
    assert notice.startswith("Booked 2 date(s) weekly. Orchid 10:00–11:00, from 06-22 to 07-06.")
    assert f"Not booked: 06-29 (taken by #{clash.booking_id})" in notice


def test_an_edit_keeps_its_booking_and_says_save(desk) -> None:
    made = desk.book("Orchid", at(14), at(15), 4, topic="周会", catering="茶歇").booking
    dialog = BookingDialog(desk.page.ctx, detail=desk.gateway.booking(made.booking_id), parent=desk.page,
                           check_delay_ms=0)
    assert dialog.save_button.text() == "Save" and not dialog.repeat.isVisibleTo(dialog)
    shown = (dialog.topic.text(), dialog.catering.text(), dialog.organiser.edit.text())
    assert shown == ("周会", "茶歇", "张伟 · 销售部")
    assert dialog.check_line.text().startswith("Free: Orchid 2026-06-15 14:00–15:00")  # itself not in its way
    dialog.end.setTime(QTime(15, 30))
    dialog.save_button.click()
    assert dialog.outcome is not None
    assert desk.gateway.booking(made.booking_id).row.ends_at == at(15, 30)
