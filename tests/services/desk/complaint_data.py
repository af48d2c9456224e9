"""Builders for the complaint tests: a department with a contact address, the person following complaints."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.application.gateways.desk_complaints import ComplaintChannel, ComplaintForm, DeskComplaintsGateway
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import Department, Notification
from tests.factories import SITE, add_host

CONTACT = "service.head@example.com"  # the Customer Service department's contact
CUSTOMER_EMAIL = "wang.fang@example.org"


def desk(db: Database, *, actor: str = "staff:amy", due_hours: int = 24) -> DeskComplaintsGateway:
    return DeskComplaintsGateway(db, SITE, actor=actor, role=StaffRole.RECEPTIONIST, due_hours=due_hours)


def service_department(db: Database, *, contact: str | None = CONTACT) -> tuple[int, int]:
    """(department id, host id): 李娜 follows complaints in Customer Service, whose contact is ``contact``."""
    host = add_host(db, name="李娜", email="li.na@example.com", department="Customer Service",
                    chat_address="wecom://li.na")
    with db.unit_of_work("test") as uow:
        department = uow.session.scalar(select(Department).where(Department.name == "Customer Service"))
        assert department is not None
        department.contact_email = contact
        uow.commit()
        return department.id, host.id


def form(**changes: object) -> ComplaintForm:
    values: dict[str, object] = {
        "customer_name": "王芳", "customer_contact": "13812345678", "what": "咖啡机坏了，等了 20 分钟。",
        "channel": ComplaintChannel.IN_PERSON,
    }
    values.update(changes)
    return ComplaintForm(**values)  # type: ignore[arg-type]


def notices(db: Database, event: str) -> list[tuple[str, str]]:
    """(channel, recipient) of every notice queued for ``event``, in order."""
    with db.unit_of_work("test", write=False) as uow:
        return [(n.channel, n.recipient) for n in uow.session.scalars(
            select(Notification).where(Notification.event == event).order_by(Notification.id))]
