"""Parcels and supplies figures (rooms: ``kpi_rooms.py``).

* **Parcels notified within 10 minutes**: parcels received in the period (``received_at``; not cancelled)
  whose recipient was sent an arrival notice, and of those the ones whose first arrival notice went out
  (the outbox row's ``sent_at``, e-mail or chat, whichever was first) within 10 minutes of ``received_at``.
  A notice never sent is late. Parcels for reception (nobody to tell) are not counted. The notices are found
  by event and creation time (queued in the receiving transaction) and matched on their payload's parcel id.
* **Collected within 3 days**: of the parcels received in the period, those picked up within 72 hours of
  receipt; parcels still waiting and received less than 72 hours ago are not judged yet.
* **Returned at 7 days**: parcels received in the period that went back to the carrier unclaimed, of those
  received.
* **Supplies issued**: what the stock ledger issued to departments less what they gave back (ISSUED and
  RETURNED movements carrying a department) in the period, in value at the moving average cost the
  movements carried, and in units; per department for the table.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from kiosk.domain.kpis import (
    PARCEL_COLLECT_WITHIN,
    PARCEL_NOTIFY_WITHIN,
    DepartmentConsumption,
    Figure,
    Kpi,
    share,
)
from kiosk.domain.parcels import ParcelStatus
from kiosk.domain.supplies import MovementKind
from kiosk.models import Notification
from kiosk.models.org import Department
from kiosk.models.parcels import Parcel
from kiosk.models.supplies import StockMovement
from kiosk.services.reports.kpi_scope import Scope, seconds_between, to_int

ARRIVED = "parcel_arrived"  # services/parcels/notices.py
NOT_RECEIVED = (ParcelStatus.ANNOUNCED, ParcelStatus.CANCELLED)

__all__ = [
    "parcels_collected", "parcels_notified", "parcels_returned", "supplies_by_department", "supplies_issued",
]


def _received(scope: Scope) -> ColumnElement[bool]:
    return and_(Parcel.received_at >= scope.start, Parcel.received_at < scope.end, Parcel.site_id == scope.site.id,
                Parcel.status.not_in(NOT_RECEIVED))


def parcels_notified(scope: Scope) -> Figure:
    parcel_id = Notification.payload["parcel_id"].as_integer()
    first_sent = (
        select(parcel_id.label("parcel_id"), func.min(Notification.sent_at).label("sent_at"))
        .where(Notification.event == ARRIVED, Notification.created_at >= scope.start,
               # queued with the receipt; a day's margin for a clock that moved between the two
               Notification.created_at < scope.end + timedelta(days=1))
        .group_by(parcel_id).subquery())
    waited = seconds_between(scope, Parcel.received_at, first_sent.c.sent_at)
    in_time = and_(first_sent.c.sent_at.is_not(None), waited <= PARCEL_NOTIFY_WITHIN.total_seconds())
    total, good = scope.uow.session.execute(
        select(func.count(), func.sum(case((in_time, 1), else_=0)))
        .select_from(Parcel).join(first_sent, first_sent.c.parcel_id == Parcel.id)
        .where(_received(scope))).one()
    return share(Kpi.PARCELS_NOTIFIED, to_int(good), int(total))


def _outcomes(scope: Scope) -> tuple[int, int, int, int]:
    """Received, picked up within 3 days, still waiting and not 3 days old, returned."""
    def read() -> tuple[int, int, int, int]:
        limit = PARCEL_COLLECT_WITHIN.total_seconds()
        collected = and_(Parcel.picked_up_at.is_not(None),
                         seconds_between(scope, Parcel.received_at, Parcel.picked_up_at) <= limit)
        undecided = and_(Parcel.status == ParcelStatus.WAITING,
                         Parcel.received_at > scope.now - PARCEL_COLLECT_WITHIN)
        row = scope.uow.session.execute(
            select(func.count(), func.sum(case((collected, 1), else_=0)), func.sum(case((undecided, 1), else_=0)),
                   func.sum(case((Parcel.status == ParcelStatus.RETURNED, 1), else_=0)))
            .where(_received(scope))).one()
        return int(row[0]), to_int(row[1]), to_int(row[2]), to_int(row[3])
    return scope.once("parcel_outcomes", read)


def parcels_collected(scope: Scope) -> Figure:
    received, collected, undecided, _returned = _outcomes(scope)
    return share(Kpi.PARCELS_COLLECTED, collected, received - undecided)


def parcels_returned(scope: Scope) -> Figure:
    received, _collected, _undecided, returned = _outcomes(scope)
    return share(Kpi.PARCELS_RETURNED, returned, received)


def supplies_by_department(scope: Scope) -> tuple[DepartmentConsumption, ...]:
    """Issued less returned per department, the largest value first."""
    def read() -> tuple[DepartmentConsumption, ...]:
        rows = scope.uow.session.execute(
            select(Department.name, -func.sum(StockMovement.quantity), -func.sum(StockMovement.value_cents))
            .join(Department, Department.id == StockMovement.department_id)
            .where(StockMovement.at >= scope.start, StockMovement.at < scope.end,
                   StockMovement.kind.in_([MovementKind.ISSUED, MovementKind.RETURNED]))
            .group_by(Department.name)).all()
        lines = [DepartmentConsumption(name, to_int(quantity), to_int(value)) for name, quantity, value in rows
                 if quantity or value]
        return tuple(sorted(lines, key=lambda line: (-line.value_cents, line.department)))
    return scope.once("supplies", read)


def supplies_issued(scope: Scope) -> Figure:
    lines = supplies_by_department(scope)
    units = sum(line.quantity for line in lines)
    return Figure(Kpi.SUPPLIES_ISSUED, float(sum(line.value_cents for line in lines)), units, units)
