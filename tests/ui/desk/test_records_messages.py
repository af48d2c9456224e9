"""The desk's Front desk records page, Messages tab: the quick form (Ctrl+M from anywhere in the desk, Enter
saves, every problem beside its field), the list with the chosen call in full, acknowledged / called back /
closed, a transfer asked "resolved?" (not resolved: a message prefilled), and the badge of urgent and overdue
messages that marks the navigation entry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from kiosk.application.gateways.desk_messages import CallKind, MessageStatus, Urgency
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.auth import StaffSession
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk import records
from kiosk.ui.desk.records import RecordsPage, records_view
from kiosk.ui.desk.records.message_form import QuickMessageDialog
from kiosk.ui.desk.shell import DeskShell, DeskView
from tests.factories import SITE
from tests.services.desk.message_data import CALLER_E164, colleague, department_id, message_for, notices, transfer_to

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def messages_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Messages tab alone: the other tabs are their own modules' (and tests')."""
    monkeypatch.setattr(records, "TABS", ())


@pytest.fixture
def page(qtbot, database: Database, pool: WorkerPool) -> Iterator[RecordsPage]:
    gateways = DeskGatewayFactory(database, SITE).for_session(StaffSession(1, "amy", StaffRole.RECEPTIONIST))
    view = records_view(gateways, pool, zone=ZONE, now=database.clock.now)
    assert isinstance(view.widget, RecordsPage) and view.key == "records"
    qtbot.addWidget(view.widget)
    view.widget.resize(1400, 860)
    view.widget.start()
    yield view.widget
    view.widget.stop()


@pytest.fixture
def dialogs(page: RecordsPage) -> list[QuickMessageDialog]:
    """The quick forms the page opened, not shown: a test fills them in."""
    opened: list[QuickMessageDialog] = []

    def keep(dialog: QDialog) -> None:
        assert isinstance(dialog, QuickMessageDialog)
        opened.append(dialog)

    page.messages.run_dialog = keep
    return opened


def fill(dialog: QuickMessageDialog, host_text: str = "zw") -> None:
    dialog.caller.setText("李雷")
    dialog.company.setText("远航贸易")
    dialog.phone.setText("139 1234 5678")
    dialog.host.edit.setText(host_text)
    dialog.host.search_now()
    assert dialog.host.found() == ["张伟 · Sales"]
    dialog.host.pick(0)
    dialog.message.setPlainText("关于合同，请回电")


def test_the_quick_form_takes_a_message_and_enter_saves(qtbot, page, dialogs, database) -> None:
    colleague(database)
    page.messages.new_button.click()
    [dialog] = dialogs
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.urgent.setChecked(True)
    dialog.promised.setChecked(True)
    assert dialog.callback.isEnabled()
    dialog.show()
    dialog.message.setFocus()
    qtbot.keyClick(dialog.message, Qt.Key.Key_Return)  # Enter saves (Shift+Enter would start a new line)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = page.messages.rows
    assert (row.caller_name, row.caller_phone, row.for_name, row.urgency) == ("李雷", CALLER_E164, "张伟",
                                                                              Urgency.URGENT)
    soon = database.clock.now() + timedelta(hours=1)  # offered: an hour on, on the quarter hour
    assert row.callback_promised_at == soon.replace(minute=soon.minute - soon.minute % 15, second=0, microsecond=0)
    assert "saved; they have been told" in page.messages.message.text()
    assert len(notices(database, "message_for_you")) == 1
    assert not page.badge.isHidden() and page.badge.text() == "1 urgent"
    assert page.tabs.tabText(0) == "Messages (1)"


def test_every_problem_shows_beside_its_field_and_nothing_is_saved(qtbot, page, dialogs, database) -> None:
    colleague(database, contact=None)
    page.messages.new_button.click()
    [dialog] = dialogs
    qtbot.addWidget(dialog)
    dialog.phone.setText("12")
    dialog.department.setCurrentIndex(dialog.department.findData(department_id(database)))
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    errors = {key: field.error.text() for key, field in dialog.fields.items() if not field.error.isHidden()}
    assert errors == {"caller": "Enter the caller's name", "phone": "This is not a valid phone number",
                      "message": "Write down the message",
                      "for": "This department has no contact address; choose a colleague"}
    dialog.caller.setText("李")
    dialog.caller.textEdited.emit("李")
    assert dialog.fields["caller"].error.isHidden()  # typing clears its problem
    assert page.messages.rows == [] and notices(database, "message_for_you") == []


