"""The public pre-registration page's calls (``/visit``): find a host, register a visit ahead.

The page is open to anyone on the internet, so every call is rate-limited by the client (a keyed
hash of its address, ``ClientRef``) and answers only what the form needs: a host search returns
at most ``HOST_MATCHES_SHOWN`` names with their departments, for at least two typed characters,
and a host is named back to the server by an opaque signed reference, never its database id.

One unit of work per call; the actor is ``web:visitor``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date, time

from kiosk.application.bootstrap import load_protector
from kiosk.application.secrets import load_link_secret
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.models import VisitorType
from kiosk.services.errors import RateLimited
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.services.rate_limits import Subjects
from kiosk.services.visits import agreements, preregistration
from kiosk.services.visits.preregistration import PreRegistrationRequest

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
    department_en: str = ""  # the department's English name, "" when the directory has none


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
    # The ID-number key; None: read from the settings' keys the first time a visitor types an ID number.
    protector: IdNumberProtector | None = None
    # The link secret; None: read from the settings' key file on first use (host references, rate limits).
    link_secret: bytes | None = field(default=None, repr=False)

    def _key(self, purpose: str) -> bytes:
        if self.link_secret is None:
            self.link_secret = load_link_secret(self.settings)
        return hmac.new(self.link_secret, f"web-visitors:{purpose}".encode(), hashlib.sha256).digest()

    def _subjects(self, client: ClientRef) -> Subjects:
        return Subjects.of(self._key("rate-limit"), client.address)

    def _agreement_for_visitors(self) -> bool:
        return VisitorType.VISITOR.value in self.settings.visits.agreement_for

    def search_hosts(self, text: str, client: ClientRef) -> list[HostChoice]:
        """Hosts whose name, pinyin or initials match ``text`` (at least ``SEARCH_MIN_CHARS`` characters,
        else []), at most ``HOST_MATCHES_SHOWN``. RateLimited when the client searches too often."""
        if len((text or "").strip()) < SEARCH_MIN_CHARS:
            return []
        subjects = self._subjects(client)
        with self.database.unit_of_work(preregistration.ACTOR) as uow:
            found = preregistration.find_hosts(uow, text, subjects=subjects)
        ref_key = self._key("host-ref")
        return [HostChoice(preregistration.host_ref(ref_key, m.host_id), m.name, m.department, m.department_en)
                for m in found[:HOST_MATCHES_SHOWN]]

    def site_rules(self, language: str) -> SiteRules:
        if not self._agreement_for_visitors():
            return SiteRules(required=False)
        with self.database.unit_of_work(preregistration.ACTOR, write=False) as uow:
            text = agreements.current(uow, visitor_type=VisitorType.VISITOR.value, language=language)
        if text is None:
            return SiteRules(required=False)
        return SiteRules(required=True, title=text.title, body=text.body)

    def register(self, form: PreRegistrationForm, client: ClientRef) -> PreRegistrationReceipt:
        """Save the request (a visit of kind PREREGISTERED, pending) and ask the host (e-mail/chat with
        approve / decline / propose another time links). ValidationFailed (field errors, all at once),
        PolicyRefusal (e.g. a sales visit for today), RateLimited."""
        subjects = self._subjects(client)
        protector = self.protector
        if protector is None and form.id_number.strip():
            protector = self.protector = load_protector(self.settings)
        public_url = self.settings.notify.public_url.rstrip("/")
        with self.database.unit_of_work(preregistration.ACTOR) as uow:
            host_id = preregistration.resolve_host_ref(uow, self._key("host-ref"), form.host_ref) \
                if form.host_ref.strip() else None
            agreement_id = None
            if self._agreement_for_visitors():
                rules = agreements.current(uow, visitor_type=VisitorType.VISITOR.value, language=form.language)
                agreement_id = rules.id if rules is not None else None
            request = PreRegistrationRequest(
                name=form.name, phone=form.phone, email=form.email, host_id=host_id,
                host_unknown=bool(form.host_ref.strip()) and host_id is None, visit_date=form.visit_date,
                start=form.start, end=form.end, purpose=form.purpose, company=form.company,
                party_size=form.party_size, id_number=form.id_number, purpose_note=form.purpose_note,
                language=form.language, rules_accepted=form.rules_accepted,
            )
            done = preregistration.register(
                uow, request, site_code=self.settings.site.code, protector=protector,
                refuse_sales_without_appointment=self.settings.visits.refuse_sales_without_appointment,
                agreement_id=agreement_id, subjects=subjects, host_page=f"{public_url}/host" if public_url else "",
            )
        return PreRegistrationReceipt(host_name=done.host_name, visit_date=done.visit_date)
