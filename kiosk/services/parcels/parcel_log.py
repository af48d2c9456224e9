"""The parcel log: ids sorted in SQL for a query, rows for the ids on screen, one parcel in detail.

Follows the visitor log (``services/visits/visit_log.py``) and the desk's lazy table
(``ui/desk/lazy_table.py``): ``parcel_ids`` gives every matching id in order, ``parcel_rows`` the
rows of the ids asked for (in that order; ids purged since are left out). "Overdue" and "days
waiting" count calendar days in the site's timezone, like the unclaimed rules.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.parcels import ParcelCondition, ParcelStatus, RecipientKind
from kiosk.models import AuditEvent, Host, Site
from kiosk.models.org import Department
from kiosk.models.parcels import Parcel, ParcelPhoto, ParcelSignature
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import NotFound
from kiosk.services.parcels.carriers import normalise_tracking
from kiosk.services.parcels.records import ParcelDetail, ParcelQuery, ParcelRow, ParcelSort
from kiosk.services.text import search_key

_ROWS_PER_QUERY = 500
_PROBLEM_CONDITIONS = (ParcelCondition.DAMAGED, ParcelCondition.WET)


def day_starts(zone: ZoneInfo, day: date) -> datetime:
    """The instant a site-local calendar day begins (UTC-comparable)."""
    return datetime.combine(day, time(0), tzinfo=zone)


def received_before_cutoff(zone: ZoneInfo, now: datetime, days: int) -> datetime:
    """Parcels received before this instant have waited at least ``days`` calendar days today."""
    today = now.astimezone(zone).date()
    return day_starts(zone, today - timedelta(days=days - 1))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# A tracking number as people type or scan it: letters and digits, at least four digits among them.
_TRACKING_SHAPE = re.compile(r"(?=(?:[A-Z]*\d){4})[A-Z0-9]{4,64}")


def _tracking_prefix(uow: UnitOfWork, number: str) -> Any:
    if uow.dialect == "sqlite":
        # SQLite's LIKE ignores the index; a range in its binary order uses it (numbers are ASCII upper-case).
        # As a subquery of ids: beside ``site_id = ?`` the planner (no statistics) would walk the site's index.
        matching = select(Parcel.id).where(Parcel.tracking_no >= number, Parcel.tracking_no < number + "\x7f")
        return Parcel.id.in_(matching)
    # PostgreSQL: the index is built with text_pattern_ops, which serves a LIKE prefix whatever the collation.
    return Parcel.tracking_no.like(f"{_like_escape(number)}%", escape="\\")


def _conditions(uow: UnitOfWork, site_id: int, zone: ZoneInfo, query: ParcelQuery, reminder_days: int) -> list[Any]:
    where: list[Any] = [Parcel.site_id == site_id]
    if query.statuses:
        where.append(Parcel.status.in_(sorted(query.statuses)))
    if query.overdue_only:
        where += [Parcel.status == ParcelStatus.WAITING,
                  Parcel.received_at < received_before_cutoff(zone, uow.now(), reminder_days)]
    if query.damaged_only:
        where.append(Parcel.condition.in_(_PROBLEM_CONDITIONS))
    if query.cod_unpaid_only:
        where += [Parcel.cod_cents > 0, Parcel.cod_reimbursed.is_(False)]
    if query.received_from is not None:
        where.append(Parcel.received_at >= day_starts(zone, query.received_from))
    if query.received_to is not None:
        where.append(Parcel.received_at < day_starts(zone, query.received_to + timedelta(days=1)))
    if query.host_id is not None:
        where.append(Parcel.host_id == query.host_id)
    text = query.text.strip()
    if text:
        number = normalise_tracking(text)
        if _TRACKING_SHAPE.fullmatch(number):
            # Typed or scanned tracking numbers: one indexed prefix lookup. Mixed into the name matches'
            # OR it made the planner read every row (0.6-1 s at 200,000 parcels).
            where.append(_tracking_prefix(uow, number))
        else:
            key = _like_escape(search_key(text))
            plain = _like_escape(text.lower())
            matches = [
                Host.name_key.like(f"%{key}%", escape="\\") if key else None,
                Host.pinyin.like(f"{key}%", escape="\\") if key else None,
                func.lower(Department.name).like(f"%{plain}%", escape="\\"),
                func.lower(Parcel.sender_name).like(f"%{plain}%", escape="\\"),
                func.lower(Parcel.sender_company).like(f"%{plain}%", escape="\\"),
            ]
            where.append(or_(*[m for m in matches if m is not None]))
    return where


def _sort_keys(sort: ParcelSort) -> list[Any]:
    if sort is ParcelSort.RECEIVED_ASC:
        return [Parcel.received_at.asc(), Parcel.id.asc()]
    if sort is ParcelSort.RECIPIENT:
        return [func.coalesce(Host.name, Department.name, "").asc(), Parcel.received_at.desc(), Parcel.id.desc()]
    if sort is ParcelSort.STATUS:
        return [Parcel.status.asc(), Parcel.received_at.desc(), Parcel.id.desc()]
    return [Parcel.received_at.desc(), Parcel.id.desc()]


def _joined(statement: Any) -> Any:
    # A department recipient's name, or a host's department: one outer join answers both.
    return (statement.outerjoin(Host, Host.id == Parcel.host_id)
            .outerjoin(Department, Department.id == func.coalesce(Parcel.department_id, Host.department_id)))


def parcel_ids(uow: UnitOfWork, site_code: str, query: ParcelQuery, *, reminder_days: int,
               limit: int | None = None) -> array[int]:
    """The ids of the site's parcels matching ``query``, in its order; the first ``limit`` only if given."""
    site = get_site(uow, site_code)
    statement = _joined(select(Parcel.id)).where(
        *_conditions(uow, site.id, site.zone, query, reminder_days)).order_by(*_sort_keys(query.sort))
    if limit is not None:
        statement = statement.limit(limit)
    return array("q", uow.session.scalars(statement))


