"""What every part of the Rooms page shares: the gateway, the worker pool, the site's zone and clock, the host
search, the supply items (consumables), the invitations of a day (a booking's attendees), and the rooms as last
read (for the forms' room boxes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.application.gateways.desk_invitations import HostSummary, InvitationRow
from kiosk.application.gateways.desk_rooms import DeskRoomsGateway, RoomRow
from kiosk.ui.common.workers import WorkerPool


@dataclass(frozen=True)
class SupplyChoice:
    """A supply item the inspection may issue (water, paper): its id, name and unit."""

    item_id: int
    name: str
    unit: str


@dataclass
class RoomsContext:
    gateway: DeskRoomsGateway
    pool: WorkerPool
    zone: ZoneInfo
    now: Callable[[], datetime]
    search_hosts: Callable[[str], list[HostSummary]]
    supply_items: Callable[[], list[SupplyChoice]] = lambda: []
    invited_on: Callable[[date], list[InvitationRow]] = lambda _day: []  # the day's invitations (worker pool)
    rooms: list[RoomRow] = field(default_factory=list)  # active and not, by floor and name

    def today(self) -> date:
        return self.now().astimezone(self.zone).date()

    def room(self, room_id: int | None) -> RoomRow | None:
        return next((room for room in self.rooms if room.room_id == room_id), None)
