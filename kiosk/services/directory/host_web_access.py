"""Hosts on the web pages: one-time sign-in links e-mailed to their directory address, sessions, CSRF tokens.

No passwords. A host types their e-mail; if it is an active host's, a link ``<public_url>/host/sign-in/<token>``
goes to that directory address (outbox event ``host_sign_in``, e-mail only). The answer is the same either
way, so the page tells nobody who works here. Using the link starts a session whose secret goes into the
browser's cookie.

Secrets (32 random bytes each, URL-safe) are stored only as SHA-256, like QR codes: a copy of the database
opens no session and spends no link. The link's token waits in its outbox row sealed and is blanked once
the e-mail is out (``services/outbox.py``).

* A link works once, for ``SIGN_IN_LINK_MINUTES``. Asking again does not void the links sent before
  (e-mails arrive late and out of order: the host opens whichever came first), but spending one voids the
  host's other unused links, so the mailbox holds no second key once the host is in.
* A session lasts ``SESSION_IDLE_MINUTES`` after its last use (sliding) and ``SESSION_MAX_HOURS`` at most.
  Its last use is written at most once a minute (``TOUCH_EVERY``), not on every request. Signing out, the
  host's deactivation, or their removal from the directory (FK cascade) ends it.
* CSRF tokens are derived, not stored: HMAC(secret, "csrf:" + session token), compared in constant time.

Rate limits (``services/rate_limits.py``): sign-in requests per client address and per e-mail address
asked for. The second is "per host" without telling hosts apart from strangers: an address nobody has is
limited exactly like a host's, so neither the answer nor a limit reveals the directory.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import Host, HostSignInLink, HostWebSession
from kiosk.services import audit, outbox, rate_limits
from kiosk.services.errors import AuthError, Conflict
from kiosk.services.text import normalise_email

SIGN_IN_LINK_MINUTES = 15
SESSION_IDLE_MINUTES = 60
SESSION_MAX_HOURS = 12
TOUCH_EVERY = timedelta(minutes=1)
TOKEN_BYTES = 32
SIGN_IN_PATH = "/host/sign-in/"
EVENT = "host_sign_in"
LANGUAGES = ("zh_CN", "en")

SIGN_IN_CLIENT_BUCKET = "signin_client"
SIGN_IN_ADDRESS_BUCKET = "signin_address"
# A person asks for a link, maybe again when it is slow to come; not dozens.
SIGN_IN_CLIENT_LIMITS: Sequence[rate_limits.Limit] = (
    rate_limits.Limit(SIGN_IN_CLIENT_BUCKET, 5, timedelta(minutes=15)),
    rate_limits.Limit(SIGN_IN_CLIENT_BUCKET, 20, timedelta(days=1)),
)
# Nobody floods one mailbox with sign-in e-mails, from however many addresses.
SIGN_IN_ADDRESS_LIMITS: Sequence[rate_limits.Limit] = (
    rate_limits.Limit(SIGN_IN_ADDRESS_BUCKET, 3, timedelta(minutes=15)),
    rate_limits.Limit(SIGN_IN_ADDRESS_BUCKET, 10, timedelta(days=1)),
)


class NotSignedIn(AuthError):
    """The link or session is unknown, spent, expired or ended, or its host no longer receives visitors."""

    code = "not_signed_in"


@dataclass(frozen=True)
class SignInLinkSent:
    """What ``request_sign_in_link`` did. The page must not show it: it says whether the address is a host's."""

    queued: bool
    host_id: int | None = None


@dataclass(frozen=True)
class NewSession:
    token: str  # for the cookie only
    host_id: int
    expires_at: datetime  # the latest the session can last (started + SESSION_MAX_HOURS)


@dataclass(frozen=True)
class SignedInHost:
    session_id: int
    host_id: int
    name: str
    email: str
    language: str
    touch_due: bool  # last use written more than TOUCH_EVERY ago: ``keep_alive`` should run


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def sign_in_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}{SIGN_IN_PATH}{token}"


# -- links ------------------------------------------------------------------------------------------------------


