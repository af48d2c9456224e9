"""The desk's host directory: a list of any length (ids sorted in SQL, rows by id), search by name,
pinyin, initials, e-mail and department; add, edit, deactivate and reactivate, each audited as the
person at the desk; the CSV import's report line by line, field by field."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent, Host
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import HostForm, HostQuery, HostSort, HostsShown
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.visits import invitations
from tests.factories import SITE

PEOPLE = [
    HostForm("张伟", "zhang.wei@example.com", "销售部", "13800138000"),
    HostForm("张伟", "zhang.wei2@example.com", "研发部"),
    HostForm("李娜", "li.na@example.com", "行政部", language="en"),
    HostForm("John Smith", "john.smith@example.com", "Research"),
    HostForm("Zoe Adams", "zoe@example.com"),
]


@pytest.fixture
def desk(database: Database) -> DeskDirectoryGateway:
    return DeskDirectoryGateway(database, SITE, actor="staff:amy", role=StaffRole.RECEPTIONIST)


@pytest.fixture
def people(desk: DeskDirectoryGateway) -> dict[str, int]:
    return {form.email: desk.add_host(form).id for form in PEOPLE}


def _names(desk: DeskDirectoryGateway, query: HostQuery) -> list[str]:
    return [row.name for row in desk.host_rows(desk.host_ids(query))]


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_list_sorts_by_pinyin_so_chinese_and_latin_names_interleave(desk, people) -> None:
    # 李娜 (lina) between John (johnsmith) and 张伟 (zhangwei); Zoe (zoeadams) after zhangwei.
    assert _names(desk, HostQuery()) == ["John Smith", "李娜", "张伟", "张伟", "Zoe Adams"]
    assert _names(desk, HostQuery(descending=True)) == ["Zoe Adams", "张伟", "张伟", "李娜", "John Smith"]
    by_department = desk.host_rows(desk.host_ids(HostQuery(sort=HostSort.DEPARTMENT)))
    assert [r.department for r in by_department] == ["", "Research", "研发部", "行政部", "销售部"]
    assert desk.host_ids(HostQuery(), limit=2).tolist() == desk.host_ids(HostQuery()).tolist()[:2]


@pytest.mark.parametrize(("text", "expected"), [
    ("张", ["张伟", "张伟"]),
    ("zhangw", ["张伟", "张伟"]),
    ("zw", ["张伟", "张伟"]),
    ("LN", ["李娜"]),
    ("li.na@", ["李娜"]),
    ("EXAMPLE.COM", ["John Smith", "李娜", "张伟", "张伟", "Zoe Adams"]),
    ("研发", ["张伟"]),
    ("research", ["John Smith"]),
    ("smith", ["John Smith"]),
    ("100%", []),
    ("_", []),
])
def test_search_by_name_pinyin_initials_email_and_department(desk, people, text, expected) -> None:
    assert _names(desk, HostQuery(text=text)) == expected


def test_rows_come_in_the_order_asked_and_missing_ids_are_left_out(desk, people) -> None:
    ids = [people["zoe@example.com"], 999_999, people["li.na@example.com"]]
    rows = desk.host_rows(ids)
    assert [(r.name, r.email, r.language) for r in rows] == [
        ("Zoe Adams", "zoe@example.com", "zh_CN"), ("李娜", "li.na@example.com", "en")]
    zhang = desk.host(people["zhang.wei@example.com"])
    assert (zhang.department, zhang.phone, zhang.active) == ("销售部", "+8613800138000", True)


def test_adding_a_host_with_a_taken_email_is_refused_not_merged(desk, people, database) -> None:
    with pytest.raises(Conflict) as taken:
        desk.add_host(HostForm("王芳", "Zhang.Wei@example.com", "财务部"))
    assert taken.value.code == "email_taken"
    assert desk.host(people["zhang.wei@example.com"]).name == "张伟"  # not overwritten
    desk.deactivate_host(people["zoe@example.com"])
    with pytest.raises(Conflict) as inactive:
        desk.add_host(HostForm("Zoe B", "zoe@example.com"))
    assert inactive.value.code == "email_taken_inactive"
    [created, *_] = _audit(database, "host.created")
    assert created.actor == "staff:amy"


def test_every_wrong_field_is_named_at_once(desk) -> None:
    with pytest.raises(ValidationFailed) as wrong:
        desk.add_host(HostForm("", "not-an-email", phone="12345", language="fr"))
    assert {(e.field, e.code) for e in wrong.value.errors} == {
        ("name", "required"), ("email", "invalid_email"), ("phone", "invalid_phone"), ("language", "invalid")}


def test_editing_changes_the_fields_and_the_search_keys_and_audits_which_fields(desk, people, database) -> None:
    host_id = people["li.na@example.com"]
    row = desk.edit_host(host_id, HostForm("王芳", "wang.fang@example.com", "财务部", "13900139000"))
    assert (row.name, row.email, row.department, row.phone) == ("王芳", "wang.fang@example.com", "财务部",
                                                                "+8613900139000")
    assert _names(desk, HostQuery(text="wf")) == ["王芳"] and _names(desk, HostQuery(text="ln")) == []
    [event] = _audit(database, "host.updated")
    assert event.actor == "staff:amy" and event.entity_id == host_id
    assert event.after["changed"] == ["department_id", "email", "language", "name", "phone"]
    assert "王芳" not in str(event.after) and "wang" not in str(event.after)  # ids and states, never names

    desk.edit_host(host_id, HostForm("王芳", "wang.fang@example.com", "财务部", "13900139000"))
    assert len(_audit(database, "host.updated")) == 1  # nothing changed, nothing recorded
    with pytest.raises(Conflict):
        desk.edit_host(host_id, HostForm("王芳", "zoe@example.com"))
    with pytest.raises(NotFound):
        desk.edit_host(999_999, HostForm("王芳", "x@example.com"))


def test_a_deactivated_host_leaves_the_kiosk_and_new_invitations_until_reactivated(desk, people, database) -> None:
    host_id = people["li.na@example.com"]
    row = desk.deactivate_host(host_id)
    assert not row.active
    assert _names(desk, HostQuery(text="李娜")) == []
    assert _names(desk, HostQuery(text="李娜", shown=HostsShown.INACTIVE)) == ["李娜"]
    assert [r.active for r in desk.host_rows(desk.host_ids(HostQuery(shown=HostsShown.ALL, sort=HostSort.STATUS)))
            ][-1] is False
    with database.unit_of_work(write=False) as uow:
        assert hosts.search_hosts(uow, "李娜") == []
    with database.unit_of_work("staff:amy") as uow, pytest.raises(ValidationFailed):
        invitations.create_invitation(uow, site_code=SITE, host_id=host_id, visitor_name="Jane",
                                      phone="13800138000")
    desk.deactivate_host(host_id)  # a second desk did it too: nothing more happens
    assert len(_audit(database, "host.deactivated")) == 1

    assert desk.reactivate_host(host_id).active
    with database.unit_of_work(write=False) as uow:
        assert [h.name for h in hosts.search_hosts(uow, "李娜")] == ["李娜"]
    [event] = _audit(database, "host.reactivated")
    assert (event.actor, event.before, event.after) == ("staff:amy", {"active": False}, {"active": True})


def test_departments_are_offered_by_name(desk, people) -> None:
    assert [d.name for d in desk.departments()] == ["Research", "研发部", "行政部", "销售部"]
    research = next(d.id for d in desk.departments() if d.name == "Research")
    assert _names(desk, HostQuery(department_id=research)) == ["John Smith"]


def test_the_import_reports_each_bad_line_field_by_field_and_saves_the_rest(desk, tmp_path) -> None:
    path = tmp_path / "hosts.csv"
    path.write_bytes((
        "name,department,email,phone\n"
        "王芳,销售部,wang.fang@example.com,\n"
        ",销售部,not-an-email,12345\n"
        "赵六,销售部,wang.fang@example.com,\n"
    ).encode("gbk"))
    report = desk.import_hosts(path)
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    first, second = report.problems
    assert first.line == 3 and {(e.field, e.code) for e in first.errors} == {
        ("name", "required"), ("email", "invalid_email"), ("phone", "invalid_phone")}
    assert first.text == ",销售部,not-an-email,12345"
    assert second.line == 4 and [(e.field, e.code) for e in second.errors] == [("email", "duplicate")]
    assert _names(desk, HostQuery()) == ["王芳"]


def test_an_unreadable_or_headless_file_is_one_plain_problem(desk, tmp_path) -> None:
    from kiosk.services.errors import ServiceError

    with pytest.raises(ServiceError) as missing:
        desk.import_hosts(tmp_path / "nope.csv")
    assert missing.value.code == "file_unreadable"
    headless = tmp_path / "headless.csv"
    headless.write_text("name,phone\nx,1\n")
    [problem] = desk.import_hosts(headless).problems
    assert [(e.field, e.code) for e in problem.errors] == [("department, email", "missing_columns")]


def test_a_reimport_reactivates_whom_hr_still_lists(desk, people, tmp_path, database) -> None:
    desk.deactivate_host(people["zoe@example.com"])
    path = tmp_path / "hosts.csv"
    path.write_text("name,department,email\nZoe Adams,,zoe@example.com\n")
    assert desk.import_hosts(path).updated == 1
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(Host.active).where(Host.email == "zoe@example.com")) is True
