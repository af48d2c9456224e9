"""Signed, single-use, expiring host-reply links (approve, decline, on my way, sign out).

A link is ``<public_url>/r/<token>``; the token is ``base64url(json) "." base64url(HMAC-SHA256)``
over {action, visit, visit key, host e-mail, nonce, expiry}. The nonce is derived from the
notice's idempotency key and the action, and the expiry from when the notice
was queued, so a re-sent message carries the very same links: using one copy
uses them all. Used nonces are stored in ``used_links`` (unique), which makes
a link act once even when two clicks race.

A link acts only on the visit it was made for, and only while that visit is still its host's:
the visit key is a digest of the visit's own identity (id, visitor, creation time), so a later
visit that somehow got the same id does not match, and the host e-mail must still be the visit's
host's. Otherwise the link is "stale": refused like an expired one, nothing changed or audited.

A claim may be about something other than a visit: ``"s": "requisition"`` in the token (absent for
visits, so their tokens are unchanged) makes it a department head's approve/decline of a requisition,
bound the same way to the requisition's id, its key (``requisitions.requisition_key``) and the head's
e-mail (the department's contact address, checked again at use). Its used-link row holds visit_id 0:
it belongs to no visit, so erasing a visit never forgets it.

``"s": "booking"`` is a meeting's organiser confirming the room from the reminder
(``rooms.notices.confirm_reminder``): bound to the booking's id, its key (``notices.booking_key``: id, calendar
UID, creation time) and the organiser's e-mail, checked again at use; stale once the booking is no longer
booked or confirmed (released, cancelled, displaced, done) or has another organiser.

``"s": "complaint"`` is a customer rating the outcome of their complaint (1-5): the link asks a question, so
it is redeemed with the answer by ``complaint_links.rate``, never by ``redeem``; bound to the complaint's id,
its key (``complaint_notices.complaint_key``: id, creation time, the customer's contact) and the customer's
e-mail; stale once the satisfaction is known or the complaint is closed. It lives 14 days (``LINK_LIFETIMES``:
a customer reads their mail later than a host), and its actor names the complaint, not the customer's address.

``"s": "message"`` is a colleague's "got it" for a phone message the desk took for them (``desk.messages``): bound
to the message's id, its key (``message_notices.message_key``: id, time received, the host it is for) and the
address the notice went to, which must still be the colleague's or their department contact's (the escalation's
link); it acknowledges the message once, as ``host:<address>``. A message acknowledged meanwhile (at the desk)
answers 409.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import CursorResult, Delete, delete, select
from sqlalchemy.exc import IntegrityError

from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingStatus
from kiosk.models import UsedLink, Visit
from kiosk.models.front_desk import PhoneMessage
from kiosk.models.org import Site
from kiosk.models.rooms import Booking
from kiosk.models.supplies import Requisition
from kiosk.services.desk import messages as phone_messages
from kiosk.services.rooms import bookings, notices
from kiosk.services.supplies import requisitions
from kiosk.services.visits import escalation, preregistration, signout

LINK_LIFETIME = timedelta(hours=24)
ACTIONS: dict[str, Callable[[UnitOfWork, int], object]] = {
    # A walk-in is let in (or not); a pre-registration becomes an invitation (or the visitor is told no).
    "approve": preregistration.host_approves,
    "decline": preregistration.host_declines,
    "on_my_way": escalation.acknowledge,
    "sign_out": lambda uow, visit_id: signout.sign_out_visit(uow, visit_id, via="host"),
}
# What a link about a requisition can do (its claim's ``subject`` is "requisition").
REQUISITION = "requisition"
REQUISITION_ACTIONS: dict[str, Callable[[UnitOfWork, int], object]] = {
    "approve_requisition": lambda uow, requisition_id: requisitions.approve(uow, requisition_id),
    "decline_requisition": lambda uow, requisition_id: requisitions.decline(
        uow, requisition_id, note="declined by the department head's link"),
}
# What a link about a room booking can do (its claim's ``subject`` is "booking").
BOOKING = "booking"
BOOKING_ACTIONS: dict[str, Callable[[UnitOfWork, int], object]] = {
    "confirm_booking": lambda uow, booking_id: bookings.confirm(uow, booking_id),
}
# What a link about a phone message can do (its claim's ``subject`` is "message").
MESSAGE = "message"
MESSAGE_ACTIONS: dict[str, Callable[[UnitOfWork, int], object]] = {
    "ack_message": phone_messages.acknowledge_by_link,
}
SUBJECT_ACTIONS = {"visit": ACTIONS, REQUISITION: REQUISITION_ACTIONS, BOOKING: BOOKING_ACTIONS,
                   MESSAGE: MESSAGE_ACTIONS}
# Links that carry an answer (redeemed by their own module with it): a customer rating a complaint's outcome.
COMPLAINT = "complaint"
RATE_COMPLAINT = "rate_complaint"
ANSWERED_ACTIONS = {COMPLAINT: frozenset({RATE_COMPLAINT})}
# How long a link lives, by subject (LINK_LIFETIME otherwise); used-link rows are kept as long.
LINK_LIFETIMES = {COMPLAINT: timedelta(days=14)}
LONG_LIVED_ACTIONS = {RATE_COMPLAINT: LINK_LIFETIMES[COMPLAINT]}
REFUSAL_STATUS = {"tampered": 400, "expired": 410, "used": 410, "stale": 410}
ACTOR_MAX = 64  # the audit and visit actor columns are 64 characters


class LinkRefused(Exception):
    """The link cannot act: ``reason`` is tampered, expired, used or stale; ``status`` the HTTP answer."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = REFUSAL_STATUS[reason]


