"""What every web page shares: the templates, the page's language, cookies, CSRF for pages without a session,
request size limits and the error pages.

* Templates and the stylesheet live in the package (``templates/``, ``static/``), found from this file,
  so an installed wheel finds them. Jinja escapes every value in every template (``autoescape=True``).
* Language: ``?lang=zh_CN|en`` (kept in a cookie), else the cookie, else ``Accept-Language``; zh_CN by default.
* CSRF without a session (the public ``/visit`` form, the hosts' sign-in forms): a signed double-submit
  token. A random nonce lives in an HttpOnly cookie; the form carries HMAC(key, nonce). A forged form
  from another site has neither the cookie's nonce nor the key to sign one.
* Size limits: ``BodyLimit`` counts a request's body as it is read and stops at the route's limit; the
  page then says so (413), nothing is saved.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.web.texts import DEFAULT_LANGUAGE, LANGUAGE_LABELS, LANGUAGES, text

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

LANG_COOKIE = "lang"
CSRF_COOKIE = "kiosk_csrf"
CSRF_FIELD = "csrf_token"
LANG_COOKIE_SECONDS = 365 * 24 * 3600

FORM_LIMIT = 64 * 1024  # any form body
UPLOAD_LIMIT = 512 * 1024  # the group invitation's CSV upload
UPLOAD_PATHS = ("/host/invite-group",)


def body_limit_for(path: str) -> int:
    return UPLOAD_LIMIT if path in UPLOAD_PATHS else FORM_LIMIT


# -- language -----------------------------------------------------------------------------------------------------


def language_of(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return str(asked)
    kept = request.cookies.get(LANG_COOKIE)
    if kept in LANGUAGES:
        return str(kept)
    return from_accept_language(request.headers.get("accept-language", ""))


def from_accept_language(header: str) -> str:
    """The best of zh_CN / en by the header's weights (zh_CN when neither is named)."""
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for position, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip().lower()
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        q -= position * 1e-6  # earlier wins among equals
        language = "en" if tag.startswith("en") else "zh_CN" if tag.startswith("zh") else None
        if language and q > best_q:
            best, best_q = language, q
    return best


def is_https(request: Request) -> bool:
    """The scheme as the client used it (``X-Forwarded-Proto`` counts only from a trusted proxy)."""
    return request.url.scheme == "https"


def set_cookie(response: Response, request: Request, name: str, value: str, *, max_age: int | None,
               path: str = "/") -> None:
    response.set_cookie(name, value, max_age=max_age, path=path, httponly=True, samesite="lax",
                        secure=is_https(request))


# -- formatting ---------------------------------------------------------------------------------------------------


def format_day(day: date | None, language: str) -> str:
    if day is None:
        return ""
    if language == "en":
        return f"{day:%a} {day.day} {day:%b} {day.year}"
    weekday = "一二三四五六日"[day.weekday()]
    return f"{day.year}年{day.month}月{day.day}日（周{weekday}）"


def format_time(value: time | datetime | None) -> str:
    return "" if value is None else f"{value:%H:%M}"


@cache
def static_version(name: str) -> str:
    return hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:10]


def static_url(name: str) -> str:
    """``/static/<name>?v=<hash>``: browsers may cache it; a changed file gets a new address."""
    return f"/static/{name}?v={static_version(name)}"


# -- CSRF without a session ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnonymousCsrf:
    """Signed double-submit tokens for forms shown before anyone is signed in."""

    key: bytes

    def sign(self, nonce: str) -> str:
        return hmac.new(self.key, b"kiosk-web-csrf:" + nonce.encode(), hashlib.sha256).hexdigest()

    def token(self, request: Request) -> str:
        """The token for this browser's nonce (a new nonce, set on the page's response by ``Pages.render``)."""
        nonce = request.cookies.get(CSRF_COOKIE, "")
        if not _plausible_nonce(nonce):
            nonce = getattr(request.state, "new_csrf_nonce", "") or secrets.token_urlsafe(24)
            request.state.new_csrf_nonce = nonce
        return self.sign(nonce)

    def check(self, request: Request, form: FormData) -> bool:
        nonce = request.cookies.get(CSRF_COOKIE, "")
        posted = form.get(CSRF_FIELD)
        if not _plausible_nonce(nonce) or not isinstance(posted, str) or not posted:
            return False
        return hmac.compare_digest(self.sign(nonce), posted)


