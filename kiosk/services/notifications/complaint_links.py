"""The customer's link to rate how their complaint was handled: ``<public_url>/rate/<token>``.

The host-reply machinery (``host_links``: signed claims, single use through ``used_links``, expiry by the
database clock) with the claim's subject "complaint" and action "rate_complaint", bound to the complaint's
id, its key (``complaint_notices.complaint_key``) and the customer's e-mail address, living 14 days. Opening
the page spends nothing; the answer (1-5) is recorded once, as ``customer:complaint:<id>``. A score out of
range is refused before the link is spent; a complaint whose satisfaction is already known (the desk asked)
or that is closed makes the link stale.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from kiosk.db.uow import UnitOfWork
from kiosk.models import Site, UsedLink
from kiosk.models.front_desk import Complaint
from kiosk.services.desk import complaint_notices, complaints
from kiosk.services.desk.complaint_records import ComplaintStatus, SatisfactionVia
from kiosk.services.notifications.host_links import (
    COMPLAINT,
    RATE_COMPLAINT,
    LinkClaim,
    LinkRefused,
    LinkSigner,
    check_usable,
    lifetime_of,
)

ACTIONS = (RATE_COMPLAINT,)


@dataclass(frozen=True)
class RatingPreview:
    """What the rating page shows: whose complaint, when it was recorded, what was done."""

    claim: LinkClaim
    customer_name: str
    recorded_on: date  # the site's day it was recorded
    resolution: str


def links(signer: LinkSigner, public_url: str, *, complaint_id: int, complaint_key: str, customer_email: str,
          idempotency_key: str, issued_at: datetime, actions: Iterable[str] = ACTIONS) -> dict[str, str]:
    """{action: URL} for the outcome e-mail; the same notice always gives the same links."""
    base = public_url.rstrip("/")
    return {action: f"{base}/rate/" + signer.make_token(LinkClaim(
        action=action, visit_id=complaint_id, host_email=customer_email,
        nonce=signer.nonce_for(idempotency_key, action), expires_at=issued_at + lifetime_of(COMPLAINT),
        visit_key=complaint_key, subject=COMPLAINT,
    )) for action in actions}


def read(signer: LinkSigner, token: str) -> LinkClaim:
    """The claim of a rating link; LinkRefused("tampered") for anything else (a host's link too)."""
    claim = signer.read_token(token)
    if claim.subject != COMPLAINT:
        raise LinkRefused("tampered")
    return claim


def _bound(uow: UnitOfWork, claim: LinkClaim) -> Complaint:
    """The complaint the link was made for, still waiting for this customer's answer; stale otherwise."""
    complaint = uow.session.get(Complaint, claim.visit_id)
    if complaint is None or not hmac.compare_digest(claim.visit_key, complaint_notices.complaint_key(complaint)):
        raise LinkRefused("stale")
    if complaint_notices.customer_email(complaint).casefold() != claim.host_email.casefold():
        raise LinkRefused("stale")
    if complaint.status != ComplaintStatus.RESOLVED or complaint.satisfaction is not None:
        raise LinkRefused("stale")
    return complaint


def preview(uow: UnitOfWork, claim: LinkClaim) -> RatingPreview:
    check_usable(uow, claim)
    complaint = _bound(uow, claim)
    site = uow.session.get(Site, complaint.site_id)
    day = complaint.created_at.astimezone(ZoneInfo(site.timezone if site else "UTC")).date()
    return RatingPreview(claim, complaint.customer_name, day, complaint.resolution)


def rate(uow: UnitOfWork, claim: LinkClaim, score: int) -> None:
    """Record the customer's answer once (``uow`` acts as ``claim.actor``); the link is spent with it."""
    try:
        check_usable(uow, claim)
        _bound(uow, claim)
        uow.session.add(UsedLink(nonce=claim.nonce, action=claim.action, visit_id=0, used_by=claim.actor,
                                 used_at=uow.now()))
        uow.session.flush()
        complaints.record_satisfaction(uow, claim.visit_id, score, SatisfactionVia.LINK)  # commits
    except IntegrityError:
        # Another answer on the same link committed first (PostgreSQL; SQLite serialises writers).
        uow.rollback()
        raise LinkRefused("used") from None
