"""The meeting rooms of a site: add, edit, list, find by id or name, and which are free for a slot.

A room's name is unique on its site whatever its case. Changing a room's cleaning buffer moves the
``busy_until`` of its bookings still to come, so the conflict check (one comparison with ``busy_until``)
keeps holding each meeting's buffer as the room now says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus, Equipment
from kiosk.models.rooms import Booking, DamageReport, Room
from kiosk.services import audit
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.rooms.records import RoomForm, RoomOffer, RoomRow
from kiosk.services.text import clean_text

__all__ = [
    "LIVE_STATUSES", "MAX_BOOKING", "MAX_CLEANING_MINUTES", "MAX_SPAN", "add_room", "edit_room", "equipment_of",
    "free_rooms", "free_rooms_at", "list_rooms", "out_of_order_room_ids", "room_id_for", "room_row", "room_row_of",
    "room_sort_key",
]

# Bookings that hold their slot (DONE took place but is over; the others gave the room back).
LIVE_STATUSES = frozenset({BookingStatus.BOOKED, BookingStatus.CONFIRMED})
MAX_BOOKING = timedelta(hours=24)
MAX_CLEANING_MINUTES = 120
# The longest a booking holds its room (24 h and the largest buffer): a booking starting earlier than this
# before an instant cannot reach it, which bounds every range scan on (room_id, starts_at).
MAX_SPAN = MAX_BOOKING + timedelta(minutes=MAX_CLEANING_MINUTES)
_NUMBERS = re.compile(r"(\d+)")


# -- rows ----------------------------------------------------------------------------------------------------


def equipment_of(values: Iterable[str]) -> tuple[Equipment, ...]:
    """Stored equipment values as Equipment, in Equipment's order (unknown values dropped)."""
    have = set(values)
    return tuple(e for e in Equipment if e.value in have)


def room_sort_key(floor: str, name: str, room_id: int) -> tuple[Any, ...]:
    """By floor and name as people read them: floor 2 before floor 10."""
    def natural(text: str) -> tuple[tuple[int, int, str], ...]:
        return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                     for part in _NUMBERS.split(text) if part)
    return natural(floor), natural(name), room_id


def _row(room: Room, out_of_order: bool) -> RoomRow:
    return RoomRow(
        room_id=room.id, name=room.name, floor=room.floor, capacity=room.capacity,
        equipment=equipment_of(room.equipment), needs_approval=room.needs_approval,
        cleaning_minutes=room.cleaning_minutes, confirm_within_minutes=room.confirm_within_minutes,
        active=room.active, out_of_order=out_of_order,
    )


def out_of_order_room_ids(uow: UnitOfWork, site_id: int) -> set[int]:
    """Rooms of the site with an open damage report (no repair recorded yet)."""
    return set(uow.session.scalars(
        select(DamageReport.room_id).join(Room, Room.id == DamageReport.room_id)
        .where(Room.site_id == site_id, DamageReport.repaired_at.is_(None)).distinct()))


def _is_out_of_order(uow: UnitOfWork, room_id: int) -> bool:
    return uow.session.scalar(select(DamageReport.id).where(
        DamageReport.room_id == room_id, DamageReport.repaired_at.is_(None)).limit(1)) is not None


def room_row_of(uow: UnitOfWork, room: Room) -> RoomRow:
    return _row(room, _is_out_of_order(uow, room.id))


def room_row(uow: UnitOfWork, room_id: int) -> RoomRow:
    room = uow.session.get(Room, room_id)
    if room is None:
        raise NotFound(f"no room {room_id}")
    return room_row_of(uow, room)


def _sorted(rooms: Iterable[Room]) -> list[Room]:
    return sorted(rooms, key=lambda r: room_sort_key(r.floor, r.name, r.id))


def list_rooms(uow: UnitOfWork, site_code: str, *, include_inactive: bool = False) -> list[RoomRow]:
    """The site's rooms by floor and name (active ones unless ``include_inactive``)."""
    site = get_site(uow, site_code)
    query = select(Room).where(Room.site_id == site.id)
    if not include_inactive:
        query = query.where(Room.active.is_(True))
    broken = out_of_order_room_ids(uow, site.id)
    return [_row(room, room.id in broken) for room in _sorted(uow.session.scalars(query))]


