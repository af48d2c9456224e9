"""The booking form's fields, every one checked at once (ValidationFailed lists each wrong field): the texts'
lengths, the times (aware, the end after the start), the attendee count and the attendees named (hosts active,
visits existing, no more than the count), the organiser (an active host), the department, the equipment and
the room (the site's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingLevel, Equipment
from kiosk.models import Department, Host, Site, Visit
from kiosk.models.rooms import DamageReport, Room
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.rooms.records import AttendeeForm, BookingForm
from kiosk.services.text import clean_text

__all__ = ["CleanForm", "checked_attendees", "validated"]

TEXT_MAX = 200
ATTENDEES_MAX = 100_000  # a typing slip guard; the room's capacity is the real limit


@dataclass(frozen=True)
class CleanForm:
    starts_at: datetime
    ends_at: datetime
    level: BookingLevel
    topic: str
    catering: str
    print_material: str
    department_id: int | None
    attendees: tuple[AttendeeForm, ...]  # names cleaned, each host or visit once
    equipment: frozenset[Equipment]



def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def checked_attendees(uow: UnitOfWork, attendees: Sequence[AttendeeForm],
                      errors: list[FieldError]) -> tuple[AttendeeForm, ...]:
    """Hosts active, visits existing, names cleaned (required without a host or visit); each host or visit once."""
    kept: list[AttendeeForm] = []
    seen: set[tuple[str, int]] = set()
    for number, attendee in enumerate(attendees, start=1):
        name = clean_text(attendee.name, "attendees", max_len=100,
                          required=attendee.host_id is None and attendee.visit_id is None, errors=errors)
        if attendee.host_id is not None:
            host = uow.session.get(Host, attendee.host_id)
            if host is None or not host.active:
                errors.append(FieldError("attendees", "unknown_host", f"attendee {number} is not an active host"))
            key = ("host", attendee.host_id)
        elif attendee.visit_id is not None:
            if uow.session.get(Visit, attendee.visit_id) is None:
                errors.append(FieldError("attendees", "unknown_visit",
                                         f"attendee {number}: no visit {attendee.visit_id}"))
            key = ("visit", attendee.visit_id)
        else:
            key = ("name", number)
        if key not in seen:
            seen.add(key)
            kept.append(AttendeeForm(host_id=attendee.host_id, visit_id=attendee.visit_id, name=name))
    return tuple(kept)


def _times(form: BookingForm, errors: list[FieldError]) -> tuple[datetime, datetime]:
    starts_at, ends_at = form.starts_at, form.ends_at
    if not isinstance(starts_at, datetime) or starts_at.tzinfo is None:
        errors.append(FieldError("starts_at", "no_timezone", "the start needs a date, a time and its time zone"))
    elif not isinstance(ends_at, datetime) or ends_at.tzinfo is None:
        errors.append(FieldError("ends_at", "no_timezone", "the end needs a date, a time and its time zone"))
    elif ends_at <= starts_at:
        errors.append(FieldError("ends_at", "before_start", "the meeting ends after it starts"))
    else:
        return starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    return datetime.min, datetime.min


def validated(uow: UnitOfWork, site_code: str, form: BookingForm, *,
              lock: bool) -> tuple[SiteInfo, CleanForm, Room, int | None]:
    """The site, the form cleaned, its room (locked when ``lock``) and the room's open damage report's id
    (ValidationFailed: every bad field)."""
    errors: list[FieldError] = []
    topic = clean_text(form.topic, "topic", max_len=TEXT_MAX, errors=errors)
    catering = clean_text(form.catering, "catering", max_len=TEXT_MAX, errors=errors)
    print_material = clean_text(form.print_material, "print_material", max_len=TEXT_MAX, errors=errors)
    starts_at, ends_at = _times(form, errors)
    level = BookingLevel.DEPARTMENT
    try:
        level = BookingLevel(form.level)
    except ValueError:
        errors.append(FieldError("level", "unknown_level", f"unknown level {form.level!r}"))
    count_ok = _whole(form.attendee_count, 1, ATTENDEES_MAX)
    if not count_ok:
        errors.append(FieldError("attendee_count", "out_of_range", "at least one attendee"))
    found = _look_up(uow, site_code, form.room_id, form.organiser_host_id, lock=lock)
    site, room, organiser = found.site, found.room, found.organiser
    if organiser is None or not organiser.active:
        errors.append(FieldError("organiser_host_id", "unknown_host", "the organiser is not an active host"))
    department_id = form.department_id if form.department_id is not None else (
        organiser.department_id if organiser is not None else None)
    if form.department_id is not None and uow.session.get(Department, form.department_id) is None:
        errors.append(FieldError("department_id", "unknown_department", f"no department {form.department_id}"))
    equipment: set[Equipment] = set()
    for item in form.equipment_needed:
        try:
            equipment.add(Equipment(item))
        except ValueError:
            errors.append(FieldError("equipment_needed", "unknown_equipment", f"unknown equipment {item!r}"))
    attendees = checked_attendees(uow, form.attendees, errors)
    if count_ok and len(attendees) > form.attendee_count:
        errors.append(FieldError("attendees", "too_many",
                                 f"{len(attendees)} attendees named, more than the {form.attendee_count} expected"))
    if room is None:
        errors.append(FieldError("room_id", "unknown_room", f"no room {form.room_id} on site {site.code}"))
    if errors:
        raise ValidationFailed(errors)
    assert room is not None
    return site, CleanForm(starts_at, ends_at, level, topic, catering, print_material, department_id, attendees,
                           frozenset(equipment)), room, found.damage_id


@dataclass(frozen=True)
class _Found:
    site: SiteInfo
    room: Room | None  # None: no such room on the site
    damage_id: int | None  # the room's first open damage report
    organiser: Host | None


def _look_up(uow: UnitOfWork, site_code: str, room_id: int, organiser_id: int, *, lock: bool) -> _Found:
    """The site, the room (when it is the site's), its open damage report and the organiser: one statement
    (a round trip counts on PostgreSQL: the booking form checks as the desk types)."""
    broken = (select(DamageReport.id).where(DamageReport.room_id == Room.id, DamageReport.repaired_at.is_(None))
              .order_by(DamageReport.id).limit(1).scalar_subquery())
    query = (select(Site, Room, broken, Host).join(Room, Room.site_id == Site.id)
             .outerjoin(Host, Host.id == organiser_id).where(Site.code == site_code, Room.id == room_id))
    if lock:
        # Locked before the conflict check (PostgreSQL; SQLite's write transaction is exclusive already): of
        # two desks booking the same slot, the second waits here, then sees the first's booking and is refused.
        query = query.with_for_update(of=Room).execution_options(populate_existing=True)
    found = uow.session.execute(query).one_or_none()
    if found is None:  # NotFound for an unknown site; the room is not the site's
        return _Found(get_site(uow, site_code), None, None, uow.session.get(Host, organiser_id))
    site, room, damage_id, organiser = found
    return _Found(SiteInfo(id=site.id, code=site.code, name=site.name, timezone=site.timezone), room, damage_id,
                  organiser)
