"""Lists that filter as you type stay in sight above the on-screen keyboard, the walk-in form fits a
1280x720 screen, and the English host picker tells two 张伟 apart.

The keyboard is a plain widget standing where Qt's keyboard panel stands in the kiosk window, as tall as
the real one (a QtQuick InputPanel is 0.3125 times as tall as it is wide: 600 px on a 1920 px wide
screen, 338 on 1080, 400 on 1280); the page then slides as ``KioskWindow.follow_keyboard`` makes it.
(The real panel is not used here: its QML start-up prints Qt warnings offscreen, which fail a test.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QWidget

from kiosk.db import Database
from kiosk.services.visits.signout import OnSiteMatch
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.widgets.keyboard_panel import PANEL_NAME, keyboard_watch
from kiosk.ui.kiosk.widgets.typing_lists import MIN_ROW
from tests.factories import add_host

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920), "small": (1280, 720)}


pytestmark = pytest.mark.usefixtures("themed")  # the kiosk's real style sheet (tests/ui/conftest.py)


@pytest.fixture
def two_zhang_wei(database: Database) -> None:
    add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部")
    add_host(database, name="张伟", email="zhang.wei.rnd@example.com", department="研发部")


def _settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def _rect_in(widget: QWidget, rect: QRect, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


KEYBOARD_HEIGHT_PER_WIDTH = 0.3125


def _panel(kiosk: Kiosk) -> QWidget:
    panel = kiosk.window.findChild(QWidget, PANEL_NAME)
    if panel is None:
        panel = QWidget(kiosk.window)
        panel.setObjectName(PANEL_NAME)
    return panel


def _keyboard_up(kiosk: Kiosk) -> int:
    """What the window does when Qt's input method shows: the panel on the bottom edge, the page slid up."""
    window, panel = kiosk.window, _panel(kiosk)
    height = round(window.width() * KEYBOARD_HEIGHT_PER_WIDTH)
    panel.setGeometry(0, window.height() - height, window.width(), height)
    panel.show()
    keyboard_watch().changed.emit()  # as the panel does when shown
    window.pan_for_keyboard(panel.y())
    _settle()
    return panel.y()


def _keyboard_down(kiosk: Kiosk) -> None:
    _panel(kiosk).hide()
    keyboard_watch().changed.emit()
    kiosk.window.pan_for_keyboard(None)
    _settle()


def _focus(field: QLineEdit, qtbot) -> None:
    window = field.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)


def _rows_in_sight(results: QListWidget, field: QWidget, keyboard_top: int) -> list[int]:
    """The rows a visitor can see whole: inside the list's viewport, the window, and above the keyboard."""
    window = results.window()
    viewport = results.viewport()
    seen = QRect(0, 0, window.width(), keyboard_top)
    field_rect = _rect_in(field, field.rect(), window)
    shown = []
    for row in range(results.count()):
        rect = results.visualItemRect(results.item(row))
        if not viewport.rect().contains(rect):
            continue
        on_window = _rect_in(viewport, rect, window)
        if seen.contains(on_window) and not on_window.intersects(field_rect):
            shown.append(row)
    return shown


def _walk_in(kiosk: Kiosk, query: str) -> tuple[QLineEdit, QListWidget]:
    kiosk.flow.show(kiosk.window.walk_in)
    picker = kiosk.window.walk_in.host
    return picker.search, picker.results


def _delivery(kiosk: Kiosk, query: str) -> tuple[QLineEdit, QListWidget]:
    kiosk.flow.show(kiosk.window.delivery)
    picker = kiosk.window.delivery.host
    return picker.search, picker.results


def _type_host(kiosk: Kiosk, field: QLineEdit, query: str) -> None:
    field.setText(query)
    kiosk.flow._search_hosts(query)  # what the picker's debounce does when the visitor stops typing
    _settle()


PICKERS: dict[str, Callable[[Kiosk, str], tuple[QLineEdit, QListWidget]]] = {
    "walk-in": _walk_in, "delivery": _delivery,
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(PICKERS))
def test_both_zhang_wei_stay_in_sight_while_typing(english: Kiosk, two_zhang_wei, qtbot, screen: str,
                                                   size: str) -> None:
    english.window.resize(*SIZES[size])
    field, results = PICKERS[screen](english, "zw")
    _settle()
    _focus(field, qtbot)
    keyboard_top = _keyboard_up(english)  # the visitor taps the field: the keyboard comes up
    _type_host(english, field, "zw")  # ...and types
    assert results.count() == 2
    assert _rows_in_sight(results, field, keyboard_top) == [0, 1]
    assert _rect_in(field, field.rect(), english.window).bottom() < keyboard_top  # the field too
    assert all(results.visualItemRect(results.item(row)).height() >= MIN_ROW for row in range(2))
    _keyboard_down(english)  # the list goes back under the field, rows at full height
    rects = [_rect_in(results.viewport(), results.visualItemRect(results.item(row)), english.window)
             for row in range(2)]
    field_bottom = _rect_in(field, field.rect(), english.window).bottom()
    assert all(rect.top() > field_bottom for rect in rects)
    assert _rows_in_sight(results, field, english.window.height()) == [0, 1]


