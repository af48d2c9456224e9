"""After a meeting: the after-use check, damage reports and repairs.

The inspection ticks the after-use lines, issues the consumables the meeting used from the supplies ledger
(to the booking's department), records damage found and closes the booking (DONE); the organiser is sent
the summary. Damage is recorded and reported, never repaired on the spot: a room with an open report is
out of order (bookings refused, the board says so) until the repair is recorded.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus, ChecklistKey, ChecklistPhase
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.models.org import Site
from kiosk.models.rooms import Booking, ChecklistItem, DamageReport, Room
from kiosk.services import audit
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.rooms import bookings, notices
from kiosk.services.rooms.checklists import INSPECT_KEYS
from kiosk.services.rooms.records import BookingRow, DamageForm, DamageRow, InspectionForm
from kiosk.services.supplies import ledger
from kiosk.services.text import clean_text, raise_if_any

__all__ = ["PHOTO_MAX_BYTES", "damage_photo", "damage_reports", "inspect", "record_repair", "report_damage"]

TEXT_MAX = 500
PHOTO_MAX_BYTES = 8 * 1024 * 1024
JPEG_START = b"\xff\xd8\xff"


# -- damage --------------------------------------------------------------------------------------------------

def _checked_damage(form: DamageForm, errors: list[FieldError]) -> str:
    what = clean_text(form.what, "what", max_len=TEXT_MAX, required=True, allow_newlines=True, errors=errors)
    photo = form.photo_jpeg
    if photo is not None:
        if len(photo) > PHOTO_MAX_BYTES:
            errors.append(FieldError("photo", "too_large", "a photo is at most 8 MB"))
        elif not photo.startswith(JPEG_START):
            errors.append(FieldError("photo", "not_jpeg", "the photo is not a JPEG image"))
    return what


def _new_report(uow: UnitOfWork, form: DamageForm, room: Room, what: str) -> DamageReport:
    """The report saved (not committed), the supervisors told: the room is out of order from today."""
    site = uow.session.get(Site, room.site_id)
    assert site is not None  # the foreign key
    now = uow.now()
    report = DamageReport(room_id=room.id, booking_id=form.booking_id, what=what, photo_jpeg=form.photo_jpeg or None,
                          reported_at=now, reported_by=uow.actor, repaired_at=None, repaired_by="", repair_note="",
                          out_of_order_from=now.astimezone(ZoneInfo(site.timezone)).date())
    uow.session.add(report)
    uow.session.flush()
    notices.damage_reported(uow, report)
    audit.record(uow, "room.damage_reported", "room", room.id,
                 after={"damage_report_id": report.id, "booking_id": form.booking_id,
                        "photo": form.photo_jpeg is not None})
    return report


def report_damage(uow: UnitOfWork, form: DamageForm) -> DamageRow:
    """Record damage found in a room (``what`` required, a JPEG photo up to 8 MB): out of order until repaired."""
    errors: list[FieldError] = []
    what = _checked_damage(form, errors)
    room = uow.session.get(Room, form.room_id)
    if room is None:
        raise NotFound(f"no room {form.room_id}")
    if form.booking_id is not None:
        booking = uow.session.get(Booking, form.booking_id)
        if booking is None or booking.room_id != room.id:
            errors.append(FieldError("booking", "other_room", f"booking {form.booking_id} is not in {room.name}"))
    raise_if_any(errors)
    report = _new_report(uow, form, room, what)
    uow.commit()
    return _damage_row(uow, report.id)


def record_repair(uow: UnitOfWork, report_id: int, note: str) -> DamageRow:
    """The repair done (what was done, required): the room is back in order unless another report is open."""
    cleaned = clean_text(note, "note", max_len=TEXT_MAX, required=True, allow_newlines=True)
    report = uow.session.scalars(select(DamageReport).where(DamageReport.id == report_id).with_for_update()
                                 .execution_options(populate_existing=True)).one_or_none()
    if report is None:
        raise NotFound(f"no damage report {report_id}")
    if report.repaired_at is not None:
        raise Conflict(f"damage report {report_id} was already repaired ({report.repaired_by})")
    report.repaired_at, report.repaired_by, report.repair_note = uow.now(), uow.actor, cleaned
    audit.record(uow, "room.repaired", "room", report.room_id, before={"damage_report_id": report.id, "open": True},
                 after={"damage_report_id": report.id, "open": False})
    uow.commit()
    return _damage_row(uow, report.id)


def _row_query() -> Select[*tuple[Any, ...]]:
    # Every column but the photo itself (up to 8 MB a row): whether there is one is enough for a list.
    return (select(DamageReport.id, DamageReport.room_id, Room.name, DamageReport.booking_id, DamageReport.what,
                   DamageReport.photo_jpeg.is_not(None), DamageReport.reported_at, DamageReport.reported_by,
                   DamageReport.repaired_at, DamageReport.repaired_by, DamageReport.repair_note)
            .join(Room, Room.id == DamageReport.room_id))


def _damage_rows(uow: UnitOfWork, query: Select[*tuple[Any, ...]]) -> list[DamageRow]:
    return [DamageRow(report_id=r[0], room_id=r[1], room_name=r[2], booking_id=r[3], what=r[4], has_photo=bool(r[5]),
                      reported_at=r[6], reported_by=r[7], repaired_at=r[8], repaired_by=r[9], repair_note=r[10])
            for r in uow.session.execute(query)]


def _damage_row(uow: UnitOfWork, report_id: int) -> DamageRow:
    return _damage_rows(uow, _row_query().where(DamageReport.id == report_id))[0]


def damage_reports(uow: UnitOfWork, site_code: str, open_only: bool = True) -> list[DamageRow]:
    """The site's damage reports, newest first (by default only those waiting for their repair)."""
    site = get_site(uow, site_code)
    query = _row_query().where(Room.site_id == site.id)
    if open_only:
        query = query.where(DamageReport.repaired_at.is_(None))
    return _damage_rows(uow, query.order_by(DamageReport.reported_at.desc(), DamageReport.id.desc()))


