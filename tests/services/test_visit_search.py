"""Visit search by name prefix and phone: newest first, the same answer whether few or many people match."""

from __future__ import annotations

import pytest

from kiosk.services.visits import visit_log
from tests.factories import add_host, invite


def _names(db, **query):
    with db.unit_of_work(write=False) as uow:
        return [(v.visitor_name, v.id) for v in visit_log.search_visits(uow, **query)]


@pytest.mark.parametrize("narrow", [1000, 3])
def test_prefix_search_is_newest_first_on_both_paths(database, monkeypatch, narrow):
    """With NARROW_MATCH at 3 the five 王 visitors take the walk-the-newest path; the answer must not change."""
    monkeypatch.setattr(visit_log, "NARROW_MATCH", narrow)
    monkeypatch.setattr(visit_log, "_WALK_FIRST_PAGE", 1)
    monkeypatch.setattr(visit_log, "_WALK_LAST_PAGE", 2)
    host = add_host(database)
    made = []
    for i, name in enumerate(["王伟", "李娜", "王芳", "王伟", "张三", "王五", "王六"]):
        made.append((name, invite(database, host.id, name=name, phone=f"1380013800{i}").visit_id))
        database.clock.advance(minutes=1)
    expected = [m for m in reversed(made) if m[0].startswith("王")]
    assert _names(database, name="王") == expected
    assert _names(database, name="王", limit=2) == expected[:2]
    assert _names(database, name="王伟") == [m for m in expected if m[0] == "王伟"]
    assert _names(database, name="赵") == []


def test_phone_search_and_both_together(database):
    host = add_host(database)
    a = invite(database, host.id, name="Ann", phone="13800138000").visit_id
    invite(database, host.id, name="Bob", phone="13800138001")
    assert _names(database, phone="+86 138 0013 8000") == [("Ann", a)]
    assert _names(database, name="bo", phone="13800138000") == []
    assert _names(database) == []