def request_sign_in_link(
    uow: UnitOfWork, email: str, *, public_url: str, client_address: str, limit_secret: bytes,
    language: str = "zh_CN",
) -> SignInLinkSent:
    """Queue a one-time link to ``email`` if it is an active host's directory address; else do nothing.

    RateLimited when ``client_address`` or ``email`` asked too often (counted whatever the address, so a
    limit says nothing either); ValidationFailed when ``email`` is not an address at all (that tells nothing
    about the directory); Conflict when the web pages have no public address to link to.
    """
    if not public_url.strip():
        raise Conflict("web sign-in needs [notify] public_url (the address hosts open)", code="not_configured")
    subjects = rate_limits.Subjects.of(limit_secret, client_address)
    rate_limits.spend(uow, SIGN_IN_CLIENT_LIMITS, subjects.client)
    address = normalise_email(email, required=True) or ""  # required: never empty
    rate_limits.spend(uow, SIGN_IN_ADDRESS_LIMITS, rate_limits.keyed_subject(limit_secret, "sign_in_address", address))
    host = uow.session.scalar(select(Host).where(Host.email == address))
    if host is None or not host.active:
        uow.commit()  # the hits count for unknown addresses too
        return SignInLinkSent(queued=False)
    now = uow.now()
    token = _new_token()
    link = HostSignInLink(host_id=host.id, token_hash=token_hash(token), created_at=now,
                          expires_at=now + timedelta(minutes=SIGN_IN_LINK_MINUTES))
    uow.session.add(link)
    uow.session.flush()
    outbox.enqueue(
        uow, event=EVENT, channel=Channel.EMAIL, recipient=host.email,
        # The token travels sealed (outbox.TOKEN) and is blanked once sent; the template builds the URL.
        payload={outbox.TOKEN: token, "public_url": public_url.strip().rstrip("/"), "host_name": host.name,
                 "minutes": SIGN_IN_LINK_MINUTES},
        subject_key=f"link:{link.id}", language=language if language in LANGUAGES else host.language,
    )
    audit.record(uow, "host.sign_in_link_sent", "host", host.id)
    uow.commit()
    return SignInLinkSent(queued=True, host_id=host.id)


def link_is_valid(uow: UnitOfWork, link_token: str) -> bool:
    """Whether the link would start a session now; nothing is spent (a GET shows a button, a POST signs in:
    mail scanners open links, and must not spend them)."""
    found = uow.session.execute(
        select(HostSignInLink.used_at, HostSignInLink.expires_at, Host.active)
        .join(Host, Host.id == HostSignInLink.host_id).where(HostSignInLink.token_hash == token_hash(link_token))
    ).first()
    return found is not None and found[0] is None and found[1] > uow.now() and bool(found[2])


def start_session(uow: UnitOfWork, link_token: str) -> NewSession:
    """Spend a sign-in link and start a session. NotSignedIn when the link is unknown, spent or expired,
    or its host was deactivated since. The host's other unused links are voided."""
    now = uow.now()
    link = uow.session.scalar(
        select(HostSignInLink).where(HostSignInLink.token_hash == token_hash(link_token)).with_for_update()
    )
    if link is None or link.used_at is not None or link.expires_at <= now:
        raise NotSignedIn("this sign-in link is not valid (used, expired or unknown); ask for a new one")
    host = uow.session.get(Host, link.host_id)
    if host is None or not host.active:
        raise NotSignedIn("this sign-in link is not valid; ask for a new one")
    link.used_at = now
    uow.session.execute(
        update(HostSignInLink)
        .where(HostSignInLink.host_id == host.id, HostSignInLink.used_at.is_(None), HostSignInLink.id != link.id)
        .values(used_at=now)
    )
    token = _new_token()
    session = HostWebSession(host_id=host.id, token_hash=token_hash(token), created_at=now, last_seen_at=now,
                             expires_at=_sliding_expiry(now, now))
    uow.session.add(session)
    uow.session.flush()
    audit.record(uow, "host.signed_in", "host", host.id, after={"session": session.id})
    uow.commit()
    return NewSession(token=token, host_id=host.id, expires_at=_hard_expiry(now))


# -- sessions ---------------------------------------------------------------------------------------------------


def _hard_expiry(created_at: datetime) -> datetime:
    return created_at + timedelta(hours=SESSION_MAX_HOURS)


