"""The host-reply server: security headers on every answer, no link token in its log, half-open connections dropped.

The server is started the way ``kioskctl serve`` starts it (``kiosk.web.security.server_config``), on
loopback, with a one-second header timeout so the test stays short.
"""

from __future__ import annotations

import asyncio
import io
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from uvicorn.logging import AccessFormatter

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.db import Database
from kiosk.web.host_replies import build_app
from kiosk.web.security import SecuredStarlette, server_config
from tests import factories
from tests.notify.helpers import walk_in
from tests.notify.smtp_server import free_port
from tests.notify.test_notify_web import PUBLIC, links_for, request

HEADER_TIMEOUT = 1.0
EXPECTED = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


def assert_secured(response: httpx.Response) -> None:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (response.status_code, name, response.headers)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy


@dataclass
class Live:
    base: str
    port: int
    settings: object
    link: str  # a real approve link (path only)


@pytest.fixture
def live(database: Database, make_settings) -> Iterator[Live]:
    settings = make_settings(None, public_url=PUBLIC)
    host = factories.add_host(database, email="zhang.wei@example.com")
    walk_in(database, host.id)
    link = links_for(database, settings, "consent_requested")["approve"]
    port = free_port()
    app = build_app(HostReplyGateway.from_settings(database, settings))
    server = uvicorn.Server(server_config(app, host="127.0.0.1", port=port, header_timeout=HEADER_TIMEOUT,
                                          keep_alive=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield Live(f"http://127.0.0.1:{port}", port, settings, link)
    server.should_exit = True
    thread.join(10)


def test_every_answer_forbids_framing_sniffing_caching_and_referers(database, make_settings):
    settings = make_settings(None, public_url=PUBLIC)
    host = factories.add_host(database, email="zhang.wei@example.com")
    walk_in(database, host.id)
    link = links_for(database, settings, "consent_requested")["approve"]
    app = build_app(HostReplyGateway.from_settings(database, settings))

    page = request(app, "GET", link)
    assert page.status_code == 200 and "<form" in page.text
    assert_secured(page)
    assert_secured(request(app, "GET", "/healthz"))
    missing = request(app, "GET", "/nothing-here")
    assert missing.status_code == 404
    assert_secured(missing)
    wrong_method = request(app, "PUT", link)
    assert wrong_method.status_code == 405
    assert_secured(wrong_method)
    tampered = request(app, "POST", link[:-3] + "xyz")
    assert tampered.status_code == 400
    assert_secured(tampered)


def test_an_unexpected_error_answers_500_with_the_same_headers():
    def broken(_request):
        raise RuntimeError("boom")

    app = SecuredStarlette(routes=[Route("/boom", broken), Route("/ok", lambda _r: PlainTextResponse("ok"))])

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as client:
            return await client.get("/boom")

    answer = asyncio.run(go())
    assert answer.status_code == 500
    assert_secured(answer)


def test_the_access_log_shows_the_path_but_never_the_link_token(live: Live, caplog):
    token = live.link.rsplit("/", 1)[1]
    written = io.StringIO()  # what uvicorn's own access handler writes, formatted the same way
    handler = logging.StreamHandler(written)
    handler.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False))
    access_logger = logging.getLogger("uvicorn.access")
    access_logger.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        with httpx.Client(timeout=10) as client:
            assert client.get(live.base + live.link).status_code == 200
            assert client.get(live.base + live.link + "?again=" + token).status_code == 200
            assert client.post(live.base + live.link).status_code == 200
            assert client.get(live.base + live.link).status_code == 410
        time.sleep(0.2)
    finally:
        access_logger.removeHandler(handler)
    lines = written.getvalue().splitlines()
    assert [line.split('"')[1].split(" ")[0] for line in lines] == ["GET", "GET", "POST", "GET"], lines
    assert all(" /r/…" in line for line in lines), lines
    server_side = "\n".join(record.getMessage() for record in caplog.records
                            if record.name.startswith(("uvicorn", "kiosk", "starlette")))  # not httpx, the client
    assert "/r/…" in server_side
    for text in (written.getvalue(), server_side):
        assert token not in text and token[:12] not in text


def test_half_open_connections_are_dropped_and_do_not_hold_the_server(live: Live):
    stalled = []
    for _ in range(50):  # half a request line each, then silence
        sock = socket.create_connection(("127.0.0.1", live.port), timeout=5)
        sock.sendall(b"GET /r/abc HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        stalled.append(sock)
    try:
        started = time.monotonic()
        with httpx.Client(timeout=5) as client:
            answer = client.get(live.base + "/healthz")
        assert answer.status_code == 200 and answer.text == "ok"
        assert time.monotonic() - started < HEADER_TIMEOUT  # answered while the 50 were still open
        # Each stalled connection is closed by the server once the header timeout has passed.
        for sock in stalled:
            sock.settimeout(HEADER_TIMEOUT + 4)
            assert sock.recv(1024) == b""  # EOF: closed without an answer
        assert time.monotonic() - started < HEADER_TIMEOUT + 5
    finally:
        for sock in stalled:
            sock.close()


def test_a_body_trickled_after_the_answer_does_not_hold_the_connection(live: Live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        sock.sendall(b"POST /r/abc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 400")  # answered without reading the body
        started = time.monotonic()
        sock.settimeout(0.3)
        closed = False
        while not closed and time.monotonic() - started < HEADER_TIMEOUT + 4:
            try:
                sock.sendall(b"x")  # one byte at a time: each would reset uvicorn's keep-alive clock
                closed = sock.recv(1024) == b""
            except TimeoutError:
                continue
            except OSError:  # reset by the server
                closed = True
        assert closed and time.monotonic() - started < HEADER_TIMEOUT + 4


def test_a_malformed_request_is_answered_400_with_the_same_headers(live: Live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        sock.sendall(b"GET /r/x HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header line\r\n\r\n")
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    head = answer.split(b"\r\n\r\n")[0].decode().lower()
    assert head.startswith("http/1.1 400")
    for name, value in EXPECTED.items():
        assert f"{name}: {value.lower()}" in head
    assert "frame-ancestors 'none'" in head


def test_an_idle_kept_alive_connection_is_closed_after_its_timeout(live: Live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = b""
        while not answer.endswith(b"ok"):
            answer += sock.recv(1024)
        assert answer.startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        assert sock.recv(1024) == b""
        assert time.monotonic() - started < 3
