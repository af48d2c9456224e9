"""Pre-registration on the web: a visitor asks ahead for a visit; the host agrees, declines or proposes a time.

    register       the public page's form → a visit of kind PREREGISTERED, pending; the host is asked
                   (e-mail and chat with approve/decline links and a pointer to the host page).
                   A deny-list hit holds it for reception instead (the host is not asked until the
                   desk releases the hold) and the visitor sees the very same receipt.
    approve        → an invitation (INVITED, a QR code for the day): the visitor is e-mailed the QR
                   and the calendar entry, saying their host agreed.
    propose_time   → an invitation for another day/time, the e-mail saying the host proposed it.
    decline        → DENIED, and a polite e-mail to the visitor (the reason stays in the history).
    expire_unanswered  housekeeping: still pending after its day → CANCELLED, one polite note.

The same field rules as a walk-in (plus a required e-mail address: the invitation goes there), the
same deny-list screening, and the sales rule: a sales visit may be asked for a later day (an
appointment made ahead), never for today. The visitor's language (the page's) is kept in the
request's audit event, so the later e-mails speak it.

Host search for the page (``find_hosts``) answers at most a few names with departments; hosts are
named back by an opaque reference (``host_ref``, an HMAC of the id), never by id.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import AuditEvent, Host, Purpose, Visit, VisitKind, VisitStatus
from kiosk.services import audit, outbox, rate_limits
from kiosk.services.directory import hosts as directory
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import Conflict, FieldError, PolicyRefusal, ValidationFailed
from kiosk.services.idnumbers import IdNumberProtector, check_id_number
from kiosk.services.rate_limits import Subjects
from kiosk.services.text import (
    COMPANY_MAX,
    NAME_MAX,
    NOTE_MAX,
    clean_text,
    normalise_email,
    normalise_phone,
    raise_if_any,
)
from kiosk.services.visits import denylist, host_requests, lifecycle, tokens, walkins
from kiosk.services.visits.agreements import Consents, record_consents
from kiosk.services.visits.invitations import InvitationCreated
from kiosk.services.visits.visitors import upsert_visitor

ACTOR = "web:visitor"
DAYS_AHEAD = 60
PARTY_MIN, PARTY_MAX = 1, 50
HOST_MATCHES = 5
SEARCH_MIN_CHARS = 2
SALES_TODAY = "sales_without_appointment"  # the walk-in's code: the page shows the same message
NOT_WAITING = "not_waiting"
REQUEST_EVENT = host_requests.REQUEST_EVENT
APPROVED_EVENT = "preregistration_approved"
PROPOSED_EVENT = "preregistration_proposed"
DECLINED_EVENT = "preregistration_declined"
EXPIRED_EVENT = "preregistration_expired"
_REGISTERED = "visit.preregistered"


class PreRegistrationOutcome(StrEnum):
    PENDING = "pending_approval"  # the host was asked
    HELD = "held"  # a deny-list hit: reception was alerted (never told to the visitor)


@dataclass(frozen=True)
class PreRegistrationRequest:
    """The form's values (strings as typed; ``register`` checks every field at once)."""

    name: str
    phone: str
    email: str
    host_id: int | None
    visit_date: date | None
    start: time | None
    end: time | None
    purpose: str
    company: str = ""
    party_size: int = 1
    id_number: str = ""
    purpose_note: str = ""
    language: str = "zh_CN"
    rules_accepted: bool = False
    # The page named a host the server does not know (a bad or stale reference): a field error on "host".
    host_unknown: bool = False


@dataclass(frozen=True)
class PreRegistered:
    visit_id: int
    outcome: PreRegistrationOutcome
    host_name: str
    visit_date: date


@dataclass(frozen=True)
class HostMatch:
    host_id: int  # for the gateway to sign into a reference; never shown
    name: str
    department: str
    department_en: str = ""  # the department's English name, "" when the directory has none


# ---------------------------------------------------------------------------------------------- host search


def _ref_mac(secret: bytes, host_id: int) -> str:
    digest = hmac.new(secret, f"host-ref:{host_id}".encode(), hashlib.sha256).digest()[:15]
    return base64.urlsafe_b64encode(digest).decode("ascii")


def host_ref(secret: bytes, host_id: int) -> str:
    """The page's name for a host: 20 characters that say nothing about the id without ``secret``."""
    return _ref_mac(secret, host_id)


def resolve_host_ref(uow: UnitOfWork, secret: bytes, ref: str) -> int | None:
    """The active host ``ref`` stands for, or None (unknown, tampered, or the host no longer receives)."""
    ref = (ref or "").strip()
    if len(ref) != 20:
        return None
    for host_id in uow.session.scalars(select(Host.id).where(Host.active.is_(True))):
        if hmac.compare_digest(_ref_mac(secret, host_id), ref):
            return int(host_id)
    return None


