"""What the booking form says as it is edited (the live check) and once saved (booked, displaced, offered,
a series' dates that could not be booked): one job for the worker pool, plain lines for the form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from kiosk.application.gateways.desk_rooms import (
    BookingForm,
    BookingLevel,
    BookingMade,
    BookingRefused,
    BookingRow,
    DeskRoomsGateway,
    Displacement,
    RefusalReason,
    RoomOffer,
    SeriesConflict,
    SeriesMade,
)
from kiosk.ui.desk.rooms.texts import LIVE, hm, seats, slot_text, translate


@dataclass(frozen=True)
class CheckAnswer:
    refused: BookingRefused | None = None
    displaces: tuple[BookingRow, ...] = ()  # a company meeting: the department bookings it would take over


def live_check(gateway: DeskRoomsGateway, form: BookingForm, exclude_booking_id: int | None,
               zone: ZoneInfo) -> CheckAnswer:
    """On the worker pool: would ``book`` take the form, and whom would a company meeting displace?"""
    try:
        gateway.check(form, exclude_booking_id=exclude_booking_id)
    except BookingRefused as refused:
        return CheckAnswer(refused=refused)
    if form.level is not BookingLevel.COMPANY:
        return CheckAnswer()
    room = gateway.room(form.room_id)
    busy_until = form.ends_at + timedelta(minutes=room.cleaning_minutes)
    displaced = [
        row for day in sorted({form.starts_at.astimezone(zone).date(), busy_until.astimezone(zone).date()})
        for row in gateway.bookings(day=day, room_id=form.room_id, statuses=LIVE)
        if row.booking_id != exclude_booking_id and row.level is BookingLevel.DEPARTMENT
        and row.starts_at < busy_until and form.starts_at < row.busy_until
    ]
    unique = {row.booking_id: row for row in displaced}
    return CheckAnswer(displaces=tuple(sorted(unique.values(), key=lambda r: r.starts_at)))


def booking_name(row: BookingRow, zone: ZoneInfo) -> str:
    """"#12 Weekly sales (王芳) 10:00–11:00"."""
    topic = row.topic or translate("DeskRooms", "(no topic)")
    slot = slot_text(row.starts_at, row.ends_at, zone, with_day=False)
    return f"#{row.booking_id} {topic} ({row.organiser_name}) {slot}"


def displaces_text(rows: tuple[BookingRow, ...], zone: ZoneInfo) -> str:
    return translate("DeskRooms", "Company meeting: will displace {bookings}. Their organisers are told and offered "
                                  "free rooms.").format(bookings="; ".join(booking_name(r, zone) for r in rows))


def free_text(room_name: str, form: BookingForm, zone: ZoneInfo) -> str:
    return translate("DeskRooms", "Free: {room} {slot}").format(room=room_name,
                                                                 slot=slot_text(form.starts_at, form.ends_at, zone))


def offers_text(offers: tuple[RoomOffer, ...]) -> str:
    if not offers:
        return translate("DeskRooms", "no free room fits")
    return ", ".join(f"{o.name} ({o.floor}, {seats(o.capacity)})"
                     if o.floor else o.name for o in offers)


def displacement_lines(displaced: tuple[Displacement, ...], zone: ZoneInfo) -> list[str]:
    return [translate("DeskRooms", "Displaced {booking}; offered: {rooms}.").format(
        booking=booking_name(d.booking, zone), rooms=offers_text(d.offers)) for d in displaced]


def made_text(made: BookingMade, zone: ZoneInfo) -> str:
    row = made.booking
    lines = [translate("DeskRooms", "Booked #{id}: {room} {slot}, cleaning until {busy}.").format(
        id=row.booking_id, room=row.room_name, slot=slot_text(row.starts_at, row.ends_at, zone),
        busy=hm(row.busy_until, zone))]
    return "\n".join(lines + displacement_lines(made.displaced, zone))


def short_reason(conflict: SeriesConflict) -> str:
    if conflict.reason is RefusalReason.CONFLICT and conflict.conflicting_booking_id is not None:
        return translate("DeskRooms", "taken by #{id}").format(id=conflict.conflicting_booking_id)
    return {
        RefusalReason.CONFLICT: translate("DeskRooms", "taken"),
        RefusalReason.CAPACITY: translate("DeskRooms", "too many attendees"),
        RefusalReason.NOTICE_PERIOD: translate("DeskRooms", "too short notice"),
        RefusalReason.EQUIPMENT: translate("DeskRooms", "equipment missing"),
        RefusalReason.NEEDS_APPROVAL: translate("DeskRooms", "needs approval"),
        RefusalReason.OUT_OF_ORDER: translate("DeskRooms", "room out of order"),
        RefusalReason.INACTIVE_ROOM: translate("DeskRooms", "room not in use"),
        RefusalReason.IN_THE_PAST: translate("DeskRooms", "in the past"),
        RefusalReason.TOO_LONG: translate("DeskRooms", "too long"),
    }.get(conflict.reason, conflict.message)


def series_text(made: SeriesMade, zone: ZoneInfo) -> str:
    n = len(made.made)
    lines = [translate("DeskRooms", "Booked %n date(s) weekly.", "", n)]
    if made.made:
        first = made.made[0]
        lines[0] += " " + translate("DeskRooms", "{room} {time}, from {first} to {last}.").format(
            room=first.room_name, time=slot_text(first.starts_at, first.ends_at, zone, with_day=False),
            first=f"{first.starts_at.astimezone(zone):%m-%d}", last=f"{made.made[-1].starts_at.astimezone(zone):%m-%d}")
    if made.conflicts:
        lines.append(translate("DeskRooms", "Not booked: {dates}").format(
            dates="; ".join(f"{c.day:%m-%d} ({short_reason(c)})" for c in made.conflicts)))
    return "\n".join(lines + displacement_lines(made.displaced, zone))
