"""Chat and reception alerts through apprise (json:// against a loopback listener)."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.services.notifications.sending import retry_delay
from kiosk.services.visits import escalation, walkins
from tests import factories
from tests.notify.helpers import check_in, rows, walk_in
from tests.notify.smtp_server import ROOT


def test_host_chat_gets_the_arrival_with_reply_links(database: Database, make_settings, http_listener):
    host = factories.add_host(database, language="en", chat_address=http_listener.url)
    created = factories.invite(database, host.id, name="Jane Doe")
    check_in(database, created.token)

    report = Dispatcher(database, make_settings(None, public_url="https://kiosk.example.com")).run_once()

    assert report.sent == 1 and report.deferred == 1  # chat sent; e-mail waits for configuration
    [request] = http_listener.requests
    assert request["title"] == "Your visitor has arrived: Jane Doe"
    assert "On my way: https://kiosk.example.com/r/" in request["message"]
    assert "Sign the visitor out: https://kiosk.example.com/r/" in request["message"]
    [chat_row] = rows(database, channel="chat")
    assert chat_row.status == "sent"


def test_reception_alerts_go_to_every_reception_url(database: Database, make_settings, http_listener):
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name="王芳", phone="13700137000", company="ACME", note="call me")
    first, second = http_listener.url + "desk-a", http_listener.url + "desk-b"

    Dispatcher(database, make_settings(None, reception=(first, second))).run_once()

    assert sorted(r["path"] for r in http_listener.requests) == ["/desk-a", "/desk-b"]
    assert all(r["title"] == "访客留下联系方式：王芳" for r in http_listener.requests)
    [row] = rows(database, channel="reception")
    assert row.status == "sent"


def test_reception_alert_without_urls_is_done_once_on_the_admin_board(database: Database, make_settings):
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name="王芳", phone="13700137000")
    Dispatcher(database, make_settings(None)).run_once()
    [row] = rows(database, channel="reception")
    assert row.status == "sent"


def test_escalation_reaches_reception_and_the_departments_chat_without_links(
    database: Database, clock, make_settings, http_listener
):
    host = factories.add_host(database, name="张伟", department="Sales")
    walk_in(database, host.id, name="李雷")
    clock.advance(minutes=16)
    with database.unit_of_work("system") as uow:
        escalation.escalate_unacknowledged(uow, minutes=15)
    settings = make_settings(
        None, public_url="https://kiosk.example.com", reception=(http_listener.url + "reception",),
        departments={"Sales": (http_listener.url + "sales",), "Other": (http_listener.url + "other",)},
    )
    dispatcher = Dispatcher(database, settings)

    dispatcher.run_once()  # reception told; department copies of both notices queued
    dispatcher.run_once()  # the copies go out

    by_path = sorted((r["path"], r["title"]) for r in http_listener.requests)
    assert by_path == [
        ("/reception", "被访人未回复：张伟"),
        ("/sales", "被访人未回复：张伟"),
        ("/sales", "访客请求拜访您：李雷"),
    ]
    assert all("/r/" not in r["message"] for r in http_listener.requests)  # only the host gets reply links
    dispatcher.run_once()
    assert len(http_listener.requests) == 3  # copies are queued once, however often rows are claimed


@pytest.mark.expect_log("not sent, now pending: apprise could not deliver")
def test_a_failing_chat_endpoint_is_retried_with_backoff_and_a_useful_error(
    database: Database, clock, make_settings, http_listener
):
    http_listener.status = 500
    host = factories.add_host(database, language="en", chat_address=http_listener.url)
    created = factories.invite(database, host.id)
    check_in(database, created.token)
    dispatcher = Dispatcher(database, make_settings(None))

    report = dispatcher.run_once()

    assert report.retrying == 1
    [row] = rows(database, channel="chat")
    assert row.status == "pending" and row.attempts == 1
    assert row.next_attempt_at == clock.now() + retry_delay(1) == clock.now() + timedelta(seconds=30)
    assert "apprise could not deliver to json://127.0.0.1:" in row.last_error
    assert "500" in row.last_error

    dispatcher.run_once()  # not due yet
    assert len(http_listener.requests) == 1

    http_listener.status = 200
    clock.advance(seconds=30)
    assert dispatcher.run_once().sent == 1
    [row] = rows(database, channel="chat")
    assert row.status == "sent" and row.attempts == 2 and row.last_error is None


@pytest.mark.expect_log("not sent, now failed: apprise does not understand the URL")
def test_an_unknown_apprise_url_fails_at_once(database: Database, make_settings):
    host = factories.add_host(database, chat_address="nosuchscheme://whatever/token123")
    created = factories.invite(database, host.id)
    check_in(database, created.token)
    Dispatcher(database, make_settings(None)).run_once()
    [row] = rows(database, channel="chat")
    assert row.status == "failed"
    assert row.last_error == "apprise does not understand the URL nosuchscheme://…"
    assert "token123" not in row.last_error


def test_importing_the_notify_package_does_not_load_apprise():
    code = ("import sys, kiosk.application.notification_loop, kiosk.web.host_replies, "
            "kiosk.services.notifications.sending; sys.exit('apprise' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60).returncode == 0


def test_vip_arrival_reaches_the_supervisors_chat(database: Database, make_settings, http_listener):
    host = factories.add_host(database, name="张伟", department="Sales")
    check_in(database, factories.invite(database, host.id, name="Madam Chair", vip=True).token)
    boss = http_listener.url + "supervisor"
    Dispatcher(database, make_settings(None, supervisor=(boss,))).run_once()
    [request] = [r for r in http_listener.requests if r["path"] == "/supervisor"]
    assert request["title"] == "贵宾到访：Madam Chair" and "张伟（Sales）" in request["message"]
    assert {row.status for row in rows(database, event="vip_arrived")} == {"sent"}