@dataclass(frozen=True)
class LinkClaim:
    action: str
    visit_id: int
    host_email: str
    nonce: str
    expires_at: datetime
    # ``visit_key`` of the visit the link was made for; "" in links made before keys existed.
    visit_key: str = ""
    # What ``visit_id``/``visit_key`` name: "visit", or "requisition" (its id and requisition_key).
    subject: str = "visit"

    @property
    def actor(self) -> str:
        if self.subject == COMPLAINT:  # a customer: their address stays out of the audit trail
            return f"customer:complaint:{self.visit_id}"[:ACTOR_MAX]
        return f"host:{self.host_email}"[:ACTOR_MAX]


def lifetime_of(subject: str) -> timedelta:
    return LINK_LIFETIMES.get(subject, LINK_LIFETIME)


def visit_key(visit: Visit) -> str:
    """What tells this visit from any other that might carry its id: not secret (the token is signed)."""
    identity = f"{visit.id}:{visit.visitor_id}:{visit.created_at.isoformat()}"
    return hashlib.sha256(identity.encode()).hexdigest()[:24]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class LinkSigner:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, body: bytes) -> bytes:
        return hmac.new(self._secret, body, hashlib.sha256).digest()

    def nonce_for(self, idempotency_key: str, action: str) -> str:
        """Stable per (notice, action), and unguessable without the secret."""
        return hmac.new(self._secret, f"nonce:{idempotency_key}:{action}".encode(), hashlib.sha256).hexdigest()[:32]

    def make_token(self, claim: LinkClaim) -> str:
        fields: dict[str, object] = {
            "a": claim.action, "v": claim.visit_id, "k": claim.visit_key, "h": claim.host_email,
            "n": claim.nonce, "x": int(claim.expires_at.timestamp())}
        if claim.subject != "visit":
            fields["s"] = claim.subject
        body = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return f"{_b64(body)}.{_b64(self._mac(body))}"

    def read_token(self, token: str) -> LinkClaim:
        """The claim inside a token whose signature checks out; LinkRefused("tampered") otherwise.

        Expiry and use are checked by ``redeem``/``check_usable`` against the database clock.
        """
        try:
            body_text, mac_text = token.split(".", 1)
            body, mac = _unb64(body_text), _unb64(mac_text)
        except (ValueError, TypeError):
            raise LinkRefused("tampered") from None
        if not hmac.compare_digest(mac, self._mac(body)):
            raise LinkRefused("tampered")
        try:
            data = json.loads(body)
            claim = LinkClaim(
                action=str(data["a"]), visit_id=int(data["v"]), host_email=str(data["h"]), nonce=str(data["n"]),
                expires_at=datetime.fromtimestamp(int(data["x"]), UTC), visit_key=str(data.get("k", "")),
                subject=str(data.get("s", "visit")),
            )
        except (ValueError, KeyError, TypeError):
            raise LinkRefused("tampered") from None
        if claim.action not in SUBJECT_ACTIONS.get(claim.subject, {}) and \
                claim.action not in ANSWERED_ACTIONS.get(claim.subject, frozenset()):
            raise LinkRefused("tampered")
        return claim

    def host_links(
        self, public_url: str, *, actions: Iterable[str], visit_id: int, host_email: str, idempotency_key: str,
        issued_at: datetime, visit_key: str = "",
    ) -> dict[str, str]:
        """{action: URL} for one notice; the same inputs always give the same URLs."""
        base = public_url.rstrip("/")
        links = {}
        for action in actions:
            claim = LinkClaim(
                action=action, visit_id=visit_id, host_email=host_email,
                nonce=self.nonce_for(idempotency_key, action), expires_at=issued_at + LINK_LIFETIME,
                visit_key=visit_key,
            )
            links[action] = f"{base}/r/{self.make_token(claim)}"
        return links

    def subject_links(
        self, public_url: str, *, subject: str, actions: Iterable[str], subject_id: int, subject_key: str,
        email: str, idempotency_key: str, issued_at: datetime,
    ) -> dict[str, str]:
        """{action: URL} for a notice about something other than a visit (a requisition, booking, message),
        bound to its id, key and the address told; stable like ``host_links``."""
        base = public_url.rstrip("/")
        return {action: f"{base}/r/" + self.make_token(LinkClaim(
            action=action, visit_id=subject_id, host_email=email,
            nonce=self.nonce_for(idempotency_key, action), expires_at=issued_at + lifetime_of(subject),
            visit_key=subject_key, subject=subject,
        )) for action in actions}

    def requisition_links(
        self, public_url: str, *, actions: Iterable[str], requisition_id: int, requisition_key: str,
        head_email: str, idempotency_key: str, issued_at: datetime,
    ) -> dict[str, str]:
        """{action: URL} for a department head's approval notice."""
        return self.subject_links(public_url, subject=REQUISITION, actions=actions, subject_id=requisition_id,
                                  subject_key=requisition_key, email=head_email,
                                  idempotency_key=idempotency_key, issued_at=issued_at)

    def booking_links(
        self, public_url: str, *, actions: Iterable[str], booking_id: int, booking_key: str, organiser_email: str,
        idempotency_key: str, issued_at: datetime,
    ) -> dict[str, str]:
        """{action: URL} for a meeting organiser's reminder."""
        return self.subject_links(public_url, subject=BOOKING, actions=actions, subject_id=booking_id,
                                  subject_key=booking_key, email=organiser_email,
                                  idempotency_key=idempotency_key, issued_at=issued_at)

    def message_links(
        self, public_url: str, *, actions: Iterable[str], message_id: int, message_key: str, colleague_email: str,
        idempotency_key: str, issued_at: datetime,
    ) -> dict[str, str]:
        """{action: URL} for a phone message's notices (the "got it" link)."""
        return self.subject_links(public_url, subject=MESSAGE, actions=actions, subject_id=message_id,
                                  subject_key=message_key, email=colleague_email,
                                  idempotency_key=idempotency_key, issued_at=issued_at)