@pytest.mark.parametrize("size", list(SIZES))
def test_a_long_list_shows_what_fits_above_the_keyboard_and_scrolls(english: Kiosk, two_zhang_wei, database: Database,
                                                                     qtbot, size: str) -> None:
    for index in range(4):
        add_host(database, name=f"张伟{index}", email=f"zw{index}@example.com", department="R&D")
    english.window.resize(*SIZES[size])
    field, results = _walk_in(english, "zw")
    _settle()
    _focus(field, qtbot)
    keyboard_top = _keyboard_up(english)
    _type_host(english, field, "zw")
    assert results.count() == 6
    shown = _rows_in_sight(results, field, keyboard_top)
    # A portrait screen has room under the field for all the rows it shows (three); a landscape one shows two
    # above or below the field (the page over the keyboard is 480 px high, 320 at 1280x720) and scrolls.
    assert len(shown) >= (3 if size == "portrait" else 2), shown
    assert results.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    results.scrollToItem(results.item(5))
    _settle()
    assert 5 in _rows_in_sight(results, field, keyboard_top)


@pytest.mark.parametrize("size", list(SIZES))
def test_signing_out_by_name_keeps_the_matches_in_sight(english: Kiosk, qtbot, size: str) -> None:
    english.window.resize(*SIZES[size])
    screen = english.window.sign_out
    english.flow.show(screen)
    _settle()
    _focus(screen.name, qtbot)
    keyboard_top = _keyboard_up(english)
    screen.name.setText("li")
    checked_in = datetime(2026, 6, 15, 1, 0, tzinfo=UTC)
    screen.set_matches([OnSiteMatch(visit, name, "张伟", checked_in)
                        for visit, name in enumerate(("李雷", "Lisa Wong", "李娜"), start=1)])
    _settle()
    shown = _rows_in_sight(screen.matches, screen.name, keyboard_top)
    if size == "small":
        assert len(shown) >= 2, shown
    else:
        assert shown == [0, 1, 2]


def test_another_field_typed_in_is_never_covered_by_the_list(english: Kiosk, two_zhang_wei, qtbot) -> None:
    english.window.resize(*SIZES["small"])
    form = english.window.walk_in
    field, results = _walk_in(english, "zw")
    _settle()
    _focus(field, qtbot)
    _keyboard_up(english)
    _type_host(english, field, "zw")
    _focus(form.name, qtbot)  # back to the name while the matches still show
    english.window.pan_for_keyboard(_panel(english).y())
    _settle()
    window = english.window
    name_rect = _rect_in(form.name, form.name.rect(), window)
    list_rect = _rect_in(results, results.rect(), window)
    assert not (results.isVisible() and name_rect.intersects(list_rect))


# -- the walk-in form on a 1280x720 screen ------------------------------------------------------------------


def test_no_walk_in_field_is_clipped_at_1280x720(english: Kiosk, two_zhang_wei) -> None:
    window, form = english.window, english.window.walk_in
    window.resize(*SIZES["small"])
    english.flow.show(form)
    _settle()
    for key, field in form.fields.items():
        needed = field.minimumSizeHint().height()
        assert field.height() >= needed, key  # never squeezed: the form scrolls instead
        editor = field.editor
        assert editor.height() >= editor.minimumSizeHint().height(), key
        form.body.ensureWidgetVisible(field, 0, 0)
        _settle()
        viewport = form.body.viewport()
        assert viewport.rect().contains(QRect(field.mapTo(viewport, QPoint(0, 0)), field.size())), key
    bottom = form.submit.mapTo(window, QPoint(0, form.submit.height())).y()
    assert bottom <= window.height()


def test_the_walk_in_form_needs_no_scrolling_on_a_full_hd_screen(english: Kiosk) -> None:
    for size in ("landscape", "portrait"):
        english.window.resize(*SIZES[size])
        english.flow.show(english.window.walk_in)
        _settle()
        assert english.window.walk_in.body.verticalScrollBar().maximum() == 0, size


# -- telling two 张伟 apart in English ---------------------------------------------------------------------


def _row_texts(results: QListWidget) -> list[list[str]]:
    return [[label.text() for label in results.itemWidget(results.item(row)).findChildren(QLabel)]
            for row in range(results.count())]


def test_the_english_picker_shows_pinyin_and_the_chinese_one_does_not(kiosk: Kiosk, two_zhang_wei) -> None:
    kiosk.languages.set_language("en")
    field, results = _walk_in(kiosk, "zw")
    _type_host(kiosk, field, "zw")
    assert _row_texts(results) == [["张伟 · Zhang Wei", "销售部"], ["张伟 · Zhang Wei", "研发部"]]
    kiosk.languages.set_language("zh_CN")  # switched while the results show
    assert _row_texts(results) == [["张伟", "销售部"], ["张伟", "研发部"]]
    results.itemClicked.emit(results.item(1))
    picker = kiosk.window.walk_in.host
    assert (picker.chosen_name.text(), picker.chosen_department.text()) == ("张伟", "研发部")
    kiosk.languages.set_language("en")
    assert (picker.chosen_name.text(), picker.chosen_department.text()) == ("张伟 · Zhang Wei", "研发部")
