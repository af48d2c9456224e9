"""Rate limits for the public web pages: hits counted per (bucket, subject) in ``rate_limit_hits``.

A subject is a keyed hash (HMAC-SHA256 with a secret the caller passes, derived from the link
secret) of who asks — a client's address, a host's id — never the address itself, so the table
says nothing about anyone without the secret. Hits older than a day are purged by housekeeping
(``purge_old_hits``), the longest window there is.

The limits (one bucket may have several windows):

========================  ======================  ============================================
what                      limit                   why
========================  ======================  ============================================
host search, per client   30 a minute, 300 a day  type-ahead is fine; dumping the directory is not
pre-registration, client  5 an hour               a person registers a visit or two, not dozens
pre-registration, host    20 a day                nobody floods one host's mailbox from the web
wrong short codes, kiosk  10 in 10 minutes, then  someone trying codes at a kiosk is slowed to a
                          a minute refused        crawl; a visitor with a typo never notices
========================  ======================  ============================================

The short codes' limit counts only wrong codes, per kiosk (its actor, ``kiosk:<id>``: a kiosk is
no person, so it is stored as it is), and refuses every typed code meanwhile, right or wrong, so
the refusal says nothing about the code.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from kiosk.db.uow import UnitOfWork
from kiosk.models.web import RateLimitHit
from kiosk.services.errors import RateLimited

KEEP_HITS = timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    bucket: str  # at most 32 characters (the column)
    most: int  # hits allowed within ``window``
    window: timedelta


HOST_SEARCH_BUCKET = "host_search"
PREREGISTER_CLIENT_BUCKET = "prereg_client"
PREREGISTER_HOST_BUCKET = "prereg_host"

HOST_SEARCH_LIMITS = (
    Limit(HOST_SEARCH_BUCKET, 30, timedelta(minutes=1)),
    Limit(HOST_SEARCH_BUCKET, 300, timedelta(days=1)),
)
PREREGISTER_CLIENT_LIMITS = (Limit(PREREGISTER_CLIENT_BUCKET, 5, timedelta(hours=1)),)
PREREGISTER_HOST_LIMITS = (Limit(PREREGISTER_HOST_BUCKET, 20, timedelta(days=1)),)
WRONG_SHORT_CODE_BUCKET = "wrong_short_code"
WRONG_SHORT_CODE_LIMIT = Limit(WRONG_SHORT_CODE_BUCKET, 10, timedelta(minutes=10))
WRONG_SHORT_CODE_LOCK = timedelta(minutes=1)


def keyed_subject(secret: bytes, kind: str, value: str) -> str:
    """The stored stand-in for ``value`` (an address, a host id): 64 hex characters, useless without ``secret``."""
    return hmac.new(secret, f"rate-limit:{kind}:{value}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Subjects:
    """Who a web request counts against: the client (already hashed) and, on demand, a host."""

    secret: bytes
    client: str

    @classmethod
    def of(cls, secret: bytes, address: str) -> Subjects:
        return cls(secret, keyed_subject(secret, "client", address))

    def host(self, host_id: int) -> str:
        return keyed_subject(self.secret, "host", str(host_id))


def check(uow: UnitOfWork, limits: Sequence[Limit], subject: str) -> None:
    """RateLimited(retry_after seconds) when ``subject`` already has a limit's worth of hits in its window."""
    now = uow.now()
    worst = 0
    for limit in limits:
        since = now - limit.window
        times = list(uow.session.scalars(
            select(RateLimitHit.at).where(
                RateLimitHit.bucket == limit.bucket, RateLimitHit.subject == subject, RateLimitHit.at > since,
            ).order_by(RateLimitHit.at)
        ))
        if len(times) >= limit.most:
            # Free again once enough of the oldest hits have left the window.
            frees_at = times[len(times) - limit.most] + limit.window
            worst = max(worst, max(1, math.ceil((frees_at - now).total_seconds())))
    if worst:
        raise RateLimited(worst)


def check_lockout(uow: UnitOfWork, limit: Limit, lock_for: timedelta, subject: str) -> None:
    """RateLimited for ``lock_for`` after the hit that made ``limit.most`` within ``limit.window``
    (each further hit while that many remain in the window locks again)."""
    now = uow.now()
    times = list(uow.session.scalars(
        select(RateLimitHit.at).where(
            RateLimitHit.bucket == limit.bucket, RateLimitHit.subject == subject, RateLimitHit.at > now - limit.window,
        ).order_by(RateLimitHit.at.desc()).limit(limit.most)
    ))
    if len(times) >= limit.most and now < times[0] + lock_for:
        raise RateLimited(max(1, math.ceil((times[0] + lock_for - now).total_seconds())))


def record_hit(uow: UnitOfWork, bucket: str, subject: str) -> None:
    """Count one request (the caller commits, with the action it counts)."""
    uow.session.add(RateLimitHit(bucket=bucket, subject=subject, at=uow.now()))


def spend(uow: UnitOfWork, limits: Sequence[Limit], subject: str) -> None:
    """``check``, then count one hit in each of the limits' buckets (the caller commits)."""
    check(uow, limits, subject)
    for bucket in dict.fromkeys(limit.bucket for limit in limits):
        record_hit(uow, bucket, subject)


def purge_old_hits(uow: UnitOfWork) -> int:
    """Forget hits older than a day (no window is longer). For housekeeping; returns how many went."""
    result = uow.session.execute(delete(RateLimitHit).where(RateLimitHit.at < uow.now() - KEEP_HITS))
    uow.commit()
    return int(getattr(result, "rowcount", 0) or 0)