def test_ctrl_m_opens_the_quick_form_from_anywhere_in_the_desk(qtbot, database, pool) -> None:
    gateways = DeskGatewayFactory(database, SITE).for_session(StaffSession(1, "amy", StaffRole.RECEPTIONIST))
    records = records_view(gateways, pool, zone=ZONE, now=database.clock.now)
    elsewhere = QWidget()
    shell = DeskShell(StaffSession(1, "amy", StaffRole.RECEPTIONIST),
                      [DeskView("today", lambda: "Today", elsewhere), records], "Test Tower")
    qtbot.addWidget(shell)
    page = records.widget
    assert isinstance(page, RecordsPage)
    shell.show()
    shell.start()
    try:
        qtbot.waitExposed(shell)
        shell.activateWindow()
        qtbot.waitUntil(shell.isActiveWindow, timeout=2000)
        assert shell.current_key() == "today"
        qtbot.keyClick(elsewhere, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        dialog = page.messages.dialog
        assert dialog is not None and dialog.isVisible()  # the form over Today, the page not shown
        assert shell.current_key() == "today" and dialog.windowTitle() == "Phone message"
        qtbot.keyClick(elsewhere, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        assert page.messages.dialog is dialog  # one form at a time
        dialog.reject()
        assert page.messages.dialog is None
        page.quick_message()  # and again, a new one
        assert page.messages.dialog is not None and page.messages.dialog.isVisible()
        page.messages.dialog.reject()
    finally:
        shell.stop()
    assert page.shortcut is None  # signed out: nothing answers Ctrl+M


def test_acknowledged_called_back_closed_from_the_detail(page, database) -> None:
    host_id = colleague(database)
    made = page.messages.gateway.add_message(message_for(host_id))
    page.messages.refresh()
    page.messages.choose(made.message_id)
    view = page.messages
    assert view.detail is not None and view.detail.row.message_id == made.message_id
    assert "Phone: 139 1234 5678" in view.detail_lines.text() and "For: 张伟 · Sales" in view.detail_lines.text()
    assert view.matter.text() == "关于下周的合同，请回电"
    assert view.steps.text().splitlines() == [
        "09:00  Taken · amy", "      Message · e-mail → zhang.wei@example.com: waiting to send"]
    assert view.ack_button.isEnabled() and not view.resolved_button.isVisibleTo(view)
    view.ack_button.click()
    assert view.current().status is MessageStatus.ACKNOWLEDGED and not view.ack_button.isEnabled()
    view.called_back_button.click()
    assert view.current().status is MessageStatus.CALLED_BACK
    view.ask_note = lambda: "客户满意"
    view.close_button.click()
    assert view.current() is None  # the list shows open calls: the closed one left it
    view.shown.setCurrentIndex(view.shown.findData("all"))
    view.choose(made.message_id)
    assert view.current().status is MessageStatus.CLOSED and "Note: 客户满意" in view.detail_lines.text()
    assert not view.close_button.isEnabled()


def test_a_transfer_not_resolved_becomes_a_message_to_call_back(page, dialogs, database) -> None:
    host_id = colleague(database)
    view = page.messages
    made = view.gateway.add_transfer(transfer_to(host_id))
    view.refresh()
    view.choose(made.message_id)
    assert view.table.item(0, 1).text() == "Transfer · resolved?"
    assert view.resolved_button.isVisibleTo(view) and not view.ack_button.isVisibleTo(view)
    view.not_resolved_button.click()
    assert "take a message" in view.message.text()
    view.shown.setCurrentIndex(view.shown.findData("all"))
    view.choose(made.message_id)
    assert view.table.item(0, 1).text() == "Transfer · not resolved"
    assert view.take_message_button.isVisibleTo(view)
    view.take_message_button.click()
    [dialog] = dialogs
    assert dialog.mode is CallKind.MESSAGE
    assert (dialog.caller.text(), dialog.phone.text(), dialog.host.selected.id) == ("韩梅梅", "+8613700001111",
                                                                                    host_id)
    dialog.submit()
    assert [r.kind for r in view.rows][:1] == [CallKind.MESSAGE]


def test_a_transfer_logged_in_transfer_mode_and_no_answer_turns_it_into_a_message(page, dialogs, database) -> None:
    colleague(database)
    page.messages.transfer_button.click()
    [dialog] = dialogs
    assert dialog.mode is CallKind.TRANSFER and dialog.fields["callback"].isHidden()
    assert dialog.save_button.text() == "Log transfer"
    fill(dialog)
    dialog.take_message_button.click()  # the colleague did not pick up
    assert dialog.mode is CallKind.MESSAGE and dialog.caller.text() == "李雷"  # what was typed stays
    dialog.set_mode(CallKind.TRANSFER)
    dialog.phone.clear()
    dialog.submit()
    [row] = page.messages.rows
    assert (row.kind, row.caller_phone) == (CallKind.TRANSFER, "")
    assert notices(database, "message_for_you") == []


def test_overdue_messages_raise_the_badge_and_mark_the_navigation(qtbot, page, database) -> None:
    host_id = colleague(database)
    rung: list[str] = []
    page.attention.connect(rung.append)
    page.messages.gateway.add_message(message_for(host_id))
    page.refresh_counts()
    assert page.badge.isHidden() and rung == []  # a normal message, just taken
    database.clock.advance(minutes=30)
    page.refresh_counts()
    assert (page.badge.text(), rung) == ("1 overdue", ["1 overdue"])
    page.refresh_counts()
    assert len(rung) == 1  # nothing new: no second chime
    page.messages.refresh()
    assert page.messages.table.item(0, 1).text() == "New · overdue"


def test_in_chinese(page, database) -> None:
    host_id = colleague(database)
    page.messages.gateway.add_message(message_for(host_id, urgency=Urgency.URGENT))
    page.messages.refresh()
    page.refresh_counts()
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        assert page.title.text() == "前台记录"
        assert page.badge.text() == "1 条紧急"
        assert page.messages.new_button.text() == "新留言（Ctrl+M）"
        assert page.messages.table.item(0, 1).text() == "未确认 · 紧急"
    finally:
        languages.set_language("en")
        languages.shutdown()
    assert page.title.text() == "Front desk records"


def test_the_other_tabs_come_from_their_modules_factories(qtbot, database, pool, monkeypatch) -> None:
    """``complaints_view(gateways, pool, *, zone, now, live)`` in records/complaints.py (routines likewise):
    called once, its widget a tab that starts and stops with the page and may ask for attention."""
    import sys
    import types

    from PySide6.QtCore import Signal

    class Tab(QWidget):
        attention = Signal(str)
        started = stopped = 0

        def start(self) -> None:
            self.started += 1

        def stop(self) -> None:
            self.stopped += 1

    calls: list[tuple[object, ...]] = []

    def complaints_view(gateways, pool_, *, zone, now, live):
        calls.append((gateways.session.username, pool_ is pool, zone, now, live))
        return Tab()

    module = types.ModuleType("tests_fake_complaints")
    module.complaints_view = complaints_view  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tests_fake_complaints", module)
    monkeypatch.setattr(records, "TABS", (
        ("tests_fake_complaints", "complaints_view", lambda: "Complaints"),
        ("tests_no_such_module_yet", "routines_view", lambda: "Routines"),
    ))
    gateways = DeskGatewayFactory(database, SITE).for_session(StaffSession(1, "amy", StaffRole.RECEPTIONIST))
    page = records_view(gateways, pool, zone=ZONE, now=database.clock.now).widget
    assert isinstance(page, RecordsPage)
    qtbot.addWidget(page)
    assert calls == [("amy", True, ZONE, database.clock.now, None)]
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Messages", "Complaints"]
    tab = page.tabs.widget(1)
    assert isinstance(tab, Tab)
    rung: list[str] = []
    page.attention.connect(rung.append)
    tab.attention.emit("2 complaints overdue")
    page.start()
    page.stop()
    assert (tab.started, tab.stopped, rung) == (1, 1, ["2 complaints overdue"])


def test_what_a_caller_said_is_shown_as_typed_never_as_markup(page, database) -> None:
    host_id = colleague(database)
    made = page.messages.gateway.add_message(message_for(
        host_id, caller_name="<b>Zelda</b>", caller_company="<i>Acme</i>", message="<a href='x'>call</a> me"))
    page.messages.refresh()
    page.messages.choose(made.message_id)
    view = page.messages
    for shown in (view.detail_title, view.matter, view.detail_lines, view.steps):
        assert shown.textFormat() == Qt.TextFormat.PlainText
    assert view.detail_title.text() == "Message: <b>Zelda</b> · <i>Acme</i>"
    assert view.matter.text() == "<a href='x'>call</a> me"
    assert view.table.item(0, 2).text() == "<b>Zelda</b> · <i>Acme</i>"