def find_hosts(uow: UnitOfWork, text: str, *, subjects: Subjects | None = None) -> list[HostMatch]:
    """At most ``HOST_MATCHES`` active hosts for at least ``SEARCH_MIN_CHARS`` typed characters (else []);
    each search counts against the client (RateLimited past the limits, ``rate_limits``)."""
    if len((text or "").strip()) < SEARCH_MIN_CHARS:
        return []
    if subjects is not None:
        rate_limits.spend(uow, rate_limits.HOST_SEARCH_LIMITS, subjects.client)
    found = [HostMatch(h.id, h.name, h.department, h.department_en) for h in
             directory.search_hosts(uow, text, limit=HOST_MATCHES) if h.active]
    uow.commit()
    return found


# ---------------------------------------------------------------------------------------------- the request


@dataclass(frozen=True)
class _Checked:
    name: str
    phone: str
    email: str
    company: str | None
    id_number: str | None
    purpose: Purpose
    note: str
    day: date
    language: str


def _check(request: PreRegistrationRequest, today: date, rules_required: bool) -> _Checked:
    errors: list[FieldError] = []
    name = clean_text(request.name, "name", max_len=NAME_MAX, required=True, errors=errors)
    phone = normalise_phone(request.phone, required=True, errors=errors)
    email = normalise_email(request.email, errors=errors)
    if not email and not any(e.field == "email" for e in errors):
        errors.append(FieldError("email", "required", "an e-mail address is required: the invitation goes there"))
    company = clean_text(request.company, "company", max_len=COMPANY_MAX, errors=errors) or None
    id_number = check_id_number(request.id_number, errors)
    note = clean_text(request.purpose_note, "purpose_note", max_len=NOTE_MAX, errors=errors)
    if request.host_unknown:
        errors.append(FieldError("host", "unknown", "choose the person you are visiting from the list"))
    elif request.host_id is None:
        errors.append(FieldError("host", "required", "choose the person you are visiting"))
    purpose = Purpose.MEETING
    try:
        purpose = Purpose(request.purpose)
    except ValueError:
        errors.append(FieldError("purpose", "required", "choose the purpose of your visit"))
    day = request.visit_date or today
    if request.visit_date is None:
        errors.append(FieldError("date", "required", "choose the day of your visit"))
    elif day < today:
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    elif day > today + timedelta(days=DAYS_AHEAD):
        errors.append(FieldError("date", "too_far", f"a visit can be registered at most {DAYS_AHEAD} days ahead"))
    if request.start is None:
        errors.append(FieldError("start", "required", "choose the time you will arrive"))
    elif request.end is not None and request.end <= request.start:
        errors.append(FieldError("end", "before_start", "the visit ends before it starts"))
    if not isinstance(request.party_size, int) or not PARTY_MIN <= request.party_size <= PARTY_MAX:
        errors.append(FieldError("party_size", "out_of_range",
                                 f"the number of people must be {PARTY_MIN} to {PARTY_MAX}"))
    if rules_required and not request.rules_accepted:
        errors.append(FieldError("rules", "required", "please accept the house rules"))
    raise_if_any(errors)
    assert phone is not None and email is not None
    language = "en" if request.language == "en" else "zh_CN"
    return _Checked(name, phone, email, company, id_number, purpose, note, day, language)


