"""The plain data the room services take and give: forms as typed, rows for the desk's tables, results.

Shared by the services (``rooms``, ``bookings``, ``series``, ``checklists``, ``inspection``, ``board``,
``reports``, ``notices``), the desk gateway (``application/gateways/desk_rooms.py``), the desk views and
``kioskctl rooms|bookings``. Times are aware UTC (the site's day where a field says ``date``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.rooms import (
    BookingLevel,
    BookingStatus,
    ChecklistKey,
    ChecklistPhase,
    Equipment,
    RefusalReason,
    RoomState,
)
from kiosk.services.errors import ServiceError

__all__ = [
    "AttendeeForm", "AttendeeRow", "BoardRow", "BoardSegment", "BookingDetail", "BookingForm", "BookingLevel",
    "BookingMade", "BookingRefused", "BookingRow", "BookingStatus", "ChecklistKey", "ChecklistLine",
    "ChecklistPhase", "DamageForm", "DamageRow", "DayBoard", "Displacement", "Equipment", "InspectionForm",
    "RefusalReason", "RoomForm", "RoomOffer", "RoomReport", "RoomRow", "RoomState", "RoomUseLine",
    "SeriesConflict", "SeriesMade",
]


# -- rooms ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoomForm:
    name: str
    capacity: int  # seats, 1-500
    floor: str = ""
    equipment: frozenset[Equipment] = frozenset()
    needs_approval: bool = False  # lent only with a supervisor's approval (a training room)
    cleaning_minutes: int = 10  # 0-120: the room stays busy this long after each meeting
    confirm_within_minutes: int = 10  # 1-120: an unconfirmed booking is released this long after its start
    active: bool = True


@dataclass(frozen=True)
class RoomRow:
    room_id: int
    name: str
    floor: str
    capacity: int
    equipment: tuple[Equipment, ...]  # in Equipment's order
    needs_approval: bool
    cleaning_minutes: int
    confirm_within_minutes: int
    active: bool
    out_of_order: bool  # an open damage report


@dataclass(frozen=True)
class RoomOffer:
    """A room free for a whole slot that fits the attendees and the equipment: offered to a displaced
    organiser and by the booking form."""

    room_id: int
    name: str
    floor: str
    capacity: int
    equipment: tuple[Equipment, ...]


# -- bookings ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AttendeeForm:
    """One attendee: a host, an invited visit, or just a name."""

    host_id: int | None = None
    visit_id: int | None = None
    name: str = ""


@dataclass(frozen=True)
class AttendeeRow:
    attendee_id: int
    name: str  # the host's or visitor's name, or the name as typed
    email: str  # "" when unknown (a name only)
    host_id: int | None
    visit_id: int | None


@dataclass(frozen=True)
class BookingForm:
    """The booking form, as typed (checked by ``bookings.book``, every field at once)."""

    room_id: int
    organiser_host_id: int
    starts_at: datetime  # aware
    ends_at: datetime  # aware, after starts_at, at most 24 h later
    attendee_count: int  # 1 to the room's capacity
    level: BookingLevel = BookingLevel.DEPARTMENT
    topic: str = ""
    department_id: int | None = None  # None: the organiser's department
    attendees: tuple[AttendeeForm, ...] = ()
    equipment_needed: frozenset[Equipment] = frozenset()
    catering: str = ""
    print_material: str = ""
    # Registered by the desk inside the notice period (an ad-hoc meeting); refused otherwise.
    ad_hoc: bool = False


class BookingRefused(ServiceError):
    """The booking cannot be made: one reason, and for a conflict the booking in the way."""

    code = "booking_refused"

    def __init__(self, reason: RefusalReason, message: str, *, conflicting: BookingRow | None = None,
                 limit: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.conflicting = conflicting  # CONFLICT: the booking holding the slot
        self.limit = limit  # CAPACITY: the room's seats; NOTICE_PERIOD: the days of notice


@dataclass(frozen=True)
class BookingRow:
    """One line of the desk's booking tables."""

    booking_id: int
    room_id: int
    room_name: str
    floor: str
    status: BookingStatus
    level: BookingLevel
    organiser_host_id: int
    organiser_name: str
    organiser_email: str
    department: str  # the booking's department name ("" when none)
    topic: str
    attendee_count: int
    starts_at: datetime
    ends_at: datetime
    busy_until: datetime  # ends_at plus the room's cleaning buffer
    ad_hoc: bool
    series_id: str  # "" for a single booking
    confirmed_at: datetime | None
    prepared: int  # preparation lines ticked
    to_prepare: int  # preparation lines in all
    version: int


