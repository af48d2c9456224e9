"""Builders for the phone-message tests: the desk's gateway, a colleague in a department with a contact, a
message form, the outbox rows of an event."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.application.gateways.desk_messages import DeskMessagesGateway, MessageForm, TransferForm
from kiosk.db import Database
from kiosk.models import Department, Host, Notification
from tests.factories import SITE, add_host

CONTACT = "sales.lead@example.com"
CALLER_PHONE = "13912345678"
CALLER_E164 = "+8613912345678"


def desk(db: Database, actor: str = "staff:amy", remind_minutes: int = 30) -> DeskMessagesGateway:
    return DeskMessagesGateway(db, SITE, actor=actor, remind_minutes=remind_minutes)


def colleague(db: Database, *, contact: str | None = CONTACT, chat: str | None = None) -> int:
    """张伟 of Sales (chat too when given); Sales' contact is ``contact``."""
    host = add_host(db, name="张伟", email="zhang.wei@example.com", department="Sales",
                    **({"chat_address": chat} if chat else {}))
    with db.unit_of_work("test") as uow:
        department = uow.session.scalar(select(Department).where(Department.name == "Sales"))
        assert department is not None
        department.contact_email = contact
        uow.commit()
    return host.id


def department_id(db: Database, name: str = "Sales") -> int:
    with db.unit_of_work("test", write=False) as uow:
        found = uow.session.scalar(select(Department.id).where(Department.name == name))
        assert found is not None
        return int(found)


def host_email(db: Database, host_id: int) -> str:
    with db.unit_of_work("test", write=False) as uow:
        host = uow.session.get(Host, host_id)
        assert host is not None
        return host.email


def message_for(host_id: int | None, **extra: object) -> MessageForm:
    values: dict[str, object] = {"caller_name": "李雷", "caller_company": "远航贸易", "phone": CALLER_PHONE,
                                 "message": "关于下周的合同，请回电", "for_host_id": host_id}
    values.update(extra)
    return MessageForm(**values)  # type: ignore[arg-type]


def transfer_to(host_id: int, **extra: object) -> TransferForm:
    values: dict[str, object] = {"caller_name": "韩梅梅", "caller_company": "星光物流", "phone": "13700001111",
                                 "message": "询问发票", "for_host_id": host_id}
    values.update(extra)
    return TransferForm(**values)  # type: ignore[arg-type]


def notices(db: Database, event: str) -> list[Notification]:
    with db.unit_of_work("test", write=False) as uow:
        return list(uow.session.scalars(
            select(Notification).where(Notification.event == event).order_by(Notification.id)))
