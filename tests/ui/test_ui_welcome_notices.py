"""The front desk's notices on the welcome screen: in the visitor's language (the other one where a
notice has none), exactly as written, the longest one allowed fitting in landscape and portrait with
large text too while the tiles stay where they are; read again when the kiosk comes back to welcome
and every few minutes; late answers and failed reads change nothing a visitor would be misled by."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.db import Database
from kiosk.domain.notices import BODY_MAX_COLUMNS, TITLE_MAX_COLUMNS, text_columns
from kiosk.services.desk import notices
from kiosk.services.desk.notices import NoticeDraft
from kiosk.services.errors import ServiceError
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.widgets.notice_band import NoticeBand
from tests.factories import SITE
from tests.ui.held_pool import HeldWorkerPool

LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)
TODAY = date(2026, 6, 15)  # the test clock's day in Shanghai




def publish(database: Database, **fields) -> int:
    with database.unit_of_work("staff:amy") as uow:
        return notices.publish(uow, SITE, NoticeDraft(**({"ends_on": TODAY} | fields))).id


def withdraw(database: Database, notice_id: int) -> None:
    with database.unit_of_work("staff:amy") as uow:
        notices.withdraw(uow, SITE, notice_id)


def settle() -> None:
    for _ in range(6):  # layout requests travel up one parent per pass of the event loop
        QApplication.processEvents()


def band(kiosk: Kiosk) -> NoticeBand:
    return kiosk.window.welcome.notices


def shown(kiosk: Kiosk) -> list[tuple[str, str]]:
    """Every notice's title and text as the labels hold them, in turn order; [] when the card is not shown."""
    if not kiosk.window.welcome.notice_area.isVisibleTo(kiosk.window.welcome):
        return []
    return [(title.text(), body.text() if body.isVisibleTo(body.parentWidget()) else "")
            for title, body in band(kiosk).page_labels()]


def on_screen(kiosk: Kiosk) -> tuple[str, str]:
    """The notice the visitor is reading now."""
    current = band(kiosk).pages.currentWidget()
    return current.title.text(), current.body.text()  # type: ignore[union-attr]


def fit(text: str, columns: int) -> str:
    """``text`` repeated and cut to exactly ``columns`` wide (a Chinese character counts two)."""
    out = ""
    for ch in text * 10:
        if text_columns(out + ch) > columns:
            break
        out += ch
    assert text_columns(out) == columns
    return out


# -- what the visitor reads -------------------------------------------------------------------------------------


def test_the_notices_show_in_the_visitors_language_and_fall_back_to_the_other(kiosk: Kiosk, database) -> None:
    publish(database, title_zh="消防演练", title_en="Fire drill", body_zh="14:00 请听从工作人员指挥。",
            body_en="At 14:00, follow the staff.")
    publish(database, title_zh="东门今日关闭", body_zh="请走南门。")  # no English at all
    kiosk.flow.notices.read_now()
    assert shown(kiosk) == [("东门今日关闭", "请走南门。"), ("消防演练", "14:00 请听从工作人员指挥。")]
    kiosk.languages.set_language("en")  # the visitor taps "English": no read, no wait
    assert shown(kiosk) == [("东门今日关闭", "请走南门。"), ("Fire drill", "At 14:00, follow the staff.")]
    kiosk.flow.go_home()  # and when they have gone, the next visitor meets the site's language again
    kiosk.languages.reset()
    assert shown(kiosk)[1] == ("消防演练", "14:00 请听从工作人员指挥。")


def test_markup_in_a_notice_shows_as_written(english: Kiosk, database) -> None:
    publish(database, title_en="<b>bold</b> & <i>Lift B</i>", body_en="<a href='x'>closed</a> <br> today")
    english.flow.notices.read_now()
    assert shown(english) == [("<b>bold</b> & <i>Lift B</i>", "<a href='x'>closed</a> <br> today")]
    [(title, body)] = band(english).page_labels()
    assert title.textFormat() == body.textFormat() == Qt.TextFormat.PlainText


def test_no_notice_no_card(english: Kiosk, database) -> None:
    english.flow.notices.read_now()
    assert not english.window.welcome.notice_area.isVisibleTo(english.window.welcome)
    notice = publish(database, title_en="Lift B closed")
    english.flow.notices.read_now()
    assert shown(english) == [("Lift B closed", "")]
    withdraw(database, notice)
    english.flow.notices.read_now()
    assert shown(english) == []  # withdrawn at the desk: gone at the next read


