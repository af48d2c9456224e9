"""Invitations: a host expects a visitor on a day; the visitor gets a QR that checks them in.

The desk's work on them is here too: the list of upcoming invitations (ids sorted in SQL, rows read
for the ids on screen, as the visitor log does), editing, rescheduling, cancelling, sending the
e-mail again, and a group visit from a CSV file (every row checked first; one bad row and nothing
is saved).

**One working code per visit.** Only a token's SHA-256 is stored, so a code once sent can never be
sent again: whenever the visitor must get a QR again (another day, another time, another address,
"I never got the e-mail"), a new code is issued and every earlier one is revoked. The kiosk then
answers an old code with "this code has been replaced" (``TokenProblem.REPLACED``). Each code comes
with a short code to type at the kiosk (``tokens.InvitationCodes``); the two are issued, mailed,
replaced and spent together.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel, NotificationStatus
from kiosk.models import (
    AccessToken,
    Department,
    Host,
    Notification,
    Purpose,
    TokenKind,
    Visit,
    VisitKind,
    Visitor,
    VisitorType,
    VisitStatus,
)
from kiosk.models.rooms import Booking
from kiosk.services import audit, outbox
from kiosk.services.directory.hosts import decode_csv, get_host
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.rooms import visit_rooms
from kiosk.services.text import (
    COMPANY_MAX,
    NAME_MAX,
    NOTE_MAX,
    clean_text,
    normalise_email,
    normalise_phone,
    raise_if_any,
    search_key,
)
from kiosk.services.visits import lifecycle, tokens
from kiosk.services.visits.visitors import upsert_visitor

# The e-mails that carry a visit's QR code, and the one that says it no longer works.
INVITATION_EVENTS = ("invitation_created", "invitation_changed", "preregistration_approved", "preregistration_proposed")
MAIL_EVENTS = (*INVITATION_EVENTS, "invitation_cancelled")


@dataclass(frozen=True)
class InvitationCreated:
    visit_id: int
    token: str
    visit_date: date
    visitor_name: str
    host_name: str
    expected_start: datetime | None
    expected_end: datetime | None
    short_code: str = ""  # canonical; shown XXXX-XXXX (``domain.short_codes.shown``)


@dataclass(frozen=True)
class InvitationForm:
    """What the desk's invitation form holds, plain values as typed (checked by ``create_invitation``)."""

    host_id: int | None
    visitor_name: str
    phone: str = ""
    email: str = ""
    company: str = ""
    visit_date: date | None = None
    start: time | None = None
    end: time | None = None
    purpose: str = Purpose.MEETING.value
    purpose_note: str = ""
    vip: bool = False
    booking_id: int | None = None  # the meeting the visitor comes to (its room on the e-mail and badge)


@dataclass(frozen=True)
class _Details:
    name: str
    phone: str | None
    email: str | None
    company: str | None
    note: str
    purpose: Purpose
    visitor_type: VisitorType


def _check_details(
    errors: list[FieldError], *, visitor_name: str, phone: str | None, email: str | None, company: str | None,
    purpose: Purpose | str, purpose_note: str, visitor_type: VisitorType | str = VisitorType.VISITOR,
) -> _Details:
    """The visitor's fields, each checked; problems go to ``errors`` (the result is only good without any)."""
    name = clean_text(visitor_name, "name", max_len=NAME_MAX, required=True, errors=errors)
    phone_e164 = normalise_phone(phone, errors=errors)
    email_clean = normalise_email(email, errors=errors)
    company_clean = clean_text(company, "company", max_len=COMPANY_MAX, errors=errors) or None
    note = clean_text(purpose_note, "purpose_note", max_len=NOTE_MAX, errors=errors)
    if not phone_e164 and not email_clean and not any(e.field in ("phone", "email") for e in errors):
        errors.append(FieldError("phone", "required", "a phone number or an e-mail address is required"))
    chosen_purpose, chosen_type = Purpose.MEETING, VisitorType.VISITOR
    try:
        chosen_purpose, chosen_type = Purpose(purpose), VisitorType(visitor_type)
    except ValueError as exc:
        errors.append(FieldError("purpose", "invalid", str(exc)))
    return _Details(name, phone_e164, email_clean, company_clean, note, chosen_purpose, chosen_type)