def check_usable(uow: UnitOfWork, claim: LinkClaim) -> None:
    """LinkRefused when the link has expired (by the database clock) or was already used."""
    if uow.now() >= claim.expires_at:
        raise LinkRefused("expired")
    if uow.session.scalar(select(UsedLink.id).where(UsedLink.nonce == claim.nonce)) is not None:
        raise LinkRefused("used")


def _bound_visit(uow: UnitOfWork, claim: LinkClaim) -> Visit:
    """The visit the link was made for, still its host's; LinkRefused("stale") for anything else."""
    visit = uow.session.get(Visit, claim.visit_id)
    if visit is None or visit.host.email.casefold() != claim.host_email.casefold():
        raise LinkRefused("stale")
    if claim.visit_key:
        if not hmac.compare_digest(claim.visit_key, visit_key(visit)):
            raise LinkRefused("stale")
    elif visit.created_at > claim.expires_at - LINK_LIFETIME:
        # A link without a key (made before keys existed) predates its notice's visit: another visit.
        raise LinkRefused("stale")
    return visit


def _bound_requisition(uow: UnitOfWork, claim: LinkClaim) -> Requisition:
    """The requisition the link was made for, its head still the link's; LinkRefused("stale") otherwise."""
    requisition = uow.session.get(Requisition, claim.visit_id)
    if requisition is None or not hmac.compare_digest(claim.visit_key, requisitions.requisition_key(requisition)):
        raise LinkRefused("stale")
    if requisitions.department_head(uow, requisition).casefold() != claim.host_email.casefold():
        raise LinkRefused("stale")
    return requisition


def _bound_booking(uow: UnitOfWork, claim: LinkClaim) -> Booking:
    """The booking the link was made for, still live and still its organiser's; LinkRefused("stale") otherwise."""
    booking = uow.session.get(Booking, claim.visit_id)
    if booking is None or not hmac.compare_digest(claim.visit_key, notices.booking_key(booking)):
        raise LinkRefused("stale")
    if booking.status not in (BookingStatus.BOOKED, BookingStatus.CONFIRMED):
        raise LinkRefused("stale")
    if booking.organiser.email.casefold() != claim.host_email.casefold():
        raise LinkRefused("stale")
    return booking


