"""The kiosk's host picker in English tells two 张伟 apart by their departments' English names, when HR's file
gives them (``department_en``); in Chinese it keeps the Chinese names. The names reach the screen as plain text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.db import Database
from kiosk.services.directory import hosts
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.widgets.host_picker import HostPicker

HR_FILE = (
    "name,department,email,department_en\n"
    "张伟,销售部,zhang.wei@example.com,Sales\n"
    "张伟,研发部,wei.zhang@example.com,<b>R&D</b>\n"
    "张伟,行政部,zhang.wei2@example.com,\n"
)


@pytest.fixture
def directory(database: Database) -> None:
    with database.unit_of_work("cli:ops") as uow:
        assert hosts.import_hosts_csv(uow, HR_FILE.encode("utf-8")).ok


def _rows(picker: HostPicker) -> list[tuple[str, str]]:
    """(name, department) as each row the visitor can tap shows them."""
    shown = []
    for i in range(picker.results.count()):
        name, department = picker.results.itemWidget(picker.results.item(i)).findChildren(QLabel)
        assert department.textFormat() == Qt.TextFormat.PlainText
        shown.append((name.text(), department.text()))
    return sorted(shown)


@pytest.mark.parametrize("screen", ["walk_in", "delivery"])
def test_the_english_picker_shows_english_department_names_and_the_chinese_one_chinese(
        kiosk: Kiosk, directory: None, screen: str) -> None:
    kiosk.languages.set_language("en")
    getattr(kiosk.window.welcome, screen).click()
    picker: HostPicker = getattr(kiosk.window, screen).host
    picker.query_changed.emit("zw")
    assert picker.results.isVisible()
    assert _rows(picker) == [("张伟 \u00b7 Zhang Wei", "<b>R&D</b>"),  # as HR typed it: text, not markup
                             ("张伟 \u00b7 Zhang Wei", "Sales"),
                             ("张伟 \u00b7 Zhang Wei", "行政部")]  # no English name known: the Chinese one

    kiosk.languages.set_language("zh_CN")  # the rows already listed follow the language
    assert _rows(picker) == [("张伟", "研发部"), ("张伟", "行政部"), ("张伟", "销售部")]


def test_the_chosen_host_keeps_the_english_department_name(english: Kiosk, directory: None) -> None:
    english.window.welcome.walk_in.click()
    picker = english.window.walk_in.host
    picker.query_changed.emit("zw")
    sales = next(i for i in range(picker.results.count())
                 if picker.results.item(i).data(Qt.ItemDataRole.UserRole).department_en == "Sales")
    picker.results.itemClicked.emit(picker.results.item(sales))
    assert picker.chosen.isVisible()
    assert (picker.chosen_name.text(), picker.chosen_department.text()) == ("张伟 \u00b7 Zhang Wei", "Sales")
    assert picker.chosen_department.textFormat() == Qt.TextFormat.PlainText
