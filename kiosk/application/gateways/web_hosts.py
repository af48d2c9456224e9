"""The host's web pages (``/host``): sign in by e-mailed link, see my visitors, answer, invite.

A host signs in with a one-time link sent to their directory e-mail (no passwords). The session
secret lives in an HttpOnly cookie; the database keeps its SHA-256. Every state-changing call takes
the session token and acts as ``host:<email>`` on that host's own visits only (another host's visit
is NotFound, so ids reveal nothing). CSRF tokens are derived from the session token.

One unit of work per call.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time

from kiosk.application.gateways.web_visitors import ClientRef
from kiosk.application.secrets import load_link_secret
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.uow import UnitOfWork
from kiosk.services.directory import host_web_access
from kiosk.services.directory.host_web_access import SignedInHost
from kiosk.services.errors import RateLimited
from kiosk.services.visits import host_visits
from kiosk.services.visits.host_visits import GroupRowsRefused, HostVisitDetail, HostVisitRow, HostVisitState

__all__ = ["SESSION_IDLE_MINUTES", "SESSION_MAX_HOURS", "SIGN_IN_LINK_MINUTES", "ClientRef", "GroupRowsRefused",
           "HostIdentity", "HostInvitation", "HostVisitDetail", "HostVisitRow", "HostVisitState", "HostWebGateway",
           "NotSignedIn", "RateLimited", "SessionStarted"]

SIGN_IN_LINK_MINUTES = host_web_access.SIGN_IN_LINK_MINUTES  # 15
SESSION_IDLE_MINUTES = host_web_access.SESSION_IDLE_MINUTES  # 60
SESSION_MAX_HOURS = host_web_access.SESSION_MAX_HOURS  # 12
SIGN_IN_ACTOR = "web:host-sign-in"  # until a session says which host acts


@dataclass(frozen=True)
class HostIdentity:
    host_id: int
    name: str
    email: str
    language: str


@dataclass(frozen=True)
class SessionStarted:
    token: str  # for the cookie; never logged, never in a URL
    expires_at: datetime  # the latest it can last (SESSION_MAX_HOURS): the cookie's Expires; idle ends it sooner


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
    # The link secret; None: read from the settings' key file on first use (CSRF tokens, rate limits).
    link_secret: bytes | None = field(default=None, repr=False)
    _keys: dict[str, bytes] = field(default_factory=dict, init=False, repr=False)

    # -- plumbing --------------------------------------------------------------------------------------------

    def _key(self, purpose: str) -> bytes:
        """A key for one purpose, derived from the link secret (HMAC with a label): CSRF tokens, rate-limit
        subjects. Read once per gateway."""
        if self.link_secret is None:
            self.link_secret = load_link_secret(self.settings)
        if purpose not in self._keys:
            self._keys[purpose] = hmac.new(self.link_secret, f"host-web:{purpose}".encode(), hashlib.sha256).digest()
        return self._keys[purpose]

    @contextmanager
    def _as_host(self, session_token: str, *, write: bool) -> Iterator[tuple[UnitOfWork, SignedInHost]]:
        """A unit of work acting as ``host:<email>`` for the session's host (NotSignedIn otherwise). A write
        unit notes the session's use with the action's commit; a read-only one notes it after, when due."""
        who: SignedInHost | None = None
        try:
            with self.database.unit_of_work(SIGN_IN_ACTOR, write=write) as uow:
                who = host_web_access.resolve_session(uow, session_token, touch=write)
                uow.actor = f"host:{who.email}"
                yield uow, who
            if who.touch_due:
                with self.database.unit_of_work(uow.actor) as touch:
                    host_web_access.keep_alive(touch, session_token)
        except host_web_access.NotSignedIn as exc:
            raise NotSignedIn(exc.message) from None

    # -- signing in ----------------------------------------------------------------------------------------

    def request_sign_in(self, email: str, client: ClientRef, *, language: str) -> None:
        """E-mail a one-time sign-in link if ``email`` is an active host's; the same answer (None, the
        same time) whether or not it is, so the page reveals nobody. RateLimited per client and per host
        (per address asked for, host or not). ValidationFailed when ``email`` is no address; Conflict
        (code ``not_configured``) when ``[notify] public_url`` is empty."""
        with self.database.unit_of_work(SIGN_IN_ACTOR) as uow:
            host_web_access.request_sign_in_link(
                uow, email, public_url=self.settings.notify.public_url, client_address=client.address,
                limit_secret=self._key("rate-limits"), language=language,
            )

    def sign_in_link_valid(self, link_token: str) -> bool:
        """Whether the link would sign in now; nothing is spent. For the GET of ``/host/sign-in/<token>``, which
        must only show a "Sign in" button (mail scanners open links); the POST calls ``sign_in``."""
        with self.database.unit_of_work(SIGN_IN_ACTOR, write=False) as uow:
            return host_web_access.link_is_valid(uow, link_token)

    def sign_in(self, link_token: str) -> SessionStarted:
        """Spend a sign-in link (single use, ``SIGN_IN_LINK_MINUTES``) and start a session. NotSignedIn when
        the link is unknown, used or expired."""
        try:
            with self.database.unit_of_work(SIGN_IN_ACTOR) as uow:
                started = host_web_access.start_session(uow, link_token)
        except host_web_access.NotSignedIn as exc:
            raise NotSignedIn(exc.message) from None
        return SessionStarted(started.token, started.expires_at)

    def identity(self, session_token: str) -> HostIdentity:
        """Who the session is (and it is touched: idle expiry slides). NotSignedIn otherwise."""
        with self._as_host(session_token, write=False) as (_uow, who):
            return HostIdentity(who.host_id, who.name, who.email, who.language)

    def csrf_token(self, session_token: str) -> str:
        """The token every form of this session posts back (derived, not stored)."""
        return host_web_access.csrf_token(self._key("csrf"), session_token)

    def check_csrf(self, session_token: str, posted: str) -> bool:
        """Whether ``posted`` is this session's CSRF token (constant-time). Says nothing about the session
        itself: the call that follows resolves it."""
        return host_web_access.check_csrf(self._key("csrf"), session_token, posted)

    def sign_out(self, session_token: str) -> None:
        """End the session (nothing happens for one already ended or unknown)."""
        with self.database.unit_of_work(SIGN_IN_ACTOR) as uow:
            host_web_access.end_session(uow, session_token)

    # -- my visitors ---------------------------------------------------------------------------------------

    def my_visits(self, session_token: str, *, days: int = 14) -> list[HostVisitRow]:
        """Today's and upcoming visits for this host (and today's past ones), waiting-for-you first."""
        with self._as_host(session_token, write=False) as (uow, who):
            items = host_visits.host_visits(uow, who.host_id, site_code=self.settings.site.code, days=days)
        return items

    def visit_detail(self, session_token: str, visit_id: int) -> HostVisitDetail:
        """What the desk sees (company, phone, purpose, photo). NotFound unless the visit is this host's."""
        with self._as_host(session_token, write=False) as (uow, who):
            return host_visits.host_visit_context(uow, who.host_id, visit_id)

    def approve(self, session_token: str, visit_id: int) -> HostVisitRow:
        """A waiting walk-in is let in; a pre-registration becomes an invitation (the visitor is e-mailed
        the QR code and calendar entry). Conflict when it is no longer waiting."""
        with self._as_host(session_token, write=True) as (uow, who):
            return host_visits.approve(uow, who.host_id, visit_id)

    def decline(self, session_token: str, visit_id: int, reason: str = "") -> HostVisitRow:
        with self._as_host(session_token, write=True) as (uow, who):
            return host_visits.decline(uow, who.host_id, visit_id, reason)

    def propose_time(self, session_token: str, visit_id: int, visit_date: date, start: time | None,
                     end: time | None) -> HostVisitRow:
        """A pre-registration is accepted for another time: the visitor is e-mailed the invitation for it."""
        with self._as_host(session_token, write=True) as (uow, who):
            return host_visits.propose_time(uow, who.host_id, visit_id, visit_date, start, end)

    def invite(self, session_token: str, invitation: HostInvitation) -> HostVisitRow:
        with self._as_host(session_token, write=True) as (uow, who):
            return host_visits.invite(
                uow, who.host_id, site_code=self.settings.site.code, visitor_name=invitation.visitor_name,
                phone=invitation.phone, email=invitation.email, company=invitation.company,
                visit_date=invitation.visit_date, start=invitation.start, end=invitation.end,
                purpose=invitation.purpose, purpose_note=invitation.purpose_note,
            )

    def invite_group(self, session_token: str, rows_csv: str, visit_date: date, start: time | None,
                     end: time | None, purpose: str) -> list[HostVisitRow]:
        """A pasted list or an uploaded CSV (name, phone[, email, company] per line); one bad row saves
        nothing (ValidationFailed naming the rows: a GroupRowsRefused, whose ``problems`` give each line)."""
        with self._as_host(session_token, write=True) as (uow, who):
            items = host_visits.invite_group(uow, who.host_id, rows_csv, site_code=self.settings.site.code,
                                             visit_date=visit_date, start=start, end=end, purpose=purpose)
        return items

    def reschedule(self, session_token: str, visit_id: int, visit_date: date, start: time | None,
                   end: time | None) -> HostVisitRow:
        with self._as_host(session_token, write=True) as (uow, who):
            return host_visits.reschedule(uow, who.host_id, visit_id, visit_date, start, end)

    def cancel(self, session_token: str, visit_id: int) -> HostVisitRow:
        with self._as_host(session_token, write=True) as (uow, who):
            return host_visits.cancel(uow, who.host_id, visit_id)
