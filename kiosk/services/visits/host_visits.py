"""A host's own visits, as the host's web pages show them, and what the host may do to them.

Every function takes the signed-in host's id and acts only on that host's visits: another host's visit,
a visit held by reception (a deny-list hit: the desk's business, never the host's) and a visit that does
not exist are all the same ``NotFound``, so an id typed into the address bar reveals nothing.

The actions reuse the desk's services: a walk-in is answered through ``walkins``, a pre-registration
through ``preregistration``, invitations through ``invitations`` (the group import included: one bad row
and nothing is saved). Each is one transaction; the row returned is read after it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.models import Visit, VisitKind, VisitStatus
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.visits import invitations, preregistration, walkins
from kiosk.services.visits.invitations import GROUP_COLUMNS, GroupRowProblem
from kiosk.services.visits.photos import photo_for
from kiosk.services.visits.visit_log import mask_phone

NOT_WAITING = "not_waiting"
MAX_DAYS = 60
PASTE_MAX_CHARS = 256 * 1024
NO_HEADINGS = ("name", "phone", "email", "company")


class HostVisitState(StrEnum):
    """What the host's list says about a visit, in the host's words."""

    WAITING_FOR_YOU = "waiting_for_you"  # a walk-in or a pre-registration asks for the host's answer
    EXPECTED = "expected"  # invited (or approved), not arrived
    ARRIVED = "arrived"  # checked in, on site
    SIGNED_OUT = "signed_out"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


_STATES = {
    VisitStatus.PENDING_APPROVAL: HostVisitState.WAITING_FOR_YOU,
    VisitStatus.INVITED: HostVisitState.EXPECTED,
    VisitStatus.APPROVED: HostVisitState.EXPECTED,
    VisitStatus.CHECKED_IN: HostVisitState.ARRIVED,
    VisitStatus.CHECKED_OUT: HostVisitState.SIGNED_OUT,
    VisitStatus.DENIED: HostVisitState.DECLINED,
    VisitStatus.CANCELLED: HostVisitState.CANCELLED,
    VisitStatus.NO_SHOW: HostVisitState.NO_SHOW,
}


@dataclass(frozen=True)
class HostVisitRow:
    visit_id: int
    state: HostVisitState
    visitor_name: str
    company: str
    visit_date: date
    start: time | None  # site-local
    end: time | None
    purpose: str
    party_size: int
    kind: str  # invited | walk_in | preregistered
    arrived_at: datetime | None
    left_at: datetime | None


@dataclass(frozen=True)
class HostVisitDetail:
    row: HostVisitRow
    phone: str  # clear only while the visit waits for this host's answer, else masked
    email: str  # likewise
    purpose_note: str
    photo_jpeg: bytes | None


class GroupRowsRefused(ValidationFailed):
    """Rows of a pasted or uploaded group list are wrong; nothing was saved. ``problems`` name each line as
    the host pasted it (``errors`` says the same, one FieldError per problem, field ``rows``)."""

    def __init__(self, problems: tuple[GroupRowProblem, ...]) -> None:
        super().__init__([FieldError("rows", p.code, f"line {p.line}: {p.field}: {p.message}") for p in problems])
        self.problems = problems


# -- reading ----------------------------------------------------------------------------------------------------


def _state(visit: Visit) -> HostVisitState:
    return _STATES[VisitStatus(visit.status)]


def _waiting_for_host(visit: Visit) -> bool:
    return visit.status == VisitStatus.PENDING_APPROVAL and visit.hold_reason is None


def _local(instant: datetime | None, zone: ZoneInfo) -> time | None:
    return instant.astimezone(zone).time().replace(tzinfo=None) if instant is not None else None


def _item(visit: Visit) -> HostVisitRow:
    zone = ZoneInfo(visit.site.timezone)
    return HostVisitRow(
        visit_id=visit.id, state=_state(visit), visitor_name=visit.visitor.name,
        company=visit.visitor.company or "", visit_date=visit.visit_date,
        start=_local(visit.expected_start, zone), end=_local(visit.expected_end, zone),
        purpose=visit.purpose.value, party_size=visit.party_size or 1, kind=VisitKind(visit.kind).value,
        arrived_at=visit.checked_in_at, left_at=visit.checked_out_at,
    )


def _own_visit(uow: UnitOfWork, host_id: int, visit_id: int, *, for_update: bool = False) -> Visit:
    """The host's visit, or NotFound (someone else's, held by reception, or none: the same answer)."""
    query = select(Visit).where(Visit.id == visit_id, Visit.host_id == host_id)
    if for_update:
        query = query.with_for_update()
    visit = uow.session.scalar(query)
    if visit is None or (visit.status == VisitStatus.PENDING_APPROVAL and visit.hold_reason is not None):
        raise NotFound("no such visit")
    return visit


def _sort_key(visit: Visit) -> tuple[int, date, datetime, int]:
    when = visit.expected_start or visit.checked_in_at or visit.created_at
    return (0 if _waiting_for_host(visit) else 1, visit.visit_date, when, visit.id)


def host_visits(uow: UnitOfWork, host_id: int, *, site_code: str, days: int = 14) -> list[HostVisitRow]:
    """Today's visits (finished ones too) and the next ``days`` days' (at most ``MAX_DAYS``), waiting-for-you
    first, then by day and time. Visits held by reception are left out (see the module)."""
    today = get_site(uow, site_code).local_date(uow.now())
    last = today + timedelta(days=max(0, min(days, MAX_DAYS)))
    visits = uow.session.scalars(
        select(Visit).options(joinedload(Visit.visitor), joinedload(Visit.site))
        .where(Visit.host_id == host_id, Visit.visit_date >= today, Visit.visit_date <= last)
    ).all()
    shown = [v for v in visits if not (v.status == VisitStatus.PENDING_APPROVAL and v.hold_reason is not None)]
    return [_item(v) for v in sorted(shown, key=_sort_key)]


def host_visit(uow: UnitOfWork, host_id: int, visit_id: int) -> HostVisitRow:
    return _item(_own_visit(uow, host_id, visit_id))


def _mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def host_visit_context(uow: UnitOfWork, host_id: int, visit_id: int) -> HostVisitDetail:
    """What the desk sees about the visit: company, phone, purpose, the photo when one was taken. The phone
    and e-mail are clear only while the host must decide (to call the visitor back), masked otherwise."""
    visit = _own_visit(uow, host_id, visit_id)
    phone, email = visit.visitor.phone or "", visit.visitor.email or ""
    if not _waiting_for_host(visit):
        phone = mask_phone(phone) if phone else ""
        email = _mask_email(email) if email else ""
    return HostVisitDetail(_item(visit), phone, email, visit.purpose_note or "", photo_for(uow, visit.id))


# -- answering --------------------------------------------------------------------------------------------------


def _waiting(uow: UnitOfWork, host_id: int, visit_id: int) -> Visit:
    visit = _own_visit(uow, host_id, visit_id, for_update=True)
    if not _waiting_for_host(visit):
        raise Conflict("this visit is no longer waiting for your answer", code=NOT_WAITING)
    return visit


def approve(uow: UnitOfWork, host_id: int, visit_id: int) -> HostVisitRow:
    """A waiting walk-in is let in; a pre-registration becomes an invitation (the visitor gets the QR code)."""
    visit = _waiting(uow, host_id, visit_id)
    if visit.kind == VisitKind.PREREGISTERED:
        preregistration.approve(uow, visit_id)
    else:
        walkins.approve_visit(uow, visit_id)
    return host_visit(uow, host_id, visit_id)


def decline(uow: UnitOfWork, host_id: int, visit_id: int, reason: str = "") -> HostVisitRow:
    """The host says no (the reason stays in the visit's history; the visitor is never told it)."""
    visit = _waiting(uow, host_id, visit_id)
    if visit.kind == VisitKind.PREREGISTERED:
        preregistration.decline(uow, visit_id, reason)
    else:
        walkins.deny_visit(uow, visit_id, reason)
    return host_visit(uow, host_id, visit_id)


def propose_time(uow: UnitOfWork, host_id: int, visit_id: int, visit_date: date, start: time | None,
                 end: time | None) -> HostVisitRow:
    """A pre-registration accepted for another day or time (a walk-in is in the lobby now: Conflict)."""
    visit = _waiting(uow, host_id, visit_id)
    if visit.kind != VisitKind.PREREGISTERED:
        raise Conflict("only a visit registered ahead can be given another time", code=NOT_WAITING)
    preregistration.propose_time(uow, visit_id, visit_date, start, end)
    return host_visit(uow, host_id, visit_id)


# -- inviting ---------------------------------------------------------------------------------------------------


def invite(uow: UnitOfWork, host_id: int, *, site_code: str, visitor_name: str, phone: str, email: str,
           company: str, visit_date: date | None, start: time | None, end: time | None, purpose: str,
           purpose_note: str = "") -> HostVisitRow:
    """One invitation from this host (checked like the desk's; the visitor is e-mailed the QR code)."""
    created = invitations.create_invitation(
        uow, site_code=site_code, host_id=host_id, visitor_name=visitor_name, phone=phone, email=email,
        company=company, visit_date=visit_date, start=start, end=end, purpose=purpose, purpose_note=purpose_note,
    )
    return host_visit(uow, host_id, created.visit_id)


def _delimiter(line: str) -> str:
    if "\t" in line:
        return "\t"  # pasted from a spreadsheet
    if "," not in line and "，" in line:
        return "，"  # typed with a Chinese keyboard
    return ","


def group_csv(text: str) -> tuple[bytes, dict[int, int]]:
    """A pasted list or an uploaded CSV as the group import reads it: headings first (the file's own when
    its first line names the columns, else name, phone, email, company in that order; three cells whose
    third is no address are name, phone, company), and which line of ours is which line of the host's.
    Each line is split on its own: tabs (pasted from a spreadsheet), else commas, else Chinese commas."""
    if len(text) > PASTE_MAX_CHARS:
        raise ValidationFailed([FieldError("rows", "too_long", "the list is too long")])
    text = text.removeprefix("\ufeff")
    out: list[str] = []
    lines: dict[int, int] = {1: 1}
    written = 0
    own_headings = False
    known = {heading for headings in GROUP_COLUMNS.values() for heading in headings}

    def write(cells: list[str] | tuple[str, ...]) -> None:
        nonlocal written
        row = io.StringIO(newline="")
        csv.writer(row, lineterminator="\n").writerow(cells)
        out.append(row.getvalue())
        written += out[-1].count("\n")

    for number, line in enumerate(text.splitlines(), start=1):
        try:
            cells = [cell.strip() for cell in next(csv.reader([line], delimiter=_delimiter(line)), [])]
        except csv.Error as exc:
            raise ValidationFailed([FieldError("rows", "unreadable", f"line {number}: {exc}")]) from None
        if not any(cells):
            continue
        if not written:
            if any(cell.lower() in known for cell in cells):
                own_headings = True
                write(cells)
                lines[1] = number
                continue
            write(NO_HEADINGS)
        if not own_headings and len(cells) == 3 and "@" not in cells[2]:
            cells = [cells[0], cells[1], "", cells[2]]
        write(cells)
        lines[written] = number
    if not written:
        write(NO_HEADINGS)  # nothing pasted: the import says "no visitors"
    return "".join(out).encode("utf-8"), lines


def invite_group(uow: UnitOfWork, host_id: int, rows_text: str, *, site_code: str, visit_date: date,
                 start: time | None, end: time | None, purpose: str) -> list[HostVisitRow]:
    """Invite every visitor of a pasted list or uploaded CSV (name, phone[, email, company] per line) for one
    day and time. One bad row and nothing is saved: GroupRowsRefused names each problem by its line."""
    data, lines = group_csv(rows_text)
    report = invitations.import_group_csv(
        uow, data, site_code=site_code, host_id=host_id, visit_date=visit_date, start=start, end=end,
        purpose=purpose,
    )
    if not report.ok:
        raise GroupRowsRefused(tuple(
            GroupRowProblem(lines.get(p.line, p.line), p.field, p.code, p.message,
                            lines.get(p.first_line, p.first_line) if p.first_line else 0)
            for p in report.problems))
    return [host_visit(uow, host_id, created.visit_id) for created in report.invited]


def reschedule(uow: UnitOfWork, host_id: int, visit_id: int, visit_date: date, start: time | None,
               end: time | None) -> HostVisitRow:
    """Move an invitation not yet used: the visitor gets a new QR code for the new day (the old one stops)."""
    visit = _own_visit(uow, host_id, visit_id, for_update=True)
    if visit.status != VisitStatus.INVITED:
        raise Conflict("only an expected visit can be moved", code="not_invited")
    invitations.reschedule_invitation(uow, visit_id, visit_date=visit_date, start=start, end=end)
    return host_visit(uow, host_id, visit_id)


def cancel(uow: UnitOfWork, host_id: int, visit_id: int) -> HostVisitRow:
    """Call off an expected visit: its QR code stops working and the visitor is told by e-mail."""
    visit = _own_visit(uow, host_id, visit_id, for_update=True)
    if visit.status != VisitStatus.INVITED:
        raise Conflict("only an expected visit can be cancelled", code="not_invited")
    invitations.cancel_invitation(uow, visit_id)
    return host_visit(uow, host_id, visit_id)