def _check_window(errors: list[FieldError], start: time | None, end: time | None) -> None:
    if start and end and end <= start:
        errors.append(FieldError("end", "before_start", "the visit ends before it starts"))


def _check_host_chosen(errors: list[FieldError], host_id: int | None) -> None:
    if host_id is None:
        errors.insert(0, FieldError("host", "required", "choose the host"))


def _receiving_host(uow: UnitOfWork, host_id: int) -> Host:
    host = get_host(uow, host_id)
    if not host.active:
        raise ValidationFailed([FieldError("host", "inactive", f"{host.name} no longer receives visitors")])
    return host


def create_invitation(
    uow: UnitOfWork,
    *,
    site_code: str,
    host_id: int | None,
    visitor_name: str,
    phone: str | None = None,
    email: str | None = None,
    company: str | None = None,
    visit_date: date | None = None,
    start: time | None = None,
    end: time | None = None,
    purpose: Purpose | str = Purpose.MEETING,
    purpose_note: str = "",
    visitor_type: VisitorType | str = VisitorType.VISITOR,
    vip: bool = False,
    booking_id: int | None = None,
) -> InvitationCreated:
    """``booking_id``: the meeting the visitor comes to (live, on the visit's day; without a date or times the
    visit takes the booking's): the e-mail, the badge and the host's arrival notice then say the room."""
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    errors: list[FieldError] = []
    details = _check_details(errors, visitor_name=visitor_name, phone=phone, email=email, company=company,
                             purpose=purpose, purpose_note=purpose_note, visitor_type=visitor_type)
    booking = _meeting(uow, errors, booking_id, site, visit_date)
    if booking is not None:
        visit_date = visit_date or site.local_date(booking.starts_at)
        if start is None and end is None:
            start, end = _local_time(booking.starts_at, site), _local_time(booking.ends_at, site)
            end = end if start is not None and end is not None and end > start else None  # past midnight
    day = visit_date or today
    if day < today:
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    _check_window(errors, start, end)
    _check_host_chosen(errors, host_id)
    raise_if_any(errors)
    assert host_id is not None
    host = _receiving_host(uow, host_id)
    result = _invite(uow, site, host, details, day, start, end, vip, booking)
    uow.commit()
    return result


def _meeting(uow: UnitOfWork, errors: list[FieldError], booking_id: int | None, site: SiteInfo,
             day: date | None) -> Booking | None:
    if booking_id is None:
        return None
    try:
        return visit_rooms.booking_for_invitation(uow, booking_id, site, day)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
        return None


def _invite(
    uow: UnitOfWork, site: SiteInfo, host: Host, details: _Details, day: date, start: time | None,
    end: time | None, vip: bool, booking: Booking | None = None,
) -> InvitationCreated:
    """The visit, its code, its audit event and its e-mail; the caller commits (one or a whole group)."""
    visitor = upsert_visitor(uow, name=details.name, phone=details.phone, email=details.email,
                             company=details.company)
    visit = Visit(
        site_id=site.id, host_id=host.id, visitor_id=visitor.id, kind=VisitKind.INVITED,
        status=VisitStatus.INVITED, purpose=details.purpose, purpose_note=details.note,
        visitor_type=details.visitor_type, visit_date=day, created_at=uow.now(), vip=vip,
        expected_start=site.local_instant(day, start) if start else None,
        expected_end=site.local_instant(day, end) if end else None,
    )
    uow.session.add(visit)
    uow.session.flush()
    codes = tokens.issue_invitation(uow, visit_id=visit.id, valid_on=day)
    invited: dict[str, Any] = {"status": "invited", "host_id": host.id}
    if booking is not None:
        visit_rooms.add_visit_to_booking(uow, booking, visit.id)
        invited["booking_id"] = booking.id
    audit.record(uow, "visit.invited", "visit", visit.id, after=invited)
    if details.email:
        outbox.enqueue(
            uow, event="invitation_created", channel=Channel.EMAIL, recipient=details.email,
            payload={"visit_id": visit.id, "token": codes.token, "short_code": codes.short_code,
                     "visitor_name": details.name, "host_name": host.name, "visit_date": day.isoformat(),
                     "site_name": site.name, **visit_rooms.meeting_payload(uow, visit.id)},
            subject_key=f"visit:{visit.id}", language=host.language, visit_id=visit.id,
        )
    return InvitationCreated(
        visit_id=visit.id, token=codes.token, visit_date=day, visitor_name=details.name, host_name=host.name,
        expected_start=visit.expected_start, expected_end=visit.expected_end, short_code=codes.short_code,
    )


