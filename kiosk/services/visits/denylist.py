"""Screening against the deny list: name, phone, company, or a keyword anywhere in the visit's text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import DenyKind, DenyListEntry, Visit
from kiosk.services import audit
from kiosk.services.errors import Conflict, FieldError, NotFound, PolicyRefusal, ValidationFailed
from kiosk.services.text import clean_text, normalise_phone, search_key

REASON_MAX = 200


@dataclass(frozen=True)
class DenyHit:
    entry_id: int
    kind: str
    reason: str


def add_entry(uow: UnitOfWork, kind: DenyKind | str, value: str, reason: str = "") -> int:
    kind = DenyKind(kind)
    if kind is DenyKind.PHONE:
        key = normalise_phone(value, "value", required=True)
        assert key is not None
    else:
        text = clean_text(value, "value", max_len=200, required=True)
        key = search_key(text)
    if not key:
        raise ValidationFailed([FieldError("value", "required", "value is required")])
    entry = DenyListEntry(
        kind=kind, value=value.strip(), value_key=key, reason=clean_text(reason, "reason", max_len=500),
        active=True, created_by=uow.actor, created_at=uow.now(),
    )
    uow.session.add(entry)
    uow.session.flush()
    audit.record(uow, "denylist.added", "deny_list", entry.id, after={"kind": kind.value})
    uow.commit()
    return entry.id


def screen(
    uow: UnitOfWork, *, name: str, phone: str | None, company: str | None, text: str = ""
) -> DenyHit | None:
    """The first active entry this visitor matches, or None."""
    entries = uow.session.scalars(select(DenyListEntry).where(DenyListEntry.active.is_(True))).all()
    if not entries:
        return None
    name_key, company_key = search_key(name), search_key(company or "")
    haystack = " ".join((name_key, company_key, search_key(text)))
    for entry in entries:
        matched = (
            (entry.kind == DenyKind.NAME and entry.value_key == name_key)
            or (entry.kind == DenyKind.PHONE and phone is not None and entry.value_key == phone)
            or (entry.kind == DenyKind.COMPANY and company_key and entry.value_key in company_key)
            or (entry.kind == DenyKind.KEYWORD and entry.value_key in haystack)
        )
        if matched:
            return DenyHit(entry_id=entry.id, kind=entry.kind.value, reason=entry.reason)
    return None


@dataclass(frozen=True)
class DenyEntryView:
    id: int
    kind: str
    value: str
    reason: str
    created_by: str
    created_at: datetime


def list_entries(uow: UnitOfWork) -> list[DenyEntryView]:
    rows = uow.session.scalars(
        select(DenyListEntry).where(DenyListEntry.active.is_(True)).order_by(DenyListEntry.id)
    )
    return [DenyEntryView(e.id, e.kind.value, e.value, e.reason, e.created_by, e.created_at) for e in rows]


HELD_FOR_SUPERVISOR = "held_for_supervisor"


def refuse_if_held(visit: Visit) -> None:
    """A deny-list hold is lifted only by ``override_hold``: nobody lets a held visitor in by accident."""
    if visit.hold_reason is not None:
        raise PolicyRefusal("this visitor is held by the deny list; a supervisor must release the hold first",
                            code=HELD_FOR_SUPERVISOR)


def override_hold(uow: UnitOfWork, visit_id: int, *, reason: str, role: StaffRole) -> None:
    """A supervisor lets a held visitor be approved or checked in, saying why (kept in the audit trail)."""
    if not may(role, Permission.OVERRIDE_DENY_LIST):
        raise PolicyRefusal("only a supervisor may override the deny list", code="supervisor_needed")
    why = clean_text(reason, "reason", max_len=REASON_MAX, required=True)
    visit = uow.session.get(Visit, visit_id, with_for_update=True)
    if visit is None:
        raise NotFound(f"no visit with id {visit_id}")
    if visit.hold_reason is None:
        raise Conflict("this visit is not held")
    audit.record(uow, "visit.hold_overridden", "visit", visit.id, before={"hold": visit.hold_reason},
                 after={"reason": why})
    visit.hold_reason = None
    uow.commit()


def remove_entry(uow: UnitOfWork, entry_id: int) -> None:
    """Entries are deactivated, not deleted: past holds keep pointing at what matched."""
    entry = uow.session.get(DenyListEntry, entry_id)
    if entry is None or not entry.active:
        raise NotFound(f"no active deny-list entry {entry_id}")
    entry.active = False
    audit.record(uow, "denylist.removed", "deny_list", entry.id, before={"active": True}, after={"active": False})
    uow.commit()
