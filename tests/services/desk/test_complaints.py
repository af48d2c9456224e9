"""Complaints at the desk: recorded with what, when and how to reach the customer; passed to the department
(told: "contact them within 24 hours"); followed with notes; resolved (the customer told by e-mail); the
customer's satisfaction 1-5; overdue ones flagged and escalated once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_complaints import (
    ComplaintChannel,
    ComplaintStatus,
    SatisfactionVia,
)
from kiosk.models import AuditEvent, Notification
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from tests.services.desk.complaint_data import CONTACT, CUSTOMER_EMAIL, desk, form, notices, service_department


def test_recording_passes_it_to_the_department_and_the_person_due_in_24_hours(database) -> None:
    department_id, host_id = service_department(database)
    happened = database.clock.now() - timedelta(hours=1)
    row = desk(database).add(form(department_id=department_id, assignee_host_id=host_id, happened_at=happened,
                                  channel=ComplaintChannel.PHONE))
    assert (row.status, row.channel, row.customer_name, row.customer_contact) == (
        ComplaintStatus.OPEN, ComplaintChannel.PHONE, "王芳", "+8613812345678")
    assert (row.department, row.assignee, row.happened_at) == ("Customer Service", "李娜", happened)
    assert row.due_at == database.clock.now() + timedelta(hours=24)
    assert not row.overdue
    told = notices(database, "complaint_assigned")
    assert told == [("email", CONTACT), ("email", "li.na@example.com"), ("chat", "wecom://li.na")]
    with database.unit_of_work(write=False) as uow:
        payload = uow.session.scalars(select(Notification.payload).limit(1)).one()
        event = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "complaint.recorded")).one()
    assert (payload["customer_name"], payload["due_text"], payload["recorded_text"]) == (
        "王芳", "2026-06-16 09:00", "2026-06-15 09:00")  # the site's time
    assert (event.actor, event.entity_id) == ("staff:amy", row.complaint_id)
    assert "王芳" not in str(event.after) and "138" not in str(event.after)  # ids and states, no names


def test_a_person_alone_brings_their_department_and_nobody_told_twice(database) -> None:
    department_id, host_id = service_department(database, contact="li.na@example.com")
    row = desk(database).add(form(assignee_host_id=host_id))
    assert row.department_id == department_id
    assert notices(database, "complaint_assigned") == [("email", "li.na@example.com"), ("chat", "wecom://li.na")]


def test_a_complaint_nobody_is_named_for_tells_nobody_yet(database) -> None:
    row = desk(database).add(form(customer_contact="Wang.Fang@Example.org"))
    assert (row.customer_contact, row.department, row.assignee) == (CUSTOMER_EMAIL, "", "")
    assert notices(database, "complaint_assigned") == []


def test_every_wrong_field_is_named_at_once_and_nothing_is_saved(database) -> None:
    future = database.clock.now() + timedelta(hours=2)
    with pytest.raises(ValidationFailed) as refused:
        desk(database).add(form(customer_name=" ", customer_contact="12", what="", happened_at=future,
                                department_id=999, assignee_host_id=998))
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("customer_name", "required"), ("customer_contact", "invalid_phone"), ("what", "required"),
        ("happened_at", "in_future"), ("department", "invalid"), ("assignee", "invalid")}
    with pytest.raises(ValidationFailed) as refused:
        desk(database).add(form(customer_contact="not@mail", what="a\u202eb"))
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("customer_contact", "invalid_email"), ("what", "bad_characters")}
    with pytest.raises(ValidationFailed):
        desk(database).add(form(customer_contact=""))
    assert desk(database).complaints() == []


def test_passing_it_on_tells_the_new_people_and_keeps_the_promised_time(database) -> None:
    department_id, host_id = service_department(database)
    row = desk(database).add(form())
    database.clock.advance(hours=3)
    moved = desk(database).assign(row.complaint_id, department_id, None, row.version)
    assert (moved.department, moved.assignee, moved.due_at) == ("Customer Service", "", row.due_at)
    assert notices(database, "complaint_assigned") == [("email", CONTACT)]
    with pytest.raises(Conflict):  # a screen showing the old version
        desk(database).assign(row.complaint_id, None, host_id, row.version)
    again = desk(database).assign(row.complaint_id, None, host_id, moved.version)
    assert (again.assignee, again.department_id) == ("李娜", department_id)
    with pytest.raises(ValidationFailed):
        desk(database).assign(row.complaint_id, None, None)


def test_notes_follow_it_in_order_with_who_and_when(database) -> None:
    row = desk(database).add(form())
    desk(database).add_note(row.complaint_id, "Called the customer back; they will come at 3 pm.")
    database.clock.advance(minutes=30)
    desk(database, actor="staff:bob").add_note(row.complaint_id, "Coffee machine\nrepaired.")
    with pytest.raises(ValidationFailed):
        desk(database).add_note(row.complaint_id, "   ")
    with pytest.raises(NotFound):
        desk(database).add_note(row.complaint_id + 1, "lost")
    notes = desk(database).detail(row.complaint_id).notes
    assert [(n.text, n.written_by) for n in notes] == [
        ("Called the customer back; they will come at 3 pm.", "staff:amy"), ("Coffee machine\nrepaired.", "staff:bob")]
    assert notes[1].written_at - notes[0].written_at == timedelta(minutes=30)


def test_the_outcome_goes_to_a_customer_with_e_mail_and_the_desk_records_satisfaction(database) -> None:
    by_mail = desk(database).add(form(customer_name="Jane Roe", customer_contact=CUSTOMER_EMAIL))
    by_phone = desk(database).add(form())
    going = desk(database).mark_in_progress(by_mail.complaint_id, by_mail.version)
    assert going.status is ComplaintStatus.IN_PROGRESS
    with pytest.raises(Conflict):
        desk(database).record_satisfaction(by_mail.complaint_id, 4)  # no outcome yet
    resolved = desk(database).resolve(by_mail.complaint_id, "A new machine; a voucher sent.", going.version)
    desk(database).resolve(by_phone.complaint_id, "Repaired.")
    assert resolved.status is ComplaintStatus.RESOLVED
    with database.unit_of_work(write=False) as uow:
        outcome = uow.session.scalars(select(Notification).where(Notification.event == "complaint_outcome")).one()
    assert (outcome.recipient, outcome.language, outcome.payload["resolution"]) == (
        CUSTOMER_EMAIL, "en", "A new machine; a voucher sent.")  # the phone customer is called, not mailed
    detail = desk(database).detail(by_mail.complaint_id)
    assert (detail.resolution, detail.resolved_by, detail.rated_by_link) == (
        "A new machine; a voucher sent.", "staff:amy", True)
    assert not desk(database).detail(by_phone.complaint_id).rated_by_link

    with pytest.raises(ValidationFailed):
        desk(database).record_satisfaction(by_phone.complaint_id, 6)
    closed = desk(database).record_satisfaction(by_phone.complaint_id, 4)
    assert (closed.status, closed.satisfaction) == (ComplaintStatus.CLOSED, 4)
    detail = desk(database).detail(by_phone.complaint_id)
    assert (detail.satisfaction_via, detail.closed_at) == (SatisfactionVia.DESK, database.clock.now())
    with pytest.raises(Conflict):
        desk(database).record_satisfaction(by_phone.complaint_id, 2)
    with pytest.raises(Conflict):
        desk(database).resolve(by_phone.complaint_id, "again")


def test_closing_without_an_answer_only_after_an_outcome(database) -> None:
    row = desk(database).add(form())
    with pytest.raises(Conflict):
        desk(database).close(row.complaint_id)
    desk(database).resolve(row.complaint_id, "Apologised; the guard was spoken to.")
    closed = desk(database).close(row.complaint_id)
    assert (closed.status, closed.satisfaction) == (ComplaintStatus.CLOSED, None)
    with pytest.raises(Conflict):
        desk(database).mark_in_progress(row.complaint_id)


def test_the_list_filters_by_status_and_overdue(database) -> None:
    first = desk(database).add(form(customer_name="First"))
    database.clock.advance(hours=2)
    second = desk(database, due_hours=48).add(form(customer_name="Second"))
    third = desk(database).add(form(customer_name="Third"))
    desk(database).resolve(third.complaint_id, "Sorted at once.")
    database.clock.advance(hours=23)  # the first is 25 h old: overdue; the second is due in 48 h
    rows = desk(database).complaints()
    assert [(r.customer_name, r.overdue) for r in rows] == [("Third", False), ("Second", False), ("First", True)]
    assert [r.complaint_id for r in desk(database).complaints(overdue_only=True)] == [first.complaint_id]
    assert [r.complaint_id for r in desk(database).complaints([ComplaintStatus.RESOLVED])] == [third.complaint_id]
    assert [r.complaint_id for r in desk(database).complaints([ComplaintStatus.OPEN])] == [
        second.complaint_id, first.complaint_id]