def mark_no_show(uow: UnitOfWork, visit_id: int) -> None:
    """The desk records that an expected visitor will not come (the day's end does it for the rest)."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    lifecycle.transition(uow, visit, VisitStatus.NO_SHOW, by="desk")
    uow.commit()


def cancel_invitation(uow: UnitOfWork, visit_id: int) -> None:
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    lifecycle.transition(uow, visit, VisitStatus.CANCELLED)
    for token in uow.session.scalars(select(AccessToken).where(AccessToken.visit_id == visit.id)):
        token.revoked_at = token.revoked_at or uow.now()
    outbox.forget_codes(uow, visit.id)  # a waiting invitation e-mail no longer carries a code
    if visit.visitor.email:
        outbox.enqueue(
            uow, event="invitation_cancelled", channel=Channel.EMAIL, recipient=visit.visitor.email,
            payload={"visit_id": visit.id, "visitor_name": visit.visitor.name,
                     "visit_date": visit.visit_date.isoformat()},
            subject_key=f"visit:{visit.id}", language=visit.host.language, visit_id=visit.id,
        )
    uow.commit()


def _only_invited(visit: Visit, wanted: str) -> None:
    if visit.status != VisitStatus.INVITED:
        raise ValidationFailed([FieldError("visit", "not_invited", f"only an invitation not yet used can be {wanted}")])


def _replace_code(uow: UnitOfWork, visit: Visit) -> tokens.InvitationCodes:
    """A new invitation code and short code for the visit's day; every code issued before stops working
    (see the module)."""
    old_tokens = uow.session.scalars(
        select(AccessToken).where(AccessToken.visit_id == visit.id, AccessToken.revoked_at.is_(None))
    ).all()
    for old in old_tokens:
        old.revoked_at = uow.now()
    outbox.forget_codes(uow, visit.id)  # e-mails still waiting with a code that just stopped working
    return tokens.issue_invitation(uow, visit_id=visit.id, valid_on=visit.visit_date)


def new_code_for_resend(uow: UnitOfWork, visit_id: int) -> tokens.InvitationCodes:
    """A new code for an invitation e-mail the desk sends again after it failed for good (its code was
    blanked then): the earlier code stops working. The caller commits. Conflict if the visit is no
    longer an invitation waiting for its visitor."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    if visit.status != VisitStatus.INVITED:
        raise Conflict("this invitation is no longer open, so its code cannot be sent again")
    codes = _replace_code(uow, visit)
    audit.record(uow, "visit.invitation_resent", "visit", visit.id)
    return codes


def _queue_new_code(
    uow: UnitOfWork, visit: Visit, site: SiteInfo, codes: tokens.InvitationCodes, event: str
) -> bool:
    """The e-mail with ``codes`` and the visit's calendar entry, updated (same UID, the next SEQUENCE)."""
    if not visit.visitor.email:
        return False
    # One more QR code each time (short codes ride along and are not counted).
    sequence = len(uow.session.scalars(select(AccessToken.id).where(
        AccessToken.visit_id == visit.id, AccessToken.kind == TokenKind.INVITATION)).all()) - 1
    return outbox.enqueue(
        uow, event=event, channel=Channel.EMAIL, recipient=visit.visitor.email,
        payload={"visit_id": visit.id, "token": codes.token, "short_code": codes.short_code,
                 "visitor_name": visit.visitor.name,
                 "host_name": visit.host.name, "visit_date": visit.visit_date.isoformat(), "site_name": site.name,
                 "sequence": sequence, **visit_rooms.meeting_payload(uow, visit.id)},
        subject_key=f"visit:{visit.id}:v{sequence}", language=visit.host.language, visit_id=visit.id,
    )


def _sent(visit: Visit, codes: tokens.InvitationCodes) -> InvitationCreated:
    return InvitationCreated(
        visit_id=visit.id, token=codes.token, visit_date=visit.visit_date, visitor_name=visit.visitor.name,
        host_name=visit.host.name, expected_start=visit.expected_start, expected_end=visit.expected_end,
        short_code=codes.short_code,
    )