def _sliding_expiry(created_at: datetime, last_seen_at: datetime) -> datetime:
    return min(last_seen_at + timedelta(minutes=SESSION_IDLE_MINUTES), _hard_expiry(created_at))


def _live_session(uow: UnitOfWork, session_token: str, *, for_update: bool = False) -> tuple[HostWebSession, Host]:
    if not session_token:
        raise NotSignedIn("not signed in")
    query = select(HostWebSession, Host).join(Host, Host.id == HostWebSession.host_id).where(
        HostWebSession.token_hash == token_hash(session_token))
    if for_update:
        query = query.with_for_update(of=HostWebSession)
    found = uow.session.execute(query).first()
    if found is None:
        raise NotSignedIn("not signed in")
    session, host = found
    now = uow.now()
    if (session.ended_at is not None or now >= session.expires_at
            or now >= _sliding_expiry(session.created_at, session.last_seen_at) or not host.active):
        raise NotSignedIn("the session has ended; sign in again")
    return session, host


def resolve_session(uow: UnitOfWork, session_token: str, *, touch: bool = False) -> SignedInHost:
    """Who the session is; NotSignedIn when it ended, idled out, grew too old, or its host was deactivated.

    ``touch`` (in a write unit of work whose action commits): the last use is noted now if due. A read-only
    caller calls ``keep_alive`` afterwards when ``touch_due`` says so."""
    session, host = _live_session(uow, session_token)
    due = uow.now() - session.last_seen_at >= TOUCH_EVERY
    if touch and due:
        _touch(uow, session)
        due = False
    return SignedInHost(session.id, host.id, host.name, host.email, host.language, due)


def _touch(uow: UnitOfWork, session: HostWebSession) -> None:
    now = uow.now()
    session.last_seen_at = now
    session.expires_at = _sliding_expiry(session.created_at, now)


def keep_alive(uow: UnitOfWork, session_token: str) -> None:
    """Note the session's use now (its idle expiry slides), at most once per ``TOUCH_EVERY``."""
    session, _host = _live_session(uow, session_token, for_update=True)
    if uow.now() - session.last_seen_at >= TOUCH_EVERY:
        _touch(uow, session)
        uow.commit()


def end_session(uow: UnitOfWork, session_token: str) -> None:
    """Sign out. A session already ended or unknown: nothing happens (signing out twice is fine)."""
    session = uow.session.scalar(
        select(HostWebSession).where(HostWebSession.token_hash == token_hash(session_token)).with_for_update()
    )
    if session is None or session.ended_at is not None:
        return
    session.ended_at = uow.now()
    audit.record(uow, "host.signed_out", "host", session.host_id, after={"session": session.id})
    uow.commit()


# -- CSRF -------------------------------------------------------------------------------------------------------


def csrf_token(secret: bytes, session_token: str) -> str:
    """The token the session's forms post back: HMAC-SHA256(secret, "csrf:" + session token), hex."""
    return hmac.new(secret, b"csrf:" + session_token.encode("utf-8"), hashlib.sha256).hexdigest()


def check_csrf(secret: bytes, session_token: str, posted: str) -> bool:
    if not session_token or not posted:
        return False
    return hmac.compare_digest(csrf_token(secret, session_token).encode("ascii"), posted.encode("utf-8", "replace"))


# -- housekeeping -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Purged:
    links: int
    sessions: int


def purge_expired(uow: UnitOfWork) -> Purged:
    """Forget links past their expiry (used or not) and sessions ended or expired. Neither can be used
    again, so nothing changes for anyone; the audit events keep who signed in when."""
    now = uow.now()
    links = uow.session.execute(delete(HostSignInLink).where(HostSignInLink.expires_at <= now))
    sessions = uow.session.execute(delete(HostWebSession).where(or_(
        HostWebSession.ended_at.is_not(None), HostWebSession.expires_at <= now,
        HostWebSession.created_at <= now - timedelta(hours=SESSION_MAX_HOURS),
    )))
    uow.commit()
    return Purged(int(getattr(links, "rowcount", 0) or 0), int(getattr(sessions, "rowcount", 0) or 0))