def _bound_message(uow: UnitOfWork, claim: LinkClaim) -> PhoneMessage:
    """The message the link was made for, still for the link's address; LinkRefused("stale") otherwise."""
    message = phone_messages.bound_message(uow, claim.visit_id, claim.visit_key, claim.host_email)
    if message is None:
        raise LinkRefused("stale")
    return message


def message_preview(uow: UnitOfWork, claim: LinkClaim) -> tuple[str, list[str]]:
    """Who called and the message, for the "got it" link's page."""
    check_usable(uow, claim)
    return phone_messages.link_preview(uow, _bound_message(uow, claim))


def booking_preview(uow: UnitOfWork, claim: LinkClaim) -> tuple[str, list[str]]:
    """Whose meeting a usable confirm link is about, and when and where (site time), for its page."""
    check_usable(uow, claim)
    booking = _bound_booking(uow, claim)
    site = uow.session.get(Site, booking.site_id)
    zone = ZoneInfo(site.timezone if site else "UTC")
    starts, ends = booking.starts_at.astimezone(zone), booking.ends_at.astimezone(zone)
    when = (f"{starts:%Y-%m-%d %H:%M}–{ends:%H:%M}" if starts.date() == ends.date()
            else f"{starts:%Y-%m-%d %H:%M} – {ends:%Y-%m-%d %H:%M}")
    room = f"{booking.room.name}, {booking.room.floor}" if booking.room.floor else booking.room.name
    return booking.organiser.name, [line for line in (when, room, booking.topic) if line]


def requisition_preview(uow: UnitOfWork, claim: LinkClaim) -> tuple[str, list[str]]:
    """Whose requisition a usable link is about and its lines, for the confirmation page."""
    check_usable(uow, claim)
    row = requisitions.get(uow, _bound_requisition(uow, claim).id)
    who = f"{row.requester}（{row.department}）" if row.department else row.requester
    lines = [f"{line.item_name} {line.specification} × {line.quantity} {line.unit}".replace("  ", " ")
             for line in row.lines]
    if row.purpose:
        lines.append(row.purpose)
    return who, lines


def visitor_name(uow: UnitOfWork, claim: LinkClaim) -> str:
    """Whom a usable link is about, for its confirmation page; LinkRefused when it cannot act any more."""
    check_usable(uow, claim)
    return _bound_visit(uow, claim).visitor.name


def redeem(uow: UnitOfWork, claim: LinkClaim) -> None:
    """Act on the link once; ``uow`` acts as ``claim.actor`` (``host:<email>``).

    The used-link row and the visit change commit together; if the action is
    refused (the visit was already decided, say) neither is saved and the
    ServiceError reaches the caller.
    """
    if claim.subject in ANSWERED_ACTIONS:  # needs its answer: redeemed by its own page, not here
        raise LinkRefused("tampered")
    try:
        check_usable(uow, claim)
        if claim.subject == REQUISITION:
            _bound_requisition(uow, claim)
        elif claim.subject == BOOKING:
            _bound_booking(uow, claim)
        elif claim.subject == MESSAGE:
            _bound_message(uow, claim)
        else:
            _bound_visit(uow, claim)
        uow.session.add(UsedLink(
            nonce=claim.nonce, action=claim.action, visit_id=claim.visit_id if claim.subject == "visit" else 0,
            used_by=claim.actor, used_at=uow.now(),
        ))
        uow.session.flush()
        SUBJECT_ACTIONS[claim.subject][claim.action](uow, claim.visit_id)  # commits
    except IntegrityError:
        # Another click of the same link committed first (PostgreSQL; SQLite serialises writers).
        uow.rollback()
        raise LinkRefused("used") from None


def forget_spent_links(uow: UnitOfWork) -> int:
    """Drop used-link records older than a link can live: those links are refused as expired anyway.

    For the nightly maintenance job; a link's expiry is at most its lifetime (24 h; ``LONG_LIVED_ACTIONS``
    longer) after its notice, hence after its use.
    """
    removed = _deleted(uow, delete(UsedLink).where(
        UsedLink.used_at < uow.now() - LINK_LIFETIME, UsedLink.action.not_in(list(LONG_LIVED_ACTIONS))))
    for action, lifetime in LONG_LIVED_ACTIONS.items():
        removed += _deleted(uow, delete(UsedLink).where(UsedLink.action == action,
                                                        UsedLink.used_at < uow.now() - lifetime))
    uow.commit()
    return removed


def _deleted(uow: UnitOfWork, statement: Delete) -> int:
    result = uow.session.execute(statement)
    return int(result.rowcount or 0) if isinstance(result, CursorResult) else 0