def reschedule_invitation(
    uow: UnitOfWork, visit_id: int, *, visit_date: date, start: time | None = None, end: time | None = None
) -> InvitationCreated:
    """Move an invitation to another day or time window. The old QR stops working (a token is bound
    to one day); the visitor gets a new one with an updated calendar entry."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    _only_invited(visit, "moved")
    site = get_site(uow, visit.site.code)
    errors: list[FieldError] = []
    if visit_date < site.local_date(uow.now()):
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    _check_window(errors, start, end)
    raise_if_any(errors)
    before = {"visit_date": visit.visit_date.isoformat()}
    visit.visit_date = visit_date
    visit.expected_start = site.local_instant(visit_date, start) if start else None
    visit.expected_end = site.local_instant(visit_date, end) if end else None
    codes = _replace_code(uow, visit)
    audit.record(uow, "visit.rescheduled", "visit", visit.id, before=before,
                 after={"visit_date": visit_date.isoformat()})
    _queue_new_code(uow, visit, site, codes, "invitation_changed")
    result = _sent(visit, codes)
    uow.commit()
    return result


# ---------------------------------------------------------------------------------------------- editing


# The form's fields in its order; the ones the visitor's e-mail shows get them a new e-mail when changed.
EDIT_FIELDS = ("name", "phone", "email", "company", "purpose", "purpose_note", "start", "end")
MAILED_FIELDS = frozenset({"name", "email", "start", "end"})


@dataclass(frozen=True)
class InvitationEdited:
    visit_id: int
    changed: tuple[str, ...]  # the fields that changed, in EDIT_FIELDS order; empty: nothing was saved
    token: str | None = None  # the new code when the visitor was sent one (the old one stopped working)
    emailed: bool = False
    short_code: str | None = None  # the new short code, with ``token``


def _local_time(instant: datetime | None, site: SiteInfo) -> time | None:
    return instant.astimezone(site.zone).time() if instant is not None else None


def edit_invitation(
    uow: UnitOfWork,
    visit_id: int,
    *,
    visitor_name: str,
    phone: str | None = None,
    email: str | None = None,
    company: str | None = None,
    purpose: Purpose | str = Purpose.MEETING,
    purpose_note: str = "",
    start: time | None = None,
    end: time | None = None,
) -> InvitationEdited:
    """Correct an invitation not yet used: the visitor's details, the purpose, the time on the same day
    (another day is ``reschedule_invitation``). Every value is given, as the form shows it.

    A change the visitor's e-mail shows (name, address, time) sends them the updated calendar entry
    with a new QR, as a reschedule does: the earlier code cannot be sent again (see the module), so it
    stops working. A new address gets the invitation itself. The audit event names the changed fields,
    never their values. A visitor with other visits is found again by name and phone (or made anew),
    as at an invitation, so correcting a name or number never rewrites the person's past visits.
    """
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    _only_invited(visit, "changed")
    errors: list[FieldError] = []
    details = _check_details(errors, visitor_name=visitor_name, phone=phone, email=email, company=company,
                             purpose=purpose, purpose_note=purpose_note, visitor_type=visit.visitor_type)
    _check_window(errors, start, end)
    raise_if_any(errors)
    site = get_site(uow, visit.site.code)
    visitor = visit.visitor
    old: dict[str, object] = {
        "name": visitor.name, "phone": visitor.phone, "email": visitor.email, "company": visitor.company,
        "purpose": visit.purpose, "purpose_note": visit.purpose_note,
        "start": _local_time(visit.expected_start, site), "end": _local_time(visit.expected_end, site),
    }
    new: dict[str, object] = {
        "name": details.name, "phone": details.phone, "email": details.email, "company": details.company,
        "purpose": details.purpose, "purpose_note": details.note, "start": start, "end": end,
    }
    changed = tuple(key for key in EDIT_FIELDS if old[key] != new[key])
    if not changed:
        return InvitationEdited(visit.id, ())

    before: dict[str, Any] = {"visitor_id": visitor.id, "purpose": visit.purpose.value,
                              "expected_start": _iso(visit.expected_start), "expected_end": _iso(visit.expected_end)}
    if search_key(details.name) != visitor.name_key or details.phone != visitor.phone:
        others = uow.session.scalar(
            select(func.count()).select_from(Visit).where(Visit.visitor_id == visitor.id, Visit.id != visit.id))
        if others:
            # Someone else by now (or the same person's past visits keep who they were): found again or new.
            visitor = upsert_visitor(uow, name=details.name, phone=details.phone, email=details.email,
                                     company=details.company)
            visit.visitor = visitor
        else:  # only this invitation knows them: a typo corrected in place
            visitor.name_key, visitor.phone = search_key(details.name), details.phone
    visitor.name = details.name
    visitor.email, visitor.company = details.email, details.company
    visit.purpose, visit.purpose_note = details.purpose, details.note
    visit.expected_start = site.local_instant(visit.visit_date, start) if start else None
    visit.expected_end = site.local_instant(visit.visit_date, end) if end else None
    audit.record(uow, "visit.edited", "visit", visit.id, before=before, after={
        "fields": list(changed), "visitor_id": visitor.id, "purpose": visit.purpose.value,
        "expected_start": _iso(visit.expected_start), "expected_end": _iso(visit.expected_end),
    })
    codes: tokens.InvitationCodes | None = None
    emailed = False
    if visitor.email and MAILED_FIELDS.intersection(changed):
        codes = _replace_code(uow, visit)
        emailed = _queue_new_code(uow, visit, site, codes,
                                  "invitation_created" if "email" in changed else "invitation_changed")
    uow.commit()
    return InvitationEdited(visit.id, changed, codes.token if codes else None, emailed,
                            codes.short_code if codes else None)


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None


def resend_invitation(uow: UnitOfWork, visit_id: int) -> InvitationCreated:
    """Send the invitation e-mail again ("I never got it"), with a new QR code; the code sent before
    stops working.

    Why a new code: the code sent before cannot be sent again. Only its SHA-256 is stored, and the
    notice that carried it has had it blanked once sent (``SENT_ONCE_KEYS`` in the sending service).
    A new code is issued and every earlier one revoked, as a reschedule does, so one code opens a
    visit at a time: an e-mail that went to the wrong address or was forwarded stops being a way in
    once the desk sends the invitation again.
    """
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    _only_invited(visit, "sent again")
    site = get_site(uow, visit.site.code)
    if visit.visit_date < site.local_date(uow.now()):
        raise ValidationFailed([FieldError("date", "in_past", "the visit date is in the past")])
    if not visit.visitor.email:
        raise ValidationFailed([FieldError("email", "required", "the visitor has no e-mail address to send to")])
    codes = _replace_code(uow, visit)
    audit.record(uow, "visit.invitation_resent", "visit", visit.id)
    _queue_new_code(uow, visit, site, codes, "invitation_created")
    result = _sent(visit, codes)
    uow.commit()
    return result


# ---------------------------------------------------------------------------------------------- the list


class InvitationSort(StrEnum):
    """The list's sort columns; each sorts by the visit id last, so ties keep one order."""

    WHEN = "when"  # the day, then the expected time (invitations without one after those with)
    VISITOR = "visitor"
    COMPANY = "company"
    HOST = "host"
    CREATED = "created"


