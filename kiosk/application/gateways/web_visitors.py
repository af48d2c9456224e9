"""The public pre-registration page's calls (``/visit``): find a host, register a visit ahead.

The page is open to anyone on the internet, so every call is rate-limited by the client (a keyed
hash of its address, ``ClientRef``) and answers only what the form needs: a host search returns
at most ``HOST_MATCHES_SHOWN`` names with their departments, for at least two typed characters,
and a host is named back to the server by an opaque signed reference, never its database id.

One unit of work per call; the actor is ``web:visitor``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services.errors import RateLimited

__all__ = ["ClientRef", "HostChoice", "PreRegistrationForm", "PreRegistrationGateway", "PreRegistrationReceipt",
           "RateLimited", "SiteRules"]

HOST_MATCHES_SHOWN = 5
SEARCH_MIN_CHARS = 2


@dataclass(frozen=True)
class ClientRef:
    """Who is asking, for rate limits only: the client's address as the server saw it (after trusted
    proxies). Services store a keyed hash of it, never the address."""

    address: str


@dataclass(frozen=True)
class HostChoice:
    ref: str  # opaque, signed: what the form posts back
    name: str
    department: str


@dataclass(frozen=True)
class PreRegistrationForm:
    """The form as typed (strings as they came; checked by the service, every field at once)."""

    name: str
    phone: str
    email: str
    host_ref: str
    visit_date: date | None
    start: time | None
    end: time | None
    purpose: str
    company: str = ""
    party_size: int = 1
    id_number: str = ""
    purpose_note: str = ""
    language: str = "zh_CN"  # the page's language: the visitor's e-mails use it
    rules_accepted: bool = False  # the house rules, when the site asks for them (``site_rules``)


@dataclass(frozen=True)
class PreRegistrationReceipt:
    """What the visitor is told after sending: the host's name and the day. Never whether the deny list
    held the request (a held request reads exactly like any other)."""

    host_name: str
    visit_date: date


@dataclass(frozen=True)
class SiteRules:
    """The house rules to accept on the page, in the page's language; ``required`` False: none asked."""

    required: bool
    title: str = ""
    body: str = ""


@dataclass
class PreRegistrationGateway:
    database: Database
    settings: Settings

    def search_hosts(self, text: str, client: ClientRef) -> list[HostChoice]:
        """Hosts whose name, pinyin or initials match ``text`` (at least ``SEARCH_MIN_CHARS`` characters,
        else []), at most ``HOST_MATCHES_SHOWN``. RateLimited when the client searches too often."""
        raise NotImplementedError

    def site_rules(self, language: str) -> SiteRules:
        raise NotImplementedError

    def register(self, form: PreRegistrationForm, client: ClientRef) -> PreRegistrationReceipt:
        """Save the request (a visit of kind PREREGISTERED, pending) and ask the host (e-mail/chat with
        approve / decline / propose another time links). ValidationFailed (field errors, all at once),
        PolicyRefusal (e.g. a sales visit for today), RateLimited."""
        raise NotImplementedError
