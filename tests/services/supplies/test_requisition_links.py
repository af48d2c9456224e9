"""The department head approves a requisition by a signed, single-use link (the walk-in consent's
machinery, about a requisition): GET only asks, showing the lines; POST acts once, as the head."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from starlette.applications import Starlette

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, RequisitionLineForm, RequisitionStatus
from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, NotifySettings, Settings
from kiosk.db import Database
from kiosk.domain.notifications import NoticeContext
from kiosk.domain.security import StaffRole
from kiosk.models import Notification, UsedLink
from kiosk.services.notifications import sending
from kiosk.services.notifications.host_links import LinkClaim
from kiosk.web.host_replies import build_app
from tests.services.supplies.requisition_data import HEAD, item, requester

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


def desk(db: Database) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(db, "HQ", actor="staff:amy", role=StaffRole.SUPERVISOR)


def head_links(database: Database, settings: Settings) -> dict[int, dict[str, str]]:
    """{requisition id: {action: path}}: the links the dispatcher puts into each head's approval notice."""
    dispatcher = Dispatcher(database, settings)
    with database.unit_of_work("test") as uow:
        claimed = sending.claim_due(uow, limit=100)
    found = {}
    for notice in claimed:
        links = dispatcher._links(notice, NoticeContext())
        if notice.event == "requisition_approval_requested":
            assert links is not None and notice.recipient == HEAD
            found[int(notice.payload["requisition_id"])] = {a: u.removeprefix(PUBLIC) for a, u in links.items()}
        else:
            assert links is None  # the requester's notice carries no links
    return found


@pytest.fixture
def two(database: Database, settings: Settings):
    pens, pads = item(database, on_hand=20), item(database, "笔记本", unit="本")
    host_id = requester(database)
    first = desk(database).create_requisition(host_id, [RequisitionLineForm(pens, 5), RequisitionLineForm(pads, 2)],
                                              "Q3 kick-off")
    second = desk(database).create_requisition(host_id, [RequisitionLineForm(pens, 1)])
    links = head_links(database, settings)
    app = build_app(HostReplyGateway.from_settings(database, settings))
    return app, first.requisition_id, second.requisition_id, links


def status(database: Database, requisition_id: int) -> tuple[RequisitionStatus, str]:
    row = desk(database).requisition(requisition_id)
    return row.status, row.decided_by


def test_get_shows_the_lines_and_post_approves_once_as_the_head(database: Database, two) -> None:
    app, first, _second, links = two
    for _ in range(2):  # a mail scanner, then the head
        page = request(app, "GET", links[first]["approve_requisition"])
        assert page.status_code == 200
        assert "批准 张伟（Sales） 的办公用品领用申请？" in page.text
        assert "签字笔 0.5 mm × 5 支" in page.text and "笔记本 0.5 mm × 2 本" in page.text
        assert "Q3 kick-off" in page.text
    assert status(database, first) == (RequisitionStatus.PENDING_APPROVAL, "")

    done = request(app, "POST", links[first]["approve_requisition"])
    assert done.status_code == 200 and "Approved" in done.text
    assert status(database, first) == (RequisitionStatus.APPROVED, f"host:{HEAD}")
    with database.unit_of_work(write=False) as uow:
        used = uow.session.scalars(select(UsedLink)).one()
        assert (used.action, used.visit_id) == ("approve_requisition", 0)  # belongs to no visit
        told = set(uow.session.scalars(select(Notification.recipient)
                                       .where(Notification.event == "requisition_approved")))
    assert told == {"zhang.wei@example.com", HEAD}

    replay = request(app, "POST", links[first]["approve_requisition"])
    assert replay.status_code == 410 and "already been used" in replay.text
    assert request(app, "GET", links[first]["approve_requisition"]).status_code == 410
    assert request(app, "POST", links[first]["decline_requisition"]).status_code == 409  # already decided
    assert status(database, first)[0] is RequisitionStatus.APPROVED


def test_decline_by_link(database: Database, two) -> None:
    app, first, _second, links = two
    assert request(app, "POST", links[first]["decline_requisition"]).status_code == 200
    assert status(database, first) == (RequisitionStatus.DECLINED, f"host:{HEAD}")


@pytest.mark.parametrize("mangle", [
    lambda path: path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB"),  # the signature
    lambda path: path.replace("/r/", "/r/x"),  # the body
])
def test_a_tampered_link_is_refused_with_400(database: Database, two, mangle) -> None:
    app, first, _second, links = two
    assert request(app, "POST", mangle(links[first]["approve_requisition"])).status_code == 400
    assert status(database, first)[0] is RequisitionStatus.PENDING_APPROVAL


def test_a_link_for_one_requisition_cannot_act_on_another(database: Database, settings: Settings, two) -> None:
    app, first, second, links = two
    gateway = HostReplyGateway.from_settings(database, settings)
    claim = gateway.signer.read_token(links[first]["approve_requisition"].removeprefix("/r/"))
    # Re-signed with the secret but pointed at B: B's key does not match A's, so it is stale.
    forged = gateway.signer.make_token(LinkClaim(
        action=claim.action, visit_id=second, host_email=claim.host_email, nonce=claim.nonce + "x",
        expires_at=claim.expires_at, visit_key=claim.visit_key, subject=claim.subject))
    assert request(app, "POST", f"/r/{forged}").status_code == 410
    # The same claim as a visit link: no visit has that key, nothing changes.
    as_visit = gateway.signer.make_token(LinkClaim(
        action="approve", visit_id=first, host_email=claim.host_email, nonce=claim.nonce + "y",
        expires_at=claim.expires_at, visit_key=claim.visit_key))
    assert request(app, "POST", f"/r/{as_visit}").status_code == 410
    assert status(database, second)[0] is RequisitionStatus.PENDING_APPROVAL
    assert status(database, first)[0] is RequisitionStatus.PENDING_APPROVAL


def test_a_link_stops_working_when_the_department_has_another_head(database: Database, two) -> None:
    app, first, _second, links = two
    requester(database, head="new.head@example.com", email="li.na@example.com")
    assert request(app, "POST", links[first]["approve_requisition"]).status_code == 410
    assert status(database, first)[0] is RequisitionStatus.PENDING_APPROVAL