def damage_photo(uow: UnitOfWork, report_id: int) -> bytes | None:
    found = uow.session.execute(select(DamageReport.photo_jpeg).where(DamageReport.id == report_id)).one_or_none()
    if found is None:
        raise NotFound(f"no damage report {report_id}")
    return found[0]


# -- the after-use check -------------------------------------------------------------------------------------

def _check_form(form: InspectionForm, errors: list[FieldError]) -> str:
    note = clean_text(form.note, "note", max_len=TEXT_MAX, allow_newlines=True, errors=errors)
    not_after_use = sorted(key.value for key in form.ticked if key not in INSPECT_KEYS)
    if not_after_use:
        errors.append(FieldError("ticked", "not_inspect", f"not after-use lines: {', '.join(not_after_use)}"))
    for item_id, quantity in form.consumables:
        if not isinstance(quantity, int) or quantity < 0:
            errors.append(FieldError("consumables", "out_of_range", f"item {item_id}: a quantity is 0 or more"))
    return note


def _tick_after_use(uow: UnitOfWork, booking: Booking, ticked: frozenset[ChecklistKey]) -> None:
    lines = {ChecklistKey(item.key): item for item in uow.session.scalars(
        select(ChecklistItem).where(ChecklistItem.booking_id == booking.id,
                                    ChecklistItem.phase == ChecklistPhase.INSPECT.value))}
    for key in INSPECT_KEYS:
        if key not in ticked:
            continue
        item = lines.get(key)
        if item is None:  # a booking made before its list was: the line as it is done
            item = ChecklistItem(booking_id=booking.id, phase=ChecklistPhase.INSPECT.value, key=key.value,
                                 quantity=None, done_by="", note="")
            uow.session.add(item)
        if item.done_at is None:
            item.done_at, item.done_by = uow.now(), uow.actor


def inspect(uow: UnitOfWork, form: InspectionForm) -> BookingRow:
    """The after-use check of a meeting that has started: lines ticked, consumables issued from the supplies
    ledger (a shortage refuses the whole check), damage reported, the booking DONE, the organiser told."""
    booking = uow.session.scalars(select(Booking).where(Booking.id == form.booking_id).with_for_update()
                                  .execution_options(populate_existing=True)).one_or_none()
    if booking is None:
        raise NotFound(f"no booking {form.booking_id}")
    if booking.status not in bookings.live_statuses():
        raise Conflict(f"booking #{booking.id} is {booking.status.value}: only a booked or confirmed meeting "
                       "is inspected")
    if booking.starts_at > uow.now():
        raise Conflict(f"booking #{booking.id} has not started yet")
    errors: list[FieldError] = []
    note = _check_form(form, errors)
    damage = replace(form.damage, room_id=booking.room_id, booking_id=booking.id) if form.damage else None
    what = _checked_damage(damage, errors) if damage else ""
    if errors:
        raise ValidationFailed(errors)

    room = booking.room
    for item_id, quantity in form.consumables:
        if quantity > 0:  # a StockShortError leaves the whole check unsaved
            ledger.post(uow, item_id, MovementKind.ISSUED, -quantity, reason=f"meeting #{booking.id} {room.name}",
                        document_kind=DocumentKind.MEETING, document_id=booking.id,
                        department_id=booking.department_id)
    _tick_after_use(uow, booking, form.ticked)
    report = _new_report(uow, damage, room, what) if damage else None
    before = booking.status
    booking.status = BookingStatus.DONE
    booking.version += 1
    uow.session.flush()
    notices.inspected(uow, booking, damage=report, note=note)
    audit.record(uow, "booking.inspected", "booking", booking.id, before={"status": before.value},
                 after={"status": BookingStatus.DONE.value, "damage_report_id": report.id if report else None,
                        "consumables": [[item_id, quantity] for item_id, quantity in form.consumables if quantity]})
    uow.commit()
    return bookings.booking_row(uow, booking)