def room_id_for(uow: UnitOfWork, site_code: str, ref: str) -> int:
    """The site's room with this id or this name (any case); ``#12`` is always the id. NotFound when none;
    Conflict (``ambiguous_room``) when a number is one room's id and another room's name (rooms are often
    named by number: "101"), naming both."""
    site = get_site(uow, site_code)
    text = (ref or "").strip()
    by_id: int | None = None
    digits = text.removeprefix("#")
    if digits.isdigit():
        by_id = uow.session.scalar(select(Room.id).where(Room.id == int(digits), Room.site_id == site.id))
        if text.startswith("#"):
            if by_id is None:
                raise NotFound(f"no room #{digits} on site {site_code}")
            return by_id
    wanted = text.casefold()
    by_name = next((int(room_id) for room_id, name in uow.session.execute(
        select(Room.id, Room.name).where(Room.site_id == site.id)) if name.casefold() == wanted), None)
    if by_id is not None and by_name is not None and by_id != by_name:
        raise Conflict(f"{text!r} is room #{by_id} and also the name of room #{by_name}: say '#{by_id}' or "
                       f"'#{by_name}'", code="ambiguous_room")
    found = by_name if by_name is not None else by_id
    if found is None:
        raise NotFound(f"no room {text!r} on site {site_code}")
    return found


# -- add and edit --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clean:
    name: str
    floor: str
    capacity: int
    equipment: list[str]
    needs_approval: bool
    cleaning_minutes: int
    confirm_within_minutes: int
    active: bool


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _checked(form: RoomForm) -> _Clean:
    errors: list[FieldError] = []
    name = clean_text(form.name, "name", max_len=100, required=True, errors=errors)
    floor = clean_text(form.floor, "floor", max_len=20, errors=errors)
    for field, value, low, high in (("capacity", form.capacity, 1, 500),
                                    ("cleaning_minutes", form.cleaning_minutes, 0, MAX_CLEANING_MINUTES),
                                    ("confirm_within_minutes", form.confirm_within_minutes, 1, 120)):
        if not _whole(value, low, high):
            errors.append(FieldError(field, "out_of_range", f"{field} is a whole number from {low} to {high}"))
    equipment: set[Equipment] = set()
    for item in form.equipment:
        try:
            equipment.add(Equipment(item))
        except ValueError:
            errors.append(FieldError("equipment", "unknown_equipment", f"unknown equipment {item!r}"))
    if errors:
        raise ValidationFailed(errors)
    return _Clean(name, floor, form.capacity, [e.value for e in Equipment if e in equipment],
                  bool(form.needs_approval), form.cleaning_minutes, form.confirm_within_minutes, bool(form.active))


def _refuse_duplicate(uow: UnitOfWork, site_id: int, name: str, room_id: int | None = None) -> None:
    wanted = name.casefold()
    for other_id, other in uow.session.execute(select(Room.id, Room.name).where(Room.site_id == site_id)):
        if other_id != room_id and other.casefold() == wanted:
            raise Conflict(f"room {other!r} already exists (room {other_id})", code="duplicate_room")


def _audit_values(clean: _Clean) -> dict[str, Any]:
    return {"capacity": clean.capacity, "equipment": clean.equipment, "needs_approval": clean.needs_approval,
            "cleaning_minutes": clean.cleaning_minutes, "confirm_within_minutes": clean.confirm_within_minutes,
            "active": clean.active}


def _apply(room: Room, clean: _Clean) -> None:
    room.name, room.floor, room.capacity, room.equipment = clean.name, clean.floor, clean.capacity, clean.equipment
    room.needs_approval, room.cleaning_minutes = clean.needs_approval, clean.cleaning_minutes
    room.confirm_within_minutes, room.active = clean.confirm_within_minutes, clean.active


def add_room(uow: UnitOfWork, site_code: str, form: RoomForm) -> RoomRow:
    """ValidationFailed (every bad field at once); Conflict ``duplicate_room`` for a name the site has."""
    clean = _checked(form)
    site = get_site(uow, site_code)
    _refuse_duplicate(uow, site.id, clean.name)
    room = Room(site_id=site.id, created_at=uow.now())
    _apply(room, clean)
    uow.session.add(room)
    uow.session.flush()
    audit.record(uow, "room.added", "room", room.id, after=_audit_values(clean))
    row = _row(room, False)
    uow.commit()
    return row