@dataclass(frozen=True)
class InvitationQuery:
    """Which invitations the desk lists. ``text`` matches anywhere in the visitor's name, company,
    e-mail or phone number, or the host's name (characters, or the start of its pinyin or initials)."""

    text: str = ""
    first_day: date | None = None  # None: today at the site (upcoming invitations)
    last_day: date | None = None  # None: no end
    host_id: int | None = None
    include_cancelled: bool = False
    sort: InvitationSort = InvitationSort.WHEN
    descending: bool = False


@dataclass(frozen=True)
class InvitationRow:
    """One invitation as the desk lists and edits it, plain values only."""

    id: int
    visit_date: date
    expected_start: datetime | None
    expected_end: datetime | None
    visitor_name: str
    company: str
    phone: str
    email: str
    host_id: int
    host_name: str
    department: str
    purpose: Purpose
    purpose_note: str
    status: VisitStatus
    vip: bool
    created_at: datetime
    email_status: NotificationStatus | None  # the latest invitation e-mail's; None: none was queued


_ROWS_PER_QUERY = 500
_MIN_PHONE_DIGITS = 3
_PHONE_TEXT = re.compile(r"^\+?[0-9][0-9 ()\-.]*$")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, text: str) -> Any:
    return column.like(f"%{_like_escape(text)}%", escape="\\")