def test_several_notices_take_turns_and_a_refresh_keeps_the_one_being_read(english: Kiosk, database) -> None:
    ids = [publish(database, title_en=f"Notice {index}") for index in range(3)]
    english.flow.notices.read_now()
    card = band(english)
    assert on_screen(english) == ("Notice 2", "") and card.pager.text() == "1 / 3"
    assert card.timer.isActive()  # turning by itself while welcome shows
    card.show_next()
    assert on_screen(english) == ("Notice 1", "") and card.pager.text() == "2 / 3"
    publish(database, title_en="Notice 3")
    english.flow.notices.read_now()
    assert on_screen(english) == ("Notice 1", "")  # a new notice does not yank the one being read away
    assert card.pager.text() == "3 / 4"
    withdraw(database, ids[1])
    english.flow.notices.read_now()
    assert on_screen(english) == ("Notice 3", "") and card.pager.text() == "1 / 3"
    english.window.welcome.walk_in.click()
    assert not card.timer.isActive()  # nobody is looking: nothing turns
    english.flow.go_home()
    assert card.timer.isActive()


def test_a_single_notice_stays_put(english: Kiosk, database) -> None:
    publish(database, title_en="Lift B closed")
    english.flow.notices.read_now()
    assert not band(english).timer.isActive() and not band(english).pager.isVisibleTo(band(english))


# -- it fits ------------------------------------------------------------------------------------------------------


def _top(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).y()


