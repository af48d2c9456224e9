"""Fixtures for the notification tests: a real SMTP server, an HTTP listener for apprise, settings."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import EmailSettings, NotifySettings, Settings
from tests.notify.smtp_server import SmtpServer

SettingsFactory = Callable[..., Settings]


@pytest.fixture(scope="session")
def _smtp_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path_factory.mktemp("mailbox")).start()
    yield server
    server.stop()


@pytest.fixture
def smtp(_smtp_session: SmtpServer) -> SmtpServer:
    """The shared SMTP server with an empty mailbox."""
    _smtp_session.clear()
    return _smtp_session


@pytest.fixture
def make_settings(tmp_path: Path) -> SettingsFactory:
    """Settings pointing e-mail at ``smtp`` (or nowhere), with a link secret in tmp_path."""

    def build(smtp: SmtpServer | None = None, **notify: Any) -> Settings:
        email = EmailSettings(
            host="127.0.0.1" if smtp else "", port=smtp.port if smtp else 25, timeout=5.0,
            sender="Lobby Kiosk <kiosk@hq.example.com>",
        )
        notify.setdefault("link_secret_file", str(tmp_path / "link.key"))
        return Settings(email=email, notify=NotifySettings(**notify))

    return build


@dataclass
class RecordingHttp:
    """A loopback HTTP server that records each POSTed JSON body and answers with ``status``."""

    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)
    server: http.server.ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"json://127.0.0.1:{self.server.server_address[1]}/"


@pytest.fixture
def http_listener() -> Iterator[RecordingHttp]:
    recording = RecordingHttp()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            recording.requests.append({"path": self.path, **json.loads(body or b"{}")})
            self.send_response(recording.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    recording.server = server
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield recording
    server.shutdown()
    server.server_close()
    thread.join(5)
