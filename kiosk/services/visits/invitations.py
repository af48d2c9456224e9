"""Invitations: a host expects a visitor on a day; the visitor gets a QR that checks them in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import AccessToken, Purpose, TokenKind, Visit, VisitKind, VisitorType, VisitStatus
from kiosk.services import audit, outbox
from kiosk.services.directory.hosts import get_host
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.text import NAME_MAX, NOTE_MAX, clean_text, normalise_email, normalise_phone, raise_if_any
from kiosk.services.visits import lifecycle, tokens
from kiosk.services.visits.visitors import upsert_visitor


@dataclass(frozen=True)
class InvitationCreated:
    visit_id: int
    token: str
    visit_date: date
    visitor_name: str
    host_name: str
    expected_start: datetime | None
    expected_end: datetime | None


def create_invitation(
    uow: UnitOfWork,
    *,
    site_code: str,
    host_id: int,
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
) -> InvitationCreated:
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    errors: list[FieldError] = []
    name = clean_text(visitor_name, "name", max_len=NAME_MAX, required=True, errors=errors)
    phone_e164 = normalise_phone(phone, errors=errors)
    email_clean = normalise_email(email, errors=errors)
    company_clean = clean_text(company, "company", max_len=200, errors=errors) or None
    note = clean_text(purpose_note, "purpose_note", max_len=NOTE_MAX, errors=errors)
    day = visit_date or today
    if day < today:
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    if start and end and end <= start:
        errors.append(FieldError("end", "before_start", "the visit ends before it starts"))
    if not phone_e164 and not email_clean and not any(e.field in ("phone", "email") for e in errors):
        errors.append(FieldError("phone", "required", "a phone number or an e-mail address is required"))
    try:
        purpose, visitor_type = Purpose(purpose), VisitorType(visitor_type)
    except ValueError as exc:
        errors.append(FieldError("purpose", "invalid", str(exc)))
    raise_if_any(errors)
    host = get_host(uow, host_id)
    if not host.active:
        raise ValidationFailed([FieldError("host", "inactive", f"{host.name} no longer receives visitors")])

    visitor = upsert_visitor(uow, name=name, phone=phone_e164, email=email_clean, company=company_clean)
    visit = Visit(
        site_id=site.id, host_id=host.id, visitor_id=visitor.id, kind=VisitKind.INVITED,
        status=VisitStatus.INVITED, purpose=purpose, purpose_note=note, visitor_type=visitor_type,
        visit_date=day, created_at=uow.now(), vip=vip,
        expected_start=site.local_instant(day, start) if start else None,
        expected_end=site.local_instant(day, end) if end else None,
    )
    uow.session.add(visit)
    uow.session.flush()
    token = tokens.issue(uow, visit_id=visit.id, kind=TokenKind.INVITATION, valid_on=day)
    audit.record(uow, "visit.invited", "visit", visit.id, after={"status": "invited", "host_id": host.id})
    if email_clean:
        outbox.enqueue(
            uow, event="invitation_created", channel=Channel.EMAIL, recipient=email_clean,
            payload={"visit_id": visit.id, "token": token, "visitor_name": name, "host_name": host.name,
                     "visit_date": day.isoformat(), "site_name": site.name},
            subject_key=f"visit:{visit.id}", language=host.language, visit_id=visit.id,
        )
    result = InvitationCreated(
        visit_id=visit.id, token=token, visit_date=day, visitor_name=name, host_name=host.name,
        expected_start=visit.expected_start, expected_end=visit.expected_end,
    )
    uow.commit()
    return result


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
    if visit.visitor.email:
        outbox.enqueue(
            uow, event="invitation_cancelled", channel=Channel.EMAIL, recipient=visit.visitor.email,
            payload={"visit_id": visit.id, "visitor_name": visit.visitor.name,
                     "visit_date": visit.visit_date.isoformat()},
            subject_key=f"visit:{visit.id}", language=visit.host.language, visit_id=visit.id,
        )
    uow.commit()


def reschedule_invitation(
    uow: UnitOfWork, visit_id: int, *, visit_date: date, start: time | None = None, end: time | None = None
) -> InvitationCreated:
    """Move an invitation to another day or time window. The old QR stops working (a token is bound
    to one day); the visitor gets a new one with an updated calendar entry."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    if visit.status != VisitStatus.INVITED:
        raise ValidationFailed([FieldError("visit", "not_invited", "only an invitation not yet used can be moved")])
    site = get_site(uow, visit.site.code)
    errors: list[FieldError] = []
    if visit_date < site.local_date(uow.now()):
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    if start and end and end <= start:
        errors.append(FieldError("end", "before_start", "the visit ends before it starts"))
    raise_if_any(errors)
    before = {"visit_date": visit.visit_date.isoformat()}
    visit.visit_date = visit_date
    visit.expected_start = site.local_instant(visit_date, start) if start else None
    visit.expected_end = site.local_instant(visit_date, end) if end else None
    old_tokens = uow.session.scalars(
        select(AccessToken).where(AccessToken.visit_id == visit.id, AccessToken.revoked_at.is_(None))
    ).all()
    for old in old_tokens:
        old.revoked_at = uow.now()
    token = tokens.issue(uow, visit_id=visit.id, kind=TokenKind.INVITATION, valid_on=visit_date)
    audit.record(uow, "visit.rescheduled", "visit", visit.id, before=before,
                 after={"visit_date": visit_date.isoformat()})
    if visit.visitor.email:
        sequence = len(uow.session.scalars(select(AccessToken.id).where(AccessToken.visit_id == visit.id)).all()) - 1
        outbox.enqueue(
            uow, event="invitation_changed", channel=Channel.EMAIL, recipient=visit.visitor.email,
            payload={"visit_id": visit.id, "token": token, "visitor_name": visit.visitor.name,
                     "host_name": visit.host.name, "visit_date": visit_date.isoformat(), "site_name": site.name,
                     "sequence": sequence},
            subject_key=f"visit:{visit.id}:v{sequence}", language=visit.host.language, visit_id=visit.id,
        )
    result = InvitationCreated(
        visit_id=visit.id, token=token, visit_date=visit_date, visitor_name=visit.visitor.name,
        host_name=visit.host.name, expected_start=visit.expected_start, expected_end=visit.expected_end,
    )
    uow.commit()
    return result
