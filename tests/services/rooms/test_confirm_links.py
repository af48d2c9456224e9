"""The organiser confirms a meeting from the reminder's signed, single-use link: GET only asks (whose meeting,
when, where), POST confirms once as the organiser; a replayed, tampered, or stale link changes nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from starlette.applications import Starlette

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, NotifySettings, Settings
from kiosk.db import Database
from kiosk.domain.notifications import NoticeContext
from kiosk.domain.rooms import BookingStatus
from kiosk.models import AuditEvent, Notification, UsedLink
from kiosk.models.rooms import Booking
from kiosk.notify.templates import render
from kiosk.services.notifications import sending
from kiosk.services.notifications.host_links import LinkClaim
from kiosk.services.rooms import notices
from kiosk.web.host_replies import build_app
from tests import factories
from tests.services.rooms.after_use_data import booking, organiser, room

PUBLIC = "https://kiosk.example.com"
ORGANISER = "zhang.wei@example.com"
# Today (Monday) 09:20-10:00 in Shanghai; the clock says 09:00 there.
STARTS, ENDS = datetime(2026, 6, 15, 1, 20, tzinfo=UTC), datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


def request(app: Starlette, method: str, url: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
            return await client.request(method, url)

    return asyncio.run(go())


def settings_with(tmp_path: Path, public_url: str = PUBLIC) -> Settings:
    return Settings(email=EmailSettings(host="", sender="Lobby Kiosk <kiosk@hq.example.com>"),
                    notify=NotifySettings(public_url=public_url, link_secret_file=str(tmp_path / "link.key")))


def remind(database: Database) -> int:
    with database.unit_of_work("system:housekeeping") as uow:
        return notices.send_confirm_reminders(uow, "HQ", 30)


def reminder_links(database: Database, settings: Settings) -> list[dict[str, str]]:
    """The links the dispatcher puts into each reminder row (e-mail and chat), as paths."""
    dispatcher = Dispatcher(database, settings)
    with database.unit_of_work("test") as uow:
        claimed = sending.claim_due(uow, limit=100)
    found = []
    for notice in claimed:
        assert notice.event == "booking_reminder"
        links = dispatcher._links(notice, NoticeContext())
        found.append({action: url.removeprefix(PUBLIC) for action, url in (links or {}).items()})
    return found


def status(database: Database, booking_id: int) -> BookingStatus:
    with database.unit_of_work(write=False) as uow:
        return uow.session.get_one(Booking, booking_id).status


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_with(tmp_path)


@pytest.fixture
def reminded(database: Database, settings: Settings) -> tuple[Starlette, int, str]:
    """A meeting in 20 minutes, its organiser reminded: the app, the booking and the confirm link's path."""
    booking_id = booking(database, room(database), STARTS, ENDS, organiser_id=organiser(database, ORGANISER),
                         topic="周例会 <b>")
    assert remind(database) == 1
    links = reminder_links(database, settings)
    assert len(links) == 1  # e-mail only: the organiser has no chat address
    app = build_app(HostReplyGateway.from_settings(database, settings))
    return app, booking_id, links[0]["confirm_booking"]


def test_the_reminder_says_when_the_room_is_released(database: Database, reminded) -> None:
    with database.unit_of_work(write=False) as uow:
        payload = uow.session.scalars(select(Notification.payload)).one()
    notice = render("booking_reminder", "zh_CN", payload, links={"confirm_booking": f"{PUBLIC}/r/x"})
    assert notice.subject == "请确认会议：周例会 <b>，09:20 开始"
    assert "09:30 前仍未确认，会议室将被释放" in notice.text
    assert "确认会议: https://kiosk.example.com/r/x" in notice.text
    assert "周例会 &lt;b&gt;" in notice.html
    assert remind(database) == 0  # once per booking and sequence


def test_get_asks_and_post_confirms_once_as_the_organiser(database: Database, reminded) -> None:
    app, booking_id, link = reminded
    for _ in range(2):  # a mail scanner, then the organiser
        page = request(app, "GET", link)
        assert page.status_code == 200
        assert "确认 张伟 的会议照常举行" in page.text and "Confirm 张伟&#39;s meeting" in page.text
        assert "2026-06-15 09:20–10:00" in page.text and "松山厅, 3F" in page.text
        assert "周例会 &lt;b&gt;" in page.text  # as typed, never markup
    assert status(database, booking_id) is BookingStatus.BOOKED

    done = request(app, "POST", link)
    assert done.status_code == 200 and "the room is kept" in done.text
    assert status(database, booking_id) is BookingStatus.CONFIRMED
    with database.unit_of_work(write=False) as uow:
        used = uow.session.scalars(select(UsedLink)).one()
        assert (used.action, used.visit_id, used.used_by) == ("confirm_booking", 0, f"host:{ORGANISER}")
        actors = uow.session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "booking.confirmed")).all()
    assert actors == [f"host:{ORGANISER}"]

    replay = request(app, "POST", link)
    assert replay.status_code == 410 and "already been used" in replay.text
    assert request(app, "GET", link).status_code == 410


@pytest.mark.parametrize("mangle", [
    lambda path: path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB"),  # the signature
    lambda path: path.replace("/r/", "/r/x"),  # the body
])
def test_a_tampered_link_is_refused(database: Database, reminded, mangle) -> None:
    app, booking_id, link = reminded
    assert request(app, "POST", mangle(link)).status_code == 400
    assert status(database, booking_id) is BookingStatus.BOOKED


def test_a_link_is_stale_once_the_booking_is_released_or_has_another_organiser(database: Database, reminded
                                                                              ) -> None:
    app, booking_id, link = reminded
    other = factories.add_host(database, name="王芳", email="wang.fang@example.com")
    with database.unit_of_work("test") as uow:
        uow.session.get_one(Booking, booking_id).organiser_host_id = other.id
        uow.commit()
    assert request(app, "POST", link).status_code == 410
    assert status(database, booking_id) is BookingStatus.BOOKED
    with database.unit_of_work("test") as uow:
        row = uow.session.get_one(Booking, booking_id)
        row.organiser_host_id, row.status = organiser(database, ORGANISER), BookingStatus.RELEASED
        uow.commit()
    page = request(app, "POST", link)
    assert page.status_code == 410 and "no longer valid" in page.text
    assert status(database, booking_id) is BookingStatus.RELEASED


def test_a_link_for_one_booking_cannot_confirm_another(database: Database, settings: Settings, reminded) -> None:
    app, booking_id, link = reminded
    second = booking(database, room(database, "竹厅"), STARTS, ENDS, organiser_id=organiser(database, ORGANISER))
    gateway = HostReplyGateway.from_settings(database, settings)
    claim = gateway.signer.read_token(link.removeprefix("/r/"))
    forged = gateway.signer.make_token(LinkClaim(
        action=claim.action, visit_id=second, host_email=claim.host_email, nonce=claim.nonce + "x",
        expires_at=claim.expires_at, visit_key=claim.visit_key, subject=claim.subject))
    assert request(app, "POST", f"/r/{forged}").status_code == 410
    assert status(database, second) is BookingStatus.BOOKED and status(database, booking_id) is BookingStatus.BOOKED


def test_no_link_without_a_public_address(database: Database, tmp_path: Path) -> None:
    booking(database, room(database), STARTS, ENDS, organiser_id=organiser(database, ORGANISER))
    assert remind(database) == 1
    assert reminder_links(database, settings_with(tmp_path, public_url="")) == [{}]
