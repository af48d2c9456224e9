"""Departments' English names from HR's host file (the optional ``department_en`` column): what visitors
reading English are shown beside the department, in the kiosk's host picker and on the web page."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent, Department
from kiosk.services.directory import hosts
from tests.cli_harness import kioskctl_runner, write_config

TWO_ZHANG_WEI = (
    "name,department,email,department_en\n"
    "张伟,销售部,zhang.wei@example.com,Sales\n"
    "张伟,研发部,wei.zhang@example.com,  R&D  \n"
    "李娜,行政部,li.na@example.com,\n"
)


def _import(database: Database, text: str) -> hosts.ImportReport:
    with database.unit_of_work("cli:ops") as uow:
        return hosts.import_hosts_csv(uow, text.encode("utf-8"))


def _english_names(database: Database) -> dict[str, str | None]:
    with database.unit_of_work(write=False) as uow:
        return {row[0]: row[1] for row in uow.session.execute(select(Department.name, Department.name_en))}


def _searched(database: Database, typed: str) -> list[tuple[str, str, str]]:
    with database.unit_of_work(write=False) as uow:
        return sorted((h.name, h.department, h.department_en) for h in hosts.search_hosts(uow, typed))


def test_the_import_gives_departments_their_english_names_and_the_search_shows_them(database) -> None:
    report = _import(database, TWO_ZHANG_WEI)
    assert (report.created, report.departments_named, report.problems) == (3, 2, [])
    assert _english_names(database) == {"销售部": "Sales", "研发部": "R&D", "行政部": None}
    assert _searched(database, "zw") == [("张伟", "研发部", "R&D"), ("张伟", "销售部", "Sales")]
    assert _searched(database, "ln") == [("李娜", "行政部", "")]  # none known: the picker shows 行政部
    with database.unit_of_work(write=False) as uow:
        assert {h.department_en for h in hosts.list_hosts(uow)} == {"Sales", "R&D", ""}
        event = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "hosts.import")).one()
    assert event.after is not None and event.after["departments_named"] == 2


def test_an_empty_cell_or_no_column_keeps_the_english_name_and_a_new_one_replaces_it(database) -> None:
    _import(database, TWO_ZHANG_WEI)
    again = _import(database, TWO_ZHANG_WEI)
    assert (again.unchanged, again.departments_named) == (3, 0)  # nothing new: nothing counted

    blank = _import(database, "name,department,email,department_en\n张伟,销售部,zhang.wei@example.com,\n")
    without = _import(database, "name,department,email\n张伟,研发部,wei.zhang@example.com\n")
    assert (blank.departments_named, without.departments_named) == (0, 0)
    assert _english_names(database) == {"销售部": "Sales", "研发部": "R&D", "行政部": None}

    renamed = _import(database, "name,department,email,department_en\n张伟,销售部,zhang.wei@example.com,Sales & "
                                "Marketing\n")
    assert (renamed.unchanged, renamed.departments_named) == (1, 1)  # the host is as it was; its department is not
    assert _searched(database, "zw") == [("张伟", "研发部", "R&D"), ("张伟", "销售部", "Sales & Marketing")]


@pytest.mark.parametrize(("cell", "code"), [
    ("Sales\u202eselaS", "bad_characters"),  # a right-to-left override: reads as something else on screen
    ("Sa\u200bles", "bad_characters"),  # a zero-width space
    ("Sales\x07", "bad_characters"),
    ("S" * 101, "too_long"),
])
def test_a_hostile_or_overlong_english_name_is_a_bad_line_and_changes_nothing(database, cell: str, code: str) -> None:
    _import(database, TWO_ZHANG_WEI)
    report = _import(database, f'name,department,email,department_en\n张伟,销售部,zhang.wei@example.com,"{cell}"\n')
    [problem] = report.problems
    assert (problem.line, [(e.field, e.code) for e in problem.errors]) == (2, [("department_en", code)])
    assert _english_names(database)["销售部"] == "Sales"


def test_markup_is_kept_as_the_text_it_is_and_the_name_is_trimmed_and_composed(database) -> None:
    # Plain text: the screens show "<b>Sales</b>" as typed (tests/ui/test_host_picker_english_departments.py).
    _import(database, "name,department,email,department_en\n"
                      "张伟,销售部,zhang.wei@example.com,<b>Sales</b>\n"
                      "王芳,设计部,wang.fang@example.com,\u3000Cafe\u0301 Design \n")
    assert _english_names(database) == {"销售部": "<b>Sales</b>", "设计部": "Caf\u00e9 Design"}


def test_the_english_name_of_a_row_without_a_department_is_ignored(database) -> None:
    report = _import(database, "name,department,email,department_en\n张伟,,zhang.wei@example.com,Sales\n")
    assert (report.created, report.departments_named, report.problems) == (1, 0, [])
    assert _english_names(database) == {}


def test_the_desks_chunked_import_sets_them_too(database, tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes(TWO_ZHANG_WEI.encode("gb18030"))  # as Excel saves "CSV" on a Chinese Windows
    desk = DeskDirectoryGateway(database, "staff:amy", StaffRole.ADMIN)
    report = desk.import_hosts(path, chunk_rows=1, pause_seconds=0)
    assert (report.created, report.departments_named) == (3, 2)
    assert _english_names(database) == {"销售部": "Sales", "研发部": "R&D", "行政部": None}


def test_kioskctl_says_how_many_departments_were_named_and_its_help_names_the_column(
        database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    kioskctl = kioskctl_runner(write_config(tmp_path, str(database.engine.url.render_as_string(
        hide_password=False)), monkeypatch), capsys)
    path = tmp_path / "hr.csv"
    path.write_text(TWO_ZHANG_WEI, encoding="utf-8")
    ran = kioskctl("hosts", "import", str(path))
    assert (ran.code, ran.out) == (0, "3 created, 0 updated, 0 unchanged, 2 department(s) given an English name\n")
    assert kioskctl("hosts", "import", str(path)).out == "0 created, 0 updated, 3 unchanged\n"
    assert kioskctl("hosts", "import", str(path), "--json").json()["departments_named"] == 0
    helped = kioskctl("hosts", "import", "--help")
    assert helped.code == 0 and "department_en" in " ".join(helped.out.split())
