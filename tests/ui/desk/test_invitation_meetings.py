"""Invitations meet rooms, from the desk: the new invitation's "Meeting" box lists the day's meetings (the
host's own, as organiser or attendee, first), none by default; a meeting chosen gives the visit its time and
the invitation names it (the e-mail says the room and floor); a meeting gone since shows its problem on the
box, in English and in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
from kiosk.application.gateways.desk_rooms import AttendeeForm, BookingMade
from kiosk.db import Database
from kiosk.models import Notification
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.invitation_forms import NewInvitationDialog
from kiosk.ui.desk.invitations import InvitationsView
from kiosk.ui.desk.meeting_choice import day_meetings
from tests.factories import SITE
from tests.ui.desk.rooms_setup import RoomsDesk, at, close, make_desk

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def rooms(qtbot, database: Database) -> Iterator[RoomsDesk]:
    desk = make_desk(qtbot, database)
    desk.add_room("Orchid", 12, "3F")
    desk.add_room("Lotus", 8, "5F")
    yield desk
    close(desk)


@pytest.fixture
def meetings(rooms: RoomsDesk) -> dict[str, BookingMade]:
    """Today (Monday the 15th): Li Na's training with Zhang Wei attending, and her weekly; Tuesday: Zhang's own."""
    zhang = rooms.hosts["张伟"]
    return {
        "training": rooms.book("Orchid", at(14), at(15, 30), 6, organiser="李娜", topic="客户培训",
                               attendees=(AttendeeForm(host_id=zhang),)),
        "weekly": rooms.book("Lotus", at(10), at(11), 4, organiser="李娜", topic="周会"),
        "tuesday": rooms.book("Lotus", at(9, 30, day=16), at(10, 30, day=16), 4, organiser="张伟", topic="评审"),
    }


@pytest.fixture
def dialogs() -> list[QDialog]:
    return []


@pytest.fixture
def view(qtbot, database: Database, rooms: RoomsDesk, dialogs: list[QDialog]) -> Iterator[InvitationsView]:
    pool = WorkerPool(synchronous=True)
    shown = InvitationsView(DeskInvitationsGateway(database, SITE, "staff:amy"), pool, zone=ZONE,
                            now=database.clock.now, search_delay_ms=0, meetings=day_meetings(rooms.gateway))
    qtbot.addWidget(shown)
    shown.show_dialog = dialogs.append
    shown.start()
    yield shown
    shown.stop()
    pool.shutdown()


def _new(view: InvitationsView, dialogs: list[QDialog], qtbot, host: str = "zhangwei") -> NewInvitationDialog:
    view.new_button.click()
    dialog = dialogs.pop()
    assert isinstance(dialog, NewInvitationDialog) and dialog.meeting is not None
    if host:
        qtbot.keyClicks(dialog.host.edit, host)
        dialog.host.search_now()
        dialog.host.pick(0)
    return dialog


def _room_of_mail(database: Database, visit_id: int) -> tuple[str, str]:
    with database.unit_of_work(write=False) as uow:
        payload = uow.session.scalars(select(Notification.payload).where(
            Notification.visit_id == visit_id, Notification.event == "invitation_created")).one()
    return payload.get("room_name", ""), payload.get("room_floor", "")


def test_the_hosts_meetings_come_first_and_none_is_chosen_until_the_receptionist_picks(
        qtbot, view, dialogs, meetings) -> None:
    dialog = _new(view, dialogs, qtbot, host="")
    assert dialog.meeting is not None
    assert dialog.meeting.shown() == ["None", "10:00–11:00 · Lotus · 5F · 周会", "14:00–15:30 · Orchid · 3F · 客户培训"]
    assert dialog.meeting.booking_id() is None

    qtbot.keyClicks(dialog.host.edit, "zhangwei")  # Zhang attends the training: it moves up
    dialog.host.search_now()
    dialog.host.pick(0)
    assert dialog.meeting.shown() == ["None", "The host's meetings", "14:00–15:30 · Orchid · 3F · 客户培训",
                                      "Other meetings that day", "10:00–11:00 · Lotus · 5F · 周会"]
    assert dialog.meeting.booking_id() is None and dialog.form().booking_id is None

    dialog.date.setDate(QDate(2026, 6, 16))  # Tuesday: his own review, nothing else
    assert dialog.meeting.shown() == ["None", "The host's meetings", "09:30–10:30 · Lotus · 5F · 评审"]
    dialog.reject()


def test_a_meeting_picked_gives_the_visit_its_time_and_the_e_mail_says_the_room(
        qtbot, database, view, dialogs, meetings, rooms) -> None:
    dialog = _new(view, dialogs, qtbot)
    dialog.name.setText("Jane Doe")
    dialog.email.setText("jane@example.org")
    assert dialog.meeting is not None and dialog.meeting.choose(meetings["training"].booking.booking_id)
    assert (dialog.start.value(), dialog.end.value()) == (time(14), time(15, 30))
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    visit_id = dialog.created.visit_id
    assert _room_of_mail(database, visit_id) == ("Orchid", "3F")
    training = rooms.gateway.booking(meetings["training"].booking.booking_id)
    assert [a.visit_id for a in training.attendees if a.visit_id is not None] == [visit_id]


def test_a_time_already_chosen_is_kept(qtbot, view, dialogs, meetings) -> None:
    dialog = _new(view, dialogs, qtbot)
    dialog.start.set_value(time(13, 45))
    assert dialog.meeting is not None and dialog.meeting.choose(meetings["training"].booking.booking_id)
    assert (dialog.start.value(), dialog.end.value()) == (time(13, 45), time(15, 30))
    dialog.reject()


def test_a_meeting_cancelled_meanwhile_shows_its_problem_on_the_box_in_both_languages(
        qtbot, database, view, dialogs, meetings, rooms) -> None:
    dialog = _new(view, dialogs, qtbot)
    dialog.name.setText("Jane Doe")
    dialog.email.setText("jane@example.org")
    weekly = meetings["weekly"].booking.booking_id
    assert dialog.meeting is not None and dialog.meeting.choose(weekly)
    rooms.gateway.cancel(weekly, "moved")  # another desk cancels it while the form is open
    dialog.save_button.click()

    assert dialog.result() != QDialog.DialogCode.Accepted
    field = dialog.fields["booking"]
    assert field.error.isVisibleTo(dialog)
    assert field.error.text() == "This meeting was cancelled or released; choose another"
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        QApplication.processEvents()
        assert field.caption.text() == "会议（可选）"
        assert field.error.text() == "该会议已取消或已释放，请另选"
        assert dialog.meeting.shown()[0] == "无"
    finally:
        languages.set_language("en")
        languages.shutdown()
    dialog.meeting.choose(None)  # no meeting after all: the problem goes, the visit is invited
    assert not field.error.isVisibleTo(dialog)
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _room_of_mail(database, dialog.created.visit_id) == ("", "")


def test_without_the_rooms_the_form_has_no_meeting_box(qtbot, database, rooms) -> None:
    pool = WorkerPool(synchronous=True)
    dialog = NewInvitationDialog(DeskInvitationsGateway(database, SITE, "staff:amy"), pool,
                                 today=at(9).date())
    qtbot.addWidget(dialog)
    assert dialog.meeting is None and "booking" not in dialog.fields and dialog.form().booking_id is None
    pool.shutdown()
