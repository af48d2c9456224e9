"""Who is in the building now: the evacuation roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.models import Host, Visit, VisitStatus
from kiosk.services.directory.sites import get_site


@dataclass(frozen=True)
class RosterEntry:
    visit_id: int
    visitor_name: str
    company: str
    phone: str
    host_name: str
    department: str
    checked_in_at: datetime


def on_site_roster(uow: UnitOfWork, *, site_code: str) -> list[RosterEntry]:
    site = get_site(uow, site_code)
    rows = uow.session.scalars(
        select(Visit)
        .where(Visit.site_id == site.id, Visit.status == VisitStatus.CHECKED_IN)
        .options(joinedload(Visit.visitor), joinedload(Visit.host).joinedload(Host.department))
        .order_by(Visit.checked_in_at)
    ).unique()
    return [
        RosterEntry(
            visit_id=v.id, visitor_name=v.visitor.name, company=v.visitor.company or "",
            phone=v.visitor.phone or "", host_name=v.host.name,
            department=v.host.department.name if v.host.department else "",
            checked_in_at=v.checked_in_at,  # type: ignore[arg-type]
        )
        for v in rows
    ]
