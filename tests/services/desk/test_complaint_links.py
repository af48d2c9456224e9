"""The customer rates the outcome of their complaint from the link in the outcome e-mail: GET only shows the
question, the form's POST records the answer once; a replay, a tampered link, an expired one, a link for
another complaint, a form without its CSRF token are all refused, and nothing is recorded by them."""

from __future__ import annotations

import asyncio
import re
import secrets
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from kiosk.application.gateways.complaint_rating import ComplaintRatingGateway
from kiosk.application.gateways.desk_complaints import ComplaintStatus, SatisfactionVia
from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, NotifySettings, Settings
from kiosk.db import Database
from kiosk.domain.notifications import NoticeContext
from kiosk.models import AuditEvent, UsedLink
from kiosk.services.notifications import sending
from kiosk.services.notifications.host_links import LinkClaim, forget_spent_links
from kiosk.web.complaint_rating import rating_routes
from kiosk.web.host_replies import build_app as build_reply_app
from kiosk.web.pages import STATIC_DIR, AnonymousCsrf, Pages
from kiosk.web.security import SecuredStarlette
from tests.services.desk.complaint_data import CUSTOMER_EMAIL, desk, form

PUBLIC = "https://kiosk.example.com"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(email=EmailSettings(host="", sender="Lobby Kiosk <kiosk@hq.example.com>"),
                    notify=NotifySettings(public_url=PUBLIC, link_secret_file=str(tmp_path / "link.key")))


def customer_links(database: Database, settings: Settings) -> dict[int, str]:
    """{complaint id: path}: the rating link the dispatcher puts into each outcome e-mail (and nowhere else)."""
    dispatcher = Dispatcher(database, settings)
    with database.unit_of_work("test") as uow:
        claimed = sending.claim_due(uow, limit=100)
    found = {}
    for notice in claimed:
        links = dispatcher._links(notice, NoticeContext())
        if notice.event == "complaint_outcome":
            assert links is not None and notice.recipient == CUSTOMER_EMAIL and list(links) == ["rate_complaint"]
            found[int(notice.payload["complaint_id"])] = links["rate_complaint"].removeprefix(PUBLIC)
        else:
            assert links is None
    return found


def answer(app: Starlette, path: str, score: str | None, *, with_csrf: bool = True) -> tuple[httpx.Response, ...]:
    """Open the page (GET), then send the form (POST) with ``score``: both responses."""
    async def go() -> tuple[httpx.Response, ...]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=PUBLIC) as client:
            page = await client.get(path)
            found = CSRF.search(page.text)
            data = {"score": score} if score is not None else {}
            if with_csrf and found:
                data["csrf_token"] = found.group(1)
            return page, await client.post(path, data=data)

    return asyncio.run(go())


@pytest.fixture
def resolved(database: Database, settings: Settings):
    """Two complaints by e-mail resolved: (app, first id, second id, {id: link path})."""
    first = desk(database).add(form(customer_name="Jane Roe", customer_contact=CUSTOMER_EMAIL))
    second = desk(database).add(form(customer_name="Jane Roe", customer_contact=CUSTOMER_EMAIL, what="Again."))
    for row in (first, second):
        desk(database).resolve(row.complaint_id, "A new machine is in;\na voucher is on its way.")
    gateway = ComplaintRatingGateway.from_settings(database, settings)
    pages = Pages(AnonymousCsrf(secrets.token_bytes(32)))
    app = SecuredStarlette(routes=[*rating_routes(gateway, pages),
                                   Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static")])
    return app, first.complaint_id, second.complaint_id, customer_links(database, settings)


def satisfaction(database: Database, complaint_id: int) -> tuple[ComplaintStatus, int | None, SatisfactionVia | None]:
    detail = desk(database).detail(complaint_id)
    return detail.complaint.status, detail.complaint.satisfaction, detail.satisfaction_via


def test_the_customer_rates_once_and_opening_the_page_records_nothing(database: Database, resolved) -> None:
    app, first, _second, links = resolved
    assert links[first].startswith("/rate/")
    page, done = answer(app, links[first], "4")
    assert page.status_code == 200
    assert "Jane Roe" in page.text and "A new machine is in;\na voucher is on its way." in page.text
    assert page.text.count('type="radio" name="score"') == 5
    assert "非常满意" in page.text and "Very dissatisfied" in page.text
    assert done.status_code == 200 and "your answer has been recorded" in done.text
    assert satisfaction(database, first) == (ComplaintStatus.CLOSED, 4, SatisfactionVia.LINK)
    with database.unit_of_work(write=False) as uow:
        used = uow.session.scalars(select(UsedLink)).one()
        rated = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "complaint.satisfaction")).one()
    assert (used.action, used.visit_id, used.used_by) == ("rate_complaint", 0, f"customer:complaint:{first}")
    assert rated.actor == f"customer:complaint:{first}"  # the customer's address stays out of the trail

    replay_page, replay = answer(app, links[first], "1")
    assert replay_page.status_code == 410 and replay.status_code == 410
    assert "already answered" in replay.text
    assert satisfaction(database, first)[1] == 4


