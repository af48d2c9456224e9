"""A booking's facts as the detail lists them: (what, value) in the desk's language; empty values are left out
by the caller."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kiosk.application.gateways.desk_rooms import BookingDetail
from kiosk.ui.desk.rooms.texts import attendees, day_hm, equipment_list, hm, person, slot_text, translate


def booking_facts(detail: BookingDetail, zone: ZoneInfo) -> list[tuple[str, str]]:
    row = detail.row
    organiser = " · ".join(part for part in (row.organiser_name, row.organiser_email) if part)
    facts = [
        (translate("DeskRooms", "Room"), " · ".join(p for p in (row.room_name, row.floor) if p)),
        (translate("DeskRooms", "When"), translate("DeskRooms", "{slot}, cleaning until {busy}").format(
            slot=slot_text(row.starts_at, row.ends_at, zone), busy=hm(row.busy_until, zone))),
        (translate("DeskRooms", "Organiser"), organiser),
        (translate("DeskRooms", "For department"), row.department),
        (translate("DeskRooms", "People"), attendees(row.attendee_count)),
        (translate("DeskRooms", "Equipment needed"), equipment_list(detail.equipment_needed)),
        (translate("DeskRooms", "Catering"), detail.catering),
        (translate("DeskRooms", "Material to print"), detail.print_material),
        (translate("DeskRooms", "Confirmed"), day_hm(row.confirmed_at, zone)),
        (translate("DeskRooms", "Weekly series"), translate("DeskRooms", "yes") if row.series_id else ""),
        (translate("DeskRooms", "Displaced by"), f"#{detail.displaced_by_booking_id}"
         if detail.displaced_by_booking_id else ""),
        (translate("DeskRooms", "Booked by"), f"{person(detail.created_by)} · {day_hm(detail.created_at, zone)}"),
        (translate("DeskRooms", "Damage"), "\n".join(
            f"{d.what} ({person(d.reported_by)} · {day_hm(d.reported_at, zone)})" for d in detail.damage)),
    ]
    return facts
