"""The desk's meeting rooms: rooms, bookings (conflicts refused, company meetings displacing department
ones, the notice period, weekly series), the day board, preparation checklists, after-use inspection with
damage reports, and the use report.

Acting as the person signed in (``actor``, ``role``: a room that needs approval is booked by someone with
Permission.APPROVE), one unit of work per call; the views and kioskctl import the value types from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.db import Database
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.services.rooms import board, bookings, checklists, inspection, reports, series
from kiosk.services.rooms import rooms as room_list
from kiosk.services.rooms.records import (
    AttendeeForm,
    AttendeeRow,
    BoardRow,
    BoardSegment,
    BookingDetail,
    BookingForm,
    BookingLevel,
    BookingMade,
    BookingRefused,
    BookingRow,
    BookingStatus,
    ChecklistKey,
    ChecklistLine,
    ChecklistPhase,
    DamageForm,
    DamageRow,
    DayBoard,
    Displacement,
    Equipment,
    InspectionForm,
    RefusalReason,
    RoomForm,
    RoomOffer,
    RoomReport,
    RoomRow,
    RoomState,
    RoomUseLine,
    SeriesConflict,
    SeriesMade,
)

__all__ = [
    "AttendeeForm", "AttendeeRow", "BoardRow", "BoardSegment", "BookingDetail", "BookingForm", "BookingLevel",
    "BookingMade", "BookingRefused", "BookingRow", "BookingStatus", "ChecklistKey", "ChecklistLine",
    "ChecklistPhase", "DamageForm", "DamageRow", "DayBoard", "DeskRoomsGateway", "Displacement", "Equipment",
    "InspectionForm", "RefusalReason", "RoomForm", "RoomOffer", "RoomReport", "RoomRow", "RoomState",
    "RoomUseLine", "SeriesConflict", "SeriesMade",
]


@dataclass
class DeskRoomsGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    # ``[rooms]``: the notice period in days, the prepare alert's lead time, the opening hours (HH:MM).
    notice_days: int = 1
    prepare_alert_minutes: int = 15
    opens: str = "08:00"
    closes: str = "20:00"

    @property
    def can_approve(self) -> bool:
        return may(self.role, Permission.APPROVE)

    # -- rooms ---------------------------------------------------------------------------------------------

    def rooms(self, *, include_inactive: bool = False) -> list[RoomRow]:
        """By floor and name."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return room_list.list_rooms(uow, self.site_code, include_inactive=include_inactive)

    def room(self, room_id: int) -> RoomRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return room_list.room_row(uow, room_id)

    def add_room(self, form: RoomForm) -> RoomRow:
        """ValidationFailed (every field at once), Conflict (a room of this name on the site)."""
        with self.database.unit_of_work(self.actor) as uow:
            return room_list.add_room(uow, self.site_code, form)

    def edit_room(self, room_id: int, form: RoomForm) -> RoomRow:
        """A new cleaning buffer moves the ``busy_until`` of the room's future bookings."""
        with self.database.unit_of_work(self.actor) as uow:
            return room_list.edit_room(uow, room_id, form)

    def room_id_for(self, ref: str) -> int:
        """The room with this id or name (``#12``: the id); NotFound, or Conflict when a number is one room's id
        and another's name: ``kioskctl bookings --room``."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return room_list.room_id_for(uow, self.site_code, ref)

    def free_rooms(self, starts_at: datetime, ends_at: datetime, attendee_count: int,
                   equipment: frozenset[Equipment] = frozenset(), *, exclude_booking_id: int | None = None,
                   ) -> list[RoomOffer]:
        """Active, in-order rooms free for the whole slot (buffers included) that seat the attendees and
        have the equipment; the smallest fitting room first."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return room_list.free_rooms(uow, self.site_code, starts_at, ends_at, attendee_count, equipment,
                                        exclude_booking_id=exclude_booking_id)

    # -- bookings ------------------------------------------------------------------------------------------

    def organiser_id_for(self, email: str) -> int:
        """The active host with this e-mail (NotFound): ``kioskctl bookings add --organiser``."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return bookings.organiser_id_for(uow, email)

    def check(self, form: BookingForm, *, exclude_booking_id: int | None = None) -> None:
        """BookingRefused when ``book`` would refuse the form, nothing written: the form's live check (≤10 ms).
        A company booking over department bookings is not refused (it would displace them)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            bookings.check(uow, self.site_code, form, can_approve=self.can_approve, notice_days=self.notice_days,
                           exclude_booking_id=exclude_booking_id)

    def book(self, form: BookingForm) -> BookingMade:
        """Book (BookingRefused with one reason; ValidationFailed for bad fields). A company booking
        displaces the department bookings in its slot: each organiser told, with free rooms that fit.
        The preparation checklist is made, the organiser and host attendees get a calendar invitation."""
        with self.database.unit_of_work(self.actor) as uow:
            return bookings.book(uow, self.site_code, form, can_approve=self.can_approve,
                                 notice_days=self.notice_days)

    def book_weekly(self, form: BookingForm, until: date) -> SeriesMade:
        """The form's slot every week up to ``until`` (inclusive, at most a year): the free dates booked,
        the others listed with their reason."""
        with self.database.unit_of_work(self.actor) as uow:
            return series.book_weekly(uow, self.site_code, form, until, can_approve=self.can_approve,
                                      notice_days=self.notice_days)

    def edit(self, booking_id: int, version: int, form: BookingForm) -> BookingMade:
        """Change a live booking (the same checks as ``book``, itself not in the way); the calendar
        invitation is sent again with the same UID and a higher sequence. Conflict (``stale_version``)."""
        with self.database.unit_of_work(self.actor) as uow:
            return bookings.edit(uow, booking_id, version, form, can_approve=self.can_approve,
                                 notice_days=self.notice_days)

    def cancel(self, booking_id: int, reason: str = "") -> BookingRow:
        """The organiser and every attendee with an address told (the calendar entry cancelled)."""
        with self.database.unit_of_work(self.actor) as uow:
            return bookings.cancel(uow, booking_id, reason=reason)

    def cancel_series(self, series_id: str, from_day: date | None = None) -> list[BookingRow]:
        """Every live booking of the series from ``from_day`` (default: today) on."""
        with self.database.unit_of_work(self.actor) as uow:
            return series.cancel_series(uow, series_id, from_day=from_day)

    def confirm(self, booking_id: int) -> BookingRow:
        """The organiser is there (confirmed at the desk): the booking is not released."""
        with self.database.unit_of_work(self.actor) as uow:
            return bookings.confirm(uow, booking_id)

    def bookings(self, *, day: date | None = None, room_id: int | None = None,
                 statuses: frozenset[BookingStatus] = frozenset()) -> list[BookingRow]:
        """By start; ``day`` is a site-local date (None: from today on, at most 500)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return bookings.list_bookings(uow, self.site_code, day=day, room_id=room_id, statuses=statuses)

    def booking(self, booking_id: int) -> BookingDetail:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return bookings.booking_detail(uow, booking_id)

    def add_attendee(self, booking_id: int, attendee: AttendeeForm) -> BookingDetail:
        """A host, an invited visit (the invitation then names the room) or a name."""
        with self.database.unit_of_work(self.actor) as uow:
            return bookings.add_attendee(uow, booking_id, attendee)

    # -- the day board -------------------------------------------------------------------------------------

    def day_board(self, day: date | None = None) -> DayBoard:
        """Every active room's bookings that day and its state now (≤50 ms p95 for 200 rooms)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return board.day_board(uow, self.site_code, day, opens=self.opens, closes=self.closes)

    # -- preparation ---------------------------------------------------------------------------------------

    def checklist(self, booking_id: int, phase: ChecklistPhase | None = None) -> list[ChecklistLine]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return checklists.checklist(uow, booking_id, phase)

    def tick(self, item_id: int, *, done: bool = True, note: str = "") -> ChecklistLine:
        """Ticked (or unticked) by the person signed in, now."""
        with self.database.unit_of_work(self.actor) as uow:
            return checklists.tick(uow, item_id, done=done, note=note)

    def unprepared_soon(self) -> list[BookingRow]:
        """Live bookings starting within ``prepare_alert_minutes`` (or started) whose preparation is not done."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return checklists.unprepared_soon(uow, self.site_code, self.prepare_alert_minutes)

    # -- after use -----------------------------------------------------------------------------------------

    def inspect(self, form: InspectionForm) -> BookingRow:
        """Record the after-use check: the booking DONE, consumables issued from the supplies ledger, damage
        reported (the room out of order), the organiser sent the summary."""
        with self.database.unit_of_work(self.actor) as uow:
            return inspection.inspect(uow, form)

    def report_damage(self, form: DamageForm) -> DamageRow:
        """The room is out of order until the repair is recorded; the supervisors told."""
        with self.database.unit_of_work(self.actor) as uow:
            return inspection.report_damage(uow, form)

    def record_repair(self, report_id: int, note: str) -> DamageRow:
        with self.database.unit_of_work(self.actor) as uow:
            return inspection.record_repair(uow, report_id, note)

    def damage_reports(self, *, open_only: bool = True) -> list[DamageRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return inspection.damage_reports(uow, self.site_code, open_only=open_only)

    def damage_photo(self, report_id: int) -> bytes | None:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return inspection.damage_photo(uow, report_id)

    # -- reports -------------------------------------------------------------------------------------------

    def report(self, date_from: date, date_to: date) -> RoomReport:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return reports.room_report(uow, self.site_code, date_from, date_to, opens=self.opens,
                                       closes=self.closes)

    def export_report(self, date_from: date, date_to: date, path: Path, *, language: str = "zh_CN") -> int:
        """CSV or XLSX by the file's suffix; returns the rooms written."""
        return reports.write_room_report(self.report(date_from, date_to), Path(path), language=language)
