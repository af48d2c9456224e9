"""The status board's words: a room's column (name, its state now, floor and seats, equipment in short), a
meeting's block (topic; time, organiser and attendees; what to know at a glance) and its tooltip."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kiosk.application.gateways.desk_rooms import BoardRow, BoardSegment, BookingLevel, BookingStatus
from kiosk.ui.desk.rooms.texts import (
    attendees,
    equipment_list,
    hm,
    level_text,
    seats,
    state_text,
    status_text,
    translate,
)


def block_marks(segment: BoardSegment, *, past: bool) -> str:
    """The block's third line: what the receptionist must know at a glance, in words."""
    marks: list[str] = []
    if segment.status is BookingStatus.DONE:
        marks.append(translate("DeskRooms", "Done"))
    elif segment.status is BookingStatus.CONFIRMED:
        marks.append(translate("DeskRooms", "Confirmed"))
    if segment.status is not BookingStatus.DONE and not segment.prepared and not past:
        marks.append(translate("DeskRooms", "⚠ Not prepared"))
    if segment.ad_hoc:
        marks.append(translate("DeskRooms", "Ad-hoc"))
    if segment.level is BookingLevel.COMPANY:
        marks.append(level_text(BookingLevel.COMPANY))
    return " · ".join(marks)


def room_texts(row: BoardRow) -> tuple[str, str, str, str]:
    """The room column: name, the state now as a word, floor and seats, the equipment in short."""
    room = row.room
    facts = " · ".join(part for part in (room.floor, seats(room.capacity))
                       if part)
    if room.needs_approval:
        facts += " · " + translate("DeskRooms", "approval")
    gear = equipment_list(room.equipment, short=True) or translate("DeskRooms", "no equipment")
    return room.name, state_text(row.state), facts, gear


def block_lines(segment: BoardSegment, zone: ZoneInfo, *, past: bool) -> tuple[str, str, str]:
    """A meeting's block: the topic; the time, organiser and attendees; the marks."""
    return (segment.topic or translate("DeskRooms", "(no topic)"),
            f"{hm(segment.starts_at, zone)}–{hm(segment.ends_at, zone)} · {segment.organiser_name} · "
            f"{segment.attendee_count}",
            block_marks(segment, past=past))


def segment_tooltip(segment: BoardSegment, zone: ZoneInfo) -> str:
    lines = [
        segment.topic or translate("DeskRooms", "(no topic)"),
        f"{hm(segment.starts_at, zone)}–{hm(segment.ends_at, zone)} · {segment.organiser_name}",
        attendees(segment.attendee_count),
        f"{level_text(segment.level)} · {status_text(segment.status)}",
        translate("DeskRooms", "Cleaning until {time}").format(time=hm(segment.busy_until, zone)),
        translate("DeskRooms", "Prepared") if segment.prepared else translate("DeskRooms", "Not prepared yet"),
    ]
    if segment.ad_hoc:
        lines.append(translate("DeskRooms", "Ad-hoc meeting"))
    return "\n".join(lines)
