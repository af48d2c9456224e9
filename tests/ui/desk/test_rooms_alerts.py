"""Today's alerts hear about the meeting rooms: a meeting starting soon whose preparation is not done (room,
start, topic, organiser, how far along), and a room put out of order by a damage report."""

from __future__ import annotations

from datetime import timedelta

from kiosk.application.gateways.desk_rooms import BookingForm, DamageForm, DeskRoomsGateway, RoomForm
from kiosk.db import Database
from kiosk.services.rooms import checklists, notices
from tests.factories import SITE, add_host


def test_today_s_alerts_name_the_unprepared_meeting_and_the_broken_room(admin, database: Database) -> None:
    rooms = DeskRoomsGateway(database, SITE, actor="staff:amy")
    room = rooms.add_room(RoomForm(name="兰亭", capacity=10, floor="3F"))
    organiser = add_host(database, name="李娜", email="li.na@example.com", department="研发部")
    start = database.clock.now() + timedelta(minutes=10)  # 09:10
    rooms.book(BookingForm(room_id=room.room_id, organiser_host_id=organiser.id, starts_at=start,
                           ends_at=start + timedelta(hours=1), attendee_count=6, topic="预算评审", ad_hoc=True))
    with database.unit_of_work("housekeeping") as uow:
        soon = [row.booking_id for row in checklists.unprepared_soon(uow, SITE, 15)]
    with database.unit_of_work("housekeeping") as uow:
        assert notices.alert_unprepared(uow, soon) == soon
    rooms.report_damage(DamageForm(room_id=room.room_id, what="投影仪灯泡坏了"))
    admin.refresh()
    shown = {admin.notices.model.cell(row, 1): admin.notices.model.cell(row, 2) for row in admin.notices.model.rows}
    assert shown["Meeting not prepared"] == "09:10 · 兰亭 3F · 预算评审 · 李娜 · 0 of 5 prepared"
    assert shown["Room out of order"] == "兰亭 3F · 投影仪灯泡坏了"
