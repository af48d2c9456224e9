"""A message nobody acknowledges: the colleague is reminded after [records] message_remind_minutes, the department's
contact told after message_escalate_minutes; once each, and nothing once the message is acknowledged. Driven
by the housekeeping loop's every-minute pass on the controllable clock."""

from __future__ import annotations

import dataclasses

from kiosk.application.housekeeping import Housekeeping
from kiosk.config import RecordSettings, Settings, SiteSettings
from kiosk.services.desk import message_notices
from kiosk.services.desk.message_records import FollowUpRun
from tests.factories import SITE
from tests.services.desk.message_data import (
    CONTACT,
    colleague,
    department_id,
    desk,
    message_for,
    notices,
    transfer_to,
)


def keeper(database, remind: int = 30, escalate: int = 60) -> Housekeeping:
    settings = dataclasses.replace(Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"),
                                   records=RecordSettings(message_remind_minutes=remind,
                                                          message_escalate_minutes=escalate))
    return Housekeeping(database, settings)


class JobOnly:
    """Just the messages' job, every minute as housekeeping runs it (the whole loop is slower)."""

    def __init__(self, database) -> None:
        self.database = database

    def run_once(self) -> FollowUpRun:
        with self.database.unit_of_work("system:housekeeping") as uow:
            return message_notices.remind_and_escalate(uow, 30, 60)


def minute_by_minute(database, loop: Housekeeping | JobOnly, minutes: int) -> dict[str, list[int]]:
    """Run the loop every minute for ``minutes``; at which minute (from now) each message was reminded/escalated."""
    seen: dict[str, list[int]] = {"reminded": [], "escalated": []}
    for minute in range(minutes + 1):
        report = loop.run_once()
        reminded, escalated = ((report.messages_reminded, report.messages_escalated) if isinstance(loop, Housekeeping)
                               else (report.reminded, report.escalated))
        seen["reminded"] += [minute] * len(reminded)
        seen["escalated"] += [minute] * len(escalated)
        database.clock.advance(minutes=1)
    return seen


def test_reminded_after_30_minutes_then_the_department_contact_after_60(database) -> None:
    host_id = colleague(database, chat="wecom://zhangwei")
    made = desk(database).add_message(message_for(host_id))
    assert minute_by_minute(database, keeper(database), 90) == {"reminded": [30], "escalated": [60]}
    reminders = notices(database, "message_reminder")
    assert sorted((n.channel, n.recipient) for n in reminders) == [("chat", "wecom://zhangwei"),
                                                                   ("email", "zhang.wei@example.com")]
    assert reminders[0].payload["minutes"] == 30
    escalated = notices(database, "message_escalated")
    assert [(n.channel, n.recipient) for n in escalated] == [("email", CONTACT)]
    assert escalated[0].payload["link_email"] == CONTACT and escalated[0].payload["minutes"] == 60
    row = desk(database).messages()[0]
    assert row.message_id == made.message_id and row.reminded_at and row.escalated_at and row.overdue


def test_nothing_after_an_acknowledgement(database) -> None:
    host_id = colleague(database)
    made = desk(database).add_message(message_for(host_id))
    loop = JobOnly(database)
    assert minute_by_minute(database, loop, 20) == {"reminded": [], "escalated": []}
    desk(database, actor="host:zhang.wei@example.com").acknowledge(made.message_id)
    assert minute_by_minute(database, loop, 120) == {"reminded": [], "escalated": []}
    assert notices(database, "message_reminder") == notices(database, "message_escalated") == []


def test_acknowledged_after_the_reminder_the_contact_is_not_told(database) -> None:
    host_id = colleague(database)
    made = desk(database).add_message(message_for(host_id))
    loop = JobOnly(database)
    assert minute_by_minute(database, loop, 40) == {"reminded": [30], "escalated": []}
    desk(database).acknowledge(made.message_id)
    assert minute_by_minute(database, loop, 60) == {"reminded": [], "escalated": []}
    assert notices(database, "message_escalated") == []


def test_the_settings_say_when(database) -> None:
    host_id = colleague(database)
    desk(database).add_message(message_for(host_id))
    assert minute_by_minute(database, keeper(database, remind=10, escalate=25), 30) == {
        "reminded": [10], "escalated": [25]}


def test_a_loop_that_was_away_does_both_at_once_and_only_once(database) -> None:
    host_id = colleague(database)
    desk(database).add_message(message_for(host_id))
    database.clock.advance(hours=3)
    with database.unit_of_work("system:housekeeping") as uow:
        first = message_notices.remind_and_escalate(uow, 30, 60)
    with database.unit_of_work("system:housekeeping") as uow:
        again = message_notices.remind_and_escalate(uow, 30, 60)
    assert (len(first.reminded), len(first.escalated)) == (1, 1) and again.reminded == again.escalated == ()
    assert len(notices(database, "message_escalated")) == 1


def test_a_department_without_a_contact_is_marked_escalated_but_nobody_is_mailed(database) -> None:
    host_id = colleague(database, contact=None)
    desk(database).add_message(message_for(host_id))
    assert minute_by_minute(database, JobOnly(database), 61) == {"reminded": [30], "escalated": [60]}
    assert notices(database, "message_escalated") == []
    assert desk(database).messages()[0].escalated_at is not None  # the desk sees it overdue in red


def test_a_department_message_reminds_its_contact(database) -> None:
    colleague(database)
    desk(database).add_message(message_for(None, for_department_id=department_id(database)))
    assert minute_by_minute(database, JobOnly(database), 61) == {"reminded": [30], "escalated": [60]}
    assert [n.recipient for n in notices(database, "message_reminder")] == [CONTACT]
    assert [n.recipient for n in notices(database, "message_escalated")] == [CONTACT]


def test_transfers_are_never_chased(database) -> None:
    desk(database).add_transfer(transfer_to(colleague(database)))
    assert minute_by_minute(database, JobOnly(database), 90) == {"reminded": [], "escalated": []}
