"""Finding whom a complaint goes to: the departments (with the contact told), people by name, pinyin or
e-mail, and a department or person named on the command line."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host
from kiosk.services.desk.complaint_records import AssigneeChoice, DepartmentChoice
from kiosk.services.directory import hosts
from kiosk.services.errors import NotFound
from kiosk.services.text import normalise_email


def departments(uow: UnitOfWork) -> list[DepartmentChoice]:
    rows = uow.session.scalars(select(Department).order_by(Department.name, Department.id))
    return [DepartmentChoice(d.id, d.name, d.contact_email or "") for d in rows]


def find_people(uow: UnitOfWork, text: str, *, limit: int = 20) -> list[AssigneeChoice]:
    """Active hosts found by name, pinyin or initials (the directory's search), or by their e-mail address."""
    found = {summary.id for summary in hosts.search_hosts(uow, text, limit=limit)}
    address = (text or "").strip().lower()
    if "@" in address and len(address) <= 320:
        found.update(uow.session.scalars(select(Host.id).where(func.lower(Host.email) == address)))
    people: Iterable[Host] = uow.session.scalars(
        select(Host).where(Host.id.in_(found), Host.active.is_(True)).order_by(Host.name, Host.id)) if found else ()
    return [AssigneeChoice(h.id, h.name, h.department_id, h.department.name if h.department else "", h.email)
            for h in people]


def department_for(uow: UnitOfWork, ref: str) -> int:
    """A department named by its id or its name (NotFound names the reference)."""
    ref = (ref or "").strip()
    found = uow.session.scalar(select(Department.id).where(func.lower(Department.name) == ref.lower()))
    if found is None and ref.isascii() and ref.isdigit():
        found = uow.session.scalar(select(Department.id).where(Department.id == int(ref)))
    if found is None:
        raise NotFound(f"no department with id or name {ref!r}")
    return int(found)


def person_for(uow: UnitOfWork, email: str) -> int:
    address = normalise_email(email, "assignee", required=True)
    found = uow.session.scalar(select(Host.id).where(Host.email == address, Host.active.is_(True)))
    if found is None:
        raise NotFound(f"no active host with e-mail {email.strip()!r}")
    return int(found)
