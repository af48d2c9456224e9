"""The colleague's "got it" link in a phone message's notices: signed, single use, bound to the message (id, time
received, the colleague) and the address it went to. GET only asks, showing who called; POST acknowledges once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from kiosk.application.gateways.desk_messages import MessageStatus
from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, NotifySettings, Settings
from kiosk.db import Database
from kiosk.domain.notifications import NoticeContext
from kiosk.services.desk import message_notices
from kiosk.services.notifications import sending
from kiosk.services.notifications.host_links import LinkClaim
from kiosk.web.host_replies import build_app
from tests.services.desk.message_data import CONTACT, colleague, desk, message_for

PUBLIC = "https://kiosk.example.com"


def request(app: Starlette, method: str, url: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
            return await client.request(method, url)

    return asyncio.run(go())


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(email=EmailSettings(host="", sender="Lobby Kiosk <kiosk@hq.example.com>"),
                    notify=NotifySettings(public_url=PUBLIC, link_secret_file=str(tmp_path / "link.key")))


def links(database: Database, settings: Settings) -> dict[tuple[str, str, str], str]:
    """{(event, channel, recipient): path of its "got it" link}, as the dispatcher makes them for what is due."""
    dispatcher = Dispatcher(database, settings)
    with database.unit_of_work("test") as uow:
        claimed = sending.claim_due(uow, limit=100)
    found = {}
    for notice in claimed:
        made = dispatcher._links(notice, NoticeContext())
        assert made is not None and list(made) == ["ack_message"]
        found[(notice.event, notice.channel, notice.recipient)] = made["ack_message"].removeprefix(PUBLIC)
    return found


@pytest.fixture
def taken(database: Database, settings: Settings):
    host_id = colleague(database, chat="wecom://zhangwei")
    made = desk(database).add_message(message_for(host_id, caller_company="远航贸易"))
    return build_app(HostReplyGateway.from_settings(database, settings)), made.message_id, links(database, settings)


def status(database: Database, message_id: int) -> tuple[MessageStatus, str]:
    row = desk(database).detail(message_id).row
    return row.status, row.acknowledged_by


def test_got_it_acknowledges_once_and_a_replay_is_refused(database: Database, taken) -> None:
    app, message_id, found = taken
    email_link = found[("message_for_you", "email", "zhang.wei@example.com")]
    chat_link = found[("message_for_you", "chat", "wecom://zhangwei")]
    assert email_link != chat_link  # one link per notice
    for _ in range(2):  # a mail scanner's preview, then the colleague
        page = request(app, "GET", email_link)
        assert page.status_code == 200
        assert "您已收到 李雷（远航贸易） 的电话留言" in page.text and "+8613912345678" in page.text
        assert "关于下周的合同，请回电" in page.text
    assert status(database, message_id) == (MessageStatus.NEW, "")

    done = request(app, "POST", email_link)
    assert done.status_code == 200 and "please call back" in done.text
    assert status(database, message_id) == (MessageStatus.ACKNOWLEDGED, "host:zhang.wei@example.com")
    replay = request(app, "POST", email_link)
    assert replay.status_code == 410 and "already been used" in replay.text
    assert request(app, "GET", email_link).status_code == 410
    # The chat copy's link: the message is acknowledged already, nothing more happens.
    again = request(app, "POST", chat_link)
    assert again.status_code == 409 and "already acknowledged" in again.text
    assert status(database, message_id) == (MessageStatus.ACKNOWLEDGED, "host:zhang.wei@example.com")


@pytest.mark.parametrize("mangle", [
    lambda path: path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB"),  # the signature
    lambda path: path.replace("/r/", "/r/x"),  # the body
])
def test_a_tampered_link_is_refused(database: Database, taken, mangle) -> None:
    app, message_id, found = taken
    link = found[("message_for_you", "email", "zhang.wei@example.com")]
    assert request(app, "POST", mangle(link)).status_code == 400
    assert request(app, "GET", mangle(link)).status_code == 400
    assert status(database, message_id)[0] is MessageStatus.NEW


def test_a_link_for_one_message_cannot_acknowledge_another(database: Database, settings: Settings, taken) -> None:
    app, first, found = taken
    second = desk(database).add_message(message_for(colleague_id(database))).message_id
    gateway = HostReplyGateway.from_settings(database, settings)
    claim = gateway.signer.read_token(found[("message_for_you", "email", "zhang.wei@example.com")].removeprefix("/r/"))
    forged = gateway.signer.make_token(LinkClaim(
        action=claim.action, visit_id=second, host_email=claim.host_email, nonce=claim.nonce + "x",
        expires_at=claim.expires_at, visit_key=claim.visit_key, subject=claim.subject))
    assert request(app, "POST", f"/r/{forged}").status_code == 410  # the key is the first message's: stale
    someone_else = gateway.signer.make_token(LinkClaim(
        action=claim.action, visit_id=first, host_email="li.na@example.com", nonce=claim.nonce + "y",
        expires_at=claim.expires_at, visit_key=claim.visit_key, subject=claim.subject))
    assert request(app, "POST", f"/r/{someone_else}").status_code == 410  # not the colleague's address
    assert status(database, first)[0] is status(database, second)[0] is MessageStatus.NEW


def test_the_department_contact_acknowledges_from_the_escalation(database: Database, settings: Settings,
                                                                   taken) -> None:
    app, message_id, _found = taken
    database.clock.advance(minutes=61)
    with database.unit_of_work("system:housekeeping") as uow:
        message_notices.remind_and_escalate(uow, 30, 60)
    found = links(database, settings)  # the first notices are due again too: their lease ran out, never sent
    assert {key for key in found if key[0] != "message_for_you"} == {
                          ("message_reminder", "email", "zhang.wei@example.com"),
                          ("message_reminder", "chat", "wecom://zhangwei"),
                          ("message_escalated", "email", CONTACT)}
    assert request(app, "POST", found[("message_escalated", "email", CONTACT)]).status_code == 200
    assert status(database, message_id) == (MessageStatus.ACKNOWLEDGED, f"host:{CONTACT}")


def test_an_expired_link_is_refused(database: Database, taken) -> None:
    app, message_id, found = taken
    database.clock.advance(hours=25)
    assert request(app, "POST", found[("message_for_you", "email", "zhang.wei@example.com")]).status_code == 410
    assert status(database, message_id)[0] is MessageStatus.NEW


def colleague_id(database: Database) -> int:
    return desk(database).messages()[0].for_host_id or 0
