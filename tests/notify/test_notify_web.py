"""Host replies: GET only asks, POST acts once; tampered, replayed and expired links are refused."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select
from starlette.applications import Starlette

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.application.secrets import load_link_secret
from kiosk.db import Database
from kiosk.models import AuditEvent, UsedLink, Visit
from kiosk.services.notifications.host_links import LinkSigner, forget_spent_links
from kiosk.web.host_replies import build_app
from tests import factories
from tests.notify.helpers import check_in, part_of, rows, walk_in
from tests.notify.smtp_server import free_port

PUBLIC = "https://kiosk.example.com"


def request(app: Starlette, method: str, url: str) -> httpx.Response:
    """One request through the ASGI app, no network."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC) as client:
            return await client.request(method, url)

    return asyncio.run(go())


def links_for(database: Database, settings, event: str) -> dict[str, str]:
    """The links the dispatcher puts into the host's e-mail for ``event`` (paths only)."""
    [row] = rows(database, event=event, channel="email")
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, row.visit_id)
        host_email = visit.host.email
    links = LinkSigner(load_link_secret(settings)).host_links(
        PUBLIC, actions=("approve", "decline", "on_my_way", "sign_out"), visit_id=row.visit_id,
        host_email=host_email, idempotency_key=row.idempotency_key, issued_at=row.created_at,
    )
    return {action: url.removeprefix(PUBLIC) for action, url in links.items()}


def visit_state(database: Database, visit_id: int) -> tuple[str, str | None]:
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        return visit.status.value, visit.decided_by


@pytest.fixture
def consent(database: Database, make_settings):
    settings = make_settings(None, public_url=PUBLIC)
    host = factories.add_host(database, email="zhang.wei@example.com")
    visit_id = walk_in(database, host.id).visit_id
    app = build_app(HostReplyGateway.from_settings(database, settings))
    return settings, visit_id, links_for(database, settings, "consent_requested"), app


def test_get_only_shows_a_confirmation_page_in_both_languages(database: Database, consent):
    _settings, visit_id, links, app = consent
    for _ in range(3):  # a mail scanner, a chat preview, the host
        page = request(app, "GET", links["approve"])
        assert page.status_code == 200
        assert "批准访客 李雷 进入？" in page.text and "Let 李雷 in?" in page.text
        assert '<form method="post"' in page.text
        assert page.headers["cache-control"] == "no-store"
        assert page.headers["referrer-policy"] == "no-referrer"
    assert visit_state(database, visit_id) == ("pending_approval", None)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(UsedLink)) == 0


def test_post_approves_once_as_the_host_and_a_replay_is_refused(database: Database, consent):
    _settings, visit_id, links, app = consent
    done = request(app, "POST", links["approve"])
    assert done.status_code == 200 and "Approved" in done.text
    assert visit_state(database, visit_id) == ("approved", "host:zhang.wei@example.com")
    with database.unit_of_work(write=False) as uow:
        actors = set(uow.session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "visit.approved")))
    assert actors == {"host:zhang.wei@example.com"}

    replay = request(app, "POST", links["approve"])
    assert replay.status_code == 410 and "already been used" in replay.text
    assert request(app, "GET", links["approve"]).status_code == 410
    # The other answer in the same message can no longer change the decision.
    too_late = request(app, "POST", links["decline"])
    assert too_late.status_code == 409
    assert visit_state(database, visit_id)[0] == "approved"


def test_spent_links_are_forgotten_only_once_they_would_have_expired(database: Database, clock, consent):
    _settings, _visit_id, links, app = consent
    assert request(app, "POST", links["approve"]).status_code == 200
    clock.advance(hours=23)
    with database.unit_of_work("system") as uow:
        assert forget_spent_links(uow) == 0
    assert request(app, "POST", links["approve"]).status_code == 410  # still used
    clock.advance(hours=1, seconds=1)
    with database.unit_of_work("system") as uow:
        assert forget_spent_links(uow) == 1
    assert request(app, "POST", links["approve"]).status_code == 410  # now expired


