"""The desk's Hosts view: the list searched and sorted by the database, a host added, edited, deactivated
and reactivated from the desk as the person signed in, HR's CSV imported with its bad lines shown one
by one, names shown as written, and another desk's changes showing up by themselves."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway, HostForm, HostsShown
from kiosk.application.wiring import desk_background
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent, Host
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.hosts import HostFormDialog, HostsView, ImportReportDialog
from tests.factories import SITE, add_host


@pytest.fixture
def dialogs() -> list[QDialog]:
    return []


def _view(qtbot, directory: DeskDirectoryGateway, dialogs: list[QDialog], live: LiveChanges | None = None):
    view = HostsView(directory, WorkerPool(synchronous=True), live=live, search_delay_ms=0)
    qtbot.addWidget(view)
    view.confirm = lambda *texts: pytest.fail(f"unexpected confirmation: {texts}")
    view.choose_csv = lambda: pytest.fail("unexpected file dialog")
    view.show_dialog = dialogs.append  # a test fills the dialog in and clicks; it is never shown modally
    view.resize(1200, 700)
    view.show()
    view.start()
    return view


@pytest.fixture
def view(qtbot, database: Database, dialogs: list[QDialog]) -> Iterator[HostsView]:
    directory = DeskDirectoryGateway(database, SITE, actor="staff:amy", role=StaffRole.RECEPTIONIST)
    shown = _view(qtbot, directory, dialogs)
    yield shown
    shown.stop()


@pytest.fixture
def staff(database: Database) -> dict[str, int]:
    return {
        "zhang": add_host(database, "张伟", "zhang.wei@example.com", "销售部").id,
        "li": add_host(database, "李娜", "li.na@example.com", "行政部").id,
        "html": add_host(database, "<h2>x</h2>", "html@example.com", "<b>Dept</b>").id,
    }


def _column(view: HostsView, column: int) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_list_is_sorted_by_pinyin_and_searched_by_initials_email_or_department(view, staff) -> None:
    view.refresh()
    # <h2>x</h2> is "h2xh2" to the sort, before li (李娜) and zhang (张伟); shown exactly as written.
    assert _column(view, 0) == ["<h2>x</h2>", "李娜", "张伟"]
    assert _column(view, 1) == ["<b>Dept</b>", "行政部", "销售部"]
    assert view.count.text() == "3 host(s)"
    for typed, expected in (("zw", ["张伟"]), ("li.na@", ["李娜"]), ("销售", ["张伟"]), ("nobody", [])):
        view.search.setText(typed)
        view.apply_filters()
        assert _column(view, 0) == expected, typed
    view.search.clear()
    view.apply_filters()
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _column(view, 0) == ["张伟", "李娜", "<h2>x</h2>"]


def test_a_host_added_at_the_desk_is_saved_as_the_receptionist_and_selected(view, dialogs, database) -> None:
    view.add_button.click()
    [dialog] = dialogs
    assert isinstance(dialog, HostFormDialog) and dialog.windowTitle() == "Add a host"
    dialog.name.setText("王芳")
    dialog.email.setText("Wang.Fang@Example.com")
    dialog.department.setEditText("财务部")
    dialog.phone.setText("139 0013 9000")
    dialog.save.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.unit_of_work(write=False) as uow:
        saved = uow.session.scalars(select(Host).where(Host.email == "wang.fang@example.com")).one()
    assert (saved.name, saved.phone, saved.department.name) == ("王芳", "+8613900139000", "财务部")
    [event] = _audit(database, "host.created")
    assert event.actor == "staff:amy"
    assert view.selected_host() is not None and view.selected_host().id == saved.id
    assert view.message.text() == "Saved 王芳 (wang.fang@example.com)."


def test_a_taken_email_or_a_wrong_field_keeps_the_dialog_open_with_one_plain_line(
    view, dialogs, staff, database
) -> None:
    view.add_button.click()
    [dialog] = dialogs
    dialog.name.setText("<i>Someone</i>")
    dialog.email.setText("zhang.wei@example.com")
    dialog.save.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible() is False  # never exec'd
    assert dialog.error.text() == "Another host already has this e-mail address."
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert dialog.is_marked("email") and not dialog.is_marked("name")

    dialog.email.setText("not-an-email")
    dialog.phone.setText("12345")
    dialog.save.click()
    assert dialog.error.text() == "E-mail: not an e-mail address; Phone: not a phone number"
    assert dialog.is_marked("email") and dialog.is_marked("phone")
    assert [e.actor for e in _audit(database, "host.created")] == ["test"] * 3  # the fixtures' hosts only


def test_editing_the_selected_host_changes_their_department(view, dialogs, staff, database) -> None:
    view.refresh()
    assert view.select_host(staff["li"])
    view.edit_button.click()
    [dialog] = dialogs
    assert (dialog.name.text(), dialog.email.text(), dialog.department.currentText()) == (
        "李娜", "li.na@example.com", "行政部")
    dialog.department.setEditText("财务部")
    dialog.save.click()
    assert _column(view, 1)[_column(view, 0).index("李娜")] == "财务部"
    [event] = _audit(database, "host.updated")
    assert (event.actor, event.after["changed"]) == ("staff:amy", ["department_id"])


def test_deactivating_asks_with_the_name_as_written_and_reactivating_brings_them_back(view, staff, database) -> None:
    view.refresh()
    view.select_host(staff["html"])
    assert view.deactivate_button.isEnabled() and not view.reactivate_button.isEnabled()
    asked: list[tuple[str, ...]] = []
    view.confirm = lambda *texts: asked.append(texts) or True
    view.deactivate_button.click()
    assert asked[0][1].startswith("<h2>x</h2> will no longer be offered at the kiosk")
    assert _column(view, 0) == ["李娜", "张伟"]  # the list shows who receives visitors
    assert view.message.text() == "<h2>x</h2> no longer receives visitors."

    view.shown.setCurrentIndex(view.shown.findData(HostsShown.INACTIVE.value))
    assert _column(view, 0) == ["<h2>x</h2>"] and _column(view, 5) == ["Inactive"]
    view.select_host(staff["html"])
    assert view.reactivate_button.isEnabled() and not view.deactivate_button.isEnabled()
    view.reactivate_button.click()
    assert _column(view, 0) == []
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Host, staff["html"]).active
    assert [e.actor for e in _audit(database, "host.deactivated") + _audit(database, "host.reactivated")] == [
        "staff:amy", "staff:amy"]


def test_declining_the_question_deactivates_nobody(view, staff, database) -> None:
    view.refresh()
    view.select_host(staff["li"])
    view.confirm = lambda *texts: False
    view.deactivate_button.click()
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Host, staff["li"]).active


def test_an_import_shows_each_line_not_imported_and_the_new_hosts(view, dialogs, tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes((
        "name,department,email,phone\n"
        "王芳,财务部,wang.fang@example.com,\n"
        ",财务部,not-an-email,12345\n"
        "<b>赵六</b>,财务部,wang.fang@example.com,\n"
    ).encode("gbk"))
    view.choose_csv = lambda: str(path)
    view.import_button.click()
    [dialog] = dialogs
    assert isinstance(dialog, ImportReportDialog)
    assert dialog.summary.text() == "1 added, 0 updated, 0 already up to date. 2 line(s) not imported."
    assert dialog.problem_lines() == [
        ("3", ",财务部,not-an-email,12345", "Name: missing; E-mail: not an e-mail address; Phone: not a phone number"),
        ("4", "<b>赵六</b>,财务部,wang.fang@example.com,", "E-mail: appears twice in the file"),
    ]
    assert dialog.problem_table.isVisibleTo(dialog)
    assert _column(view, 0) == ["王芳"] and view.import_button.isEnabled()
    assert view.last_import is not None and view.last_import.created == 1


def test_an_import_of_a_file_that_is_gone_says_so_plainly(view, dialogs, tmp_path: Path) -> None:
    view.choose_csv = lambda: str(tmp_path / "gone.csv")
    view.import_button.click()
    [dialog] = dialogs
    assert dialog.summary.text() == "Nothing was imported."
    assert dialog.hint.text() == "The file could not be read. Is it still there, and not open in another program?"
    assert not dialog.problem_table.isVisibleTo(dialog)


def test_choosing_no_file_imports_nothing(view, dialogs) -> None:
    view.choose_csv = lambda: ""
    view.import_button.click()
    assert dialogs == []


def test_a_host_added_by_another_desk_shows_up_by_itself(qtbot, database, dialogs) -> None:
    live = LiveChanges()
    background = desk_background(database, on_change=live.listener).start()
    try:
        assert background.loops[0].wait_until_watching(10)  # type: ignore[attr-defined]
        directory = DeskDirectoryGateway(database, SITE, actor="staff:amy", role=StaffRole.RECEPTIONIST)
        view = _view(qtbot, directory, dialogs, live)
        assert _column(view, 0) == []
        other = DeskDirectoryGateway(database, SITE, actor="staff:bob", role=StaffRole.RECEPTIONIST)
        other.add_host(HostForm("李娜", "li.na@example.com", "行政部"))
        deadline = time.monotonic() + 5
        while _column(view, 0) != ["李娜"] and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        assert _column(view, 0) == ["李娜"]
        assert [view.department.itemText(i) for i in range(view.department.count())] == ["All departments", "行政部"]
        view.stop()
    finally:
        assert background.stop(5)


def test_in_chinese_the_view_and_an_import_report_read_in_chinese(view, dialogs, staff, tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes("name,department,email,phone\n,财务部,not-an-email,12345\n".encode("gbk"))
    view.choose_csv = lambda: str(path)
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        assert (view.title.text(), view.add_button.text(), view.deactivate_button.text()) == (
            "被访人", "添加被访人…", "停用")
        assert view.model.headerData(2, Qt.Orientation.Horizontal) == "电子邮件"
        view.refresh()
        assert view.count.text() == "3 位被访人"
        assert _column(view, 5) == ["接待访客"] * 3
        view.import_button.click()
        [dialog] = dialogs
        assert dialog.summary.text() == "新增 0 位，更新 0 位，0 位无变化。1 行未导入。"
        assert dialog.problem_lines()[0][2] == (
            "姓名：未填写；电子邮件：不是有效的电子邮件地址；电话：不是有效的电话号码")
    finally:
        languages.set_language("en")
        languages.shutdown()
    assert view.title.text() == "Hosts" and _column(view, 5) == ["Receives visitors"] * 3


def test_a_chinese_mobile_number_reads_in_groups(view, database) -> None:
    add_host(database, "李娜", "li.na@example.com", "行政部", phone="13900139000")
    add_host(database, "Zoe Adams", "zoe@example.com", "", phone="+44 20 7946 0018")
    view.refresh()
    assert _column(view, 3) == ["139 0013 9000", "+442079460018"]
