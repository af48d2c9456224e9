"""The host's web pages (``/host``): sign in by e-mailed link, see my visitors, answer, invite.

A host signs in with a one-time link sent to their directory e-mail (no passwords). The session
secret lives in an HttpOnly cookie; the database keeps its SHA-256. Every state-changing call takes
the session token and acts as ``host:<email>`` on that host's own visits only (another host's visit
is NotFound, so ids reveal nothing). CSRF tokens are derived from the session token.

One unit of work per call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from kiosk.application.gateways.web_visitors import ClientRef
from kiosk.config import Settings
from kiosk.db import Database

SIGN_IN_LINK_MINUTES = 15
SESSION_IDLE_MINUTES = 60
SESSION_MAX_HOURS = 12


class HostVisitState(StrEnum):
    """What the host's list says about a visit, in the host's words."""

    WAITING_FOR_YOU = "waiting_for_you"  # a walk-in or a pre-registration asks for the host's answer
    EXPECTED = "expected"  # invited (or approved), not arrived
    ARRIVED = "arrived"  # checked in, on site
    SIGNED_OUT = "signed_out"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


@dataclass(frozen=True)
class HostIdentity:
    host_id: int
    name: str
    email: str
    language: str


@dataclass(frozen=True)
class SessionStarted:
    token: str  # for the cookie; never logged, never in a URL
    expires_at: datetime


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
    phone: str  # masked unless the visit waits for this host's answer
    email: str
    purpose_note: str
    photo_jpeg: bytes | None


@dataclass(frozen=True)
class HostInvitation:
    """One visitor the host invites from the page (strings as typed; the service checks them)."""

    visitor_name: str
    phone: str
    email: str
    company: str
    visit_date: date | None
    start: time | None
    end: time | None
    purpose: str
    purpose_note: str = ""


class NotSignedIn(Exception):
    """No session, or it ended (signed out, idle too long, too old): show the sign-in page."""


@dataclass
class HostWebGateway:
    database: Database
    settings: Settings

    # -- signing in ----------------------------------------------------------------------------------------

    def request_sign_in(self, email: str, client: ClientRef, *, language: str) -> None:
        """E-mail a one-time sign-in link if ``email`` is an active host's; the same answer (None, the
        same time) whether or not it is, so the page reveals nobody. RateLimited per client and per host."""
        raise NotImplementedError

    def sign_in(self, link_token: str) -> SessionStarted:
        """Spend a sign-in link (single use, ``SIGN_IN_LINK_MINUTES``) and start a session. NotSignedIn when
        the link is unknown, used or expired."""
        raise NotImplementedError

    def identity(self, session_token: str) -> HostIdentity:
        """Who the session is (and it is touched: idle expiry slides). NotSignedIn otherwise."""
        raise NotImplementedError

    def csrf_token(self, session_token: str) -> str:
        """The token every form of this session posts back (derived, not stored)."""
        raise NotImplementedError

    def check_csrf(self, session_token: str, posted: str) -> bool:
        raise NotImplementedError

    def sign_out(self, session_token: str) -> None:
        raise NotImplementedError

    # -- my visitors ---------------------------------------------------------------------------------------

    def my_visits(self, session_token: str, *, days: int = 14) -> list[HostVisitRow]:
        """Today's and upcoming visits for this host (and today's past ones), waiting-for-you first."""
        raise NotImplementedError

    def visit_detail(self, session_token: str, visit_id: int) -> HostVisitDetail:
        raise NotImplementedError

    def approve(self, session_token: str, visit_id: int) -> HostVisitRow:
        """A waiting walk-in is let in; a pre-registration becomes an invitation (the visitor is e-mailed
        the QR code and calendar entry). Conflict when it is no longer waiting."""
        raise NotImplementedError

    def decline(self, session_token: str, visit_id: int, reason: str = "") -> HostVisitRow:
        raise NotImplementedError

    def propose_time(self, session_token: str, visit_id: int, visit_date: date, start: time | None,
                     end: time | None) -> HostVisitRow:
        """A pre-registration is accepted for another time: the visitor is e-mailed the invitation for it."""
        raise NotImplementedError

    def invite(self, session_token: str, invitation: HostInvitation) -> HostVisitRow:
        raise NotImplementedError

    def invite_group(self, session_token: str, rows_csv: str, visit_date: date, start: time | None,
                     end: time | None, purpose: str) -> list[HostVisitRow]:
        """A pasted list or an uploaded CSV (name, phone[, email, company] per line); one bad row saves
        nothing (ValidationFailed naming the rows)."""
        raise NotImplementedError

    def reschedule(self, session_token: str, visit_id: int, visit_date: date, start: time | None,
                   end: time | None) -> HostVisitRow:
        raise NotImplementedError

    def cancel(self, session_token: str, visit_id: int) -> HostVisitRow:
        raise NotImplementedError