def test_decline(database: Database, consent):
    _settings, visit_id, links, app = consent
    assert request(app, "POST", links["decline"]).status_code == 200
    assert visit_state(database, visit_id)[0] == "denied"


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature changed
    lambda t: t.replace(".", "x.", 1),  # body changed
    lambda t: "not-a-token",
    lambda t: t.split(".")[0],  # no signature
])
def test_a_tampered_link_is_refused_with_400(database: Database, consent, mangle):
    _settings, visit_id, links, app = consent
    path, token = links["approve"].rsplit("/", 1)
    for method in ("GET", "POST"):
        page = request(app, method, f"{path}/{mangle(token)}")
        assert page.status_code == 400 and "not valid" in page.text
    assert visit_state(database, visit_id)[0] == "pending_approval"


def test_a_link_signed_with_another_secret_is_refused(database: Database, consent):
    _settings, visit_id, _links, app = consent
    [row] = rows(database, event="consent_requested", channel="email")
    forged = LinkSigner(b"x" * 64).host_links(
        PUBLIC, actions=("approve",), visit_id=visit_id, host_email="zhang.wei@example.com",
        idempotency_key=row.idempotency_key, issued_at=row.created_at,
    )["approve"]
    assert request(app, "POST", forged.removeprefix(PUBLIC)).status_code == 400
    assert visit_state(database, visit_id)[0] == "pending_approval"


def test_an_expired_link_is_refused_with_410(database: Database, clock, consent):
    _settings, visit_id, links, app = consent
    clock.advance(hours=24)
    for method in ("GET", "POST"):
        page = request(app, method, links["approve"])
        assert page.status_code == 410 and "expired" in page.text
    assert visit_state(database, visit_id)[0] == "pending_approval"
    clock.advance(seconds=-1)  # just inside 24 h it still works
    assert request(app, "POST", links["approve"]).status_code == 200


def test_on_my_way_acknowledges_and_sign_out_signs_the_visitor_out(database: Database, make_settings):
    settings = make_settings(None, public_url=PUBLIC)
    host = factories.add_host(database, email="host@example.com")
    created = factories.invite(database, host.id)
    check_in(database, created.token)
    links = links_for(database, settings, "visitor_arrived")
    app = build_app(HostReplyGateway.from_settings(database, settings))

    assert request(app, "POST", links["on_my_way"]).status_code == 200
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, created.visit_id).host_acknowledged_at is not None
    assert request(app, "POST", links["sign_out"]).status_code == 200
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, created.visit_id)
        assert (visit.status.value, visit.checked_out_by) == ("checked_out", "host:host@example.com")


@pytest.fixture
def live_server(database: Database, make_settings) -> Iterator[tuple[str, object]]:
    settings = make_settings(None, public_url="http://127.0.0.1")
    port = free_port()
    app = build_app(HostReplyGateway.from_settings(database, settings))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        threading.Event().wait(0.02)
    assert server.started
    yield f"http://127.0.0.1:{port}", settings
    server.should_exit = True
    thread.join(10)


def test_over_real_http_the_link_from_the_sent_email_acts_only_on_post(
    database: Database, smtp, make_settings, live_server
):
    base, _server_settings = live_server  # same tmp_path: the server and the dispatcher share link.key
    host = factories.add_host(database, email="host@example.com", language="en")
    visit_id = walk_in(database, host.id).visit_id
    # The e-mail the host really receives carries the links.
    Dispatcher(database, make_settings(smtp, public_url=base)).run_once()
    [message] = smtp.messages()
    text = part_of(message, "text/plain").get_content()
    approve = re.search(r"Approve: (\S+)", text).group(1)
    assert approve.startswith(f"{base}/r/")

    with httpx.Client(timeout=10) as client:
        assert client.get(approve).status_code == 200
        assert visit_state(database, visit_id)[0] == "pending_approval"
        assert client.post(approve).status_code == 200
        assert visit_state(database, visit_id) == ("approved", "host:host@example.com")
        assert client.post(approve).status_code == 410
        assert client.get(f"{base}/healthz").text == "ok"


def test_the_link_secret_is_created_private_and_reused(make_settings, tmp_path):
    settings = make_settings(None)
    secret = load_link_secret(settings)
    path = tmp_path / "link.key"
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_link_secret(settings) == secret and len(secret) == 64