def _text_condition(text: str) -> Any | None:
    """Upcoming invitations are few (a site's next weeks), so "contains" is affordable here."""
    shown = unicodedata.normalize("NFC", "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs")))
    key = search_key(shown)
    if not key:
        return None
    found = [_contains(Visitor.name_key, key), _contains(func.lower(Visitor.company), key),
             _contains(Visitor.email, key), _contains(Host.name_key, key)]
    digits = re.sub(r"\D", "", shown)
    if _PHONE_TEXT.match(shown.strip()) and len(digits) >= _MIN_PHONE_DIGITS:
        found.append(_contains(Visitor.phone, digits))
        if digits.startswith("0"):  # a landline typed with its trunk zero: 0755 ... is stored +86755 ...
            found.append(_contains(Visitor.phone, digits[1:]))
    letters = re.sub(r"[^a-z0-9]", "", key)
    if key.isascii() and len(letters) >= 2:
        found += [Host.pinyin.like(f"{_like_escape(letters)}%", escape="\\"),
                  Host.initials.like(f"{_like_escape(letters)}%", escape="\\")]
    return or_(*found)


def _sort_keys(sort: InvitationSort) -> list[tuple[Any, bool]]:
    """(column, may be empty) pairs, before the id."""
    keys: dict[InvitationSort, list[tuple[Any, bool]]] = {
        InvitationSort.WHEN: [(Visit.visit_date, False), (Visit.expected_start, True)],
        InvitationSort.VISITOR: [(Visitor.name_key, False)],
        InvitationSort.COMPANY: [(func.nullif(Visitor.company, ""), True)],
        InvitationSort.HOST: [(Host.name_key, False)],
        InvitationSort.CREATED: [(Visit.created_at, False)],
    }
    return keys[sort]


def _ids_statement(site: SiteInfo, today: date, query: InvitationQuery) -> Select[Any]:
    statuses = [VisitStatus.INVITED] + ([VisitStatus.CANCELLED] if query.include_cancelled else [])
    conditions: list[Any] = [
        Visit.site_id == site.id, Visit.kind == VisitKind.INVITED, Visit.status.in_(statuses),
        Visit.visit_date >= (query.first_day if query.first_day is not None else today),
    ]
    if query.last_day is not None:
        conditions.append(Visit.visit_date <= query.last_day)
    if query.host_id is not None:
        conditions.append(Visit.host_id == query.host_id)
    text = _text_condition(query.text)
    if text is not None:
        conditions.append(text)
    ordered = []
    for column, may_be_empty in _sort_keys(query.sort):
        key = column.desc() if query.descending else column.asc()
        ordered.append(key.nulls_last() if may_be_empty else key)
    ordered.append(Visit.id.desc() if query.descending else Visit.id.asc())
    return (
        select(Visit.id)
        .join(Visitor, Visitor.id == Visit.visitor_id)
        .join(Host, Host.id == Visit.host_id)
        .where(*conditions)
        .order_by(*ordered)
    )


def invitation_ids(uow: UnitOfWork, site_code: str, query: InvitationQuery, *, limit: int | None = None) -> array[int]:
    """The ids of the site's invitations matching ``query``, in its order; the first ``limit`` only if given."""
    site = get_site(uow, site_code)
    statement = _ids_statement(site, site.local_date(uow.now()), query)
    if limit is not None:
        statement = statement.limit(limit)
    return array("q", uow.session.scalars(statement))


