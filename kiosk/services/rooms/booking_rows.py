"""Bookings as the desk reads them: rows for its tables (with the preparation ticked so far), a day's or the
coming bookings, and one booking in full (attendees, checklist, damage found, calendar fields)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus, ChecklistKey, ChecklistPhase
from kiosk.models import Host, Site, Visit
from kiosk.models.rooms import Booking, BookingAttendee, ChecklistItem, DamageReport, Room
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import NotFound
from kiosk.services.rooms.records import AttendeeRow, BookingDetail, BookingRow, ChecklistLine, DamageRow
from kiosk.services.rooms.rooms import MAX_SPAN, equipment_of

__all__ = [
    "LIST_MAX", "booking_detail", "booking_row", "booking_rows", "list_bookings", "row_of", "site_of",
]

LIST_MAX = 500  # the coming bookings (no day given)


def site_of(uow: UnitOfWork, site_id: int) -> SiteInfo:
    site = uow.session.get(Site, site_id)
    if site is None:
        raise NotFound(f"no site {site_id}")
    return SiteInfo(id=site.id, code=site.code, name=site.name, timezone=site.timezone)


def _prepare_counts(uow: UnitOfWork, booking_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """booking id -> (lines ticked, lines in all) of its preparation checklist."""
    if not booking_ids:
        return {}
    rows = uow.session.execute(
        select(ChecklistItem.booking_id, func.count(ChecklistItem.done_at), func.count(ChecklistItem.id))
        .where(ChecklistItem.booking_id.in_(booking_ids), ChecklistItem.phase == ChecklistPhase.PREPARE.value)
        .group_by(ChecklistItem.booking_id))
    return {booking_id: (done, total) for booking_id, done, total in rows}


def row_of(booking: Booking, prepared: int, to_prepare: int) -> BookingRow:
    """The row of a booking whose preparation lines are counted already (ticked, in all)."""
    return BookingRow(
        booking_id=booking.id, room_id=booking.room_id, room_name=booking.room.name, floor=booking.room.floor,
        status=booking.status, level=booking.level, organiser_host_id=booking.organiser_host_id,
        organiser_name=booking.organiser.name, organiser_email=booking.organiser.email,
        department=booking.department.name if booking.department is not None else "", topic=booking.topic,
        attendee_count=booking.attendee_count, starts_at=booking.starts_at, ends_at=booking.ends_at,
        busy_until=booking.busy_until, ad_hoc=booking.ad_hoc, series_id=booking.series_id,
        confirmed_at=booking.confirmed_at, prepared=prepared, to_prepare=to_prepare, version=booking.version,
    )


def booking_rows(uow: UnitOfWork, bookings: Sequence[Booking]) -> list[BookingRow]:
    counts = _prepare_counts(uow, [b.id for b in bookings])
    return [row_of(b, *counts.get(b.id, (0, 0))) for b in bookings]


def booking_row(uow: UnitOfWork, booking: Booking) -> BookingRow:
    return booking_rows(uow, [booking])[0]


def list_bookings(uow: UnitOfWork, site_code: str, *, day: date | None = None, room_id: int | None = None,
                  statuses: frozenset[BookingStatus] = frozenset()) -> list[BookingRow]:
    """By start. ``day`` (site-local): the bookings overlapping it; None: those starting from the start of
    today on, at most ``LIST_MAX``. ``statuses`` empty: every status."""
    site = get_site(uow, site_code)
    query = select(Booking).where(Booking.site_id == site.id)
    if day is not None:
        start, end = _day_bounds(site, day)
        # The lower bound on starts_at keeps the scan on the (site_id, starts_at) index.
        query = query.where(Booking.starts_at < end, Booking.starts_at > start - MAX_SPAN, Booking.ends_at > start)
    else:
        start, _ = _day_bounds(site, site.local_date(uow.now()))
        query = query.where(Booking.starts_at >= start).limit(LIST_MAX)
    if room_id is not None:
        query = query.where(Booking.room_id == room_id)
    if statuses:
        query = query.where(Booking.status.in_(statuses))
    query = query.order_by(Booking.starts_at, Booking.id).options(
        joinedload(Booking.room), joinedload(Booking.organiser), joinedload(Booking.department))
    return booking_rows(uow, list(uow.session.scalars(query)))


def _day_bounds(site: SiteInfo, day: date) -> tuple[datetime, datetime]:
    return site.local_instant(day, time(0)), site.local_instant(day + timedelta(days=1), time(0))


def _attendees(uow: UnitOfWork, booking_id: int) -> tuple[AttendeeRow, ...]:
    rows = list(uow.session.scalars(select(BookingAttendee).where(BookingAttendee.booking_id == booking_id)
                                    .order_by(BookingAttendee.id)))
    host_ids = {r.host_id for r in rows if r.host_id is not None}
    visit_ids = {r.visit_id for r in rows if r.visit_id is not None}
    hosts = {h.id: (h.name, h.email) for h in uow.session.scalars(select(Host).where(Host.id.in_(host_ids)))}
    visits = {v.id: (v.visitor.name, v.visitor.email or "") for v in uow.session.scalars(
        select(Visit).where(Visit.id.in_(visit_ids)).options(joinedload(Visit.visitor)))}

    def who(row: BookingAttendee) -> tuple[str, str]:
        if row.host_id is not None:
            return hosts.get(row.host_id, (row.name, ""))
        if row.visit_id is not None:
            return visits.get(row.visit_id, (row.name, ""))
        return row.name, ""

    return tuple(AttendeeRow(attendee_id=r.id, name=who(r)[0], email=who(r)[1], host_id=r.host_id,
                             visit_id=r.visit_id) for r in rows)


def _checklist(uow: UnitOfWork, booking_id: int) -> tuple[ChecklistLine, ...]:
    items = uow.session.scalars(select(ChecklistItem).where(ChecklistItem.booking_id == booking_id).order_by(
        case((ChecklistItem.phase == ChecklistPhase.PREPARE.value, 0), else_=1), ChecklistItem.id))
    return tuple(ChecklistLine(item_id=i.id, booking_id=i.booking_id, phase=ChecklistPhase(i.phase),
                               key=ChecklistKey(i.key), quantity=i.quantity, done_at=i.done_at, done_by=i.done_by,
                               note=i.note) for i in items)


def _damage(uow: UnitOfWork, booking_id: int) -> tuple[DamageRow, ...]:
    rows = uow.session.execute(
        select(DamageReport.id, DamageReport.room_id, Room.name, DamageReport.what,
               DamageReport.photo_jpeg.is_not(None), DamageReport.reported_at, DamageReport.reported_by,
               DamageReport.repaired_at, DamageReport.repaired_by, DamageReport.repair_note)
        .join(Room, Room.id == DamageReport.room_id).where(DamageReport.booking_id == booking_id)
        .order_by(DamageReport.id))
    return tuple(DamageRow(report_id=report_id, room_id=room_id, room_name=name, booking_id=booking_id, what=what,
                           has_photo=bool(photo), reported_at=reported_at, reported_by=reported_by,
                           repaired_at=repaired_at, repaired_by=repaired_by, repair_note=note)
                 for report_id, room_id, name, what, photo, reported_at, reported_by, repaired_at, repaired_by, note
                 in rows)


def booking_detail(uow: UnitOfWork, booking_id: int) -> BookingDetail:
    booking = uow.session.get(Booking, booking_id)
    if booking is None:
        raise NotFound(f"no booking {booking_id}")
    return BookingDetail(
        row=booking_row(uow, booking), equipment_needed=equipment_of(booking.equipment_needed),
        catering=booking.catering, print_material=booking.print_material,
        attendees=_attendees(uow, booking.id), checklist=_checklist(uow, booking.id),
        damage=_damage(uow, booking.id), displaced_by_booking_id=booking.displaced_by_booking_id,
        ical_uid=booking.ical_uid, ical_sequence=booking.ical_sequence, created_at=booking.created_at,
        created_by=booking.created_by,
    )
