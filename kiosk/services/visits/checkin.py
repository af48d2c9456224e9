"""Check-in by invitation token: the zero-tap path for an invited visitor at the kiosk camera.

One transaction: the token is validated and spent, the visitor screened
against the deny list, the visit checked in, the badge queued and the host
notified (outbox rows), all audited. A camera sees a code many times, so a
repeat within the grace window returns the first result instead of an error;
two kiosks scanning at once give exactly one check-in (``BEGIN IMMEDIATE`` on
SQLite, a row lock on PostgreSQL).

A short code typed at the kiosk (``domain/short_codes.py``) takes the same path and gives the
same answers as the QR it came with. Wrong typed codes are counted per kiosk (``typed_at``); after
too many the kiosk is refused typed codes for a minute (``rate_limits``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain import short_codes
from kiosk.domain.visits import CheckInOutcome
from kiosk.models import AccessToken, BadgePrintJob, TokenKind, Visit, VisitStatus
from kiosk.services import audit, outbox, rate_limits
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.rooms import visit_rooms
from kiosk.services.visits import denylist, lifecycle
from kiosk.services.visits.agreements import Consents, record_consents
from kiosk.services.visits.print_jobs import note_kiosk, queue_first_badge
from kiosk.services.visits.tokens import TokenProblem, TokenRejected, hash_token, short_code_hash, token_kind


@dataclass(frozen=True)
class CheckInResult:
    visit_id: int
    outcome: CheckInOutcome
    visitor_name: str
    host_name: str
    department: str
    badge_job_id: int | None
    repeated: bool = False


def lock_token(uow: UnitOfWork, token: str, expected: TokenKind) -> AccessToken:
    """The token row, locked for this transaction; TokenRejected for anything that is not one of ours."""
    if token_kind(token) is not expected:
        raise TokenRejected(TokenProblem.WRONG_KIND)
    row = uow.session.scalar(
        select(AccessToken).where(AccessToken.token_hash == hash_token(token.strip())).with_for_update()
    )
    if row is None:
        raise TokenRejected(TokenProblem.UNKNOWN)
    return row


def lock_short_code(uow: UnitOfWork, code: str, typed_at: str | None) -> AccessToken:
    """The short code's row, locked; TokenRejected(UNKNOWN) for a wrong one, counted against the kiosk
    ``typed_at`` (None: not counted, the operator's own tools), RateLimited while that kiosk is refused.

    A wrong code is counted and committed before the rejection, so the count survives it."""
    if typed_at is not None:
        rate_limits.check_lockout(uow, rate_limits.WRONG_SHORT_CODE_LIMIT, rate_limits.WRONG_SHORT_CODE_LOCK,
                                  typed_at)
    row = uow.session.scalar(
        select(AccessToken).where(AccessToken.token_hash == short_code_hash(code),
                                  AccessToken.kind == TokenKind.SHORT_CODE).with_for_update()
    )
    if row is None:
        if typed_at is not None:
            rate_limits.record_hit(uow, rate_limits.WRONG_SHORT_CODE_BUCKET, typed_at)
            uow.commit()
        raise TokenRejected(TokenProblem.UNKNOWN)
    return row


def check_day(site: SiteInfo, row: AccessToken, uow: UnitOfWork) -> None:
    today = site.local_date(uow.now())
    if today < row.valid_on:
        raise TokenRejected(TokenProblem.NOT_YET_VALID)
    if today > row.valid_on:
        raise TokenRejected(TokenProblem.EXPIRED)


def is_repeat(row: AccessToken, uow: UnitOfWork, grace_seconds: int) -> bool:
    return row.used_at is not None and uow.now() - row.used_at <= timedelta(seconds=grace_seconds)


@dataclass(frozen=True)
class InvitationPreview:
    """Who an invitation is for, read without spending it: the kiosk decides from this whether the
    visitor must first sign an agreement or have a photo taken."""

    visit_id: int
    visitor_name: str
    visitor_type: str
    host_name: str
    department: str
    already_checked_in: bool


def _valid_invitation(
    uow: UnitOfWork, token: str, site: SiteInfo, grace_seconds: int, typed_at: str | None = None
) -> tuple[AccessToken, Visit, bool]:
    """The token (a QR's or a typed short code) and its visit, or TokenRejected; the flag says "a repeat
    scan of a fresh check-in"."""
    code = short_codes.normalise(token) if isinstance(token, str) else None
    row = lock_token(uow, token, TokenKind.INVITATION) if code is None else lock_short_code(uow, code, typed_at)
    visit = lifecycle.load_visit(uow, row.visit_id)
    if visit.site_id != site.id:
        raise TokenRejected(TokenProblem.WRONG_SITE)
    if visit.status == VisitStatus.CANCELLED:
        raise TokenRejected(TokenProblem.CANCELLED)
    if row.revoked_at is not None:
        raise TokenRejected(TokenProblem.REPLACED)
    if row.used_at is not None:
        if is_repeat(row, uow, grace_seconds):
            return row, visit, True
        raise TokenRejected(TokenProblem.ALREADY_USED)
    check_day(site, row, uow)
    if visit.status != VisitStatus.INVITED:
        raise TokenRejected(TokenProblem.ALREADY_USED)
    return row, visit, False


def preview_invitation(
    uow: UnitOfWork, token: str, *, site_code: str, grace_seconds: int = 10, typed_at: str | None = None
) -> InvitationPreview:
    """``typed_at``: as for ``check_in_by_token`` (a wrong short code is counted here too, and committed)."""
    _row, visit, repeated = _valid_invitation(uow, token, get_site(uow, site_code), grace_seconds, typed_at)
    return InvitationPreview(
        visit_id=visit.id, visitor_name=visit.visitor.name, visitor_type=visit.visitor_type.value,
        host_name=visit.host.name, department=visit.host.department.name if visit.host.department else "",
        already_checked_in=repeated,
    )


def check_in_by_token(
    uow: UnitOfWork, token: str, *, site_code: str, grace_seconds: int = 10, consents: Consents | None = None,
    typed_at: str | None = None,
) -> CheckInResult:
    """``token``: the QR's text, or a short code as typed. ``consents``: the agreement signed and photo
    taken at the kiosk, saved with the check-in. ``typed_at``: the kiosk a short code was typed at, whose
    wrong codes are counted (see ``lock_short_code``)."""
    site = get_site(uow, site_code)
    row, visit, repeated = _valid_invitation(uow, token, site, grace_seconds, typed_at)
    if repeated:
        return visit_result(uow, visit, repeated=True)

    note_kiosk(uow, visit)  # where the badge prints, also once the desk releases a hold
    hit = denylist.screen(
        uow, name=visit.visitor.name, phone=visit.visitor.phone, company=visit.visitor.company,
        text=visit.purpose_note,
    )
    if hit is not None:
        return _hold(uow, visit, hit)

    row.used_at, row.used_by = uow.now(), uow.actor
    record_consents(uow, visit, consents)
    lifecycle.transition(uow, visit, VisitStatus.CHECKED_IN, via="invitation")
    queue_first_badge(uow, visit, site.local_date(uow.now()))
    notify_arrival(uow, visit, site)
    result = visit_result(uow, visit)
    uow.commit()
    return result


def _hold(uow: UnitOfWork, visit: Visit, hit: denylist.DenyHit) -> CheckInResult:
    if visit.hold_reason is None:
        visit.hold_reason = f"deny_list:{hit.kind}"
        audit.record(uow, "visit.held", "visit", visit.id, after={"deny_entry": hit.entry_id})
    outbox.notify_reception(
        uow, event="deny_list_hit", subject_key=f"visit:{visit.id}", visit_id=visit.id,
        payload={"visit_id": visit.id, "visitor_name": visit.visitor.name, "deny_kind": hit.kind,
                 "reason": hit.reason, "host_name": visit.host.name},
    )
    result = visit_result(uow, visit, outcome=CheckInOutcome.HELD)
    uow.commit()
    return result


def notify_arrival(uow: UnitOfWork, visit: Visit, site: SiteInfo) -> None:
    payload = {"visit_id": visit.id, "visitor_name": visit.visitor.name, "company": visit.visitor.company or "",
               "purpose": visit.purpose.value, "site_name": site.name, "arrived_at": uow.now().isoformat(),
               **visit_rooms.meeting_payload(uow, visit.id)}
    outbox.notify_host(uow, visit.host, event="visitor_arrived", subject_key=f"visit:{visit.id}",
                       visit_id=visit.id, payload=payload)
    visit.host_notified_at = uow.now()
    if visit.vip:
        vip = {**payload, "host_name": visit.host.name,
               "department": visit.host.department.name if visit.host.department else ""}
        outbox.notify_reception(uow, event="vip_arrived", subject_key=f"visit:{visit.id}", visit_id=visit.id,
                                payload=vip)
        outbox.notify_supervisor(uow, event="vip_arrived", subject_key=f"visit:{visit.id}", visit_id=visit.id,
                                 payload=vip)


def visit_result(
    uow: UnitOfWork, visit: Visit, *, outcome: CheckInOutcome = CheckInOutcome.CHECKED_IN, repeated: bool = False
) -> CheckInResult:
    job_id = uow.session.scalar(
        select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit.id).order_by(BadgePrintJob.id).limit(1)
    )
    return CheckInResult(
        visit_id=visit.id, outcome=outcome, visitor_name=visit.visitor.name, host_name=visit.host.name,
        department=visit.host.department.name if visit.host.department else "",
        badge_job_id=job_id, repeated=repeated,
    )


def check_in_visit(uow: UnitOfWork, visit_id: int, *, site_code: str) -> CheckInResult:
    """The receptionist checks a visitor in by hand (an approved walk-in; a held visit once a supervisor has
    released the hold)."""
    site = get_site(uow, site_code)
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    denylist.refuse_if_held(visit)
    if visit.status == VisitStatus.INVITED:
        for row in uow.session.scalars(
            select(AccessToken).where(AccessToken.visit_id == visit.id,
                                      AccessToken.kind.in_([TokenKind.INVITATION, TokenKind.SHORT_CODE]))
        ):
            row.used_at, row.used_by = row.used_at or uow.now(), row.used_by or uow.actor
    lifecycle.transition(uow, visit, VisitStatus.CHECKED_IN, via="desk")
    queue_first_badge(uow, visit, site.local_date(uow.now()))
    if visit.host_notified_at is None:
        notify_arrival(uow, visit, site)
    result = visit_result(uow, visit)
    uow.commit()
    return result