@dataclass(frozen=True)
class ChecklistLine:
    item_id: int
    booking_id: int
    phase: ChecklistPhase
    key: ChecklistKey
    quantity: int | None  # water = attendees, copies = attendees + 2, pen and paper = attendees
    done_at: datetime | None
    done_by: str
    note: str


@dataclass(frozen=True)
class DamageRow:
    report_id: int
    room_id: int
    room_name: str
    booking_id: int | None
    what: str
    has_photo: bool
    reported_at: datetime
    reported_by: str
    repaired_at: datetime | None
    repaired_by: str
    repair_note: str


@dataclass(frozen=True)
class BookingDetail:
    row: BookingRow
    equipment_needed: tuple[Equipment, ...]
    catering: str
    print_material: str
    attendees: tuple[AttendeeRow, ...]
    checklist: tuple[ChecklistLine, ...]  # prepare lines, then inspect lines
    damage: tuple[DamageRow, ...]
    displaced_by_booking_id: int | None
    ical_uid: str
    ical_sequence: int
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class Displacement:
    """A department booking a company booking took the slot of: now DISPLACED, its organiser told."""

    booking: BookingRow
    offers: tuple[RoomOffer, ...]  # free rooms that fit, at the same time


@dataclass(frozen=True)
class BookingMade:
    booking: BookingRow
    displaced: tuple[Displacement, ...] = ()


@dataclass(frozen=True)
class SeriesConflict:
    day: date  # the site-local date that could not be booked
    reason: RefusalReason
    message: str  # one line, as BookingRefused says it
    conflicting_booking_id: int | None = None


@dataclass(frozen=True)
class SeriesMade:
    """A weekly series: the dates booked, and those that could not be (nothing booked for them)."""

    series_id: str
    made: tuple[BookingRow, ...]
    conflicts: tuple[SeriesConflict, ...]
    displaced: tuple[Displacement, ...] = ()


# -- the day board -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BoardSegment:
    booking_id: int
    starts_at: datetime
    ends_at: datetime
    busy_until: datetime
    status: BookingStatus
    level: BookingLevel
    topic: str
    organiser_name: str
    attendee_count: int
    ad_hoc: bool
    prepared: bool  # every preparation line ticked


@dataclass(frozen=True)
class BoardRow:
    room: RoomRow
    state: RoomState  # now (only meaningful on today's board; FREE/OUT_OF_ORDER on other days)
    current_booking_id: int | None  # the booking in use or cleaning up now
    segments: tuple[BoardSegment, ...]  # the day's live bookings (booked, confirmed, done), by start


@dataclass(frozen=True)
class DayBoard:
    day: date
    opens_at: datetime  # the rooms' opening hours that day ([rooms] opens/closes, site time)
    closes_at: datetime
    now: datetime
    rows: tuple[BoardRow, ...]  # active rooms by floor and name


# -- after use -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DamageForm:
    room_id: int
    what: str  # required, up to 500 characters
    booking_id: int | None = None
    photo_jpeg: bytes | None = None  # at most 8 MB, a JPEG


@dataclass(frozen=True)
class InspectionForm:
    """The after-use check of one booking: the lines ticked, damage found, consumables used."""

    booking_id: int
    ticked: frozenset[ChecklistKey] = frozenset()
    note: str = ""
    damage: DamageForm | None = None
    # (supply item id, quantity) issued from the supplies ledger to the booking's department.
    consumables: tuple[tuple[int, int], ...] = ()


# -- reports -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoomUseLine:
    room_id: int
    room_name: str
    floor: str
    booked_hours: float  # of bookings that took place (booked, confirmed, done), inside opening hours
    opening_hours: float  # the period's days × the opening hours
    use_ratio: float  # booked / opening, 0 when the period has no opening hours
    bookings: int  # that took place
    released: int  # not confirmed in time: a no-show
    displaced: int
    cancelled: int


@dataclass(frozen=True)
class RoomReport:
    date_from: date
    date_to: date  # inclusive
    lines: tuple[RoomUseLine, ...]
    total: RoomUseLine  # room_id 0, name "" : the sums (use ratio over all rooms)
    damage_reports: int
    prepare_alerts: int = 0  # meetings that were not prepared in time (the desk's alerts)
