"""The public pre-registration page, ``/visit``: anyone may ask to visit a host.

The page tells nothing about who works here beyond a name/department match for two or more typed
characters (``PreRegistrationGateway.search_hosts``); a refused request gets a polite page that says
no more than that. Without JavaScript the host search is a round trip of the whole form (its "Search"
button posts the form, values kept); with ``host-search.js`` it is a type-ahead on
``GET /visit/hosts?q=`` (JSON: name, department and an opaque reference). In English a department is
shown by its English name when the directory has one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.application.gateways.web_visitors import (
    HOST_MATCHES_SHOWN,
    SEARCH_MIN_CHARS,
    ClientRef,
    HostChoice,
    PreRegistrationForm,
    PreRegistrationGateway,
    SiteRules,
)
from kiosk.domain.visits import Purpose
from kiosk.services.errors import FieldError, PolicyRefusal, RateLimited, ValidationFailed
from kiosk.web.pages import Pages, field_value, language_of
from kiosk.web.texts import field_error, text

PURPOSES = [purpose.value for purpose in Purpose]
VISIT_FIELDS = ("name", "phone", "email", "company", "id_number", "host_q", "host_ref", "visit_date", "start",
                "end", "purpose", "party_size", "purpose_note", "rules_accepted")
# The services' field names → the form's.
FIELD_ALIASES = {"host": "host_ref", "host_id": "host_ref", "date": "visit_date", "day": "visit_date",
                 "from": "start", "to": "end", "rules": "rules_accepted", "party": "party_size",
                 "visitor_name": "name", "note": "purpose_note"}


def client_ref(request: Request) -> ClientRef:
    """The client as the server saw it, after trusted proxies (``X-Forwarded-For`` from elsewhere is ignored)."""
    return ClientRef(request.client.host if request.client else "unknown")


def parse_date(value: str, field: str, errors: list[FieldError]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(field, "invalid_date", "not a date"))
        return None


def parse_time(value: str, field: str, errors: list[FieldError]) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        errors.append(FieldError(field, "invalid_time", "not a time"))
        return None


def parse_count(value: str, field: str, errors: list[FieldError]) -> int:
    if not value:
        return 1
    if not value.isdigit() or len(value) > 4:
        errors.append(FieldError(field, "invalid_number", "not a whole number"))
        return 1
    return int(value)


def field_messages(errors: list[FieldError], language: str, known: tuple[str, ...]) -> tuple[dict[str, str], list[str]]:
    """Errors by the form's field name (in the page's language), and those no field of the form shows."""
    by_field: dict[str, str] = {}
    general: list[str] = []
    for error in errors:
        name = FIELD_ALIASES.get(error.field, error.field)
        message = field_error(error.code, language)
        if name in known:
            by_field.setdefault(name, message)
        else:
            general.append(f"{error.field}: {message}" if error.field else message)
    return by_field, general


@dataclass
class VisitPages:
    pages: Pages
    gateway: PreRegistrationGateway

    def routes(self) -> list[Route]:
        return [
            Route("/visit", self.show, methods=["GET"]),
            Route("/visit", self.submit, methods=["POST"]),
            Route("/visit/hosts", self.hosts, methods=["GET"]),
        ]

    async def show(self, request: Request) -> Response:
        rules = await run_in_threadpool(self.gateway.site_rules, language_of(request))
        return self.form_page(request, rules, {"party_size": "1", "purpose": Purpose.MEETING.value})

    async def submit(self, request: Request) -> Response:
        async with request.form() as form:  # closes any uploaded parts after
            return await self.submitted(request, form)

    async def submitted(self, request: Request, form: FormData) -> Response:
        if not self.pages.csrf.check(request, form):
            return self.pages.forbidden(request)
        language = language_of(request)
        values = {name: field_value(form, name) for name in VISIT_FIELDS}
        rules = await run_in_threadpool(self.gateway.site_rules, language)
        if form.get("action") == "search":
            return await self.with_search(request, rules, values, {}, [])

        problems: list[FieldError] = []
        registration = PreRegistrationForm(
            name=values["name"], phone=values["phone"], email=values["email"], host_ref=values["host_ref"],
            visit_date=parse_date(values["visit_date"], "visit_date", problems),
            start=parse_time(values["start"], "start", problems), end=parse_time(values["end"], "end", problems),
            purpose=values["purpose"], company=values["company"],
            party_size=parse_count(values["party_size"], "party_size", problems),
            id_number=values["id_number"], purpose_note=values["purpose_note"], language=language,
            rules_accepted=bool(values["rules_accepted"]),
        )
        shown = shown_choices(form)
        if problems:  # what the browser could not have sent: said before the service sees anything
            errors, general = field_messages(problems, language, VISIT_FIELDS)
            return self.form_page(request, rules, values, errors=errors, general=general, choices=shown,
                                  status=422)
        try:
            receipt = await run_in_threadpool(self.gateway.register, registration, client_ref(request))
        except ValidationFailed as failed:
            errors, general = field_messages(failed.errors, language, VISIT_FIELDS)
            return self.form_page(request, rules, values, errors=errors, general=general, choices=shown,
                                  status=422)
        except PolicyRefusal:
            return self.pages.message(request, "declined.title", text("declined.body", language), status=200)
        except RateLimited as limited:
            return self.pages.rate_limited(request, limited.retry_after)
        return self.pages.render(request, "receipt.html", title=text("receipt.title", language),
                                 host_name=receipt.host_name, visit_date=receipt.visit_date)

    async def hosts(self, request: Request) -> Response:
        query = request.query_params.get("q", "").strip()[:60]
        if len(query) < SEARCH_MIN_CHARS:
            return JSONResponse({"hosts": []})
        try:
            choices = await run_in_threadpool(self.gateway.search_hosts, query, client_ref(request))
        except RateLimited as limited:
            return JSONResponse({"hosts": [], "retry_after": limited.retry_after}, status_code=429,
                                headers={"Retry-After": str(limited.retry_after)})
        return JSONResponse({"hosts": [{"ref": c.ref, "name": c.name, "department": c.department}
                                       for c in in_language(choices, language_of(request))]})

    async def with_search(self, request: Request, rules: SiteRules, values: dict[str, str],
                          errors: dict[str, str], general: list[str], *, status: int = 200) -> Response:
        """The form again, values kept, with the hosts matching what was typed in the host field."""
        choices: list[HostChoice] = []
        query = values.get("host_q", "")
        searched = len(query) >= SEARCH_MIN_CHARS
        if searched:
            try:
                choices = await run_in_threadpool(self.gateway.search_hosts, query, client_ref(request))
            except RateLimited as limited:
                return self.pages.rate_limited(request, limited.retry_after)
        return self.form_page(request, rules, values, errors=errors, general=general, choices=choices,
                              searched=searched, status=status)

    def form_page(self, request: Request, rules: SiteRules, values: dict[str, str], *,
                  errors: dict[str, str] | None = None, general: list[str] | None = None,
                  choices: list[HostChoice] | None = None, searched: bool = False, status: int = 200) -> Response:
        context: dict[str, Any] = {
            "title": text("visit.title", language_of(request)), "values": values, "errors": errors or {},
            "general": general or [], "choices": in_language(choices or [], language_of(request)),
            "searched": searched, "rules": rules,
            "purposes": PURPOSES, "csrf": self.pages.csrf.token(request), "scripts": ["host-search.js"],
        }
        return self.pages.render(request, "visit.html", status=status, **context)


def in_language(choices: list[HostChoice], language: str) -> list[HostChoice]:
    """The choices as the page shows them: in English, a department by its English name when it has one."""
    if language == "zh_CN":
        return choices
    return [replace(c, department=c.department_en or c.department) for c in choices]


def shown_choices(form: FormData) -> list[HostChoice]:
    """The hosts the page listed (hidden ``choice_ref``/``choice_name``/``choice_dept`` beside each radio), so a form
    sent back for corrections lists and keeps the same choice without searching again."""
    fields = [form.getlist(name)[:HOST_MATCHES_SHOWN] for name in ("choice_ref", "choice_name", "choice_dept")]
    return [HostChoice(str(ref)[:500], str(name)[:100], str(dept)[:100])
            for ref, name, dept in zip(*fields, strict=False) if ref and name]
