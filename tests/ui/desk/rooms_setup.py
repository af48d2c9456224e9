"""The Rooms page on the test database through the real gateway, the worker pool run inline: rooms, organisers
and bookings made through the gateway, as the desk makes them. The clock starts on Monday 2026-06-15 at 09:00
in Shanghai; bookings today are the desk's ad-hoc ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway, InvitationQuery
from kiosk.application.gateways.desk_rooms import (
    BookingForm,
    BookingLevel,
    BookingMade,
    DeskRoomsGateway,
    Equipment,
    RoomForm,
    RoomRow,
)
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.rooms import RoomsContext, RoomsPage, SupplyChoice
from tests.factories import SITE, add_host

ZONE = ZoneInfo("Asia/Shanghai")
E = Equipment


def at(hour: int, minute: int = 0, day: int = 15) -> datetime:
    """Site time in June 2026 (the clock starts at 09:00 on Monday the 15th)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=ZONE)


@dataclass
class RoomsDesk:
    database: Database
    gateway: DeskRoomsGateway
    pool: WorkerPool
    page: RoomsPage
    rooms: dict[str, RoomRow] = field(default_factory=dict)
    hosts: dict[str, int] = field(default_factory=dict)

    def add_room(self, name: str, capacity: int = 12, floor: str = "3F",
                 equipment: frozenset[Equipment] = frozenset({E.PROJECTOR, E.WHITEBOARD}),
                 cleaning_minutes: int = 10, **extra: object) -> RoomRow:
        room = self.gateway.add_room(RoomForm(name=name, capacity=capacity, floor=floor, equipment=equipment,
                                              cleaning_minutes=cleaning_minutes, **extra))  # type: ignore[arg-type]
        self.rooms[name] = room
        return room

    def book(self, room: str, starts_at: datetime, ends_at: datetime, count: int = 4, *, organiser: str = "张伟",
             level: BookingLevel = BookingLevel.DEPARTMENT, topic: str = "周会", **extra: object) -> BookingMade:
        ad_hoc = bool(extra.pop("ad_hoc", starts_at.date() == at(9).date()))
        return self.gateway.book(BookingForm(
            room_id=self.rooms[room].room_id, organiser_host_id=self.hosts[organiser], starts_at=starts_at,
            ends_at=ends_at, attendee_count=count, level=level, topic=topic, ad_hoc=ad_hoc,
            **extra))  # type: ignore[arg-type]


def make_desk(qtbot: object, database: Database, *, role: StaffRole = StaffRole.RECEPTIONIST,
              supply_items: list[SupplyChoice] | None = None) -> RoomsDesk:
    gateway = DeskRoomsGateway(database, SITE, actor="staff:amy", role=role)
    people = DeskInvitationsGateway(database, SITE, "staff:amy")
    pool = WorkerPool(synchronous=True)
    page = RoomsPage(RoomsContext(gateway, pool, ZONE, database.clock.now, people.search_hosts,
                                  lambda: list(supply_items or []),
                                  lambda day: people.rows(people.ids(InvitationQuery(first_day=day, last_day=day)))))
    page.run_form = lambda dialog: pytest.fail(f"unexpected booking form {dialog.windowTitle()}")
    page.open_detail = lambda dialog: pytest.fail(f"unexpected detail {dialog.windowTitle()}")
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.resize(1230, 820)
    desk = RoomsDesk(database, gateway, pool, page)
    desk.hosts["张伟"] = add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部").id
    desk.hosts["李娜"] = add_host(database, name="李娜", email="li.na@example.com", department="研发部").id
    return desk


def close(desk: RoomsDesk) -> None:
    desk.page.stop()
    desk.pool.shutdown()
