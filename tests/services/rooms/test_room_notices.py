"""Who hears what about a booking, queued in the booking's transaction: the organiser (e-mail and chat), host
attendees (the calendar invitation), invited visitors (the cancellation), reception and the supervisors
(damage, an unprepared meeting). Once per booking and calendar sequence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.notifications import Channel
from kiosk.domain.rooms import BookingLevel, BookingStatus, ChecklistKey, ChecklistPhase
from kiosk.models import Notification, Visit, VisitStatus
from kiosk.models.rooms import Booking, BookingAttendee, ChecklistItem, DamageReport
from kiosk.notify.templates import render
from kiosk.services.rooms import notices
from kiosk.services.rooms.records import RoomOffer
from tests import factories
from tests.services.rooms.after_use_data import booking, organiser, room

# Tomorrow 14:00-15:30 in Shanghai (the clock is Monday 09:00 there).
STARTS, ENDS = datetime(2026, 6, 16, 6, 0, tzinfo=UTC), datetime(2026, 6, 16, 7, 30, tzinfo=UTC)


def rows(db: Database, event: str) -> list[tuple[str, str]]:
    """(channel, recipient) of the event's outbox rows, in order."""
    with db.unit_of_work(write=False) as uow:
        found = uow.session.execute(select(Notification.channel, Notification.recipient)
                                    .where(Notification.event == event).order_by(Notification.id)).all()
    return [(str(channel), recipient) for channel, recipient in found]


def payloads(db: Database, event: str) -> list[dict[str, object]]:
    with db.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(Notification.payload).where(Notification.event == event)
                                        .order_by(Notification.id)))


def call(db: Database, booking_id: int, tell, *args, **kwargs) -> int:
    with db.unit_of_work("test") as uow:
        row = uow.session.get(Booking, booking_id)
        assert row is not None
        queued = tell(uow, row, *args, **kwargs)
        uow.commit()
        return int(queued)


def attend(db: Database, booking_id: int, *, host_id: int | None = None, visit_id: int | None = None,
           name: str = "") -> None:
    with db.unit_of_work("test") as uow:
        uow.session.add(BookingAttendee(booking_id=booking_id, host_id=host_id, visit_id=visit_id, name=name))
        uow.commit()


def bump(db: Database, booking_id: int, **changes: object) -> None:
    """What an edit does to the calendar: the sequence rises (and the fields change)."""
    with db.unit_of_work("test") as uow:
        row = uow.session.get(Booking, booking_id)
        assert row is not None
        row.ical_sequence += 1
        for field, value in changes.items():
            setattr(row, field, value)
        uow.commit()


@pytest.fixture
def meeting(database: Database) -> int:
    chat_host = factories.add_host(database, name="张伟", email="zhang.wei@example.com", department="Sales",
                                   chat_address="json://chat.example.com/zhang")
    return booking(database, room(database), STARTS, ENDS, organiser_id=chat_host.id, topic="周例会")


def test_a_booking_invites_the_organiser_on_every_channel_and_each_host_attendee_once(database, meeting) -> None:
    colleague = factories.add_host(database, name="王芳", email="wang.fang@example.com")
    attend(database, meeting, host_id=colleague.id)
    attend(database, meeting, host_id=organiser(database))  # the organiser listed too: told once
    attend(database, meeting, name="外部顾问")  # a name only: nobody to tell
    invited = factories.invite(database, colleague.id, name="Jane Doe", email="jane@example.org")
    attend(database, meeting, visit_id=invited.visit_id)  # visitors hear only of a cancellation

    assert call(database, meeting, notices.booked) == 3
    assert rows(database, "booking_created") == [
        (Channel.EMAIL, "zhang.wei@example.com"), (Channel.CHAT, "json://chat.example.com/zhang"),
        (Channel.EMAIL, "wang.fang@example.com")]
    payload = payloads(database, "booking_created")[0]
    assert payload["ical_method"] == "REQUEST" and payload["ical_sequence"] == 0
    assert (payload["room_name"], payload["floor"], payload["topic"]) == ("松山厅", "3F", "周例会")
    assert "Jane Doe" not in str(payloads(database, "booking_created"))
    # The same booking and sequence again (a retried transaction): nothing more.
    assert call(database, meeting, notices.booked) == 0


