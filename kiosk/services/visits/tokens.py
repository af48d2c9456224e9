"""QR tokens: unguessable, stored only as a hash, bound to one visit and one day, single use.

A token reads ``v1.i.<secret>`` (an invitation: checks in) or ``v1.o.<secret>``
(a badge: signs out); the secret is 192 random bits in base64url. The prefix
lets the kiosk tell our codes from a URL or a Wi-Fi code without a database
round trip; the secret is what proves anything.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import date
from enum import StrEnum

from kiosk.db.uow import UnitOfWork
from kiosk.models import AccessToken, TokenKind
from kiosk.services.errors import ServiceError

_PREFIX = {TokenKind.INVITATION: "v1.i.", TokenKind.SIGN_OUT: "v1.o."}
_KIND_BY_LETTER = {"i": TokenKind.INVITATION, "o": TokenKind.SIGN_OUT}
_SHAPE = re.compile(r"v1\.([io])\.([A-Za-z0-9_-]{32})")
MAX_TOKEN_LENGTH = 64


class TokenProblem(StrEnum):
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    ALREADY_USED = "already_used"
    CANCELLED = "cancelled"
    REPLACED = "replaced"  # a moved invitation or a reissued badge: a newer code exists
    WRONG_SITE = "wrong_site"
    WRONG_KIND = "wrong_kind"


_MESSAGES = {
    TokenProblem.UNKNOWN: "this code is not a valid invitation or badge",
    TokenProblem.EXPIRED: "this code was for an earlier day",
    TokenProblem.NOT_YET_VALID: "this code is for a later day",
    TokenProblem.ALREADY_USED: "this code has already been used",
    TokenProblem.CANCELLED: "this visit was cancelled",
    TokenProblem.REPLACED: "this code has been replaced by a newer one",
    TokenProblem.WRONG_SITE: "this code is for another site",
    TokenProblem.WRONG_KIND: "this code cannot be used here",
}


class TokenRejected(ServiceError):
    code = "token_rejected"

    def __init__(self, problem: TokenProblem) -> None:
        super().__init__(_MESSAGES[problem])
        self.problem = problem


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_kind(text: str) -> TokenKind:
    """The kind a scanned text claims to be, or TokenRejected(UNKNOWN) for anything not shaped like ours."""
    if not isinstance(text, str) or len(text) > MAX_TOKEN_LENGTH:
        raise TokenRejected(TokenProblem.UNKNOWN)
    match = _SHAPE.fullmatch(text.strip())
    if match is None:
        raise TokenRejected(TokenProblem.UNKNOWN)
    return _KIND_BY_LETTER[match.group(1)]


def issue(uow: UnitOfWork, *, visit_id: int, kind: TokenKind, valid_on: date) -> str:
    """A new token for one visit and one day; the clear text is returned once and never stored."""
    token = _PREFIX[kind] + secrets.token_urlsafe(24)
    uow.session.add(
        AccessToken(
            visit_id=visit_id, kind=kind, token_hash=hash_token(token), valid_on=valid_on,
            created_at=uow.now(),
        )
    )
    return token
