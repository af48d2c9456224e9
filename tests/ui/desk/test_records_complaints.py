"""The desk's complaints view on the test database through the real gateway (the worker pool inline): a new
complaint from the dialog, overdue rows in red that also say so, the chosen one's notes, passing it on, the
outcome, the customer's satisfaction, closing without an answer."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog

from kiosk.application.gateways.desk_complaints import ComplaintChannel, ComplaintStatus
from kiosk.db import Database
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records.complaint_dialogs import AssignDialog, NewComplaintDialog, ResolveDialog
from kiosk.ui.desk.records.complaint_texts import OVERDUE
from kiosk.ui.desk.records.complaints import ComplaintsView, complaints_view
from tests.services.desk.complaint_data import CONTACT, CUSTOMER_EMAIL, desk, form, notices, service_department

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def view(qtbot, database: Database, pool: WorkerPool) -> ComplaintsView:
    made = complaints_view(desk(database), pool, zone=ZONE, now=database.clock.now)
    assert isinstance(made, ComplaintsView)
    qtbot.addWidget(made)
    made.start()
    return made


def texts(view: ComplaintsView, column: int) -> list[str]:
    return [view.table.item(row, column).text() for row in range(view.table.rowCount())]


def test_a_new_complaint_from_the_dialog_is_passed_on_and_the_promise_shown(view, database) -> None:
    service_department(database)

    def fill_in(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewComplaintDialog)
        assert "24 hours" in dialog.findChildren(type(view.message))[0].text()  # the rulebook's promise
        dialog.customer.setText("王芳")
        dialog.contact.setText("138 1234 5678")
        dialog.what.setPlainText("咖啡机坏了，\n等了 20 分钟。")
        dialog.channel.setCurrentIndex(dialog.channel.findData(ComplaintChannel.PHONE))
        dialog.routing.search.setText("li na")
        dialog.routing.look_up()
        assert dialog.routing.person.currentText().startswith("李娜 · Customer Service")
        assert dialog.routing.department.currentText() == "Customer Service"  # the person's department
        return True

    view.run_dialog = fill_in
    view.new_button.click()
    assert texts(view, 3) == ["王芳"] and texts(view, 1) == ["Open"]
    assert "the department will contact them by 2026-06-16 09:00" in view.message.text()
    assert ("email", CONTACT) in notices(database, "complaint_assigned")
    view.table.selectRow(0)
    facts = {key: value.text() for key, (_name, value) in view.panel.facts.items()}
    assert (facts["contact"], facts["channel"], facts["passed"]) == ("+8613812345678", "Phone",
                                                                      "Customer Service · 李娜")
    assert facts["what"] == "咖啡机坏了，\n等了 20 分钟。"
    assert facts["happened"] == "2026-06-15 09:00"  # the dialog's "now", on the site's clock


def test_a_dialog_with_missing_fields_saves_nothing_and_says_what(view) -> None:
    view.run_dialog = lambda dialog: True  # sent empty
    view.new_button.click()
    assert view.table.rowCount() == 0
    assert "customer_name" in view.message.text() and "what" in view.message.text()


def test_overdue_rows_are_red_and_say_so(view, database) -> None:
    late = desk(database).add(form(customer_name="Late"))
    database.clock.advance(hours=20)
    desk(database).add(form(customer_name="In time"))
    database.clock.advance(hours=5)
    view.refresh()
    assert texts(view, 3) == ["In time", "Late"]
    assert texts(view, 1) == ["Open", "OVERDUE · Open"]
    assert view.table.item(1, 3).background().color() == QColor(OVERDUE[1])
    assert view.table.item(0, 3).background().style() == Qt.BrushStyle.NoBrush
    assert "1 overdue" in view.count.text()
    view.shown.setCurrentIndex(view.shown.findData("overdue"))
    assert texts(view, 3) == ["Late"]
    view.choose(late.complaint_id)
    assert view.panel.state.text().startswith("OVERDUE · Open · due 2026-06-16 09:00")


def test_notes_pass_on_outcome_and_satisfaction(view, database, qtbot) -> None:
    department_id, host_id = service_department(database)
    made = desk(database).add(form(customer_contact=CUSTOMER_EMAIL))
    view.refresh()
    view.choose(made.complaint_id)
    panel = view.panel
    assert not panel.score_button.isEnabled() and panel.resolve_button.isEnabled()
    panel.note_box.setText("Called the customer back")
    panel.note_button.click()
    assert panel.notes.text() == "2026-06-15 09:00 · staff:amy\nCalled the customer back"
    assert panel.note_box.text() == ""

    def pass_on(dialog: QDialog) -> bool:
        assert isinstance(dialog, AssignDialog)
        dialog.routing.department.setCurrentIndex(dialog.routing.department.findData(department_id))
        return True

    view.run_dialog = pass_on
    panel.assign_button.click()
    assert texts(view, 4) == ["Customer Service"]
    panel.progress_button.click()
    assert texts(view, 1) == ["In progress"] and not panel.progress_button.isEnabled()

    def outcome(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResolveDialog)
        dialog.resolution.setPlainText("A new machine; a voucher sent.")
        return True

    view.run_dialog = outcome
    panel.resolve_button.click()
    assert texts(view, 1) == ["Resolved, asking the customer"]
    assert panel.facts["satisfaction"][1].text().startswith("Waiting: the customer was sent a link")
    assert notices(database, "complaint_outcome") == [("email", CUSTOMER_EMAIL)]
    assert panel.score_button.isEnabled() and not panel.resolve_button.isEnabled()
    panel.score.setCurrentIndex(panel.score.findData(4))
    panel.score_button.click()
    detail = desk(database).detail(made.complaint_id)
    assert (detail.complaint.status, detail.complaint.satisfaction) == (ComplaintStatus.CLOSED, 4)
    view.shown.setCurrentIndex(view.shown.findData("all"))
    view.choose(made.complaint_id)
    assert panel.facts["satisfaction"][1].text() == "4 · Satisfied (asked by the desk)"
    assert not panel.score_button.isEnabled() and not panel.close_button.isEnabled()
    assert host_id  # the person was there to pass it to


def test_closing_without_an_answer_asks_first(view, database) -> None:
    made = desk(database).add(form())
    desk(database).resolve(made.complaint_id, "Repaired.")
    view.refresh()
    view.choose(made.complaint_id)
    asked: list[str] = []
    view.confirm = lambda text: asked.append(text) or False
    view.panel.close_button.click()
    assert asked and desk(database).detail(made.complaint_id).complaint.status is ComplaintStatus.RESOLVED
    view.confirm = lambda text: True
    view.panel.close_button.click()
    assert desk(database).detail(made.complaint_id).complaint.status is ComplaintStatus.CLOSED
    assert texts(view, 3) == []  # "Still open" no longer lists it


def test_a_name_that_looks_like_html_is_shown_as_typed(view, database) -> None:
    made = desk(database).add(form(customer_name="<b>Bold</b> & <i>co</i>", what="<img src='file:///x'>"))
    view.refresh()
    view.choose(made.complaint_id)
    assert view.panel.heading.textFormat() == Qt.TextFormat.PlainText
    assert view.panel.heading.text() == f"#{made.complaint_id} · <b>Bold</b> & <i>co</i>"
    assert view.panel.facts["what"][1].textFormat() == Qt.TextFormat.PlainText


def test_another_desk_changing_it_meanwhile_is_said(view, database) -> None:
    made = desk(database).add(form())
    view.refresh()
    view.choose(made.complaint_id)
    desk(database, actor="staff:bob").add_note(made.complaint_id, "bob was here")  # a new version
    view.panel.progress_button.click()
    assert "changed this meanwhile" in view.message.text()
    assert database.clock.now() - made.created_at == timedelta(0)
    view.refresh()  # the list shows the other desk's change, and the action works again
    view.panel.progress_button.click()
    assert texts(view, 1) == ["In progress"]
