"""Preparation and after-use checklists of a booking, from the front-desk rulebook.

Before a meeting: confirm the details, test the equipment it needs (or, when it names none, the room's),
water and pen and paper for each attendee, copies of the printed material for the attendees and two more,
arrange the tables, air conditioning at 22-25 °C, catering when asked for. After it: tidy, equipment back
and working, supplies checked, the room restored.

The lines follow the booking: ``sync_checklist`` (called by ``book`` and edits) adds the lines that now
apply, drops unticked ones that no longer do and moves quantities. A ticked line whose quantity changed is
unticked (water for 12 was ready, now 15 come: it must be done again); a ticked line that no longer
applies stays, as the record of what was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import exists, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus, ChecklistKey, ChecklistPhase, Equipment
from kiosk.models.rooms import Booking, ChecklistItem
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, NotFound
from kiosk.services.rooms import bookings  # which imports this module: a module import, either may go first
from kiosk.services.rooms.records import BookingRow, ChecklistLine
from kiosk.services.rooms.rooms import MAX_SPAN
from kiosk.services.text import clean_text

__all__ = ["INSPECT_KEYS", "TARGET_TEMPERATURE", "checklist", "line_of", "sync_checklist", "tick",
           "unprepared_soon"]

NOTE_MAX = 200
TARGET_TEMPERATURE = "22-25 °C"

EQUIPMENT_TESTS: dict[Equipment, ChecklistKey] = {
    Equipment.PROJECTOR: ChecklistKey.TEST_PROJECTOR,
    Equipment.MICROPHONE: ChecklistKey.TEST_MICROPHONE,
    Equipment.SPEAKERS: ChecklistKey.TEST_SPEAKERS,
    Equipment.SCREEN: ChecklistKey.TEST_SCREEN,
    Equipment.VIDEO_CONFERENCE: ChecklistKey.TEST_VIDEO_CONFERENCE,
}
INSPECT_KEYS: tuple[ChecklistKey, ...] = (ChecklistKey.TIDY, ChecklistKey.EQUIPMENT_BACK,
                                          ChecklistKey.SUPPLIES_CHECKED, ChecklistKey.ROOM_RESTORED)
# Lines are listed in the order ChecklistKey declares them (the rulebook's order), prepare before inspect.
_KEY_ORDER = {key: index for index, key in enumerate(ChecklistKey)}
_PHASE_ORDER = {ChecklistPhase.PREPARE: 0, ChecklistPhase.INSPECT: 1}
_LIVE = frozenset({BookingStatus.BOOKED, BookingStatus.CONFIRMED})


@dataclass(frozen=True)
class _Wanted:
    quantity: int | None = None
    note: str = ""  # written when the line is made (the target temperature)


def _equipment_to_test(booking: Booking) -> list[ChecklistKey]:
    """What the booking needs, or when it names nothing, what the room has (a whiteboard needs no test)."""
    chosen = set(booking.equipment_needed) or set(booking.room.equipment)
    return [key for item, key in EQUIPMENT_TESTS.items() if item.value in chosen]


def _wanted(booking: Booking) -> dict[tuple[ChecklistPhase, ChecklistKey], _Wanted]:
    people = booking.attendee_count
    prepare: dict[ChecklistKey, _Wanted] = {ChecklistKey.CONFIRM_DETAILS: _Wanted()}
    prepare |= {key: _Wanted() for key in _equipment_to_test(booking)}
    prepare[ChecklistKey.WATER] = _Wanted(people)
    if booking.print_material.strip():
        prepare[ChecklistKey.COPIES] = _Wanted(people + 2)
    prepare[ChecklistKey.PEN_AND_PAPER] = _Wanted(people)
    prepare[ChecklistKey.LAYOUT] = _Wanted()
    prepare[ChecklistKey.TEMPERATURE] = _Wanted(note=TARGET_TEMPERATURE)
    if booking.catering.strip():
        prepare[ChecklistKey.CATERING] = _Wanted()
    wanted = {(ChecklistPhase.PREPARE, key): line for key, line in prepare.items()}
    wanted |= {(ChecklistPhase.INSPECT, key): _Wanted() for key in INSPECT_KEYS}
    return wanted


def sync_checklist(uow: UnitOfWork, booking: Booking) -> None:
    """Make (or, after an edit, bring up to date) the booking's checklist lines that are not ticked yet."""
    wanted = _wanted(booking)
    items = uow.session.scalars(select(ChecklistItem).where(ChecklistItem.booking_id == booking.id)
                                .order_by(ChecklistItem.id)).all()
    present: set[tuple[ChecklistPhase, ChecklistKey]] = set()
    for item in items:
        place = (ChecklistPhase(item.phase), ChecklistKey(item.key))
        line = wanted.get(place)
        if line is None or place in present:
            if item.done_at is None:
                uow.session.delete(item)  # no longer applies, never done: gone
            continue  # done: kept as the record of what was done
        present.add(place)
        if item.quantity != line.quantity:
            item.quantity = line.quantity
            item.done_at, item.done_by = None, ""  # a different quantity is a different job
    for (phase, key), line in wanted.items():
        if (phase, key) not in present:
            uow.session.add(ChecklistItem(booking_id=booking.id, phase=phase.value, key=key.value,
                                          quantity=line.quantity, done_at=None, done_by="", note=line.note))
    uow.session.flush()