def test_opening_alone_spends_nothing(database: Database, resolved) -> None:
    app, first, _second, links = resolved
    page, not_sent = answer(app, links[first], None)
    assert page.status_code == 200 and not_sent.status_code == 400 and "Please choose a score" in not_sent.text
    _page, out_of_range = answer(app, links[first], "6")
    assert out_of_range.status_code == 400
    assert satisfaction(database, first) == (ComplaintStatus.RESOLVED, None, None)
    assert answer(app, links[first], "5")[1].status_code == 200  # the link still works


def test_a_form_without_its_csrf_token_records_nothing(database: Database, resolved) -> None:
    app, first, _second, links = resolved
    _page, forged = answer(app, links[first], "1", with_csrf=False)
    assert forged.status_code == 400 and "This page has expired" in forged.text
    assert satisfaction(database, first) == (ComplaintStatus.RESOLVED, None, None)


@pytest.mark.parametrize("mangle", [
    lambda path: path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB"),  # the signature
    lambda path: path.replace("/rate/", "/rate/x"),  # the body
])
def test_a_tampered_link_is_refused(database: Database, resolved, mangle) -> None:
    app, first, _second, links = resolved
    page, posted = answer(app, mangle(links[first]), "5")
    assert (page.status_code, posted.status_code) == (400, 400)
    assert satisfaction(database, first) == (ComplaintStatus.RESOLVED, None, None)


def test_a_link_for_one_complaint_cannot_rate_another(database: Database, settings: Settings, resolved) -> None:
    app, first, second, links = resolved
    signer = ComplaintRatingGateway.from_settings(database, settings).signer
    claim = signer.read_token(links[first].removeprefix("/rate/"))
    forged = signer.make_token(LinkClaim(
        action=claim.action, visit_id=second, host_email=claim.host_email, nonce=claim.nonce + "x",
        expires_at=claim.expires_at, visit_key=claim.visit_key, subject=claim.subject))
    assert answer(app, f"/rate/{forged}", "1")[1].status_code == 410
    assert satisfaction(database, second) == (ComplaintStatus.RESOLVED, None, None)
    # Nor does a rating link work as a host's reply link.
    replies = build_reply_app(HostReplyGateway.from_settings(database, settings))
    assert answer(replies, links[first].replace("/rate/", "/r/"), "1")[1].status_code == 400
    assert satisfaction(database, first) == (ComplaintStatus.RESOLVED, None, None)


def test_the_link_lives_14_days(database: Database, resolved) -> None:
    app, first, second, links = resolved
    database.clock.advance(days=13, hours=23)
    assert answer(app, links[first], "3")[1].status_code == 200
    database.clock.advance(hours=1)
    page, late = answer(app, links[second], "3")
    assert (page.status_code, late.status_code) == (410, 410) and "expired" in late.text
    assert satisfaction(database, second) == (ComplaintStatus.RESOLVED, None, None)


def test_the_used_link_is_remembered_as_long_as_it_lives(database: Database, resolved) -> None:
    app, first, _second, links = resolved
    assert answer(app, links[first], "5")[1].status_code == 200
    database.clock.advance(days=2)  # the nightly clean-up forgets hosts' spent links after a day, not this one
    with database.unit_of_work("system") as uow:
        assert forget_spent_links(uow) == 0
    assert answer(app, links[first], "1")[1].status_code == 410
    database.clock.advance(days=13)
    with database.unit_of_work("system") as uow:
        assert forget_spent_links(uow) == 1


def test_an_answer_the_desk_already_recorded_makes_the_link_stale(database: Database, resolved) -> None:
    app, first, _second, links = resolved
    desk(database).record_satisfaction(first, 2)
    page, posted = answer(app, links[first], "5")
    assert (page.status_code, posted.status_code) == (410, 410)
    assert satisfaction(database, first) == (ComplaintStatus.CLOSED, 2, SatisfactionVia.DESK)