def _bottom(widget: QWidget, window: QWidget) -> int:
    return _top(widget, window) + widget.height()


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("large", [False, True], ids=["normal text", "large text"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_longest_notice_fits_whole_and_the_tiles_do_not_move(themed, kiosk: Kiosk, database, size, large,
                                                                  language) -> None:
    window, welcome = kiosk.window, kiosk.window.welcome
    window.resize(*size)
    kiosk.languages.set_language(language)
    if large:
        assert kiosk.accessibility is not None
        kiosk.accessibility.set_large_text(True)
    settle()
    tiles = (welcome.invitation, welcome.walk_in, welcome.sign_out, welcome.delivery)
    before = [(_top(t, window), t.geometry().size()) for t in tiles]

    longest = {
        "title_zh": fit("今天下午两点整全楼进行消防疏散演练，", TITLE_MAX_COLUMNS),
        "title_en": fit("Fire drill for the whole building at two o'clock. ", TITLE_MAX_COLUMNS),
        "body_zh": fit("警报响起时请保持镇定，听从工作人员指挥，沿疏散指示有序撤离至大楼东侧集合点。"
                       "清点人数后方可返回。", BODY_MAX_COLUMNS),
        "body_en": fit("When the alarm sounds, stay calm, follow the staff and leave by the marked routes to the "
                       "assembly point east of the building. ", BODY_MAX_COLUMNS),
    }
    publish(database, title_zh="B座电梯暂停使用", title_en="Lift B closed")
    publish(database, **longest)  # the newest: on the screen first
    kiosk.flow.notices.read_now()
    settle()

    card = band(kiosk)
    suffix = "zh" if language == "zh_CN" else "en"
    assert shown(kiosk)[0] == (longest[f"title_{suffix}"], longest[f"body_{suffix}"])
    # Every word on the screen: the card is as tall as its tallest notice needs, none is cut off.
    for index in range(card.pages.count()):
        page = card.pages.widget(index)
        assert card.pages.height() >= page.heightForWidth(card.pages.width()), index
    for label in shown_labels(card):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    # The tiles: not one pixel moved or shrunk, all on the screen.
    assert [(_top(t, window), t.geometry().size()) for t in tiles] == before
    assert _bottom(welcome.delivery, window) <= size[1]
    # The card sits between the hero card and the tiles, overlapping nothing...
    assert _bottom(welcome.hero_card, window) <= _top(card, window) < _bottom(card, window) <= _top(
        welcome.invitation, window)
    # ...the hero card keeps its words whole and still clears the row at the top.
    assert _bottom(welcome.site, window) <= _top(welcome.hero_card, window)
    assert _bottom(welcome.clock, window) <= _top(welcome.hero_card, window)
    for words in (welcome.greeting, welcome.scan_title, welcome.scan_hint, welcome.badge_line):
        assert words.height() >= words.heightForWidth(words.width()), words.text()
    assert _bottom(welcome.header, window) <= size[1]


def shown_labels(card: NoticeBand) -> list[QWidget]:
    page = card.pages.currentWidget()
    return [w for w in (page.title, page.body) if w.isVisibleTo(card)]  # type: ignore[union-attr]


# -- fresh ---------------------------------------------------------------------------------------------------------


def test_read_by_itself_shortly_after_start_and_after_each_return_to_welcome(english: Kiosk, database, qtbot) -> None:
    english.flow.notices._soon.setInterval(20)  # "a moment after", in a test's time
    publish(database, title_en="Lift B closed")
    qtbot.waitUntil(lambda: shown(english) == [("Lift B closed", "")], timeout=3000)  # nobody asked: start-up
    english.window.welcome.walk_in.click()
    publish(database, title_en="Visitor parking full")
    qtbot.wait(200)
    assert len(shown(english)) == 1  # not read while a visitor is using the kiosk
    english.window.walk_in.header.home.click()
    qtbot.waitUntil(lambda: len(shown(english)) == 2, timeout=3000)


def test_read_again_every_few_minutes_while_welcome_shows(english: Kiosk, database, qtbot) -> None:
    reads = english.flow.notices
    reads._every.setInterval(30)  # three minutes, in a test's time
    publish(database, title_en="Lift B closed")
    qtbot.waitUntil(lambda: shown(english) == [("Lift B closed", "")], timeout=3000)


# -- late answers, slow and failing reads ---------------------------------------------------------------------------


@pytest.fixture
def kiosk_pool(request) -> HeldWorkerPool | None:
    """``TestLateAnswers`` runs on a pool that holds every answer until the test gives it; the rest inline."""
    return HeldWorkerPool() if request.cls is TestLateAnswers else None


def _reads(pool: HeldWorkerPool):
    return pool.pending("welcome_notices")


class TestLateAnswers:
    def test_a_slow_database_is_not_asked_again_before_it_answered(self, english: Kiosk, database) -> None:
        """Guard: ``WelcomeNotices.read_now`` asks nothing while its last question is unanswered."""
        pool = english.pool
        assert isinstance(pool, HeldWorkerPool)
        english.flow.notices.read_now()
        english.flow.notices.read_now()
        english.flow.notices._tick()  # the few-minutes timer, on welcome
        assert len(_reads(pool)) == 1  # the guard
        publish(database, title_en="Lift B closed")
        pool.run(_reads(pool)[0])
        assert shown(english) == [("Lift B closed", "")]
        english.flow.notices.read_now()
        assert len(_reads(pool)) == 1  # answered: the next read may go

    def test_an_answer_read_before_the_visitor_left_gives_way_to_the_fresh_one(self, english: Kiosk,
                                                                                database) -> None:
        """Guard: ``go_home`` cancels the pending read (``pool.cancel_pending``), and the return to welcome asks
        again: the stale answer, arriving last, does not bring back a withdrawn notice."""
        pool = english.pool
        assert isinstance(pool, HeldWorkerPool)
        drill = publish(database, title_en="Fire drill at 14:00")
        english.flow.notices.read_now()
        [stale] = _reads(pool)
        pool.execute(stale)  # read now: the drill is on; the answer is slow to come back
        english.window.welcome.walk_in.click()
        withdraw(database, drill)  # the desk calls the drill off meanwhile
        english.window.walk_in.header.home.click()
        english.flow.notices.read_now()  # what the settle timer does a moment after the return
        fresh = _reads(pool)[-1]
        assert fresh is not stale
        pool.run(fresh)
        assert shown(english) == []
        pool.run(stale)  # the old answer, last
        assert shown(english) == []  # the guard: no fire drill for the next visitor

    def test_a_failed_read_leaves_the_notices_shown(self, english: Kiosk, database) -> None:
        pool = english.pool
        assert isinstance(pool, HeldWorkerPool)
        publish(database, title_en="Lift B closed")
        english.flow.notices.read_now()
        pool.run(_reads(pool)[0])
        english.flow.notices.read_now()
        pool.resolve(_reads(pool)[0], error=ServiceError("database went away"))
        assert shown(english) == [("Lift B closed", "")]
        english.flow.notices.read_now()
        assert len(_reads(pool)) == 1  # and it asks again next time

    def test_the_periodic_read_waits_for_welcome(self, english: Kiosk, database) -> None:
        pool = english.pool
        assert isinstance(pool, HeldWorkerPool)
        pool.run_all()
        english.window.welcome.sign_out.click()
        english.flow.notices._tick()
        assert _reads(pool) == []  # a visitor is signing out: the notices can wait
        english.flow.go_home()
        english.flow.notices._tick()
        assert len(_reads(pool)) == 1
