"""Names in pinyin for the English host picker: how an English reader tells two 张伟 from 李娜."""

from __future__ import annotations

import pytest

from kiosk.services.directory import hosts
from tests.factories import add_host


@pytest.mark.parametrize(("name", "written"), [
    ("张伟", "Zhang Wei"),
    ("王小明", "Wang Xiaoming"),  # the given name is one word
    ("欧阳娜娜", "Ouyang Nana"),  # a two-character surname
    ("曾小贤", "Zeng Xiaoxian"),  # 曾 read as a surname, not céng
    ("单田芳", "Shan Tianfang"),
    ("吕布", "Lü Bu"),
    ("李雷 Lee", "Li Lei Lee"),  # a Latin word in the name is kept as typed
    ("John Smith", ""),  # reads as it is: nothing to add
    ("", ""),
])
def test_a_chinese_name_in_pinyin_surname_first(name: str, written: str) -> None:
    assert hosts.pinyin_name(name) == written


def test_search_results_carry_the_name_in_pinyin(database) -> None:
    add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部")
    add_host(database, name="John Smith", email="john.smith@example.com", department="研发部")
    with database.unit_of_work(write=False) as uow:
        found = {h.name: h.name_pinyin for h in hosts.search_hosts(uow, "zw") + hosts.search_hosts(uow, "john")}
    assert found == {"张伟": "Zhang Wei", "John Smith": ""}