def _plausible_nonce(nonce: str) -> bool:
    return 16 <= len(nonce) <= 64 and nonce.replace("-", "").replace("_", "").isalnum()


# -- request size -------------------------------------------------------------------------------------------------


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
        self.limit = limit


class BodyLimit:
    """ASGI middleware: a body longer than its route's limit (declared or as it arrives) raises ``BodyTooLarge``
    where the handler reads it; the app's handler for it answers 413."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int] = body_limit_for) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            if declared.isdigit() and int(declared) > limit:
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


# -- rendering ----------------------------------------------------------------------------------------------------


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(static=static_url, format_time=format_time, CSRF_FIELD=CSRF_FIELD)
    return env


@dataclass
class Pages:
    """Renders templates in the request's language and sets the cookies a page needs."""

    csrf: AnonymousCsrf
    site_name: str = ""

    def context(self, request: Request) -> dict[str, Any]:
        language = language_of(request)

        def t(key: str, **fields: object) -> str:
            return text(key, language, **fields)

        return {
            "lang": language,
            "html_lang": "en" if language == "en" else "zh-CN",
            "t": t,
            "day": lambda value: format_day(value, language),
            "languages": [(code, LANGUAGE_LABELS[code]) for code in LANGUAGES],
            "site_name": self.site_name,
            "scripts": [],
        }

    def html(self, request: Request, template: str, **values: Any) -> str:
        context = self.context(request)
        context.update(values)
        return environment().get_template(template).render(context)

    def render(self, request: Request, template: str, *, status: int = 200,
               headers: dict[str, str] | None = None, **values: Any) -> HTMLResponse:
        response = HTMLResponse(self.html(request, template, **values), status_code=status, headers=headers)
        self.keep_cookies(request, response)
        return response

    def keep_cookies(self, request: Request, response: Response) -> None:
        """The language asked for by ``?lang=`` and a new CSRF nonce, when the page made one."""
        asked = request.query_params.get("lang")
        if asked in LANGUAGES and request.cookies.get(LANG_COOKIE) != asked:
            set_cookie(response, request, LANG_COOKIE, str(asked), max_age=LANG_COOKIE_SECONDS)
        nonce = getattr(request.state, "new_csrf_nonce", "")
        if nonce:
            set_cookie(response, request, CSRF_COOKIE, nonce, max_age=None)

    def message(self, request: Request, title_key: str, body: str, *, status: int,
                headers: dict[str, str] | None = None) -> HTMLResponse:
        """A page with a title and one paragraph (``body`` already in the page's language)."""
        return self.render(request, "message.html", status=status, headers=headers,
                           title=text(title_key, language_of(request)), body=body)

    def forbidden(self, request: Request) -> HTMLResponse:
        return self.message(request, "error.csrf.title", text("error.csrf.body", language_of(request)), status=403)

    def too_large(self, request: Request, limit: int) -> HTMLResponse:
        body = text("error.too_large.body", language_of(request), limit=limit // 1024)
        return self.message(request, "error.too_large.title", body, status=413, headers={"Connection": "close"})

    def rate_limited(self, request: Request, retry_after: int) -> HTMLResponse:
        body = text("error.rate_limited.body", language_of(request), seconds=retry_after)
        return self.message(request, "error.rate_limited.title", body, status=429,
                            headers={"Retry-After": str(retry_after)})

    def not_found(self, request: Request) -> HTMLResponse:
        return self.message(request, "error.not_found.title", text("error.not_found.body", language_of(request)),
                            status=404)


def field_value(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""
