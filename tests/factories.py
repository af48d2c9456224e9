"""Small builders for test data, through the services so tests see what users would."""

from __future__ import annotations

from datetime import date

from kiosk.db import Database
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.outbox import open_payload
from kiosk.services.visits import invitations, print_jobs
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


def badge_code(db: Database, job_id: int) -> str:
    """The clear sign-out code a waiting badge job will print (it is sealed in the row)."""
    with db.unit_of_work(write=False) as uow:
        return print_jobs.sign_out_code(uow, job_id)


def mailed_code(payload: dict[str, object]) -> str:
    """The clear QR code an outbox row's payload will send (sealed in the row; "" once sent)."""
    return str(open_payload(payload).get("token", ""))


def mailed_short_code(payload: dict[str, object]) -> str:
    """The clear short code an outbox row's payload will send (sealed in the row; "" once sent)."""
    return str(open_payload(payload).get("short_code", ""))
