"""The audit log, read: newest first, filtered by person, action (whole or its start), object and
site-local days; rows by id; the filters' lists; refused to a receptionist."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services import audit, audit_log
from kiosk.services.audit_log import AuditQuery, Change, details_text
from kiosk.services.errors import PolicyRefusal, ValidationFailed
from tests.factories import SITE

SUPERVISOR = StaffRole.SUPERVISOR


def _event(db: Database, actor: str, action: str, entity: str = "visit", entity_id: int | None = 1, *,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    with db.unit_of_work(actor) as uow:
        audit.record(uow, action, entity, entity_id, before=before, after=after)
        uow.commit()


def _actions(db: Database, query: AuditQuery, role: StaffRole = SUPERVISOR) -> list[str]:
    with db.unit_of_work("staff:sue", write=False) as uow:
        ids = audit_log.audit_ids(uow, SITE, query, role=role)
        return [f"{row.actor} {row.action} {row.entity}:{row.entity_id}"
                for row in audit_log.audit_rows(uow, ids, role=role)]


@pytest.fixture
def trail(database: Database) -> Database:
    """Six events a minute apart: two people at the desk, a kiosk, a host's link."""
    events = [
        ("kiosk:K1", "visit.walk_in", "visit", 7),
        ("staff:amy", "visit.approved", "visit", 7),
        ("kiosk:K1", "visit.checked_in", "visit", 7),
        ("staff:amy", "staff.role_changed", "staff_user", 3),
        ("host:zhang@example.com", "visit.acknowledged", "visit", 8),
        ("staff:bob", "visitor.erased", "visitor", 7),
    ]
    for actor, action, entity, entity_id in events:
        _event(database, actor, action, entity, entity_id)
        database.clock.advance(minutes=1)
    return database


def test_newest_first_and_each_filter(trail: Database) -> None:
    everything = _actions(trail, AuditQuery())
    assert everything == [
        "staff:bob visitor.erased visitor:7", "host:zhang@example.com visit.acknowledged visit:8",
        "staff:amy staff.role_changed staff_user:3", "kiosk:K1 visit.checked_in visit:7",
        "staff:amy visit.approved visit:7", "kiosk:K1 visit.walk_in visit:7",
    ]
    assert _actions(trail, AuditQuery(actor="staff:amy")) == [everything[2], everything[4]]
    assert _actions(trail, AuditQuery(actor="staff:am")) == []  # a person exactly, not a prefix
    assert _actions(trail, AuditQuery(action="visit.checked_in")) == [everything[3]]
    # The start of an action: "visit." is every visit action, never the visitor's erasure.
    assert _actions(trail, AuditQuery(action="visit.")) == [everything[1], everything[3], everything[4], everything[5]]
    assert _actions(trail, AuditQuery(action="staff")) == [everything[2]]
    assert _actions(trail, AuditQuery(action="parcel.")) == []
    assert _actions(trail, AuditQuery(entity="visit", entity_id=7)) == [everything[3], everything[4], everything[5]]
    assert _actions(trail, AuditQuery(entity="visit")) == [everything[1], everything[3], everything[4], everything[5]]
    assert _actions(trail, AuditQuery(actor="kiosk:K1", action="visit.checked_in", entity="visit", entity_id=7)) == [
        everything[3]]


def test_newest_means_by_time_even_when_ids_disagree(database: Database) -> None:
    """Two desks on PostgreSQL may write an earlier action's event after a later one's: time decides."""
    _event(database, "staff:amy", "visit.approved")
    database.clock.advance(minutes=-5)  # this unit of work's clock read came first
    _event(database, "staff:bob", "visit.denied")
    assert _actions(database, AuditQuery()) == ["staff:amy visit.approved visit:1", "staff:bob visit.denied visit:1"]


def test_days_are_the_sites_days(database: Database) -> None:
    """23:30 and 00:30 in Shanghai are two days, though both are 15 June in UTC."""
    database.clock.set(datetime(2026, 6, 15, 15, 30, tzinfo=UTC))  # 23:30 on the 15th at the site
    _event(database, "staff:amy", "visit.checked_out", entity_id=1)
    database.clock.set(datetime(2026, 6, 15, 16, 30, tzinfo=UTC))  # 00:30 on the 16th at the site
    _event(database, "staff:amy", "visit.checked_out", entity_id=2)
    the_15th = AuditQuery(first_day=date(2026, 6, 15), last_day=date(2026, 6, 15))
    assert _actions(database, the_15th) == ["staff:amy visit.checked_out visit:1"]
    assert _actions(database, AuditQuery(first_day=date(2026, 6, 16))) == ["staff:amy visit.checked_out visit:2"]
    assert _actions(database, AuditQuery(last_day=date(2026, 6, 14))) == []
    assert len(_actions(database, AuditQuery(first_day=date(2026, 6, 15), last_day=date(2026, 6, 16)))) == 2


