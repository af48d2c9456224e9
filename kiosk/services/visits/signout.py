"""Leaving: by the badge's own QR, by name at the kiosk, by the receptionist, or automatically at day's end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import AccessToken, Feedback, TokenKind, Visit, Visitor, VisitStatus
from kiosk.services import audit, outbox
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, ValidationFailed
from kiosk.services.text import clean_text, search_key
from kiosk.services.visits import lifecycle
from kiosk.services.visits.checkin import check_day, is_repeat, lock_token
from kiosk.services.visits.tokens import TokenProblem, TokenRejected


@dataclass(frozen=True)
class SignOutResult:
    visit_id: int
    visitor_name: str
    host_name: str
    repeated: bool = False


def _signed_out(visit: Visit, repeated: bool = False) -> SignOutResult:
    return SignOutResult(visit.id, visit.visitor.name, visit.host.name, repeated)


def sign_out_by_token(uow: UnitOfWork, token: str, *, site_code: str, grace_seconds: int = 10) -> SignOutResult:
    site = get_site(uow, site_code)
    row = lock_token(uow, token, TokenKind.SIGN_OUT)
    visit = lifecycle.load_visit(uow, row.visit_id)
    if visit.site_id != site.id:
        raise TokenRejected(TokenProblem.WRONG_SITE)
    if row.revoked_at is not None:
        raise TokenRejected(TokenProblem.REPLACED)
    if row.used_at is not None:
        if is_repeat(row, uow, grace_seconds):
            return _signed_out(visit, repeated=True)
        raise TokenRejected(TokenProblem.ALREADY_USED)
    check_day(site, row, uow)
    if visit.status != VisitStatus.CHECKED_IN:
        raise TokenRejected(TokenProblem.ALREADY_USED)
    row.used_at, row.used_by = uow.now(), uow.actor
    lifecycle.transition(uow, visit, VisitStatus.CHECKED_OUT, via="badge")
    result = _signed_out(visit)
    uow.commit()
    return result


def sign_out_visit(uow: UnitOfWork, visit_id: int, *, via: str = "desk") -> SignOutResult:
    """By name at the kiosk (``via="name"``) or by the receptionist. Spends the badge token too."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    lifecycle.transition(uow, visit, VisitStatus.CHECKED_OUT, via=via)
    _spend_badge_tokens(uow, visit.id)
    result = _signed_out(visit)
    uow.commit()
    return result


def _spend_badge_tokens(uow: UnitOfWork, visit_id: int) -> None:
    for row in uow.session.scalars(
        select(AccessToken).where(
            AccessToken.visit_id == visit_id, AccessToken.kind == TokenKind.SIGN_OUT, AccessToken.used_at.is_(None)
        )
    ):
        row.used_at, row.used_by = uow.now(), uow.actor


@dataclass(frozen=True)
class OnSiteMatch:
    """What a visitor signing out by name may see of others: a first name fragment and the host."""

    visit_id: int
    visitor_name: str
    host_name: str
    checked_in_at: datetime


def find_on_site_by_name(uow: UnitOfWork, name: str, *, site_code: str, limit: int = 10) -> list[OnSiteMatch]:
    key = search_key(name)
    if len(key) < 1:
        return []
    site = get_site(uow, site_code)
    rows = uow.session.scalars(
        select(Visit).join(Visitor, Visitor.id == Visit.visitor_id)
        .where(Visit.site_id == site.id, Visit.status == VisitStatus.CHECKED_IN,
               Visitor.name_key >= key, Visitor.name_key < key + "\U0010ffff")
        .order_by(Visit.checked_in_at.desc()).limit(limit)
    )
    return [OnSiteMatch(v.id, v.visitor.name, v.host.name, v.checked_in_at) for v in rows]  # type: ignore[arg-type]


def end_of_day(uow: UnitOfWork, *, site_code: str, signout_time: time) -> tuple[list[int], list[int]]:
    """Past the site's sign-out time: everyone still in is signed out, invitations not used become no-shows.

    Visits from earlier days are closed whatever the hour. Returns (signed out, no-shows) visit ids.
    """
    site = get_site(uow, site_code)
    now_local = uow.now().astimezone(site.zone)
    today = now_local.date()
    closing_today = now_local.time() >= signout_time
    signed_out: list[int] = []
    no_shows: list[int] = []
    on_site = select(Visit).where(Visit.site_id == site.id, Visit.status == VisitStatus.CHECKED_IN)
    invited = select(Visit).where(Visit.site_id == site.id, Visit.status == VisitStatus.INVITED)
    if not closing_today:
        on_site = on_site.where(Visit.visit_date < today)
        invited = invited.where(Visit.visit_date < today)
    for visit in uow.session.scalars(on_site.with_for_update()):
        lifecycle.transition(uow, visit, VisitStatus.CHECKED_OUT, via="auto")
        _spend_badge_tokens(uow, visit.id)
        signed_out.append(visit.id)
    for visit in uow.session.scalars(invited.with_for_update()):
        lifecycle.transition(uow, visit, VisitStatus.NO_SHOW)
        no_shows.append(visit.id)
    uow.commit()
    return signed_out, no_shows


def remind_hosts_of_visitors_still_in(uow: UnitOfWork, *, site_code: str, remind_at: time) -> list[int]:
    """From ``remind_at`` (local), each host with a visitor still signed in today gets one notice with a
    one-click sign-out link, before the automatic sign-out closes the day. Returns the visits concerned."""
    site = get_site(uow, site_code)
    now_local = uow.now().astimezone(site.zone)
    if now_local.time() < remind_at:
        return []
    lingering = uow.session.scalars(
        select(Visit).where(Visit.site_id == site.id, Visit.status == VisitStatus.CHECKED_IN,
                            Visit.visit_date <= now_local.date())
    ).all()
    reminded = []
    for visit in lingering:
        queued = outbox.notify_host(
            uow, visit.host, event="still_on_site", subject_key=f"visit:{visit.id}", visit_id=visit.id,
            payload={"visit_id": visit.id, "visitor_name": visit.visitor.name,
                     "company": visit.visitor.company or "", "site_name": site.name,
                     "arrived_at": visit.checked_in_at.isoformat() if visit.checked_in_at else ""},
        )
        if queued:
            reminded.append(visit.id)
    uow.commit()
    return reminded


def record_feedback(uow: UnitOfWork, visit_id: int, rating: int, comment: str = "") -> None:
    """A 1-5 rating after signing out (the front-desk KPI is >= 90 % satisfied); one per visit."""
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        raise ValidationFailed([FieldError("rating", "invalid", "the rating is 1 to 5")])
    text = clean_text(comment, "comment", max_len=1000, allow_newlines=True)
    visit = lifecycle.load_visit(uow, visit_id)
    if visit.status != VisitStatus.CHECKED_OUT:
        raise Conflict("feedback is given after signing out")
    if uow.session.scalar(select(Feedback.id).where(Feedback.visit_id == visit_id)) is not None:
        raise Conflict("this visit has already been rated")
    uow.session.add(Feedback(visit_id=visit_id, rating=rating, comment=text, created_at=uow.now()))
    audit.record(uow, "feedback.recorded", "visit", visit_id, after={"rating": rating})
    uow.commit()