def _row(parcel: Parcel, host: Host | None, department: Department | None, zone: ZoneInfo, now: datetime,
         reminder_days: int) -> ParcelRow:
    if parcel.recipient_kind is RecipientKind.HOST:
        name = host.name if host else ""
    else:
        name = department.name if department and parcel.recipient_kind is RecipientKind.DEPARTMENT else ""
    days = 0
    if parcel.received_at is not None:
        days = max(0, (now.astimezone(zone).date() - parcel.received_at.astimezone(zone).date()).days)
    waiting = parcel.status is ParcelStatus.WAITING
    return ParcelRow(
        parcel_id=parcel.id, status=parcel.status, tracking_no=parcel.tracking_no, carrier_code=parcel.carrier_code,
        recipient_kind=parcel.recipient_kind, recipient_name=name,
        department=department.name if department else "", shelf=parcel.shelf, pieces=parcel.pieces,
        condition=parcel.condition, cod_cents=parcel.cod_cents, cod_reimbursed=parcel.cod_reimbursed,
        received_at=parcel.received_at, days_waiting=days if waiting else 0,
        overdue=waiting and days >= reminder_days, picked_up_at=parcel.picked_up_at,
        picked_up_by=parcel.picked_up_by, version=parcel.version,
    )


def parcel_rows(uow: UnitOfWork, ids: Sequence[int], *, reminder_days: int) -> list[ParcelRow]:
    """The rows for ``ids``, in that order; ids of parcels since purged are left out."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, ParcelRow] = {}
    zones: dict[int, ZoneInfo] = {}
    now = uow.now()
    for start in range(0, len(wanted), _ROWS_PER_QUERY):
        chunk = wanted[start:start + _ROWS_PER_QUERY]
        statement = _joined(select(Parcel, Host, Department, Site.timezone)).join(Site, Site.id == Parcel.site_id)
        for parcel, host, department, timezone in uow.session.execute(statement.where(Parcel.id.in_(chunk))):
            zone = zones.setdefault(parcel.site_id, ZoneInfo(timezone))
            found[parcel.id] = _row(parcel, host, department, zone, now, reminder_days)
    return [found[i] for i in wanted if i in found]


def parcel_row(uow: UnitOfWork, parcel_id: int, *, reminder_days: int) -> ParcelRow:
    rows = parcel_rows(uow, [parcel_id], reminder_days=reminder_days)
    if not rows:
        raise NotFound(f"no parcel with id {parcel_id}")
    return rows[0]


def parcel_detail(uow: UnitOfWork, parcel_id: int, *, reminder_days: int) -> ParcelDetail:
    row = parcel_row(uow, parcel_id, reminder_days=reminder_days)
    parcel = uow.session.get(Parcel, parcel_id)
    assert parcel is not None
    photo = uow.session.scalar(
        select(ParcelPhoto.jpeg).where(ParcelPhoto.parcel_id == parcel_id).order_by(ParcelPhoto.id).limit(1))
    signatures = uow.session.execute(
        select(ParcelSignature.signer_name, ParcelSignature.png)
        .where(ParcelSignature.parcel_id == parcel_id).order_by(ParcelSignature.id)).all()
    history = uow.session.execute(
        select(AuditEvent.at, AuditEvent.actor, AuditEvent.action)
        .where(and_(AuditEvent.entity == "parcel", AuditEvent.entity_id == parcel_id))
        .order_by(AuditEvent.at, AuditEvent.id)).all()
    return ParcelDetail(
        row=row, sender_name=parcel.sender_name, sender_company=parcel.sender_company,
        cod_paid_by=parcel.cod_paid_by, condition_note=parcel.condition_note, photo_jpeg=photo,
        signatures=[(name, png) for name, png in signatures], on_behalf_of=parcel.on_behalf_of,
        proxy_phone=parcel.proxy_phone, identity_checked=parcel.identity_checked,
        handed_over_by=parcel.handed_over_by, reminded_at=parcel.reminded_at, returned_at=parcel.returned_at,
        return_receipt=parcel.return_receipt, history=[(at, actor, action) for at, actor, action in history],
    )
