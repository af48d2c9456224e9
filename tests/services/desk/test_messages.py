"""Phone messages and transfers as the desk takes them: caller, company, phone, the matter and the time to the
minute; the colleague told at once; new → acknowledged → called back → closed; a transfer logged, then asked
whether it was resolved; the list by status and site-local day; the badge's counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_messages import (
    CallKind,
    MessageEvent,
    MessageQuery,
    MessageStatus,
    Urgency,
)
from kiosk.models import AuditEvent, Host
from kiosk.models.front_desk import PhoneMessage
from kiosk.services.desk import messages
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from tests.factories import add_host
from tests.services.desk.message_data import (
    CALLER_E164,
    CONTACT,
    colleague,
    department_id,
    desk,
    message_for,
    notices,
    transfer_to,
)

SHANGHAI_0941 = datetime(2026, 6, 15, 1, 41, 37, tzinfo=UTC)


def test_a_message_is_recorded_to_the_minute_and_the_colleague_told_at_once(database, clock) -> None:
    host_id = colleague(database, chat="wecom://zhangwei")
    clock.set(SHANGHAI_0941)
    row = desk(database).add_message(message_for(host_id, urgency=Urgency.URGENT,
                                                 callback_promised_at=SHANGHAI_0941 + timedelta(hours=2)))
    assert (row.kind, row.status, row.urgency) == (CallKind.MESSAGE, MessageStatus.NEW, Urgency.URGENT)
    assert (row.caller_name, row.caller_company, row.caller_phone) == ("李雷", "远航贸易", CALLER_E164)
    assert (row.for_name, row.department, row.received_by) == ("张伟", "Sales", "staff:amy")
    assert row.received_at == SHANGHAI_0941 and not row.overdue
    told = notices(database, "message_for_you")
    assert sorted((n.channel, n.recipient) for n in told) == [("chat", "wecom://zhangwei"),
                                                              ("email", "zhang.wei@example.com")]
    payload = told[0].payload
    assert payload["received_time"] == "2026-06-15 09:41"  # the site's time, to the minute
    assert payload["callback_text"] == "2026-06-15 11:41"
    assert payload["link_email"] == "zhang.wei@example.com" and payload["phone"] == CALLER_E164
    assert payload["urgent_zh"] == "【紧急】" and payload["message"] == "关于下周的合同，请回电"
    with database.unit_of_work(write=False) as uow:
        event = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "phone_message.created")).one()
    assert "李雷" not in str(event.after) and event.after["notices"] == 2 and event.actor == "staff:amy"


def test_every_problem_at_once_and_nothing_saved(database) -> None:
    colleague(database)
    with pytest.raises(ValidationFailed) as refused:
        desk(database).add_message(message_for(None, caller_name=" ", phone="12", message="",
                                               caller_company="x\u202ey"))
    assert set(refused.value.by_field) == {"caller_name", "phone", "message", "for", "caller_company"}
    assert refused.value.by_field["phone"].code == "invalid_phone"
    assert desk(database).messages() == [] and notices(database, "message_for_you") == []


def test_a_call_back_time_that_has_passed_is_refused(database, clock) -> None:
    host_id = colleague(database)
    clock.set(SHANGHAI_0941)
    with pytest.raises(ValidationFailed) as refused:
        desk(database).add_message(message_for(host_id, callback_promised_at=SHANGHAI_0941 - timedelta(minutes=5)))
    assert refused.value.by_field["callback_promised_at"].code == "in_the_past"
    # The same minute is fine: "call back by 09:41" typed at 09:41:37.
    same_minute = SHANGHAI_0941.replace(second=0)
    assert desk(database).add_message(message_for(host_id, callback_promised_at=same_minute)).callback_promised_at \
        == same_minute


def test_a_message_for_a_department_goes_to_its_contact(database) -> None:
    colleague(database)
    row = desk(database).add_message(message_for(None, for_department_id=department_id(database)))
    assert (row.for_host_id, row.department) == (None, "Sales")
    assert [(n.channel, n.recipient) for n in notices(database, "message_for_you")] == [("email", CONTACT)]


def test_a_department_nobody_can_be_told_for_is_refused(database) -> None:
    colleague(database, contact=None)
    with pytest.raises(ValidationFailed) as refused:
        desk(database).add_message(message_for(None, for_department_id=department_id(database)))
    assert refused.value.by_field["for"].code == "no_contact"


def test_new_acknowledged_called_back_closed(database, clock) -> None:
    host_id = colleague(database)
    gateway = desk(database)
    made = gateway.add_message(message_for(host_id))
    clock.advance(minutes=3)
    acknowledged = gateway.acknowledge(made.message_id, made.version)
    assert (acknowledged.status, acknowledged.acknowledged_by) == (MessageStatus.ACKNOWLEDGED, "staff:amy")
    with pytest.raises(Conflict) as twice:
        gateway.acknowledge(made.message_id)
    assert twice.value.code == "already_acknowledged"
    with pytest.raises(Conflict):  # the version the desk saw is gone
        gateway.called_back(made.message_id, made.version)
    clock.advance(minutes=10)
    called = gateway.called_back(made.message_id, acknowledged.version)
    assert called.status is MessageStatus.CALLED_BACK and called.called_back_at == clock.now()
    closed = gateway.close(made.message_id, note="客户已满意")
    assert closed.status is MessageStatus.CLOSED
    with pytest.raises(Conflict):
        gateway.close(made.message_id)
    detail = gateway.detail(made.message_id)
    assert [step.event for step in detail.timeline] == [MessageEvent.RECEIVED, MessageEvent.ACKNOWLEDGED,
                                                         MessageEvent.CALLED_BACK, MessageEvent.CLOSED]
    assert detail.note == "客户已满意"
    assert [(n.event, n.recipient, n.status) for n in detail.notices] == [
        ("message_for_you", "zhang.wei@example.com", "pending")]


def test_calling_back_a_new_message_also_acknowledges_it(database) -> None:
    host_id = colleague(database)
    gateway = desk(database)
    made = gateway.add_message(message_for(host_id))
    called = gateway.called_back(made.message_id)
    assert called.status is MessageStatus.CALLED_BACK and called.acknowledged_at is not None


def test_a_transfer_is_logged_and_later_asked_whether_it_was_resolved(database, clock) -> None:
    host_id = colleague(database)
    gateway = desk(database)
    made = gateway.add_transfer(transfer_to(host_id, phone=""))
    assert (made.kind, made.status, made.resolved, made.caller_phone) == (CallKind.TRANSFER, MessageStatus.NEW,
                                                                          None, "")
    assert made.asks_resolved and not made.waiting
    assert notices(database, "message_for_you") == []  # the colleague took the call: nobody is told
    with pytest.raises(Conflict) as not_a_message:
        gateway.acknowledge(made.message_id)
    assert not_a_message.value.code == "not_a_message"
    clock.advance(minutes=31)
    assert gateway.messages()[0].overdue  # time to ask
    answered = gateway.transfer_resolved(made.message_id, False)
    assert (answered.status, answered.resolved, answered.overdue) == (MessageStatus.CLOSED, False, False)
    with pytest.raises(Conflict):
        gateway.transfer_resolved(made.message_id, True)
    assert MessageEvent.NOT_RESOLVED in [step.event for step in gateway.detail(made.message_id).timeline]
    other = gateway.add_transfer(transfer_to(host_id))
    assert gateway.transfer_resolved(other.message_id, True).resolved is True
    with pytest.raises(Conflict) as not_a_transfer:
        gateway.transfer_resolved(gateway.add_message(message_for(host_id)).message_id, True)
    assert not_a_transfer.value.code == "not_a_transfer"


def test_the_list_by_status_kind_and_the_sites_day(database, clock) -> None:
    host_id = colleague(database)
    gateway = desk(database)
    clock.set(datetime(2026, 6, 15, 15, 30, tzinfo=UTC))  # 23:30 Monday in Shanghai
    late = gateway.add_message(message_for(host_id))
    clock.set(datetime(2026, 6, 15, 16, 30, tzinfo=UTC))  # 00:30 Tuesday
    early = gateway.add_transfer(transfer_to(host_id))
    acknowledged = gateway.acknowledge(late.message_id)
    monday, tuesday = datetime(2026, 6, 15).date(), datetime(2026, 6, 16).date()
    assert [r.message_id for r in gateway.messages()] == [early.message_id, late.message_id]  # newest first
    assert [r.message_id for r in gateway.messages(MessageQuery(day=monday))] == [late.message_id]
    assert [r.message_id for r in gateway.messages(MessageQuery(day=tuesday))] == [early.message_id]
    assert [r.message_id for r in gateway.messages(MessageQuery(statuses=frozenset({MessageStatus.NEW})))] == [
        early.message_id]
    assert [r.message_id for r in gateway.messages(MessageQuery(kind=CallKind.MESSAGE))] == [
        acknowledged.message_id]


def test_the_badge_counts_urgent_waiting_and_overdue_messages(database, clock) -> None:
    host_id = colleague(database)
    gateway = desk(database)
    urgent = gateway.add_message(message_for(host_id, urgency=Urgency.URGENT))
    normal = gateway.add_message(message_for(host_id))
    promised = gateway.add_message(message_for(host_id, callback_promised_at=clock.now() + timedelta(minutes=20)))
    gateway.acknowledge(promised.message_id)
    counts = gateway.counts()
    assert (counts.waiting, counts.urgent, counts.overdue, counts.attention) == (2, 1, 0, 1)
    clock.advance(minutes=21)  # the promised call back is late
    assert (gateway.counts().overdue, gateway.counts().attention) == (1, 2)
    clock.advance(minutes=9)  # 30 minutes: the two waiting ones are overdue too (urgent counted once)
    counts = gateway.counts()
    assert (counts.waiting, counts.urgent, counts.overdue, counts.attention) == (2, 1, 3, 3)
    assert {r.message_id for r in gateway.messages() if r.overdue} == {urgent.message_id, normal.message_id,
                                                                      promised.message_id}
    gateway.called_back(promised.message_id)
    gateway.acknowledge(normal.message_id)
    gateway.close(urgent.message_id)
    assert gateway.counts().attention == 0


def test_for_names_a_host_by_e_mail_or_a_department_by_name(database) -> None:
    host_id = colleague(database)
    with database.unit_of_work("cli:root", write=False) as uow:
        assert messages.target_for(uow, "Zhang.Wei@example.com").host_id == host_id
        assert messages.target_for(uow, "Sales").department_id == department_id(database)
        for unknown in ("nobody@example.com", "Legal"):
            with pytest.raises(NotFound):
                messages.target_for(uow, unknown)


def test_an_inactive_colleague_cannot_be_given_a_message(database) -> None:
    gone = add_host(database, name="王芳", email="wang.fang@example.com", department="HR")
    with database.unit_of_work("test") as uow:
        host = uow.session.get(Host, gone.id)
        assert host is not None
        host.active = False
        uow.commit()
    with pytest.raises(ValidationFailed) as refused:
        desk(database).add_message(message_for(gone.id))
    assert refused.value.by_field["for"].code == "invalid"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(PhoneMessage)).all() == []
