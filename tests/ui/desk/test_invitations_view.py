"""The desk's Invitations view and its forms, as a receptionist uses them: the upcoming list searched and
filtered, a new invitation with each field's problem beside it, edit, reschedule, resend and cancel
acting as the person signed in, a group file whose bad row saves nothing, a walk-in registered at
the desk, names shown as written, other desks' changes showing up, and the whole of it in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
from kiosk.db import Database
from kiosk.domain.changes import Area
from kiosk.domain.visits import WalkInOutcome
from kiosk.models import AuditEvent, Notification, Visit, Visitor, VisitStatus
from kiosk.services.visits import invitations
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.invitation_forms import (
    DeskWalkInDialog,
    EditInvitationDialog,
    GroupImportDialog,
    NewInvitationDialog,
    RescheduleDialog,
)
from kiosk.ui.desk.invitations import InvitationsView
from tests.factories import SITE, add_host, invite

ZONE = ZoneInfo("Asia/Shanghai")
TUESDAY, WEDNESDAY = date(2026, 6, 16), date(2026, 6, 17)
VISITOR, COMPANY, PHONE, EMAIL, STATUS, MAIL = 2, 3, 4, 5, 7, 8


@pytest.fixture
def dialogs() -> list[QDialog]:
    return []


@pytest.fixture
def live() -> LiveChanges:
    return LiveChanges()


@pytest.fixture
def view(qtbot, database: Database, dialogs: list[QDialog], live: LiveChanges) -> Iterator[InvitationsView]:
    pool = WorkerPool(synchronous=True)
    shown = InvitationsView(DeskInvitationsGateway(database, SITE, "staff:amy"), pool, zone=ZONE,
                            now=database.clock.now, live=live, search_delay_ms=0)
    qtbot.addWidget(shown)
    shown.confirm = lambda *texts: pytest.fail(f"unexpected confirmation: {texts}")
    shown.show_dialog = dialogs.append  # a test fills the form in and clicks; it is never shown modally
    shown.resize(1230, 760)
    shown.show()
    shown.start()
    yield shown
    shown.stop()
    pool.shutdown()


@pytest.fixture
def zhang(database: Database):
    return add_host(database, "张伟", "zhang.wei@example.com", "销售部")


@pytest.fixture
def li(database: Database):
    return add_host(database, "李娜", "li.na@example.com", "法务部")


def _column(view: InvitationsView, column: int) -> list[str]:
    return [view.model.index(row, column).data() for row in range(view.model.rowCount())]


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _status(database: Database, visit_id: int) -> VisitStatus:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Visit.status).where(Visit.id == visit_id)).one()


def _mails(database: Database, visit_id: int) -> list[str]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(Notification.event).where(Notification.visit_id == visit_id)
                                        .order_by(Notification.id)))


def _only_dialog(dialogs: list[QDialog], kind: type) -> QDialog:
    assert len(dialogs) == 1 and isinstance(dialogs[0], kind)
    return dialogs.pop()


def _errors(dialog) -> dict[str, str]:
    return {key: field.error.text() for key, field in dialog.fields.items() if field.error.isVisibleTo(dialog)}


# ------------------------------------------------------------------------------------------------ the list


def test_upcoming_invitations_soonest_first_found_by_search_host_and_period(qtbot, database, view, zhang,
                                                                            li) -> None:
    invite(database, zhang.id, name="Wed Visitor", phone="13800000001", visit_date=WEDNESDAY)
    invite(database, li.id, name="王小明", phone="13812345678", company="Acme 贸易", visit_date=TUESDAY,
           start=time(10))
    invite(database, zhang.id, name="Today Visitor", phone="13800000003")
    view.refresh()

    assert _column(view, VISITOR) == ["Today Visitor", "王小明", "Wed Visitor"]
    assert _column(view, 1)[1] == "10:00" and _column(view, 0)[0] == "Today"
    assert _column(view, PHONE)[1] == "138 1234 5678"
    assert view.count.text() == "3 invitation(s)"

    view.search.setText("acme")
    view.apply_filters()
    assert _column(view, VISITOR) == ["王小明"]
    view.search.setText("")

    qtbot.keyClicks(view.host.edit, "zw")  # the host's initials
    view.host.search_now()
    assert view.host.found() == ["张伟 · 销售部"]
    view.host.pick(0)
    assert _column(view, VISITOR) == ["Today Visitor", "Wed Visitor"]
    view.host.edit.clear()
    view.host.choose(None)

    view.period.setCurrentIndex(view.period.findData("today"))
    assert _column(view, VISITOR) == ["Today Visitor"]


def test_names_and_companies_are_shown_exactly_as_written(database, view, zhang, dialogs) -> None:
    created = invite(database, zhang.id, name="<b>Fire drill</b>", company="Test & Co <i>", visit_date=TUESDAY)
    view.refresh()
    assert _column(view, VISITOR) == ["<b>Fire drill</b>"] and _column(view, COMPANY) == ["Test & Co <i>"]

    view.select(created.visit_id)
    view.reschedule_button.click()
    dialog = _only_dialog(dialogs, RescheduleDialog)
    assert dialog.who.textFormat() == Qt.TextFormat.PlainText and "<b>Fire drill</b>" in dialog.who.text()
    dialog.reject()


def test_a_change_made_elsewhere_shows_up_by_itself(qtbot, database, view, zhang, live) -> None:
    assert view.model.rowCount() == 0
    invite(database, zhang.id, name="From The Kiosk", visit_date=TUESDAY)
    live.changed.emit(frozenset({Area.VISITS}))
    qtbot.waitUntil(lambda: _column(view, VISITOR) == ["From The Kiosk"], timeout=2000)


# ------------------------------------------------------------------------------------------------ a new invitation


def test_a_new_invitation_marks_every_wrong_field_then_invites_as_the_receptionist(qtbot, database, view, zhang,
                                                                                   dialogs) -> None:
    view.new_button.click()
    dialog = _only_dialog(dialogs, NewInvitationDialog)
    dialog.phone.setText("12345")
    dialog.save_button.click()

    assert _errors(dialog) == {"name": "Enter the visitor's name", "phone": "This is not a valid phone number",
                               "host": "Choose the host"}
    assert dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.phone, "0")  # typing in a field takes its problem away
    assert "phone" not in _errors(dialog)

    dialog.name.setText("Jane Doe")
    dialog.phone.setText("")
    dialog.email.setText("jane@example.org")
    qtbot.keyClicks(dialog.host.edit, "zhangwei")
    dialog.host.search_now()
    dialog.host.pick(0)
    dialog.date.setDate(QDate(2026, 6, 16))
    dialog.start.set_value(time(14, 0))
    dialog.end.set_value(time(13, 0))
    dialog.save_button.click()
    assert _errors(dialog) == {"time": "The visit ends before it starts"}

    dialog.end.set_value(time(15, 0))
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _column(view, VISITOR) == ["Jane Doe"]
    assert view.selected() is not None and view.selected().visitor_name == "Jane Doe"
    assert "e-mailed" in view.message.text()
    [invited] = _audit(database, "visit.invited")
    assert invited.actor == "staff:amy"
    assert _column(view, MAIL) == ["Queued"]


# ------------------------------------------------------------------------------------------------ changing one


def test_buttons_follow_what_the_selected_invitation_allows(database, view, zhang) -> None:
    by_phone = invite(database, zhang.id, name="By Phone", visit_date=TUESDAY)
    by_mail = invite(database, zhang.id, name="By Mail", phone="13900139000", email="m@example.org",
                     visit_date=TUESDAY)
    view.refresh()
    assert not view.edit_button.isEnabled() and not view.cancel_button.isEnabled()
    view.select(by_phone.visit_id)
    assert view.edit_button.isEnabled() and view.cancel_button.isEnabled() and not view.resend_button.isEnabled()
    view.select(by_mail.visit_id)
    assert view.resend_button.isEnabled()


def test_an_edited_time_is_saved_and_the_visitor_gets_a_new_code(database, view, zhang, dialogs) -> None:
    created = invite(database, zhang.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY,
                     start=time(14))
    view.refresh()
    view.select(created.visit_id)
    view.edit_button.click()
    dialog = _only_dialog(dialogs, EditInvitationDialog)
    assert dialog.name.text() == "Jane Doe" and dialog.start.value() == time(14) and not dialog.date.isEnabled()
    assert dialog.phone.text() == "138 0013 8000"

    dialog.start.set_value(time(15, 30))
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _column(view, 1) == ["15:30"]
    assert "new QR code" in view.message.text()
    assert _mails(database, created.visit_id) == ["invitation_created", "invitation_changed"]
    assert [e.actor for e in _audit(database, "visit.edited")] == ["staff:amy"]


def test_a_rescheduled_visit_moves_in_the_list(database, view, zhang, dialogs) -> None:
    first = invite(database, zhang.id, name="First", visit_date=TUESDAY)
    invite(database, zhang.id, name="Second", visit_date=WEDNESDAY)
    view.refresh()
    view.select(first.visit_id)
    view.reschedule_button.click()
    dialog = _only_dialog(dialogs, RescheduleDialog)
    assert "check the visitor in at the desk" in dialog.intro.text()  # no e-mail: no new code reaches them
    dialog.date.setDate(QDate(2026, 6, 18))
    dialog.save_button.click()

    assert _column(view, VISITOR) == ["Second", "First"]
    assert "2026-06-18" in view.message.text()


def test_cancel_asks_first_and_the_invitation_leaves_the_list(database, view, zhang) -> None:
    created = invite(database, zhang.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    view.refresh()
    view.select(created.visit_id)
    asked: list[tuple[str, ...]] = []
    view.confirm = lambda *texts: asked.append(texts) is not None  # "no"
    view.cancel_button.click()
    assert _status(database, created.visit_id) is VisitStatus.INVITED
    assert "Jane Doe" in asked[0][1] and "told by e-mail" in asked[0][1]

    view.confirm = lambda *texts: True
    view.cancel_button.click()
    assert _status(database, created.visit_id) is VisitStatus.CANCELLED
    assert _column(view, VISITOR) == []
    view.cancelled.setChecked(True)
    assert _column(view, STATUS) == ["Cancelled"]
    assert [e.actor for e in _audit(database, "visit.cancelled")] == ["staff:amy"]


def test_resend_confirms_then_queues_the_email_again(database, view, zhang) -> None:
    created = invite(database, zhang.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    view.refresh()
    view.select(created.visit_id)
    view.confirm = lambda title, text, yes: "jane@example.org" in text and "stops working" in text
    view.resend_button.click()
    assert _mails(database, created.visit_id) == ["invitation_created", "invitation_created"]
    assert "again" in view.message.text()
    assert [e.actor for e in _audit(database, "visit.invitation_resent")] == ["staff:amy"]


def test_an_action_the_service_refuses_is_one_plain_line(database, view, zhang) -> None:
    created = invite(database, zhang.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    view.refresh()
    view.select(created.visit_id)
    with database.unit_of_work("staff:bob") as uow:  # another desk cancels it meanwhile
        invitations.cancel_invitation(uow, created.visit_id)
    view.confirm = lambda *texts: True
    view.resend_button.click()
    assert view.message.text() == "This invitation has been used or cancelled"
    assert _column(view, VISITOR) == []  # and the list reads the invitation's state again


# ------------------------------------------------------------------------------------------------ a group


def test_a_group_file_with_a_bad_row_saves_nothing_and_the_fixed_file_invites_everyone(database, view, zhang,
                                                                                       dialogs) -> None:
    view.group_button.click()
    dialog = _only_dialog(dialogs, GroupImportDialog)
    dialog.choose_file = lambda: pytest.fail("unexpected file dialog")
    dialog.load_bytes("姓名,手机\n王小明,13800000001\n李雷,12345\n".encode("gbk"), "group.csv")
    assert "Choose the host" in dialog.summary.text() and not dialog.save_button.isEnabled()

    dialog.host.choose(zhang)
    dialog.date.setDate(QDate(2026, 6, 16))
    assert dialog.found_problems() == ["Line 3 · Phone: This is not a valid phone number"]
    assert dialog.found_names() == ["王小明"]
    assert not dialog.save_button.isEnabled()
    dialog.save_button.click()
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit.id)).all() == []

    dialog.load_bytes("姓名,手机\n王小明,13800000001\n李雷,13800000002\n".encode("gbk"), "group-fixed.csv")
    assert dialog.found_problems() == [] and dialog.save_button.text() == "Invite 2 visitor(s)"
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _column(view, VISITOR) == ["王小明", "李雷"]
    assert view.message.text() == "2 visitor(s) invited."
    [event] = _audit(database, "invitations.group_import")
    assert event.actor == "staff:amy"


# ------------------------------------------------------------------------------------------------ a walk-in at the desk


def test_a_walk_in_at_the_desk_is_checked_as_at_the_kiosk(qtbot, database, view, zhang) -> None:
    dialog = DeskWalkInDialog(view.gateway, view.pool, parent=view)
    registered: list[object] = []
    dialog.registered.connect(registered.append)
    dialog.save_button.click()
    assert _errors(dialog) == {"phone": "Enter the visitor's mobile number", "name": "Enter the visitor's name",
                               "host": "Choose the host", "purpose": "Choose the purpose of the visit"}

    dialog.phone.setText("13900139000")
    dialog.name.setText("曹磊")
    dialog.host.choose(zhang)
    dialog.purpose.set_value("sales")
    dialog.save_button.click()
    assert dialog.form_error.text() == (
        "Sales visitors are only seen by appointment. Take their contact details instead.")

    dialog.purpose.set_value("maintenance")
    dialog.save_button.click()
    [result] = registered
    assert result.outcome is WalkInOutcome.PENDING
    assert "张伟 has been asked to approve" in dialog.result_text
    [event] = _audit(database, "visit.walk_in")
    assert event.actor == "staff:amy"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, result.visit_id).visitor_type == "contractor"


def test_an_id_number_is_asked_for_only_where_it_can_be_kept(qtbot, database, view, zhang) -> None:
    from kiosk.services.idnumbers import IdNumberProtector

    without_key = DeskWalkInDialog(view.gateway, view.pool, parent=view)
    assert not without_key.fields["id_number"].isVisibleTo(without_key)
    keeping = DeskInvitationsGateway(database, SITE, "staff:amy", protector=IdNumberProtector(b"k" * 32))
    dialog = DeskWalkInDialog(keeping, view.pool, parent=view)
    assert dialog.fields["id_number"].isVisibleTo(dialog)
    dialog.phone.setText("13900139000")
    dialog.name.setText("曹磊")
    dialog.id_number.setText("11010519491231002X")
    dialog.host.choose(zhang)
    dialog.purpose.set_value("meeting")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visitor.id_number_last4)).all() == ["002X"]
    without_key.reject()


def test_a_returning_visitors_details_are_filled_in(qtbot, database, view, zhang) -> None:
    invite(database, zhang.id, name="王小明", phone="13812345678", company="Acme", visit_date=TUESDAY)
    dialog = DeskWalkInDialog(view.gateway, view.pool, parent=view)
    qtbot.keyClicks(dialog.phone, "138 1234 5678")
    assert dialog.name.text() == "王小明" and dialog.company.text() == "Acme"
    dialog.reject()


# ------------------------------------------------------------------------------------------------ Chinese


def test_the_view_and_its_forms_speak_chinese(qtbot, database, view, zhang, dialogs) -> None:
    invite(database, zhang.id, name="Jane Doe", visit_date=TUESDAY)
    view.refresh()
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        QApplication.processEvents()
        assert view.title.text() == "邀请" and view.new_button.text() == "新建邀请"
        assert view.model.headerData(VISITOR, Qt.Orientation.Horizontal) == "访客"
        assert _column(view, 1) == ["全天"]
        view.new_button.click()
        dialog = _only_dialog(dialogs, NewInvitationDialog)
        dialog.save_button.click()
        assert _errors(dialog)["name"] == "请填写访客姓名"
        assert dialog.save_button.text() == "邀请"
        dialog.reject()
    finally:
        languages.set_language("en")
        languages.shutdown()
