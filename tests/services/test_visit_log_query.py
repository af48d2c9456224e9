"""The visitor log's query: ids sorted in SQL by every column (ties by id, empty values last), filters,
search by name, phone, company and host, hostile search text, rows by id. On SQLite and PostgreSQL."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import delete, insert

from kiosk.domain.visits import Purpose, VisitorType, VisitStatus
from kiosk.models import Site, Visit
from kiosk.services.text import search_key
from kiosk.services.visits import visit_log
from kiosk.services.visits.visit_log import PhoneShown, VisitQuery, VisitSort, mask_phone, visit_ids, visit_rows
from tests.factories import SITE, add_host
from tests.visit_log_data import Made, add_visit, sample_log

STATUS_ORDER = [VisitStatus.PENDING_APPROVAL, VisitStatus.APPROVED, VisitStatus.INVITED, VisitStatus.CHECKED_IN,
                VisitStatus.CHECKED_OUT, VisitStatus.NO_SHOW, VisitStatus.DENIED, VisitStatus.CANCELLED]
# Each sort column's key in Python; None sorts last whichever the direction.
KEYS: dict[VisitSort, Callable[[Made], Any]] = {
    VisitSort.DATE: lambda m: (m.visit_date, m.created_at),
    VisitSort.VISITOR: lambda m: search_key(m.name),
    VisitSort.COMPANY: lambda m: m.company or None,
    VisitSort.PHONE: lambda m: m.phone,
    VisitSort.HOST: lambda m: search_key(m.host),
    VisitSort.DEPARTMENT: lambda m: m.department,
    VisitSort.STATUS: lambda m: STATUS_ORDER.index(m.status),
    VisitSort.VISITOR_TYPE: lambda m: list(VisitorType).index(m.visitor_type),
    VisitSort.PURPOSE: lambda m: list(Purpose).index(m.purpose),
    VisitSort.EXPECTED: lambda m: m.expected_start,
    VisitSort.CHECKED_IN: lambda m: m.checked_in_at,
    VisitSort.CHECKED_OUT: lambda m: m.checked_out_at,
}


def expected_order(made: list[Made], sort: VisitSort, descending: bool) -> list[int]:
    key = KEYS[sort]
    present = sorted((m for m in made if key(m) is not None), key=lambda m: (key(m), m.id), reverse=descending)
    empty = sorted((m for m in made if key(m) is None), key=lambda m: m.id, reverse=descending)
    return [m.id for m in present + empty]


EVERY_VISIT = VisitQuery()


def ids(db, query: VisitQuery = EVERY_VISIT, **options: Any) -> list[int]:
    with db.unit_of_work(write=False) as uow:
        found = visit_ids(uow, SITE, query, **options)
    assert isinstance(found, array) and found.typecode == "q"
    return found.tolist()


@pytest.fixture
def made(database) -> list[Made]:
    return sample_log(database)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("sort", list(VisitSort))
def test_every_column_sorts_in_sql_with_ties_by_id_and_empty_values_last(database, made, sort, descending):
    query = VisitQuery(sort=sort, descending=descending)
    expected = expected_order(made, sort, descending)

    assert ids(database, query) == expected
    assert ids(database, query, limit=5) == expected[:5]
    # The same with a text search, on both plans: gathered by visitor and host, and walked in order.
    search = VisitQuery(text="王", sort=sort, descending=descending)
    wanted = [i for i in expected if i in set(ids(database, VisitQuery(text="王")))]
    assert ids(database, search) == wanted
    assert ids(database, search, limit=3) == wanted[:3]


def test_the_first_screenful_is_the_start_of_the_whole_list_on_the_walking_plan_too(database, made, monkeypatch):
    monkeypatch.setattr(visit_log, "WALK_FOR_TOP_VISITORS", 0)  # every search "broad": walked in order
    for text in ("王", "an", "蓝海", "1380"):
        whole = ids(database, VisitQuery(text=text))
        assert whole and ids(database, VisitQuery(text=text), limit=2) == whole[:2]


def test_ties_keep_one_order_from_call_to_call(database):
    host = add_host(database)
    same = [add_visit(database, host_id=host.id, name="同名", company="同一公司") for _ in range(12)]
    for sort in VisitSort:
        ascending = ids(database, VisitQuery(sort=sort, descending=False))
        assert ascending == sorted(same)
        assert ids(database, VisitQuery(sort=sort, descending=True)) == sorted(same, reverse=True)


def matching(made: list[Made], test: Callable[[Made], bool]) -> list[int]:
    return expected_order([m for m in made if test(m)], VisitSort.DATE, True)


@pytest.mark.parametrize(("text", "test"), [
    ("王", lambda m: m.name.startswith("王") or m.host.startswith("王")),
    ("王伟", lambda m: m.name == "王伟"),
    ("anna", lambda m: m.name.lower().startswith("anna")),
    ("ANNA SMITH", lambda m: m.name.lower() == "anna smith"),
    ("蓝海", lambda m: (m.company or "").startswith("蓝海")),
    ("acme", lambda m: (m.company or "").lower().startswith("acme")),
    ("Acme Log", lambda m: (m.company or "").lower().startswith("acme log")),
    ("上海博雅", lambda m: m.company == "上海博雅科技"),
    ("13800138000", lambda m: m.phone == "+8613800138000"),
    ("+86 138 0013 8000", lambda m: m.phone == "+8613800138000"),
    ("138-0013", lambda m: (m.phone or "").startswith("+86138")),
    ("1370013700", lambda m: (m.phone or "").startswith("+861370013700")),
    ("张伟", lambda m: m.host == "张伟"),
    ("zhangwei", lambda m: m.host == "张伟"),
    ("zw", lambda m: m.host == "张伟"),
    ("李", lambda m: m.name.startswith("李") or m.host.startswith("李")),
    ("nobody", lambda m: False),
])
def test_search_by_name_phone_company_or_host(database, made, text, test):
    assert ids(database, VisitQuery(text=text)) == matching(made, test)


def test_filters_by_days_statuses_department_and_visitor_type(database, made):
    june_2_3 = VisitQuery(first_day=date(2026, 6, 2), last_day=date(2026, 6, 3))
    assert ids(database, june_2_3) == matching(made, lambda m: date(2026, 6, 2) <= m.visit_date <= date(2026, 6, 3))
    june_4 = date(2026, 6, 4)
    assert ids(database, VisitQuery(first_day=june_4)) == matching(made, lambda m: m.visit_date >= june_4)
    june_1 = date(2026, 6, 1)
    assert ids(database, VisitQuery(last_day=june_1)) == matching(made, lambda m: m.visit_date <= june_1)

    on_site = VisitQuery(statuses=frozenset({VisitStatus.CHECKED_IN, VisitStatus.CHECKED_OUT}))
    assert ids(database, on_site) == matching(made, lambda m: m.status in on_site.statuses)
    assert VisitQuery(statuses=(VisitStatus.DENIED,)) == VisitQuery(statuses=frozenset({VisitStatus.DENIED}))

    with database.unit_of_work(write=False) as uow:
        departments = {d.name: d.id for d in visit_log.departments(uow)}
    assert list(departments) == sorted(departments)
    sales = VisitQuery(department_id=departments["销售部"])
    assert ids(database, sales) == matching(made, lambda m: m.department == "销售部")

    contractors = VisitQuery(visitor_type=VisitorType.CONTRACTOR)
    assert ids(database, contractors) == matching(made, lambda m: m.visitor_type is VisitorType.CONTRACTOR)

    everything = VisitQuery(text="王", first_day=date(2026, 6, 2), statuses=frozenset({VisitStatus.CHECKED_OUT}),
                            visitor_type=VisitorType.VISITOR)
    assert ids(database, everything) == matching(made, lambda m: (
        (m.name.startswith("王") or m.host.startswith("王")) and m.visit_date >= date(2026, 6, 2)
        and m.status is VisitStatus.CHECKED_OUT and m.visitor_type is VisitorType.VISITOR))


def test_another_sites_visits_are_not_in_the_log(database, made):
    with database.unit_of_work("test") as uow:
        other = uow.session.execute(insert(Site).values(code="B2", name="Other", timezone="Asia/Shanghai")
                                    .returning(Site.id)).scalar_one()
        uow.commit()
    host = add_host(database, name="赵六", email="zhao@example.com")
    add_visit(database, host_id=host.id, name="王五", site=other)
    assert ids(database) == expected_order(made, VisitSort.DATE, True)
    assert ids(database, VisitQuery(text="王五")) == []


HOSTILE = [
    "%", "_", "\\", "%%%", "王%", "name%_\\", "' OR '1'='1", "Robert'); DROP TABLE visits;--", "\x00", "abc\x00def",
    "Eve\u202egnp", "😀", "\U0010ffff", "x" * 10_000, "   ", "\t\n", "<script>alert(1)</script>", "+", "++86",
    "0000000000000000000000000000000000000000", "\u200b",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t)[:24])
def test_hostile_search_text_is_text_never_a_pattern_or_sql(database, made, text):
    found = ids(database, VisitQuery(text=text))
    assert ids(database, VisitQuery(text=text), limit=3) == found[:3]
    everything = set(ids(database))
    assert set(found) < everything or not search_key(text)  # never "all" by a wildcard; nothing typed: all
    assert len(ids(database)) == len(made)  # and the table is still there


def test_a_name_with_wildcard_characters_is_found_by_those_characters(database):
    host = add_host(database)
    odd = add_visit(database, host_id=host.id, name="name%_\\x")
    add_visit(database, host_id=host.id, name="nameAB\\x")
    assert ids(database, VisitQuery(text="name%_")) == [odd]
    assert ids(database, VisitQuery(text="name%")) == [odd]


def test_rows_come_in_the_order_asked_with_phones_as_the_desk_may_see_them(database, made):
    wanted = [made[5].id, made[0].id, 999_999, made[2].id]
    with database.unit_of_work(write=False) as uow:
        rows = visit_rows(uow, wanted)
        masked = visit_rows(uow, wanted, phone=PhoneShown.MASKED)
    assert [r.id for r in rows] == [made[5].id, made[0].id, made[2].id]  # an id since purged is left out
    first = rows[1]
    assert (first.visitor_name, first.company, first.phone, first.host_name, first.department) == (
        "王伟", "蓝海咨询", "+8613800138000", "张伟", "销售部")
    assert isinstance(first.status, VisitStatus) and first.status is made[0].status
    assert first.visitor_type is made[0].visitor_type and first.visit_date == made[0].visit_date
    assert masked[1].phone == "138****8000"
    no_phone = next(r for r in rows if r.id == made[2].id)
    assert no_phone.department == "" and no_phone.host_name == "王芳"


def test_rows_of_visits_purged_meanwhile_are_left_out(database, made):
    with database.unit_of_work("test") as uow:
        uow.session.execute(delete(Visit).where(Visit.id == made[1].id))
        uow.commit()
    with database.unit_of_work(write=False) as uow:
        assert [r.id for r in visit_rows(uow, [made[0].id, made[1].id])] == [made[0].id]


@pytest.mark.parametrize(("phone", "shown"), [
    ("+8613800138000", "138****8000"), ("+85291234567", "+85*****4567"), ("+86123", "***"), ("", ""),
])
def test_masked_phone_numbers(phone, shown):
    assert mask_phone(phone) == shown


def test_a_million_ids_stay_small():
    assert array("q", range(1_000_000)).buffer_info()[1] * 8 == 8_000_000  # what visit_ids returns, per id


def test_times_come_back_aware(database, made):
    with database.unit_of_work(write=False) as uow:
        row = visit_rows(uow, [made[4].id])[0]
    assert isinstance(row.checked_in_at, datetime) and row.checked_in_at.tzinfo is not None