def invitation_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[InvitationRow]:
    """The rows of ``ids`` in that order; ids of visits since purged are left out."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, InvitationRow] = {}
    for first in range(0, len(wanted), _ROWS_PER_QUERY):
        chunk = wanted[first:first + _ROWS_PER_QUERY]
        mail: dict[int, NotificationStatus] = {}
        for visit_id, status in uow.session.execute(
            select(Notification.visit_id, Notification.status)
            .where(Notification.visit_id.in_(chunk), Notification.event.in_(MAIL_EVENTS),
                   Notification.channel == Channel.EMAIL)
            .order_by(Notification.id)
        ):
            if visit_id is not None:
                mail[visit_id] = NotificationStatus(status)  # the latest wins
        statement = (
            select(Visit.id, Visit.visit_date, Visit.expected_start, Visit.expected_end, Visitor.name,
                   Visitor.company, Visitor.phone, Visitor.email, Host.id, Host.name, Department.name,
                   Visit.purpose, Visit.purpose_note, Visit.status, Visit.vip, Visit.created_at)
            .join(Visitor, Visitor.id == Visit.visitor_id)
            .join(Host, Host.id == Visit.host_id)
            .outerjoin(Department, Department.id == Host.department_id)
            .where(Visit.id.in_(chunk))
        )
        for row in uow.session.execute(statement):
            found[row[0]] = InvitationRow(
                id=row[0], visit_date=row[1], expected_start=row[2], expected_end=row[3], visitor_name=row[4],
                company=row[5] or "", phone=row[6] or "", email=row[7] or "", host_id=row[8], host_name=row[9],
                department=row[10] or "", purpose=Purpose(row[11]), purpose_note=row[12] or "",
                status=VisitStatus(row[13]), vip=bool(row[14]), created_at=row[15], email_status=mail.get(row[0]),
            )
    return [found[i] for i in wanted if i in found]


def invitation_detail(uow: UnitOfWork, visit_id: int) -> InvitationRow:
    rows = invitation_rows(uow, [visit_id])
    if not rows:
        raise NotFound(f"no visit with id {visit_id}")
    return rows[0]


# ---------------------------------------------------------------------------------------------- a group visit


GROUP_MAX_ROWS = 500
# The columns a group file may have, by the headings people write (English or Chinese, any case).
GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "visitor", "visitor name", "visitor_name", "姓名", "访客姓名", "名字"),
    "phone": ("phone", "mobile", "phone number", "手机", "手机号", "手机号码", "电话", "联系电话"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮件", "电子邮箱"),
    "company": ("company", "organisation", "organization", "公司", "单位", "公司名称"),
}
_HEADING = {heading: key for key, headings in GROUP_COLUMNS.items() for heading in headings}


@dataclass(frozen=True)
class GroupRowProblem:
    line: int  # the line of the file (1: the headings, or the file as a whole)
    field: str  # name | phone | email | company | file
    code: str  # required | too_long | bad_characters | invalid_phone | invalid_email | duplicate | already_invited
    #            (a row); encoding | unreadable | missing_column | empty | too_many_rows (the file)
    message: str
    first_line: int = 0  # a duplicate: the line where the phone or e-mail first appears


@dataclass(frozen=True)
class GroupRow:
    """A visitor read from the file, checked and normalised (phone E.164)."""

    line: int
    name: str
    phone: str
    email: str
    company: str


@dataclass(frozen=True)
class GroupImportReport:
    rows: tuple[GroupRow, ...]  # the good rows (all of them, when there is no problem)
    problems: tuple[GroupRowProblem, ...]
    invited: tuple[InvitationCreated, ...] = ()  # empty unless saved
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def saved(self) -> bool:
        return bool(self.invited)


def _file_problem(code: str, message: str, line: int = 1) -> GroupImportReport:
    return GroupImportReport((), (GroupRowProblem(line, "file", code, message),))


def import_group_csv(
    uow: UnitOfWork,
    data: bytes,
    *,
    site_code: str,
    host_id: int | None,
    visit_date: date,
    start: time | None = None,
    end: time | None = None,
    purpose: Purpose | str = Purpose.MEETING,
    purpose_note: str = "",
    visitor_type: VisitorType | str = VisitorType.VISITOR,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> GroupImportReport:
    """A group visit: one invitation per row of a CSV (columns name and phone and/or email, company
    optional; UTF-8, UTF-8 with BOM, or GBK as Excel saves it), all for one host, day and time.

    Every row is checked first: a problem in any row is reported with its line, and then nothing
    is saved. ``dry_run`` checks and reports without saving (the dialog's preview). The host, day,
    time and purpose are the form's: a problem there raises ``ValidationFailed``. ``progress`` hears
    (invited so far, to invite) as the invitations are made.
    """
    site = get_site(uow, site_code)
    errors: list[FieldError] = []
    if visit_date < site.local_date(uow.now()):
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    _check_window(errors, start, end)
    note = clean_text(purpose_note, "purpose_note", max_len=NOTE_MAX, errors=errors)
    try:
        chosen_purpose, chosen_type = Purpose(purpose), VisitorType(visitor_type)
    except ValueError as exc:
        errors.append(FieldError("purpose", "invalid", str(exc)))
    _check_host_chosen(errors, host_id)
    raise_if_any(errors)
    assert host_id is not None
    host = _receiving_host(uow, host_id)

    try:
        text = decode_csv(data)
    except UnicodeDecodeError:
        return _file_problem("encoding", "the file is neither UTF-8 nor GBK text")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        headings = [(h or "").strip().lower() for h in reader.fieldnames or []]
    except csv.Error as exc:
        return _file_problem("unreadable", f"the file is not a CSV file: {exc}")
    columns: dict[str, str] = {}  # our key -> the file's heading
    for heading, original in zip(headings, reader.fieldnames or [], strict=True):
        key = _HEADING.get(heading)
        if key is not None and key not in columns:
            columns[key] = original
    if "name" not in columns:
        return _file_problem("missing_column", "the file has no name column")
    if "phone" not in columns and "email" not in columns:
        return _file_problem("missing_column", "the file has neither a phone nor an email column")

    invited_before = _already_invited(uow, host.id, visit_date)
    rows: list[GroupRow] = []
    problems: list[GroupRowProblem] = []
    seen_phone: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    details: list[_Details] = []
    count = 0
    try:
        for record in reader:
            line = reader.line_num
            values = {key: cell if isinstance(cell := record.get(heading), str) else ""
                      for key, heading in columns.items()}
            if not any(value.strip() for value in values.values()):
                continue  # an empty line, or Excel's ",,,"
            count += 1
            if count > GROUP_MAX_ROWS:
                return _file_problem("too_many_rows", f"the file has more than {GROUP_MAX_ROWS} visitors", line)
            found: list[FieldError] = []
            checked = _check_details(found, visitor_name=values.get("name", ""), phone=values.get("phone"),
                                     email=values.get("email"), company=values.get("company"),
                                     purpose=chosen_purpose, purpose_note=note, visitor_type=chosen_type)
            first_lines: dict[str, int] = {}
            for field, value, seen in (("phone", checked.phone, seen_phone), ("email", checked.email, seen_email)):
                if value and value in seen:
                    found.append(FieldError(field, "duplicate", f"the same {field} is on line {seen[value]}"))
                    first_lines[field] = seen[value]
                elif value and value in invited_before:
                    found.append(FieldError(field, "already_invited",
                                            "already invited to see this host on that day"))
                elif value:
                    seen[value] = line
            if found:
                problems += [GroupRowProblem(line, e.field, e.code, e.message, first_lines.get(e.field, 0)
                                             if e.code == "duplicate" else 0) for e in found]
                continue
            rows.append(GroupRow(line, checked.name, checked.phone or "", checked.email or "", checked.company or ""))
            details.append(checked)
    except csv.Error as exc:
        problems.append(GroupRowProblem(reader.line_num, "file", "unreadable", f"the file is not a CSV file: {exc}"))
    if not rows and not problems:
        return _file_problem("empty", "the file has no visitors")
    if problems or dry_run:
        return GroupImportReport(tuple(rows), tuple(problems), dry_run=dry_run)

    made: list[InvitationCreated] = []
    for checked in details:
        made.append(_invite(uow, site, host, checked, visit_date, start, end, False))
        if progress is not None:
            progress(len(made), len(details))
    invited = tuple(made)
    audit.record(uow, "invitations.group_import", "host", host.id,
                 after={"visit_date": visit_date.isoformat(), "invited": len(invited)})
    uow.commit()
    return GroupImportReport(tuple(rows), (), invited)


def _already_invited(uow: UnitOfWork, host_id: int, day: date) -> set[str]:
    """The phones and e-mail addresses of visitors the host already expects that day."""
    found: set[str] = set()
    for phone, email in uow.session.execute(
        select(Visitor.phone, Visitor.email).join(Visit, Visit.visitor_id == Visitor.id)
        .where(Visit.host_id == host_id, Visit.visit_date == day, Visit.status == VisitStatus.INVITED)
    ):
        found.update(value for value in (phone, email) if value)
    return found
