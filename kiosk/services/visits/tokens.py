"""QR tokens: unguessable, stored only as a hash, bound to one visit and one day, single use.

A token reads ``v1.i.<secret>`` (an invitation: checks in) or ``v1.o.<secret>``
(a badge: signs out); the secret is 192 random bits in base64url. The prefix
lets the kiosk tell our codes from a URL or a Wi-Fi code without a database
round trip; the secret is what proves anything.

An invitation also gets a short code to type (``domain/short_codes.py``): 40 bits, stored as a
keyed digest (``token_vault``), a row of kind SHORT_CODE beside the QR's. Either one checks the
visit in; the other then answers "already used", since the visit is no longer waiting.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain import short_codes
from kiosk.models import AccessToken, TokenKind
from kiosk.services import token_vault
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


@dataclass(frozen=True)
class InvitationCodes:
    """The two ways into one invitation, in clear once, to be mailed (sealed) and never stored."""

    token: str  # v1.i.<secret>, the QR
    short_code: str  # eight canonical characters, shown XXXX-XXXX


def short_code_hash(code: str) -> str:
    return token_vault.current().short_code_digest(code)


# Two codes alike among a day's few hundred are rare (about n²/2⁴¹), but the column is unique: draw again.
_SHORT_CODE_DRAWS = 8


def issue_short_code(uow: UnitOfWork, *, visit_id: int, valid_on: date) -> str:
    """A new short code for the visit's day; the canonical text is returned once and never stored."""
    for _ in range(_SHORT_CODE_DRAWS):
        code = short_codes.from_number(secrets.randbits(short_codes.BITS))
        digest = short_code_hash(code)
        if uow.session.scalar(select(AccessToken.id).where(AccessToken.token_hash == digest)) is None:
            break
    else:  # pragma: no cover - eight collisions in a row mean the random source is broken
        raise RuntimeError("no unused short code could be drawn")
    uow.session.add(
        AccessToken(visit_id=visit_id, kind=TokenKind.SHORT_CODE, token_hash=digest, valid_on=valid_on,
                    created_at=uow.now())
    )
    return code


def issue_invitation(uow: UnitOfWork, *, visit_id: int, valid_on: date) -> InvitationCodes:
    """An invitation's QR token and its short code, both for ``valid_on``."""
    token = issue(uow, visit_id=visit_id, kind=TokenKind.INVITATION, valid_on=valid_on)
    return InvitationCodes(token, issue_short_code(uow, visit_id=visit_id, valid_on=valid_on))