def test_rows_by_id_in_the_order_asked_with_their_details(database: Database) -> None:
    _event(database, "staff:amy", "staff.role_changed", "staff_user", 3,
           before={"role": "receptionist"}, after={"role": "supervisor"})
    _event(database, "staff:amy", "visit.hold_overridden", "visit", 9,
           before={"hold": "<h2>on the list</h2>"}, after={"status": "approved", "reason": "known\u00a0contractor"})
    _event(database, "system:housekeeping", "retention.purge", "visit", None, after={"visits": 12, "dry": False})
    with database.unit_of_work("staff:sue", write=False) as uow:
        ids = list(audit_log.audit_ids(uow, SITE, AuditQuery(), role=SUPERVISOR))
        rows = audit_log.audit_rows(uow, [ids[2], 999_999, ids[0], ids[1]], role=SUPERVISOR)
    assert [row.action for row in rows] == ["staff.role_changed", "retention.purge", "visit.hold_overridden"]
    role, purge, hold = rows
    assert role.changes == (Change("role", "receptionist", "supervisor"),)
    assert details_text(role) == "role: receptionist \u2192 supervisor"
    assert purge.entity_id is None and details_text(purge) == "visits: 12; dry: false"
    assert hold.changes == (Change("hold", "<h2>on the list</h2>", None), Change("status", None, "approved"),
                            Change("reason", None, "known\u00a0contractor"))
    assert hold.at.tzinfo is not None


def test_a_first_screenful_and_the_filters_lists(trail: Database) -> None:
    with trail.unit_of_work("staff:sue", write=False) as uow:
        first = audit_log.audit_ids(uow, SITE, AuditQuery(), role=StaffRole.ADMIN, limit=2)
        choices = audit_log.audit_choices(uow, role=SUPERVISOR)
    assert len(first) == 2
    assert choices.actors == ["host:zhang@example.com", "kiosk:K1", "staff:amy", "staff:bob"]
    assert choices.actions == ["staff.role_changed", "visit.acknowledged", "visit.approved", "visit.checked_in",
                               "visit.walk_in", "visitor.erased"]
    assert choices.entities == ["staff_user", "visit", "visitor"]


def test_an_empty_trail(database: Database) -> None:
    with database.unit_of_work("staff:sue", write=False) as uow:
        assert list(audit_log.audit_ids(uow, SITE, AuditQuery(action="visit."), role=SUPERVISOR)) == []
        assert audit_log.audit_rows(uow, [], role=SUPERVISOR) == []
        choices = audit_log.audit_choices(uow, role=SUPERVISOR)
    assert (choices.actors, choices.actions, choices.entities) == ([], [], [])


def test_a_receptionist_is_refused_whatever_they_ask(trail: Database) -> None:
    with trail.unit_of_work("staff:rita", write=False) as uow:
        for read in (lambda: audit_log.audit_ids(uow, SITE, AuditQuery(), role=StaffRole.RECEPTIONIST),
                     lambda: audit_log.audit_rows(uow, [1, 2], role=StaffRole.RECEPTIONIST),
                     lambda: audit_log.audit_choices(uow, role=StaffRole.RECEPTIONIST)):
            with pytest.raises(PolicyRefusal) as refused:
                read()
            assert refused.value.code == "not_allowed"
    assert len(_actions(trail, AuditQuery(), role=StaffRole.ADMIN)) == 6


@pytest.mark.parametrize("query", [
    AuditQuery(actor="staff:amy\x00"), AuditQuery(action="x" * 65), AuditQuery(entity="visit\n"),
    AuditQuery(first_day=date(2026, 6, 16), last_day=date(2026, 6, 15)),
])
def test_filters_no_event_could_match_are_refused_plainly(trail: Database, query: AuditQuery) -> None:
    with trail.unit_of_work("staff:sue", write=False) as uow, pytest.raises(ValidationFailed):
        audit_log.audit_ids(uow, SITE, query, role=SUPERVISOR)


def test_hostile_but_harmless_filters_just_match_nothing(trail: Database) -> None:
    for text in ("'; DROP TABLE audit_events; --", "%", "_", "visit.%", "\u738b"):
        assert _actions(trail, AuditQuery(actor=text)) == []
        assert _actions(trail, AuditQuery(action=text)) == []
    assert len(_actions(trail, AuditQuery())) == 6
