"""A complaint still unresolved at its due time (24 h after it was recorded, by default) is overdue: the
department contact and the supervisors are told once, by housekeeping's every-minute pass."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from kiosk.application.housekeeping import Housekeeping
from kiosk.config import Settings, SiteSettings
from kiosk.models import AuditEvent
from kiosk.services.desk import complaints
from tests.factories import SITE
from tests.services.desk.complaint_data import CONTACT, desk, form, notices, service_department


def escalate(database) -> int:
    with database.unit_of_work("system:housekeeping") as uow:
        return complaints.escalate_overdue(uow)


def test_escalated_once_when_still_unresolved_24_hours_after_it_was_recorded(database) -> None:
    department_id, _host = service_department(database)
    late = desk(database).add(form(department_id=department_id))
    in_time = desk(database).add(form(customer_name="On time"))
    working = desk(database).add(form(customer_name="Working on it"))
    desk(database).mark_in_progress(working.complaint_id)
    database.clock.advance(hours=20)
    desk(database).resolve(in_time.complaint_id, "Apologised and refunded.")
    database.clock.advance(hours=3, minutes=59)
    assert escalate(database) == 0  # 23:59 after: not yet
    assert not desk(database).detail(late.complaint_id).complaint.overdue

    database.clock.advance(minutes=1)
    assert escalate(database) == 2  # the open one and the one in progress; the resolved one is not due
    rows = {r.complaint_id: r for r in desk(database).complaints()}
    assert rows[late.complaint_id].overdue and rows[working.complaint_id].overdue
    assert not rows[in_time.complaint_id].overdue
    assert rows[late.complaint_id].escalated_at == database.clock.now()
    assert notices(database, "complaint_overdue") == [
        ("supervisor", "supervisor"), ("email", CONTACT), ("supervisor", "supervisor")]

    database.clock.advance(hours=5)
    assert escalate(database) == 0  # once
    assert len(notices(database, "complaint_overdue")) == 3
    with database.unit_of_work(write=False) as uow:
        escalated = uow.session.scalars(select(AuditEvent.entity_id)
                                        .where(AuditEvent.action == "complaint.escalated")).all()
    assert sorted(escalated) == sorted([late.complaint_id, working.complaint_id])


def test_resolving_an_overdue_complaint_clears_the_flag(database) -> None:
    row = desk(database).add(form())
    database.clock.advance(hours=25)
    assert desk(database).complaints(overdue_only=True)[0].complaint_id == row.complaint_id
    desk(database).resolve(row.complaint_id, "Sorted, late.")
    assert desk(database).complaints(overdue_only=True) == []
    assert escalate(database) == 0


def test_housekeeping_escalates_with_the_configured_due_time(database) -> None:
    settings = dataclasses.replace(Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"))
    keeper = Housekeeping(database, settings)
    row = desk(database, due_hours=2).add(form())
    assert keeper.run_once().complaints_escalated == 0
    database.clock.advance(hours=2)
    assert keeper.run_once().complaints_escalated == 1
    database.clock.advance(minutes=1)
    assert keeper.run_once().complaints_escalated == 0
    assert desk(database).detail(row.complaint_id).complaint.escalated_at is not None
