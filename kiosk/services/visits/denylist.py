"""Screening against the deny list: name, phone, company, or a keyword anywhere in the visit's text.

Keeping the list is the administrator's (``Permission.MANAGE_DENY_LIST``): reading, adding, changing
a reason and removing take the caller's ``role`` and refuse anyone else (``PolicyRefusal``, code
``not_allowed``). The list holds names and phone numbers of people kept out: a receptionist sees a
hold on the visit it stopped, never the list. ``role=None`` is for the operator's own tools only
(seed data, tests); the desk's gateway and kioskctl always pass a role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import DenyKind, DenyListEntry, Visit, VisitKind, VisitStatus
from kiosk.services import audit
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, PolicyRefusal, ValidationFailed
from kiosk.services.text import clean_text, normalise_phone, search_key
from kiosk.services.visits import host_requests

REASON_MAX = 200
ENTRY_REASON_MAX = 500
NOT_ALLOWED = "not_allowed"
ALREADY_LISTED = "already_listed"


def refuse_unless_manager(role: StaffRole | None) -> None:
    """Only someone who may manage the deny list reads or changes it."""
    if role is not None and not may(role, Permission.MANAGE_DENY_LIST):
        raise PolicyRefusal("only an administrator may see or change the deny list", code=NOT_ALLOWED)


@dataclass(frozen=True)
class DenyHit:
    entry_id: int
    kind: str
    reason: str


def add_entry(uow: UnitOfWork, kind: DenyKind | str, value: str, reason: str = "", *,
              role: StaffRole | None = None) -> int:
    """A new entry (its id); the same kind and value already active is refused (code ``already_listed``)."""
    refuse_unless_manager(role)
    try:
        kind = DenyKind(kind)
    except ValueError:
        raise ValidationFailed([FieldError("kind", "invalid", f"{kind!r} is not a kind of deny-list entry")]) from None
    errors: list[FieldError] = []
    if kind is DenyKind.PHONE:
        key = normalise_phone(value, "value", required=True, errors=errors) or ""
        shown = value.strip()
    else:
        shown = clean_text(value, "value", max_len=200, required=True, errors=errors)
        key = search_key(shown)
        if not key and not errors:
            errors.append(FieldError("value", "required", "value is required"))
    why = clean_text(reason, "reason", max_len=ENTRY_REASON_MAX, errors=errors)
    if errors:
        raise ValidationFailed(errors)
    if uow.session.scalar(select(DenyListEntry.id).where(
        DenyListEntry.kind == kind, DenyListEntry.value_key == key, DenyListEntry.active.is_(True)
    )) is not None:
        raise Conflict("this is on the deny list already", code=ALREADY_LISTED)
    entry = DenyListEntry(
        kind=kind, value=shown, value_key=key, reason=why,
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


def list_entries(uow: UnitOfWork, *, role: StaffRole | None = None) -> list[DenyEntryView]:
    """The active entries, oldest first."""
    refuse_unless_manager(role)
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


def override_hold(uow: UnitOfWork, visit_id: int, *, reason: str, role: StaffRole, host_page: str = "") -> None:
    """A supervisor lets a held visitor be approved or checked in, saying why (kept in the audit trail).

    A visit registered ahead on the web that the hold kept from its host still waits for the host's
    answer: the host is asked now, as an unheld request is (``host_page`` as there), unless its day
    has passed (housekeeping closes it then)."""
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
    if visit.kind == VisitKind.PREREGISTERED and visit.status == VisitStatus.PENDING_APPROVAL:
        site = get_site(uow, visit.site.code)
        if visit.visit_date >= site.local_date(uow.now()):
            host_requests.ask_host(uow, visit, site, host_page=host_page)
    uow.commit()


def remove_entry(uow: UnitOfWork, entry_id: int, *, role: StaffRole | None = None) -> None:
    """Entries are deactivated, not deleted: past holds keep pointing at what matched."""
    refuse_unless_manager(role)
    entry = _active_entry(uow, entry_id)
    entry.active = False
    audit.record(uow, "denylist.removed", "deny_list", entry.id, before={"active": True}, after={"active": False})
    uow.commit()


def _active_entry(uow: UnitOfWork, entry_id: int) -> DenyListEntry:
    entry = uow.session.get(DenyListEntry, entry_id, with_for_update=True)
    if entry is None or not entry.active:
        raise NotFound(f"no active deny-list entry {entry_id}")
    return entry


def edit_reason(uow: UnitOfWork, entry_id: int, reason: str, *, role: StaffRole) -> DenyEntryView:
    """A new reason for an entry (what reception reads when the entry holds a visitor). What an entry
    matches is not edited: remove it and add another, so past holds keep pointing at what matched."""
    refuse_unless_manager(role)
    why = clean_text(reason, "reason", max_len=ENTRY_REASON_MAX)
    entry = _active_entry(uow, entry_id)
    if entry.reason != why:
        # That it changed, not the words: audit events keep ids and states, never names.
        audit.record(uow, "denylist.reason_changed", "deny_list", entry.id, before={"reason_set": bool(entry.reason)},
                     after={"reason_set": bool(why)})
        entry.reason = why
    view = DenyEntryView(entry.id, entry.kind.value, entry.value, entry.reason, entry.created_by, entry.created_at)
    uow.commit()
    return view
