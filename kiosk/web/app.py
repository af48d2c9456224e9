"""The web app ``kioskctl serve`` runs: the public pre-registration page, the hosts' pages, the reply links.

One Starlette app, wrapped (outside in) by:

* ``ProxyHeadersMiddleware``: ``X-Forwarded-For`` / ``X-Forwarded-Proto`` count only from
  ``[notify] trusted_proxies``; from anyone else they are ignored. The client address the gateways
  rate-limit by (``ClientRef``) and the cookies' Secure flag follow from it.
* ``SecuredStarlette``'s headers on every response (kiosk/web/security.py).
* ``BodyLimit``: form bodies up to 64 KiB, the group upload up to 512 KiB; more is a 413 page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from kiosk.application.bootstrap import connect_database
from kiosk.application.gateways.complaint_rating import ComplaintRatingGateway
from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.gateways.web_hosts import HostWebGateway
from kiosk.application.gateways.web_visitors import PreRegistrationGateway
from kiosk.application.secrets import load_link_secret
from kiosk.clock import Clock, SystemClock
from kiosk.config import Settings
from kiosk.web.complaint_rating import rating_routes
from kiosk.web.host_pages import HostPages
from kiosk.web.host_replies import health, reply_routes
from kiosk.web.pages import STATIC_DIR, AnonymousCsrf, BodyLimit, BodyTooLarge, Pages, language_of
from kiosk.web.security import SecuredStarlette, run_server
from kiosk.web.texts import text
from kiosk.web.visit_pages import VisitPages


def csrf_key(settings: Settings) -> bytes:
    """The anonymous forms' CSRF key: derived from the link secret, so every ``serve`` process agrees."""
    import hashlib
    import hmac

    return hmac.new(load_link_secret(settings), b"kiosk-web-anonymous-csrf", hashlib.sha256).digest()


def build_app(settings: Settings, *, visitors: PreRegistrationGateway, hosts: HostWebGateway,
              replies: HostReplyGateway, clock: Clock | None = None, key: bytes | None = None) -> ASGIApp:
    pages = Pages(AnonymousCsrf(key if key is not None else csrf_key(settings)), site_name=settings.site.name)
    zone = ZoneInfo(settings.site.timezone)
    now = (clock or SystemClock()).now

    def today() -> date:
        return now().astimezone(zone).date()

    def home(_request: Request) -> Response:
        return RedirectResponse("/visit", status_code=303)

    def too_large(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BodyTooLarge)
        return pages.too_large(request, exc.limit)

    def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return pages.not_found(request)
        if exc.status_code == 405:  # e.g. a form's address opened by hand: the same calm page, kept a 405
            page = pages.message(request, "error.method.title", text("error.method.body", language_of(request)),
                                 status=405)
            page.headers.update(exc.headers or {})
            return page
        return Response(exc.detail, status_code=exc.status_code, headers=exc.headers)

    routes = [
        Route("/", home, methods=["GET"]),
        *VisitPages(pages, visitors).routes(),
        *HostPages(pages, hosts, today).routes(),
        *reply_routes(replies, pages),
        *rating_routes(ComplaintRatingGateway(replies.database, replies.signer), pages),  # customers' /rate/
        Route("/healthz", health, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    app: Starlette = SecuredStarlette(
        routes=routes, middleware=[Middleware(BodyLimit)],
        exception_handlers={BodyTooLarge: too_large, HTTPException: not_found},
    )
    proxied = ProxyHeadersMiddleware(cast(Any, app), trusted_hosts=list(settings.notify.trusted_proxies))
    return cast(ASGIApp, proxied)


def serve(settings: Settings, *, runner: Callable[..., None] = run_server) -> None:
    """``kioskctl serve``: the web app on ``[notify] listen_host:listen_port`` until interrupted."""
    database = connect_database(settings)
    try:
        # Timeouts, the connection limit and the redacted access log: kiosk/web/security.py.
        app = build_app(settings, visitors=PreRegistrationGateway(database, settings),
                        hosts=HostWebGateway(database, settings),
                        replies=HostReplyGateway.from_settings(database, settings), clock=database.clock)
        runner(app, host=settings.notify.listen_host, port=settings.notify.listen_port,
               trusted_proxies=list(settings.notify.trusted_proxies))
    finally:
        database.dispose()