def test_a_change_is_told_again_once_per_sequence(database, meeting) -> None:
    call(database, meeting, notices.booked)
    assert call(database, meeting, notices.changed) == 2  # (same sequence as booked, but another event)
    assert call(database, meeting, notices.changed) == 0
    bump(database, meeting, starts_at=STARTS + timedelta(hours=1), ends_at=ENDS + timedelta(hours=1))
    assert call(database, meeting, notices.changed) == 2
    last = payloads(database, "booking_changed")[-1]
    assert last["ical_sequence"] == 1 and last["starts_at"] == (STARTS + timedelta(hours=1)).isoformat()


def test_a_cancellation_reaches_host_attendees_and_invited_visitors_with_an_address(database, meeting) -> None:
    colleague = factories.add_host(database, name="王芳", email="wang.fang@example.com", language="en")
    attend(database, meeting, host_id=colleague.id)
    coming = factories.invite(database, colleague.id, name="Jane Doe", email="jane@example.org")
    no_mail = factories.invite(database, colleague.id, name="No Mail", phone="13800138001")
    gone = factories.invite(database, colleague.id, name="Gone Already", email="gone@example.org",
                            phone="13800138002")
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Visit, gone.visit_id).status = VisitStatus.CANCELLED
        uow.commit()
    for visit in (coming, no_mail, gone):
        attend(database, meeting, visit_id=visit.visit_id)
    bump(database, meeting, status=BookingStatus.CANCELLED)

    assert call(database, meeting, notices.cancelled, "client <postponed>") == 4
    assert rows(database, "booking_cancelled") == [
        (Channel.EMAIL, "zhang.wei@example.com"), (Channel.CHAT, "json://chat.example.com/zhang"),
        (Channel.EMAIL, "wang.fang@example.com"), (Channel.EMAIL, "jane@example.org")]
    with database.unit_of_work(write=False) as uow:
        visitor_row = uow.session.scalars(select(Notification).where(
            Notification.event == "booking_cancelled", Notification.recipient == "jane@example.org")).one()
    # Tied to the visit (erasing the visitor erases it), in the inviting host's language.
    assert (visitor_row.visit_id, visitor_row.language) == (coming.visit_id, "en")
    assert visitor_row.payload["ical_method"] == "CANCEL" and visitor_row.payload["ical_sequence"] == 1
    text = render("booking_cancelled", "en", visitor_row.payload)
    assert text.subject == "Meeting cancelled: 周例会, 2026-06-16 14:00–15:30"
    assert "Dear Jane Doe," in text.text and "Reason: client <postponed>" in text.text
    assert "client &lt;postponed&gt;" in text.html and "<postponed>" not in text.html


def test_a_displaced_organiser_hears_which_company_meeting_took_the_room_and_what_is_free(database, meeting
                                                                                        ) -> None:
    boss = organiser(database, "ceo@example.com", "董事长")
    company = booking(database, room(database, "大会议室", floor="1F", capacity=80), STARTS, ENDS,
                      organiser_id=boss, topic="全员大会")
    offers = [RoomOffer(room_id=7, name="竹厅", floor="2F", capacity=10, equipment=()),
              RoomOffer(room_id=8, name="Oak", floor="", capacity=12, equipment=())]
    with database.unit_of_work("test") as uow:
        by = uow.session.get_one(Booking, company)
        by.level = BookingLevel.COMPANY
        assert notices.displaced(uow, uow.session.get_one(Booking, meeting), by, offers) == 2
        uow.commit()
    [payload, _chat] = payloads(database, "booking_displaced")
    zh = render("booking_displaced", "zh_CN", payload).text
    assert "公司会议「全员大会」（组织人 董事长）需要使用 松山厅（3F）" in zh
    assert "· 竹厅（2F），10 座" in zh and "· Oak，12 座" in zh
    en = render("booking_displaced", "en", {**payload, "offers": []}).text
    assert "No free room at the same time fits your attendees and equipment" in en
    assert rows(database, "booking_displaced")[0] == (Channel.EMAIL, "zhang.wei@example.com")