def edit_room(uow: UnitOfWork, room_id: int, form: RoomForm) -> RoomRow:
    """As ``add_room``; a new cleaning buffer moves ``busy_until`` of the room's bookings still to come."""
    clean = _checked(form)
    # Locked (PostgreSQL) like a booking locks it: no booking is checked against the old buffer meanwhile.
    room = uow.session.scalars(select(Room).where(Room.id == room_id).with_for_update()
                               .execution_options(populate_existing=True)).one_or_none()
    if room is None:
        raise NotFound(f"no room {room_id}")
    _refuse_duplicate(uow, room.site_id, clean.name, room.id)
    before = {"capacity": room.capacity, "equipment": list(room.equipment), "needs_approval": room.needs_approval,
              "cleaning_minutes": room.cleaning_minutes, "confirm_within_minutes": room.confirm_within_minutes,
              "active": room.active}
    moved = room.cleaning_minutes != clean.cleaning_minutes
    _apply(room, clean)
    if moved:
        now, buffer = uow.now(), timedelta(minutes=clean.cleaning_minutes)
        for booking in uow.session.scalars(select(Booking).where(
                Booking.room_id == room.id, Booking.status.in_(LIVE_STATUSES), Booking.starts_at > now - MAX_SPAN,
                Booking.busy_until > now)):
            booking.busy_until = booking.ends_at + buffer
    audit.record(uow, "room.changed", "room", room.id, before=before, after=_audit_values(clean))
    row = room_row_of(uow, room)
    uow.commit()
    return row


# -- free rooms ----------------------------------------------------------------------------------------------


def free_rooms_at(uow: UnitOfWork, site: SiteInfo, starts_at: datetime, ends_at: datetime, attendee_count: int,
                  equipment: frozenset[Equipment] = frozenset(), *, exclude_booking_id: int | None = None,
                  exclude_room_ids: frozenset[int] = frozenset()) -> list[RoomOffer]:
    """``free_rooms`` for a site already looked up (the displacement offers)."""
    rooms = [room for room in uow.session.scalars(select(Room).where(
        Room.site_id == site.id, Room.active.is_(True), Room.capacity >= attendee_count))
        if room.id not in exclude_room_ids and set(equipment) <= set(room.equipment)]
    if not rooms:
        return []
    broken = out_of_order_room_ids(uow, site.id)
    latest_end = ends_at + timedelta(minutes=MAX_CLEANING_MINUTES)
    query = select(Booking.room_id, Booking.starts_at).where(
        Booking.site_id == site.id, Booking.status.in_(LIVE_STATUSES), Booking.starts_at < latest_end,
        Booking.starts_at > starts_at - MAX_SPAN, Booking.busy_until > starts_at)
    if exclude_booking_id is not None:
        query = query.where(Booking.id != exclude_booking_id)
    starts: dict[int, list[datetime]] = {}
    for room_id, start in uow.session.execute(query):
        starts.setdefault(room_id, []).append(start)

    def free(room: Room) -> bool:
        # The new meeting holds the room up to its end plus this room's buffer.
        busy_until = ends_at + timedelta(minutes=room.cleaning_minutes)
        return room.id not in broken and not any(start < busy_until for start in starts.get(room.id, ()))

    fitting = sorted((r for r in rooms if free(r)), key=lambda r: (r.capacity, room_sort_key(r.floor, r.name, r.id)))
    return [RoomOffer(room_id=r.id, name=r.name, floor=r.floor, capacity=r.capacity,
                      equipment=equipment_of(r.equipment)) for r in fitting]


def free_rooms(uow: UnitOfWork, site_code: str, starts_at: datetime, ends_at: datetime, attendee_count: int,
               equipment: frozenset[Equipment] = frozenset(), *, exclude_booking_id: int | None = None,
               ) -> list[RoomOffer]:
    """Active rooms without an open damage report, free for the whole slot (each room's buffer included),
    seating the attendees, with the equipment: the smallest fitting room first.
    ``exclude_booking_id``: a booking being moved does not stand in its own way."""
    errors: list[FieldError] = []
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        errors.append(FieldError("starts_at", "no_timezone", "a time needs its time zone"))
    elif ends_at <= starts_at:
        errors.append(FieldError("ends_at", "before_start", "the end is after the start"))
    if not _whole(attendee_count, 1, 10_000):
        errors.append(FieldError("attendee_count", "out_of_range", "at least one attendee"))
    if errors:
        raise ValidationFailed(errors)
    return free_rooms_at(uow, get_site(uow, site_code), starts_at, ends_at, attendee_count, equipment,
                         exclude_booking_id=exclude_booking_id)
