"""Attendees added from a booking's detail: a host found by pinyin, a visitor invited that day (their invitation
then says the room), or a name as typed; the list shows them at once, as written; a booking whose attendees are
all named offers no more."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import AuditEvent
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.desk.rooms.detail import BookingPanel
from tests.factories import invite
from tests.ui.desk.rooms_setup import RoomsDesk, at, close, make_desk


@pytest.fixture
def desk(qtbot, database: Database) -> Iterator[RoomsDesk]:
    made = make_desk(qtbot, database)
    made.add_room("Orchid", 20, "3F")
    made.page.tabs.setCurrentWidget(made.page.bookings)
    made.page.start()
    yield made
    close(made)


def opened(desk: RoomsDesk, booking_id: int) -> BookingPanel:
    desk.page.bookings.refresh(select=booking_id)
    panel = desk.page.bookings.panel
    assert panel.detail is not None and panel.detail.row.booking_id == booking_id
    return panel


def names(panel: BookingPanel) -> list[str]:
    return panel.attendees.text().split("\n")


def test_a_host_found_by_pinyin_is_added_and_listed_at_once(qtbot, desk) -> None:
    made = desk.book("Orchid", at(14), at(15), 6, topic="客户培训").booking
    panel = opened(desk, made.booking_id)
    adder = panel.adder
    assert names(panel) == ["No names given."] and not adder.form.isVisibleTo(panel)
    adder.open_button.click()
    assert adder.form.isVisibleTo(panel) and adder.host_kind.isChecked()
    qtbot.keyClicks(adder.host.edit, "lina")
    adder.host.search_now()
    assert adder.host.found() == ["李娜 · 研发部"]
    adder.host.pick(0)
    adder.add_button.click()

    assert names(panel) == ["李娜 · li.na@example.com"]
    assert panel.message.text() == "李娜 added; the calendar invitation goes out again."
    assert not adder.form.isVisibleTo(panel) and adder.open_button.isVisibleTo(panel)
    assert [a.host_id for a in desk.gateway.booking(made.booking_id).attendees] == [desk.hosts["李娜"]]
    with desk.database.unit_of_work(write=False) as uow:
        [event] = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "booking.attendee_added"))
        assert event.actor == "staff:amy"

    adder.open_button.click()  # the same host again: told, not listed twice
    qtbot.keyClicks(adder.host.edit, "lina")
    adder.host.search_now()
    adder.host.pick(0)
    adder.add_button.click()
    assert names(panel) == ["李娜 · li.na@example.com"] and panel.message.text() == "Already among the attendees."


def test_a_visitor_invited_that_day_is_chosen_from_the_days_invitations(desk, database) -> None:
    day = at(9).date()
    jane = invite(database, desk.hosts["张伟"], name="<b>Jane</b>", company="Acme & Co", email="jane@example.org",
                  visit_date=day, start=time(14))
    invite(database, desk.hosts["李娜"], name="Tomorrow Tom", phone="13800000002", visit_date=at(9, day=16).date())
    made = desk.book("Orchid", at(14), at(15), 6, topic="客户培训").booking
    panel = opened(desk, made.booking_id)
    adder = panel.adder
    adder.open_button.click()
    adder.visit_kind.setChecked(True)
    assert [adder.visit.itemText(i) for i in range(adder.visit.count())] == ["<b>Jane</b> · Acme & Co — 张伟 14:00"]
    adder.add_button.click()

    assert names(panel) == ["<b>Jane</b> · jane@example.org"]
    assert panel.attendees.textFormat() == Qt.TextFormat.PlainText
    assert [a.visit_id for a in desk.gateway.booking(made.booking_id).attendees] == [jane.visit_id]
    adder.open_button.click()
    adder.visit_kind.setChecked(True)  # she attends now: no one else is left to choose
    assert [adder.visit.itemText(i) for i in range(adder.visit.count())] == ["No one else invited that day"]
    adder.add_button.click()
    assert adder.problem.text() == "Choose the invited visitor."


def test_a_name_as_typed_and_an_empty_one_refused(desk) -> None:
    made = desk.book("Orchid", at(14), at(15), 6, topic="客户培训").booking
    panel = opened(desk, made.booking_id)
    adder = panel.adder
    adder.open_button.click()
    adder.name_kind.setChecked(True)
    adder.add_button.click()
    assert adder.problem.text() == "Type the attendee's name." and names(panel) == ["No names given."]
    adder.name.setText("王经理 <外部>")
    adder.add_button.click()
    assert names(panel) == ["王经理 <外部>"]


def test_a_booking_with_every_attendee_named_offers_no_more(desk) -> None:
    made = desk.book("Orchid", at(14), at(15), 1, topic="面谈").booking
    panel = opened(desk, made.booking_id)
    assert panel.adder.open_button.isEnabled()
    panel.adder.open_button.click()
    panel.adder.name_kind.setChecked(True)
    panel.adder.name.setText("Guest")
    panel.adder.add_button.click()
    assert names(panel) == ["Guest"]
    assert not panel.adder.open_button.isEnabled()
    assert "Every attendee is named" in panel.adder.open_button.toolTip()


def test_the_form_speaks_chinese(desk) -> None:
    made = desk.book("Orchid", at(14), at(15), 6, topic="客户培训").booking
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        QApplication.processEvents()
        panel = opened(desk, made.booking_id)
        adder = panel.adder
        assert adder.open_button.text() == "添加参会人…"
        adder.open_button.click()
        assert [adder.host_kind.text(), adder.visit_kind.text(), adder.name_kind.text()] == [
            "员工", "受邀访客", "姓名"]
        adder.name_kind.setChecked(True)
        adder.add_button.click()
        assert adder.problem.text() == "请填写参会人姓名。"
    finally:
        languages.set_language("en")
        languages.shutdown()