def test_released_and_inspected_go_to_the_organiser_alone(database, meeting) -> None:
    colleague = factories.add_host(database, name="王芳", email="wang.fang@example.com")
    attend(database, meeting, host_id=colleague.id)
    assert call(database, meeting, notices.released) == 2
    assert {recipient for _, recipient in rows(database, "booking_released")} == {
        "zhang.wei@example.com", "json://chat.example.com/zhang"}
    assert payloads(database, "booking_released")[0]["ical_method"] == "CANCEL"
    released = render("booking_released", "zh_CN", payloads(database, "booking_released")[0])
    assert "开始后 10 分钟内未确认" in released.text

    with database.unit_of_work("test") as uow:
        for line in uow.session.scalars(select(ChecklistItem).where(
                ChecklistItem.booking_id == meeting, ChecklistItem.phase == ChecklistPhase.INSPECT.value,
                ChecklistItem.key.in_([ChecklistKey.TIDY.value, ChecklistKey.ROOM_RESTORED.value]))):
            line.done_at, line.done_by = uow.now(), "staff:amy"
        damage = DamageReport(room_id=uow.session.get_one(Booking, meeting).room_id, booking_id=meeting,
                              what="投影仪灯泡坏了", reported_at=uow.now(), reported_by="staff:amy",
                              out_of_order_from=uow.now().date())
        uow.session.add(damage)
        uow.session.flush()
        assert notices.inspected(uow, uow.session.get_one(Booking, meeting), damage=damage, note="桌面已擦") == 2
        uow.commit()
    payload = payloads(database, "booking_inspected")[0]
    zh = render("booking_inspected", "zh_CN", payload).text
    assert "已完成：整理、会议室复原" in zh and "未完成：设备归位且完好、物品清点" in zh
    assert "损坏：投影仪灯泡坏了" in zh and "备注：桌面已擦" in zh
    en = render("booking_inspected", "en", {**payload, "damage_what": "", "note": ""}).text
    assert "Damage: none" in en and "Note: —" in en


def test_damage_goes_to_the_supervisors_and_reception(database, meeting) -> None:
    with database.unit_of_work("staff:amy") as uow:
        report = DamageReport(room_id=uow.session.get_one(Booking, meeting).room_id, booking_id=meeting,
                              what="椅子<坏>了", reported_at=uow.now(), reported_by="staff:amy",
                              out_of_order_from=uow.now().date())
        uow.session.add(report)
        uow.session.flush()
        assert notices.damage_reported(uow, report) == 2
        assert notices.damage_reported(uow, report) == 0
        uow.commit()
    assert rows(database, "room_damage_reported") == [
        (Channel.SUPERVISOR, Channel.SUPERVISOR), (Channel.RECEPTION, Channel.RECEPTION)]
    notice = render("room_damage_reported", "zh_CN", payloads(database, "room_damage_reported")[0])
    assert notice.subject == "会议室损坏：松山厅（3F）"
    assert "09:00 报告 松山厅（3F） 损坏：椅子<坏>了" in notice.text and "周例会 · 张伟" in notice.text
    assert "椅子&lt;坏&gt;了" in notice.html


def test_the_prepare_alert_goes_to_reception_once(database, meeting) -> None:
    with database.unit_of_work("test") as uow:
        assert notices.alert_unprepared(uow, [meeting, meeting]) == [meeting]
    with database.unit_of_work("test") as uow:
        assert notices.alert_unprepared(uow, [meeting]) == []
    assert rows(database, "booking_prepare_alert") == [(Channel.RECEPTION, Channel.RECEPTION)]
    payload = payloads(database, "booking_prepare_alert")[0]
    assert payload["prepared"] == 0 and int(str(payload["to_prepare"])) > 0
    en = render("booking_prepare_alert", "en", payload)
    assert en.subject == "Meeting not prepared: 松山厅, 3F, 14:00"
    assert f"0 of {payload['to_prepare']} preparation lines are done" in en.text
