"""The calendar entry of a room booking (.ics), attached to its e-mails.

One UID per booking (``ical_uid``, kept by the booking) and a SEQUENCE that rises with every change, so a
changed booking moves the entry already in the attendee's calendar and a cancellation (METHOD:CANCEL,
STATUS:CANCELLED, a higher sequence) removes it. The ORGANIZER is the kiosk's sender address: only the
organizer of an entry may update or cancel it, and the kiosk is who sends the updates; the booking's
organiser is an attendee in the chair role.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parseaddr

from kiosk.domain.notifications import ClaimedNotification

# The booking notices that carry the calendar entry, and what each does to it.
BOOKING_CALENDAR_EVENTS = {
    "booking_created": "REQUEST",
    "booking_changed": "REQUEST",
    "booking_cancelled": "CANCEL",
    "booking_displaced": "CANCEL",
    "booking_released": "CANCEL",
}


def calendar_method(notice: ClaimedNotification) -> str | None:
    """REQUEST or CANCEL for a booking notice with a calendar entry; None for anything else."""
    method = BOOKING_CALENDAR_EVENTS.get(notice.event)
    if method is None or not notice.payload.get("ical_uid"):
        return None
    return str(notice.payload.get("ical_method") or method)


def booking_calendar(notice: ClaimedNotification, *, summary: str, sender: str, stamped_at: datetime) -> str:
    """The VCALENDAR text for a booking notice (``calendar_method`` is not None for it)."""
    from icalendar import Calendar, Event, vCalAddress, vText

    payload = notice.payload
    method = calendar_method(notice) or "REQUEST"
    calendar = Calendar()
    calendar.add("prodid", "-//Lobby Kiosk//Meeting room booking//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", str(payload["ical_uid"]))
    event.add("dtstamp", stamped_at)
    event.add("sequence", int(payload.get("ical_sequence") or 0))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("summary", summary)
    event.add("dtstart", datetime.fromisoformat(str(payload["starts_at"])))
    event.add("dtend", datetime.fromisoformat(str(payload["ends_at"])))
    room, floor = str(payload.get("room_name") or ""), str(payload.get("floor") or "")
    event.add("location", f"{room}, {floor}" if floor else room)
    sender_name, sender_address = parseaddr(sender)
    organizer = vCalAddress(f"mailto:{sender_address}")
    organizer.params["cn"] = vText(sender_name or "Lobby Kiosk")
    event.add("organizer", organizer)
    organiser_email = str(payload.get("organiser_email") or "")
    people = [(organiser_email, str(payload.get("organiser_name") or ""), "CHAIR")] if organiser_email else []
    if notice.recipient.casefold() != organiser_email.casefold():
        people.append((notice.recipient, str(payload.get("recipient_name") or ""), "REQ-PARTICIPANT"))
    for address, name, role in people:
        attendee = vCalAddress(f"mailto:{address}")
        if name:
            attendee.params["cn"] = vText(name)
        attendee.params["role"] = vText(role)
        attendee.params["rsvp"] = vText("FALSE")
        event.add("attendee", attendee)
    calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))
