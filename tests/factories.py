"""Small builders for test data, through the services so tests see what users would."""

from __future__ import annotations

from datetime import date

from kiosk.db import Database
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.visits import invitations
from kiosk.services.visits.invitations import InvitationCreated

SITE = "HQ"


def add_host(db: Database, name: str = "张伟", email: str = "zhang.wei@example.com", department: str = "Sales",
             **extra: str) -> HostSummary:
    with db.unit_of_work("test") as uow:
        return hosts.add_host(uow, name=name, email=email, department=department, **extra)


def invite(db: Database, host_id: int, name: str = "Jane Doe", phone: str = "13800138000",
           visit_date: date | None = None, **extra: object) -> InvitationCreated:
    with db.unit_of_work("test") as uow:
        return invitations.create_invitation(
            uow, site_code=SITE, host_id=host_id, visitor_name=name, phone=phone, visit_date=visit_date,
            **extra,  # type: ignore[arg-type]
        )
