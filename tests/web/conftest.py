"""The web app as ``kioskctl serve`` builds it, on the test database, through httpx's ASGI transport (Starlette's
TestClient warns that its httpx use is deprecated; the notify web tests go the same way)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from starlette.types import ASGIApp

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.gateways.web_hosts import HostWebGateway
from kiosk.application.gateways.web_visitors import PreRegistrationGateway
from kiosk.config import NotifySettings, SecuritySettings, Settings, SiteSettings
from kiosk.db import Database
from kiosk.models import Notification, Visit
from kiosk.services.directory.host_web_access import EVENT as SIGN_IN_EVENT
from kiosk.web.app import build_app
from tests import factories

PUBLIC = "https://visit.example.com"
TODAY = date(2026, 6, 15)  # the test clock: 09:00 in Shanghai, a Monday
TOMORROW = TODAY + timedelta(days=1)
PROXY = ("127.0.0.1", 40000)  # a trusted reverse proxy (the default [notify] trusted_proxies)
STRANGER = ("203.0.113.9", 40000)  # anyone else

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, html
    return found.group(1)


class TestClient:
    """A synchronous client over the ASGI app that keeps its cookies between requests (no network)."""

    __test__ = False

    def __init__(self, app: ASGIApp, *, base_url: str, client: tuple[str, int]) -> None:
        self.app = app
        self.base_url = base_url
        self.client = client
        self.cookies = httpx.Cookies()

    def request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, client=self.client)  # type: ignore[arg-type]
            async with httpx.AsyncClient(transport=transport, base_url=self.base_url, cookies=self.cookies,
                                         follow_redirects=False) as session:
                response = await session.request(method, url, **kwargs)  # type: ignore[arg-type]
                self.cookies = httpx.Cookies(session.cookies)
                return response

        return asyncio.run(go())

    def get(self, url: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: object) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        pass


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        site=SiteSettings(code=factories.SITE, name="Test Tower", timezone="Asia/Shanghai"),
        security=SecuritySettings(keys_dir=str(tmp_path / "keys")),
        notify=NotifySettings(public_url=PUBLIC, link_secret_file=str(tmp_path / "link.key")),
    )


@pytest.fixture
def make_client(database: Database, settings: Settings) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def make(*, client: tuple[str, int] = STRANGER, base_url: str = "http://testserver",
             app_settings: Settings | None = None) -> TestClient:
        used = app_settings or settings
        app = build_app(used, visitors=PreRegistrationGateway(database, used), hosts=HostWebGateway(database, used),
                        replies=HostReplyGateway.from_settings(database, used), clock=database.clock)
        test_client = TestClient(app, base_url=base_url, client=client)
        clients.append(test_client)
        return test_client

    yield make
    for test_client in clients:
        test_client.close()


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@dataclass
class Host:
    id: int
    name: str
    email: str


@pytest.fixture
def host(database: Database) -> Host:
    added = factories.add_host(database, name="张伟", email="zhang.wei@example.com", department="研发部")
    return Host(added.id, "张伟", "zhang.wei@example.com")


def visits_saved(database: Database) -> int:
    with database.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Visit)) or 0)


def last_sign_in_token(database: Database) -> str:
    with database.unit_of_work(write=False) as uow:
        mails = uow.session.scalars(select(Notification).where(Notification.event == SIGN_IN_EVENT)
                                    .order_by(Notification.id)).all()
    assert mails, "no sign-in link was queued"
    return factories.mailed_code(mails[-1].payload)


def sign_in(client: TestClient, database: Database, email: str = "zhang.wei@example.com") -> str:
    """The whole way: ask for a link, open it, press its button. Returns the page's CSRF token for /host."""
    page = client.get("/host")
    asked = client.post("/host/sign-in", data={"email": email, "csrf_token": csrf_of(page.text)})
    assert asked.status_code == 200
    link = f"/host/sign-in/{last_sign_in_token(database)}"
    confirm = client.get(link)
    done = client.post(link, data={"csrf_token": csrf_of(confirm.text)})
    assert done.status_code == 303 and done.headers["location"] == "/host", done.text
    home = client.get("/host")
    assert home.status_code == 200 and 'id="visits"' in home.text
    return csrf_of(home.text)


def visit_form(client: TestClient, *, host_ref: str, lang: str = "", **changes: str) -> dict[str, str]:
    """A complete, valid pre-registration for tomorrow, with the page's own CSRF token."""
    page = client.get("/visit" + (f"?lang={lang}" if lang else ""))
    assert page.status_code == 200
    form = {"csrf_token": csrf_of(page.text), "action": "send", "name": "Jane Doe", "phone": "13800138000",
            "email": "jane.doe@example.org", "company": "Acme Ltd", "host_ref": host_ref,
            "visit_date": TOMORROW.isoformat(), "start": "10:00", "end": "11:30", "purpose": "meeting",
            "party_size": "1", "purpose_note": "Quarterly review"}
    form.update(changes)
    return form


def host_ref(client: TestClient, typed: str = "张伟") -> str:
    [choice] = client.get("/visit/hosts", params={"q": typed}).json()["hosts"]
    return str(choice["ref"])