def register(
    uow: UnitOfWork,
    request: PreRegistrationRequest,
    *,
    site_code: str,
    protector: IdNumberProtector | None = None,
    refuse_sales_without_appointment: bool = True,
    agreement_id: int | None = None,
    subjects: Subjects | None = None,
    host_page: str = "",
) -> PreRegistered:
    """Save the request and ask the host (or hold it for reception on a deny-list hit).

    ``agreement_id``: the house rules the site asks for (None: none asked); the visitor must have
    accepted them, and the acceptance is recorded like a kiosk signature (without the drawing).
    ``subjects``: who to count the request against (None: no limits, for tests and the command line);
    a request is counted only once saved. ``host_page``: the host page's URL for the host's notice.
    ValidationFailed (every field), PolicyRefusal (a sales visit for today), RateLimited.
    """
    if subjects is not None:
        rate_limits.check(uow, rate_limits.PREREGISTER_CLIENT_LIMITS, subjects.client)
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    checked = _check(request, today, agreement_id is not None)
    if checked.purpose is Purpose.SALES and refuse_sales_without_appointment and checked.day == today:
        raise PolicyRefusal(
            "we do not see sales visitors without an appointment; please ask for a later day", code=SALES_TODAY)
    assert request.host_id is not None and request.start is not None
    host = directory.get_host(uow, request.host_id)
    if not host.active:
        raise ValidationFailed([FieldError("host", "unknown", "choose the person you are visiting from the list")])
    if subjects is not None:
        rate_limits.check(uow, rate_limits.PREREGISTER_HOST_LIMITS, subjects.host(host.id))

    visitor = upsert_visitor(uow, name=checked.name, phone=checked.phone, email=checked.email,
                             company=checked.company, id_number=checked.id_number, protector=protector)
    visit = Visit(
        site_id=site.id, host_id=host.id, visitor_id=visitor.id, kind=VisitKind.PREREGISTERED,
        status=VisitStatus.PENDING_APPROVAL, purpose=checked.purpose, purpose_note=checked.note,
        visit_date=checked.day, created_at=uow.now(), party_size=request.party_size,
        expected_start=site.local_instant(checked.day, request.start),
        expected_end=site.local_instant(checked.day, request.end) if request.end else None,
    )
    uow.session.add(visit)
    uow.session.flush()
    audit.record(uow, _REGISTERED, "visit", visit.id,
                 after={"status": VisitStatus.PENDING_APPROVAL.value, "host_id": host.id,
                        "party_size": visit.party_size, "language": checked.language})
    if agreement_id is not None:
        record_consents(uow, visit, Consents(agreement_id=agreement_id))
    if subjects is not None:
        rate_limits.record_hit(uow, rate_limits.PREREGISTER_CLIENT_BUCKET, subjects.client)
        rate_limits.record_hit(uow, rate_limits.PREREGISTER_HOST_BUCKET, subjects.host(host.id))

    hit = denylist.screen(uow, name=visitor.name, phone=visitor.phone, company=visitor.company,
                          text=visit.purpose_note)
    if hit is not None:
        visit.hold_reason = f"deny_list:{hit.kind}"
        audit.record(uow, "visit.held", "visit", visit.id, after={"deny_entry": hit.entry_id})
        outbox.notify_reception(
            uow, event="deny_list_hit", subject_key=f"visit:{visit.id}", visit_id=visit.id,
            payload={"visit_id": visit.id, "visitor_name": visitor.name, "deny_kind": hit.kind,
                     "reason": hit.reason, "host_name": host.name},
        )
        uow.commit()
        return PreRegistered(visit.id, PreRegistrationOutcome.HELD, host.name, visit.visit_date)

    host_requests.ask_host(uow, visit, site, host_page=host_page)
    uow.commit()
    return PreRegistered(visit.id, PreRegistrationOutcome.PENDING, host.name, visit.visit_date)


# ---------------------------------------------------------------------------------------------- the host's answer


def _waiting(uow: UnitOfWork, visit_id: int) -> Visit:
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    if visit.kind != VisitKind.PREREGISTERED or visit.status != VisitStatus.PENDING_APPROVAL:
        raise Conflict("this visit request is no longer waiting for an answer", code=NOT_WAITING)
    return visit


def visitor_language(uow: UnitOfWork, visit: Visit) -> str:
    """The language of the page the visitor registered on (kept in the request's audit event)."""
    after = uow.session.scalar(
        select(AuditEvent.after).where(AuditEvent.entity == "visit", AuditEvent.entity_id == visit.id,
                                       AuditEvent.action == _REGISTERED).order_by(AuditEvent.id).limit(1)
    )
    language = (after or {}).get("language") if isinstance(after, dict) else None
    return language if language in ("zh_CN", "en") else visit.host.language


def _mail_visitor(
    uow: UnitOfWork, visit: Visit, site: SiteInfo, event: str, codes: tokens.InvitationCodes | None = None
) -> bool:
    if not visit.visitor.email:
        return False
    payload: dict[str, object] = {
        "visit_id": visit.id, "visitor_name": visit.visitor.name, "host_name": visit.host.name,
        "visit_date": visit.visit_date.isoformat(), "time_text": host_requests.time_text(site, visit),
        "site_name": site.name,
    }
    if codes is not None:
        payload.update({"token": codes.token, "short_code": codes.short_code, "sequence": 0})
    return outbox.enqueue(
        uow, event=event, channel=Channel.EMAIL, recipient=visit.visitor.email, payload=payload,
        subject_key=f"visit:{visit.id}", language=visitor_language(uow, visit), visit_id=visit.id,
    )


