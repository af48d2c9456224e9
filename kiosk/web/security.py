"""What every response of the web front end carries, what its access log may say, and how its server is run.

* Headers (``SecuredStarlette``): every response, the 404s and 405s of the router and the 500 of an
  unexpected error included, says it may not be framed (``X-Frame-Options: DENY``,
  ``frame-ancestors 'none'``), sniffed, cached, indexed or passed on as a Referer. The middleware
  wraps Starlette's whole stack, outside its error handler.
* Access log (``RedactLinkTokens``): a reply link's path *is* its secret. uvicorn's access log would
  write every ``/r/<token>``; it writes ``/r/…<8 hex>`` instead (a hash: one link's lines can
  still be told apart, the link cannot be rebuilt). Query strings are never logged.
* Server (``server_config``): keep-alive connections close after ``KEEP_ALIVE_SECONDS``; a
  connection must send a complete request head within ``HEADER_TIMEOUT_SECONDS`` of opening (or of
  its previous answer), else it is closed: uvicorn on its own holds a half-open connection (a
  partial request line, then silence) forever, so a few hundred of them would hold the server.
  At most ``MAX_CONNECTIONS`` at once; beyond that uvicorn answers 503. In production the server
  still belongs behind a reverse proxy that terminates TLS (docs/security.md).
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import logging
import re
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    # No inline scripts or styles anywhere: the stylesheet and the small scripts are files under /static/.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

# The stylesheet and scripts hold nothing personal, and their addresses carry a hash of their content.
STATIC_PREFIX = "/static/"
STATIC_CACHE_CONTROL = "public, max-age=86400"

KEEP_ALIVE_SECONDS = 5
HEADER_TIMEOUT_SECONDS = 10.0
MAX_CONNECTIONS = 500  # below the usual limit of 1024 open files; stalled ones are dropped after the header timeout

# -- headers ------------------------------------------------------------------------------------------------------


class SecurityHeaders:
    """ASGI middleware: ``SECURITY_HEADERS`` on every HTTP response (replacing a handler's own values)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if scope.get("path", "").startswith(STATIC_PREFIX) and message.get("status") == 200:
                    headers["Cache-Control"] = STATIC_CACHE_CONTROL
            await send(message)

        await self.app(scope, receive, send_secured)


class SecuredStarlette(Starlette):
    """Starlette whose whole middleware stack, error handler included, sits inside ``SecurityHeaders``."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


# -- access log ---------------------------------------------------------------------------------------------------

_LINK = re.compile(r"(/r/|/host/sign-in/)([^/?#\s\"]+)")  # host-reply links, hosts' sign-in links
_QUERY = re.compile(r"\?[^\s\"]*")


def redact_path(text: str) -> str:
    """``/r/<token>?x=y`` → ``/r/…1a2b3c4d`` (``/host/sign-in/<token>`` alike): the path prefix and a short hash,
    never the token or a query."""

    def hashed(match: re.Match[str]) -> str:
        return f"{match.group(1)}…{hashlib.sha256(match.group(2).encode()).hexdigest()[:8]}"

    return _QUERY.sub("?…", _LINK.sub(hashed, text))


class RedactLinkTokens(logging.Filter):
    """On uvicorn's access logger: every string argument (the request path) and the message are redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_path(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact_path(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging set-up, with ``RedactLinkTokens`` on its access logger."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_link_tokens"] = {"()": RedactLinkTokens}
    config["loggers"]["uvicorn.access"]["filters"] = ["redact_link_tokens"]
    return config


# -- the server ---------------------------------------------------------------------------------------------------


def guarded_protocol(header_timeout: float) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request head is not complete ``header_timeout`` s on.

    The clock starts when the connection opens and again after each answer, and stops once a whole
    request head has arrived (uvicorn then starts a new request cycle). uvicorn's own
    ``timeout_keep_alive`` only runs between requests and stops at the first byte, so a client that
    sends half a request line and waits, or trickles the body of a request already answered, would hold
    its connection (and a place under the limit) forever.
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderTimeoutH11Protocol(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None
        _waiting_since: object = None  # the request cycle current when the clock started

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm_header_timer()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self._header_timer is not None and self.cycle is not self._waiting_since:
                self._cancel_header_timer()  # a new request head arrived (uvicorn starts a cycle per request)

        def on_response_complete(self) -> None:
            answered = self.cycle
            super().on_response_complete()  # may start a pipelined request at once
            if not self.transport.is_closing() and self.cycle is answered:
                self._arm_header_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_header_timer()
            super().connection_lost(exc)

        def send_400_response(self, msg: str) -> None:
            """uvicorn's answer to a malformed request, with the security headers too."""
            headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close"),
                       *((name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items())]
            for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                          h11.Data(data=msg.encode("ascii")), h11.EndOfMessage()):
                self.transport.write(self.conn.send(event) or b"")
            self.transport.close()

        def _arm_header_timer(self) -> None:
            self._cancel_header_timer()
            self._waiting_since = self.cycle
            self._header_timer = self.loop.call_later(header_timeout, self._header_timed_out)

        def _cancel_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _header_timed_out(self) -> None:
            self._header_timer = None
            if self.transport.is_closing() or self.cycle is not self._waiting_since:
                return
            log.debug("closing a connection from %s: no complete request within %s s", self.client, header_timeout)
            try:
                self.conn.send(h11.ConnectionClosed())
            except h11.LocalProtocolError:
                pass
            self.transport.close()

    return HeaderTimeoutH11Protocol


def server_config(
    app: ASGIApp, *, host: str, port: int, log_level: str = "info",
    header_timeout: float = HEADER_TIMEOUT_SECONDS, keep_alive: int = KEEP_ALIVE_SECONDS,
    max_connections: int = MAX_CONNECTIONS, trusted_proxies: list[str] | None = None,
) -> Any:
    """The ``uvicorn.Config`` ``kioskctl serve`` runs (tests start the same with shorter timeouts)."""
    import uvicorn

    return uvicorn.Config(
        app, host=host, port=port, log_level=log_level, log_config=log_config(),
        http=guarded_protocol(header_timeout), timeout_keep_alive=keep_alive, limit_concurrency=max_connections,
        # Behind a reverse proxy that terminates TLS for public_url; its headers count only from
        # [notify] trusted_proxies (the app applies the same list itself: kiosk/web/app.py).
        proxy_headers=True, forwarded_allow_ips=trusted_proxies or ["127.0.0.1"],
        server_header=False,
    )


def run_server(app: ASGIApp, *, host: str, port: int, trusted_proxies: list[str] | None = None) -> None:
    """Serve ``app`` until interrupted."""
    import uvicorn

    uvicorn.Server(server_config(app, host=host, port=port, trusted_proxies=trusted_proxies)).run()
