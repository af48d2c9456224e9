"""The host directory: CSV import from Excel, pinyin search, two 张伟 told apart."""

from __future__ import annotations

import pytest

from kiosk.services.directory import hosts

CSV = (
    "name,department,email,phone\n"
    "张伟,销售部,zhang.wei@example.com,13800138000\n"
    "张伟,研发部,zhang.wei2@example.com,\n"
    "李娜,行政部,li.na@example.com,+86 139 0013 9000\n"
    "John Smith,研发部,john.smith@example.com,\n"
)


def _import(db, data: bytes):
    with db.unit_of_work("staff:amy") as uow:
        return hosts.import_hosts_csv(uow, data)


def _search(db, query):
    with db.unit_of_work(write=False) as uow:
        return [(h.name, h.department) for h in hosts.search_hosts(uow, query)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_import_reads_excel_encodings(database, encoding):
    report = _import(database, CSV.encode(encoding))
    assert (report.created, report.problems) == (4, [])
    assert _search(database, "李娜") == [("李娜", "行政部")]


def test_import_is_an_idempotent_upsert(database):
    _import(database, CSV.encode())
    again = _import(database, CSV.replace("行政部", "财务部").encode())
    assert (again.created, again.updated, again.unchanged) == (0, 1, 3)
    assert _search(database, "ln") == [("李娜", "财务部")]


def test_bad_rows_are_reported_by_line_and_good_rows_saved(database):
    data = (
        "Name,Department,Email,Phone\r\n"
        "王芳,销售部,wang.fang@example.com,\r\n"
        ",销售部,nobody@example.com,\r\n"
        "赵六,销售部,not-an-email,\r\n"
        "钱七,销售部,qian@example.com,12345\r\n"
        "孙八,销售部,wang.fang@example.com,\r\n"
    ).encode("utf-8-sig")
    report = _import(database, data)
    assert report.created == 1
    assert [p.line for p in report.problems] == [3, 4, 5, 6]
    assert "name" in report.problems[0].message and "email" in report.problems[1].message
    assert "twice" in report.problems[3].message
    assert _search(database, "wf") == [("王芳", "销售部")]


def test_missing_columns_and_binary_files_are_refused_clearly(database):
    assert "missing column" in _import(database, b"name,phone\nx,1\n").problems[0].message
    assert _import(database, b"\xff\xfe\x00\x81\x00garbage").problems


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zw", [("张伟", "研发部"), ("张伟", "销售部")]),
        ("zhangwei", [("张伟", "研发部"), ("张伟", "销售部")]),
        ("zhang", [("张伟", "研发部"), ("张伟", "销售部")]),
        ("张", [("张伟", "研发部"), ("张伟", "销售部")]),
        ("ZW", [("张伟", "研发部"), ("张伟", "销售部")]),
        ("smith", [("John Smith", "研发部")]),
        ("js", [("John Smith", "研发部")]),
        ("%", []),
        ("_", []),
        ("", []),
    ],
)
def test_search_by_name_pinyin_and_initials(database, query, expected):
    _import(database, CSV.encode())
    assert sorted(_search(database, query)) == sorted(expected)


def test_exact_name_ranks_first(database):
    _import(database, (CSV + "张伟明,销售部,zwm@example.com,\n").encode())
    results = _search(database, "张伟")
    assert [name for name, _ in results] == ["张伟", "张伟", "张伟明"]


def test_pinyin_keys_for_mixed_names():
    assert hosts.pinyin_keys("欧阳娜娜") == ("ouyangnana", "oynn")
    assert hosts.pinyin_keys("Müller 张") == ("mullerzhang", "mz")