def _invite(uow: UnitOfWork, visit: Visit, site: SiteInfo, event: str, **details: object) -> InvitationCreated:
    denylist.refuse_if_held(visit)
    if visit.visit_date < site.local_date(uow.now()):
        raise Conflict("the day of this visit request has passed", code=NOT_WAITING)
    lifecycle.transition(uow, visit, VisitStatus.INVITED, via="preregistration", **details)
    visit.decided_at, visit.decided_by = uow.now(), uow.actor
    visit.host_acknowledged_at = visit.host_acknowledged_at or uow.now()
    codes = tokens.issue_invitation(uow, visit_id=visit.id, valid_on=visit.visit_date)
    _mail_visitor(uow, visit, site, event, codes)
    return InvitationCreated(
        visit_id=visit.id, token=codes.token, visit_date=visit.visit_date, visitor_name=visit.visitor.name,
        host_name=visit.host.name, expected_start=visit.expected_start, expected_end=visit.expected_end,
        short_code=codes.short_code,
    )


def approve(uow: UnitOfWork, visit_id: int) -> InvitationCreated:
    """The host agrees: the request becomes an invitation for its day and the visitor is e-mailed the QR
    code and calendar entry. Conflict when it no longer waits; PolicyRefusal when reception holds it."""
    visit = _waiting(uow, visit_id)
    site = get_site(uow, visit.site.code)
    result = _invite(uow, visit, site, APPROVED_EVENT)
    uow.commit()
    return result


def propose_time(
    uow: UnitOfWork, visit_id: int, visit_date: date, start: time | None, end: time | None = None
) -> InvitationCreated:
    """The host agrees to another day or time: the visitor is invited for it (the e-mail says so)."""
    visit = _waiting(uow, visit_id)
    site = get_site(uow, visit.site.code)
    today = site.local_date(uow.now())
    errors: list[FieldError] = []
    if visit_date < today:
        errors.append(FieldError("date", "in_past", "the visit date is in the past"))
    elif visit_date > today + timedelta(days=DAYS_AHEAD):
        errors.append(FieldError("date", "too_far", f"a visit can be set at most {DAYS_AHEAD} days ahead"))
    if start is not None and end is not None and end <= start:
        errors.append(FieldError("end", "before_start", "the visit ends before it starts"))
    raise_if_any(errors)
    before = visit.visit_date.isoformat()
    visit.visit_date = visit_date
    visit.expected_start = site.local_instant(visit_date, start) if start else None
    visit.expected_end = site.local_instant(visit_date, end) if start and end else None
    result = _invite(uow, visit, site, PROPOSED_EVENT, proposed=True, asked_for=before)
    uow.commit()
    return result


def decline(uow: UnitOfWork, visit_id: int, reason: str = "") -> None:
    """The host (or the desk) says no: DENIED, and the visitor gets a polite e-mail (never the reason)."""
    why = clean_text(reason, "reason", max_len=denylist.REASON_MAX)
    visit = _waiting(uow, visit_id)
    site = get_site(uow, visit.site.code)
    lifecycle.transition(uow, visit, VisitStatus.DENIED, **({"reason": why} if why else {}))
    visit.host_acknowledged_at = visit.host_acknowledged_at or uow.now()
    _mail_visitor(uow, visit, site, DECLINED_EVENT)
    uow.commit()


def _is_preregistration(uow: UnitOfWork, visit_id: int) -> bool:
    return uow.session.scalar(select(Visit.kind).where(Visit.id == visit_id)) == VisitKind.PREREGISTERED


def host_approves(uow: UnitOfWork, visit_id: int) -> None:
    """A host's "approve" (reply link): a pre-registration becomes an invitation, a walk-in is let in."""
    if _is_preregistration(uow, visit_id):
        approve(uow, visit_id)
    else:
        walkins.approve_visit(uow, visit_id)


def host_declines(uow: UnitOfWork, visit_id: int, reason: str = "") -> None:
    """A host's "decline" (reply link): a pre-registration's visitor gets the polite e-mail."""
    if _is_preregistration(uow, visit_id):
        decline(uow, visit_id, reason)
    else:
        walkins.deny_visit(uow, visit_id, reason)


# ---------------------------------------------------------------------------------------------- housekeeping


def expire_unanswered(uow: UnitOfWork, *, site_code: str) -> list[int]:
    """Requests still pending after their day: cancelled, each visitor told once (politely). Returns their ids."""
    site = get_site(uow, site_code)
    today = site.local_date(uow.now())
    stale = uow.session.scalars(
        select(Visit).where(Visit.site_id == site.id, Visit.kind == VisitKind.PREREGISTERED,
                            Visit.status == VisitStatus.PENDING_APPROVAL, Visit.visit_date < today)
        .order_by(Visit.id).with_for_update()
    ).all()
    for visit in stale:
        lifecycle.transition(uow, visit, VisitStatus.CANCELLED, by="expired")
        _mail_visitor(uow, visit, site, EXPIRED_EVENT)
    uow.commit()
    return [v.id for v in stale]