def line_of(item: ChecklistItem) -> ChecklistLine:
    return ChecklistLine(item_id=item.id, booking_id=item.booking_id, phase=ChecklistPhase(item.phase),
                         key=ChecklistKey(item.key), quantity=item.quantity, done_at=item.done_at,
                         done_by=item.done_by, note=item.note)


def _in_order(lines: list[ChecklistLine]) -> list[ChecklistLine]:
    return sorted(lines, key=lambda line: (_PHASE_ORDER[line.phase], _KEY_ORDER[line.key], line.item_id))


def checklist(uow: UnitOfWork, booking_id: int, phase: ChecklistPhase | None = None) -> list[ChecklistLine]:
    """The booking's lines: preparation, then after use, each in the rulebook's order."""
    if uow.session.get(Booking, booking_id) is None:
        raise NotFound(f"no booking {booking_id}")
    query = select(ChecklistItem).where(ChecklistItem.booking_id == booking_id)
    if phase is not None:
        query = query.where(ChecklistItem.phase == phase.value)
    return _in_order([line_of(item) for item in uow.session.scalars(query)])


def tick(uow: UnitOfWork, item_id: int, done: bool = True, note: str = "") -> ChecklistLine:
    """Tick (by the person acting, now) or untick a line; a note given replaces the line's note.

    Preparation is ticked only while the booking holds its slot (booked or confirmed); the after-use
    lines also once it is done (a late correction), never on a cancelled, released or displaced one.
    """
    item = uow.session.scalars(select(ChecklistItem).where(ChecklistItem.id == item_id).with_for_update()
                               .execution_options(populate_existing=True)).one_or_none()
    if item is None:
        raise NotFound(f"no checklist line {item_id}")
    booking = uow.session.get(Booking, item.booking_id)
    assert booking is not None  # the foreign key
    allowed = _LIVE if item.phase == ChecklistPhase.PREPARE else _LIVE | {BookingStatus.DONE}
    if booking.status not in allowed:
        raise Conflict(f"booking #{booking.id} is {booking.status.value}: its {item.phase} list is closed")
    cleaned = clean_text(note, "note", max_len=NOTE_MAX)
    if done and item.done_at is None:
        item.done_at, item.done_by = uow.now(), uow.actor
    elif not done:
        item.done_at, item.done_by = None, ""
    if cleaned:
        item.note = cleaned
    uow.commit()
    return line_of(item)


def unprepared_soon(uow: UnitOfWork, site_code: str, minutes: int) -> list[BookingRow]:
    """Live bookings of the site starting within ``minutes`` (or started, not yet ended) with a preparation
    line not ticked, by start: the desk is alerted about each."""
    site = get_site(uow, site_code)
    now = uow.now()
    unticked = exists().where(ChecklistItem.booking_id == Booking.id,
                              ChecklistItem.phase == ChecklistPhase.PREPARE.value, ChecklistItem.done_at.is_(None))
    found = uow.session.scalars(
        select(Booking).where(Booking.site_id == site.id, Booking.starts_at > now - MAX_SPAN,
                              Booking.starts_at <= now + timedelta(minutes=minutes), Booking.ends_at > now,
                              Booking.status.in_(bookings.live_statuses()), unticked)
        .order_by(Booking.starts_at, Booking.id)
    ).all()
    return [bookings.booking_row(uow, booking) for booking in found]
