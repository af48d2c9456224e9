"""Visitors as people: found again by phone, details kept current, ID numbers masked."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Visitor
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.text import mask_id_number, normalise_phone, search_key


@dataclass(frozen=True)
class ReturningVisitor:
    """What the walk-in form may prefill. Never the ID number itself: only whether one is on file."""

    name: str
    company: str
    email: str
    id_number_masked: str


def find_returning_visitor(uow: UnitOfWork, phone: str) -> ReturningVisitor | None:
    number = normalise_phone(phone)
    visitor = uow.session.scalar(
        select(Visitor).where(Visitor.phone == number).order_by(Visitor.id.desc()).limit(1)
    )
    if visitor is None:
        return None
    return ReturningVisitor(
        name=visitor.name, company=visitor.company or "", email=visitor.email or "",
        id_number_masked=mask_id_number(visitor.id_number_last4),
    )


def upsert_visitor(
    uow: UnitOfWork,
    *,
    name: str,
    phone: str | None,
    email: str | None = None,
    company: str | None = None,
    id_number: str | None = None,
    protector: IdNumberProtector | None = None,
) -> Visitor:
    """The visitor with this phone and name (details brought up to date), or a new one.

    Both must match: two people may give one phone (a company's front desk), and renaming
    the first would rewrite their past visits. Values are already checked.
    """
    visitor = None
    if phone:
        visitor = uow.session.scalar(
            select(Visitor).where(Visitor.phone == phone, Visitor.name_key == search_key(name))
            .order_by(Visitor.id.desc()).limit(1)
        )
    if visitor is None:
        visitor = Visitor(name=name, name_key=search_key(name), phone=phone, created_at=uow.now())
        uow.session.add(visitor)
    visitor.name = name
    if email:
        visitor.email = email
    if company:
        visitor.company = company
    if id_number:
        if protector is None:
            raise RuntimeError("an ID number was given but no data key is configured")
        visitor.id_number_cipher = protector.encrypt(id_number)
        visitor.id_number_last4 = id_number[-4:]
    uow.session.flush()
    return visitor


def reveal_id_number(uow: UnitOfWork, visitor_id: int, protector: IdNumberProtector) -> str | None:
    """The clear ID number, for the receptionist only; the reveal itself is audited."""
    from kiosk.services import audit

    visitor = uow.session.get(Visitor, visitor_id)
    if visitor is None or visitor.id_number_cipher is None:
        return None
    audit.record(uow, "visitor.id_number_revealed", "visitor", visitor_id)
    uow.commit()
    return protector.decrypt(visitor.id_number_cipher)
