"""Weekly bookings: the same room, weekday and local times every week up to a date, and cancelling a series
from a day on.

Each date of a series is a booking of its own (sharing ``series_id``), so one date can move or go without
the others. A date that cannot be booked (taken, the notice period, ...) is listed with its reason and
nothing is booked for it; the other dates are booked, all in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from uuid import uuid4

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models.rooms import Booking
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, NotFound, ValidationFailed
from kiosk.services.rooms import bookings
from kiosk.services.rooms.booking_checks import assess
from kiosk.services.rooms.booking_form import validated
from kiosk.services.rooms.booking_rows import booking_rows, site_of
from kiosk.services.rooms.records import (
    BookingForm,
    BookingRefused,
    BookingRow,
    Displacement,
    SeriesConflict,
    SeriesMade,
)
from kiosk.services.rooms.rooms import LIVE_STATUSES

__all__ = ["SERIES_MAX_DAYS", "book_weekly", "cancel_series"]

SERIES_MAX_DAYS = 366


def _dates(site: SiteInfo, form: BookingForm, until: date) -> list[BookingForm]:
    """The form moved to each week's date, at the same site-local times."""
    start, end = form.starts_at.astimezone(site.zone), form.ends_at.astimezone(site.zone)
    nights = (end.date() - start.date()).days  # a meeting across midnight keeps ending the next day
    weeks = (until - start.date()).days // 7
    forms = []
    for week in range(weeks + 1):
        day = start.date() + timedelta(weeks=week)
        forms.append(replace(form, starts_at=site.local_instant(day, start.time()),
                             ends_at=site.local_instant(day + timedelta(days=nights), end.time())))
    return forms


def _checked_until(uow: UnitOfWork, site: SiteInfo, form: BookingForm, until: date) -> None:
    """The form's fields and ``until`` (from the first date to a year after it), every error at once."""
    errors: list[FieldError] = []
    try:
        validated(uow, site.code, form, lock=True)
    except ValidationFailed as failed:
        errors = list(failed.errors)
    times_ok = not any(e.field in ("starts_at", "ends_at") for e in errors)
    if times_ok:
        first = site.local_date(form.starts_at)
        if not isinstance(until, date) or not first <= until <= first + timedelta(days=SERIES_MAX_DAYS):
            errors.append(FieldError("until", "out_of_range", f"a weekly series runs from its first date "
                                     f"{first:%Y-%m-%d} to at most {SERIES_MAX_DAYS} days later"))
    if errors:
        raise ValidationFailed(errors)


def book_weekly(uow: UnitOfWork, site_code: str, form: BookingForm, until: date, *, can_approve: bool,
                notice_days: int) -> SeriesMade:
    """The form's slot every 7 days up to ``until`` (inclusive): the free dates booked, the others listed."""
    site = get_site(uow, site_code)
    _checked_until(uow, site, form, until)
    series_id = uuid4().hex
    made: list[Booking] = []
    conflicts: list[SeriesConflict] = []
    displaced: list[Displacement] = []
    for weekly in _dates(site, form, until):
        day = site.local_date(weekly.starts_at)
        try:
            verdict = assess(uow, site.code, weekly, can_approve=can_approve, notice_days=notice_days, lock=True)
        except BookingRefused as refused:
            conflicts.append(SeriesConflict(day=day, reason=refused.reason, message=refused.message,
                                            conflicting_booking_id=refused.conflicting.booking_id
                                            if refused.conflicting is not None else None))
            continue
        booking, moved = bookings.make(uow, weekly, verdict, series_id=series_id)
        made.append(booking)
        displaced.extend(moved)
    rows = booking_rows(uow, made)
    uow.commit()
    return SeriesMade(series_id=series_id, made=tuple(rows), conflicts=tuple(conflicts), displaced=tuple(displaced))


def cancel_series(uow: UnitOfWork, series_id: str, from_day: date | None = None) -> list[BookingRow]:
    """Every live booking of the series starting on ``from_day`` (site-local; None: today) or later and not
    over yet (one that took place stays as it was), each cancelled as ``bookings.cancel`` does; the cancelled
    rows by start."""
    first = uow.session.scalars(select(Booking).where(Booking.series_id == series_id, Booking.series_id != "")
                                .order_by(Booking.id).limit(1)).first()
    if first is None:
        raise NotFound(f"no weekly series {series_id!r}")
    site = site_of(uow, first.site_id)
    day = from_day if from_day is not None else site.local_date(uow.now())
    found = list(uow.session.scalars(select(Booking).where(
        Booking.series_id == series_id, Booking.status.in_(LIVE_STATUSES),
        Booking.starts_at >= site.local_instant(day, time(0)), Booking.ends_at > uow.now(),
    ).order_by(Booking.id).with_for_update().execution_options(populate_existing=True)))
    for booking in found:
        bookings.cancel_booking(uow, booking, "")
    found.sort(key=lambda b: (b.starts_at, b.id))
    rows = booking_rows(uow, found)
    uow.commit()
    return rows
