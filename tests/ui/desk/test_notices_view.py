"""The desk's Notices view: what is on the kiosk now, what is coming and what is over; publishing in
both languages side by side, refusals marked in the form, changing and withdrawing as the person
signed in; texts shown as written; another desk's change showing by itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from kiosk.application.gateways.desk_notices import DeskNoticesGateway, NoticeDraft, NoticeState
from kiosk.application.wiring import desk_background
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.notices import NoticeDialog, NoticesView
from tests.factories import SITE

# The test clock: 09:00 on 15 June 2026 in Shanghai.
TODAY, TOMORROW = date(2026, 6, 15), date(2026, 6, 16)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _gateway(database: Database, actor: str = "staff:amy") -> DeskNoticesGateway:
    return DeskNoticesGateway(database, SITE, actor=actor, role=StaffRole.RECEPTIONIST)


class Dialogs(list[QDialog]):
    """The dialogs the view opened, newest last (tests fill them in instead of a person)."""

    @property
    def last(self) -> NoticeDialog:
        dialog = self[-1]
        assert isinstance(dialog, NoticeDialog)
        return dialog


@pytest.fixture
def opened() -> Dialogs:
    return Dialogs()


def _view(qtbot, database: Database, opened: Dialogs, live: LiveChanges | None = None) -> NoticesView:
    view = NoticesView(_gateway(database), WorkerPool(synchronous=True), zone=SHANGHAI, live=live)
    qtbot.addWidget(view)
    view.confirm = lambda *texts: pytest.fail(f"unexpected confirmation: {texts}")
    view.show_dialog = opened.append
    return view


@pytest.fixture
def notices_view(qtbot, database: Database, opened: Dialogs) -> Iterator[NoticesView]:
    view = _view(qtbot, database, opened)
    view.resize(1200, 800)
    view.start()
    yield view
    view.stop()


def publish(database: Database, actor: str = "staff:bob", **fields) -> int:
    draft = NoticeDraft(**({"ends_on": TODAY} | fields))
    return _gateway(database, actor).publish(draft).id


def titles(view: NoticesView) -> list[str]:
    return [view.model.cell(row, 0) for row in view.model.rows]


def tab_texts(view: NoticesView) -> list[str]:
    return [view.tabs.tabText(index) for index in range(view.tabs.count())]


def fill(dialog: NoticeDialog, *, title_zh: str = "", title_en: str = "", body_zh: str = "", body_en: str = "",
         first: date = TODAY, last: date = TODAY) -> None:
    dialog.title_zh.setText(title_zh)
    dialog.title_en.setText(title_en)
    dialog.body_zh.setPlainText(body_zh)
    dialog.body_en.setPlainText(body_en)
    dialog._set_day(dialog.starts_on, first)
    dialog._set_day(dialog.ends_on, last)


# -- the lists ---------------------------------------------------------------------------------------------------


def test_current_upcoming_and_past_each_have_their_list_with_counts(qtbot, database, clock, opened) -> None:
    clock.advance(days=-5)
    publish(database, title_en="Car park works", starts_on=date(2026, 6, 10), ends_on=date(2026, 6, 12))
    clock.advance(days=5)
    publish(database, title_zh="消防演练", title_en="Fire drill")
    publish(database, title_zh="东门今日关闭", starts_on=date(2026, 6, 14), ends_on=TOMORROW)
    publish(database, title_en="Dragon Boat Festival", starts_on=date(2026, 6, 19), ends_on=date(2026, 6, 21))
    withdrawn = publish(database, title_en="Lift B closed", ends_on=TOMORROW)
    _gateway(database).withdraw(withdrawn)

    view = _view(qtbot, database, opened)
    view.start()
    assert tab_texts(view) == ["Current (2)", "Upcoming (1)", "Past (2)"]
    assert titles(view) == ["消防演练 / Fire drill", "东门今日关闭"]  # the newest start first
    assert [view.model.cell(row, 3) for row in view.model.rows] == ["On the kiosk now"] * 2
    view.tabs.setCurrentIndex(1)
    assert titles(view) == ["Dragon Boat Festival"]
    assert view.model.cell(view.model.rows[0], 3) == "From 2026-06-19"
    view.tabs.setCurrentIndex(2)
    assert titles(view) == ["Lift B closed", "Car park works"]
    assert [view.model.cell(row, 3) for row in view.model.rows] == ["Withdrawn", "Ended"]
    view.stop()


def test_an_empty_list_says_what_it_means(notices_view) -> None:
    assert titles(notices_view) == []
    assert notices_view.empty.isVisibleTo(notices_view)
    assert notices_view.empty.text() == "The welcome screen shows no notice today."
    assert not notices_view.edit_button.isEnabled() and not notices_view.withdraw_button.isEnabled()


def test_choosing_a_notice_shows_both_languages_side_by_side_as_written(notices_view, database) -> None:
    notice = publish(database, title_zh="<b>消防演练</b>", title_en="<b>bold</b> Fire drill",
                     body_en="When the alarm sounds <i>leave</i> & meet at A.")
    notices_view.refresh()
    assert notices_view.select_notice(notice)
    preview = notices_view.preview
    assert preview.text("zh") == ("<b>消防演练</b>", "")
    assert preview.text("en") == ("<b>bold</b> Fire drill", "When the alarm sounds <i>leave</i> & meet at A.")
    for _caption, title, body in preview.columns.values():
        assert title.textFormat() == body.textFormat() == Qt.TextFormat.PlainText
    assert titles(notices_view) == ["<b>消防演练</b> / <b>bold</b> Fire drill"]  # table cells are plain text
    assert preview.heading.text() == "Shown from 2026-06-15 to 2026-06-15, both days included"
    assert preview.history.text() == "Published 2026-06-15 09:00 by bob"


def test_an_empty_language_says_visitors_see_the_other(notices_view, database) -> None:
    notice = publish(database, title_zh="东门今日关闭", body_zh="请走南门。")
    notices_view.refresh()
    notices_view.select_notice(notice)
    assert notices_view.preview.text("en") == ("(empty: visitors reading English see the Chinese)", "")


# -- publishing --------------------------------------------------------------------------------------------------


def test_a_notice_is_published_from_the_form_as_the_person_signed_in(notices_view, database, opened) -> None:
    notices_view.add_button.click()
    dialog = opened.last
    assert dialog.windowTitle() == "New notice" and dialog.save.text() == "Publish"
    assert (dialog.starts_on.date().toPython(), dialog.ends_on.date().toPython()) == (TODAY, TODAY)
    fill(dialog, title_zh="消防演练", title_en="Fire drill", body_zh="14:00 请听从工作人员指挥。",
         body_en="At 14:00, follow the staff.", last=TOMORROW)
    assert dialog.counters["title_zh"].text() == "8 / 40"  # a Chinese character counts two
    dialog.save.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert titles(notices_view) == ["消防演练 / Fire drill"]
    assert notices_view.selected_notice() is not None
    assert notices_view.preview.text("en") == ("Fire drill", "At 14:00, follow the staff.")
    assert notices_view.message.text() == "Saved. The kiosk shows it now, until the end of 2026-06-16."
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "notice.published")).all() \
            == ["staff:amy"]


def test_a_notice_for_later_lands_on_the_upcoming_list_selected(notices_view, opened) -> None:
    notices_view.add_button.click()
    fill(opened.last, title_en="Dragon Boat Festival", first=date(2026, 6, 19), last=date(2026, 6, 21))
    opened.last.save.click()
    assert notices_view.tabs.currentIndex() == notices_view.tab_of(NoticeState.UPCOMING)
    assert titles(notices_view) == ["Dragon Boat Festival"] and notices_view.selected_notice() is not None
    assert notices_view.message.text() == "Saved. The kiosk shows it from 2026-06-19."


def test_what_is_refused_is_marked_in_the_form_and_nothing_is_saved(notices_view, database, opened) -> None:
    notices_view.add_button.click()
    dialog = opened.last
    fill(dialog, title_zh="消" * 21, body_en="A text without its title", last=date(2026, 6, 14))
    assert dialog.counters["title_zh"].text() == "42 / 40"
    assert dialog.counters["title_zh"].property("over") is True
    dialog.save.click()

    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, everything typed still there
    assert dialog.title_zh.text() == "消" * 21
    assert [key for key in dialog.fields if dialog.is_marked(key)] == ["title_zh", "title_en", "ends_on"]
    assert dialog.errors["title_zh"].text() == (
        "The title is longer than the welcome screen shows (at most 20 Chinese characters or 40 letters).")
    assert dialog.errors["title_en"].text() == "A text needs a title in the same language."
    assert dialog.errors["ends_on"].text() == "The last day is before the first day."
    assert dialog.save.isEnabled()
    assert _gateway(database).board().notices == []

    fill(dialog, title_zh="消防演练", title_en="Fire drill", body_en="Follow the staff.")
    dialog.save.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert titles(notices_view) == ["消防演练 / Fire drill"]


def test_a_notice_without_any_title_marks_both_titles(notices_view, opened) -> None:
    notices_view.add_button.click()
    dialog = opened.last
    fill(dialog, body_zh="  ")
    dialog.save.click()
    assert dialog.is_marked("title_zh") and dialog.is_marked("title_en")
    assert dialog.errors["title"].text() == "Give the notice a title in Chinese, in English or in both."


# -- changing and withdrawing ----------------------------------------------------------------------------------


def test_a_current_notice_is_changed_from_the_form(notices_view, database, opened) -> None:
    notice = publish(database, title_en="Fire drill", body_en="At 14:00.")
    notices_view.refresh()
    notices_view.select_notice(notice)
    notices_view.edit_button.click()
    dialog = opened.last
    assert (dialog.windowTitle(), dialog.title_en.text(), dialog.body_en.toPlainText()) == (
        "Change the notice", "Fire drill", "At 14:00.")
    dialog.body_en.setPlainText("Moved to 15:00.")
    dialog.save.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert notices_view.preview.text("en") == ("Fire drill", "Moved to 15:00.")
    assert notices_view.preview.history.text().endswith("last changed 2026-06-15 09:00 by amy")


def test_a_change_made_meanwhile_at_another_desk_is_not_overwritten(notices_view, database, opened) -> None:
    notice = publish(database, title_en="Fire drill")
    notices_view.refresh()
    notices_view.select_notice(notice)
    notices_view.edit_selected()
    dialog = opened.last
    _gateway(database, "staff:bob").edit(notice, NoticeDraft(title_en="Fire drill at 15:00", ends_on=TODAY), 1)
    dialog.title_en.setText("Fire drill at 14:30")
    dialog.save.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == (
        "Someone changed this notice meanwhile. Close this and open it again to see their change.")
    assert _gateway(database).board().notices[0].title_en == "Fire drill at 15:00"


def test_withdrawing_asks_first_then_takes_the_notice_off_the_kiosk(notices_view, database) -> None:
    notice = publish(database, title_zh="消防演练", title_en="Fire drill", ends_on=TOMORROW)
    notices_view.refresh()
    notices_view.select_notice(notice)
    asked: list[tuple[str, ...]] = []

    def no(*texts: str) -> bool:
        asked.append(texts)
        return False

    notices_view.confirm = no
    notices_view.withdraw_button.click()
    assert asked == [("Withdraw this notice?", "\u201c消防演练 / Fire drill\u201d comes off the kiosk's welcome "
                      "screen at once. It stays in the list of past notices.", "Withdraw")]
    assert _gateway(database).board().in_state(NoticeState.CURRENT)  # a no is a no

    notices_view.confirm = lambda *_texts: True
    notices_view.withdraw_button.click()
    assert notices_view.message.text() == "Withdrawn. The kiosk no longer shows it."
    assert tab_texts(notices_view) == ["Current (0)", "Upcoming (0)", "Past (1)"]
    assert notices_view.tabs.currentIndex() == 2 and titles(notices_view) == ["消防演练 / Fire drill"]
    assert not notices_view.edit_button.isEnabled() and not notices_view.withdraw_button.isEnabled()
    assert _gateway(database).board().notices[0].state is NoticeState.WITHDRAWN


def test_a_notice_withdrawn_at_another_desk_meanwhile_is_explained_and_the_list_read_again(
        notices_view, database) -> None:
    notice = publish(database, title_en="Fire drill")
    notices_view.refresh()
    notices_view.select_notice(notice)
    _gateway(database, "staff:bob").withdraw(notice)
    notices_view.confirm = lambda *_texts: True
    notices_view.withdraw_button.click()
    assert notices_view.message.text() == "This notice has been withdrawn already."
    assert tab_texts(notices_view) == ["Current (0)", "Upcoming (0)", "Past (1)"]


# -- live --------------------------------------------------------------------------------------------------------


def _wait_for(condition, timeout: float) -> None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        QApplication.processEvents()
        if condition():
            return
        time.sleep(0.01)
    pytest.fail(f"not seen within {timeout} s")


def test_a_notice_published_elsewhere_shows_by_itself(qtbot, database, opened) -> None:
    live = LiveChanges()
    background = desk_background(database, on_change=live.listener).start()
    try:
        assert background.loops[0].wait_until_watching(10)  # type: ignore[attr-defined]
        view = _view(qtbot, database, opened, live=live)
        view.start()
        publish(database, actor="cli:root", title_en="Lift B closed")  # kioskctl, or another desk
        _wait_for(lambda: titles(view) == ["Lift B closed"], 5)
        view.stop()
    finally:
        assert background.stop(5)


def test_in_chinese(notices_view, database, opened) -> None:
    """The desk's language: the lists, the form and the refusals (the notices themselves stay as written)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

    from kiosk.ui.common.assets import asset

    notice = publish(database, title_en="<b>Lift B</b> closed", ends_on=TOMORROW)
    translator = QTranslator()
    assert translator.load(str(asset("translations", "kiosk_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # as LanguageManager does
    try:
        notices_view.refresh()
        notices_view.select_notice(notice)
        assert notices_view.title.text() == "访客公告"
        assert tab_texts(notices_view) == ["当前（1）", "即将开始（0）", "已结束（0）"]
        assert notices_view.model.cell(notices_view.model.rows[0], 3) == "正在自助机上显示"
        assert titles(notices_view) == ["<b>Lift B</b> closed"]
        assert notices_view.preview.text("zh") == ("（未填写：使用中文的访客将看到英文内容）", "")
        notices_view.add_button.click()
        dialog = opened.last
        assert (dialog.windowTitle(), dialog.save.text()) == ("新建公告", "发布")
        fill(dialog, title_zh="消" * 21)
        dialog.save.click()
        assert dialog.errors["title_zh"].text() == "标题超出欢迎屏幕可显示的长度（最多 20 个汉字或 40 个字母）。"
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
