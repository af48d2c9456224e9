"""E-mail against a real SMTP server: invitation with inline QR and calendar invite, arrival with photo, languages."""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

import pytest
import zxingcpp
from icalendar import Calendar
from PIL import Image

from kiosk.application.notification_loop import Dispatcher
from kiosk.db import Database
from kiosk.notify.email_message import message_id
from kiosk.services.visits import photos
from tests import factories
from tests.notify.helpers import check_in, part_of, parts, rows, walk_in


def test_invitation_email_carries_a_scannable_qr_and_a_calendar_invite(database: Database, smtp, make_settings):
    host = factories.add_host(database, name="Alice Smith", email="alice@example.com", language="en")
    created = factories.invite(database, host.id, name="Jane Doe", email="jane@example.org",
                               start=time(10, 0), end=time(11, 30))
    settings = make_settings(smtp)

    report = Dispatcher(database, settings).run_once()

    assert report.sent == 1
    [message] = smtp.messages()
    [row] = rows(database, event="invitation_created")
    assert message["To"] == "jane@example.org"
    assert message["Subject"] == "Your visit to Alice Smith on 2026-06-15"
    assert message["Message-ID"] == message_id(row.idempotency_key, settings.email.sender)
    assert parts(message) == [
        "multipart/mixed", "multipart/alternative", "text/plain", "multipart/related", "text/html", "image/png",
        "text/calendar",
    ]
    png = part_of(message, "image/png")
    assert png.get_content_disposition() == "inline"
    cid = png["Content-ID"].strip("<>")
    assert f"cid:{cid}" in part_of(message, "text/html").get_content()
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.get_content())))
    assert code.text == created.token

    calendar_part = part_of(message, "text/calendar")
    assert calendar_part.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(calendar_part.get_content())
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    # 10:00-11:30 in Shanghai.
    assert event.decoded("DTSTART") == datetime(2026, 6, 15, 2, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 6, 15, 3, 30, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Test Tower"
    assert str(event["ATTENDEE"]) == "mailto:jane@example.org"

    # Mailed once, the token is no longer kept in the outbox.
    [row] = rows(database, event="invitation_created")
    assert row.status == "sent" and row.sent_at is not None
    assert row.payload["token"] == ""


def test_invitation_without_times_is_an_all_day_invite(database: Database, smtp, make_settings):
    host = factories.add_host(database, language="en")
    factories.invite(database, host.id, email="jane@example.org")
    Dispatcher(database, make_settings(smtp)).run_once()
    [message] = smtp.messages()
    [event] = Calendar.from_ical(part_of(message, "text/calendar").get_content()).walk("VEVENT")
    assert str(event.decoded("DTSTART")) == "2026-06-15"
    assert str(event.decoded("DTEND")) == "2026-06-16"


def test_arrival_email_to_a_chinese_host_shows_the_visitor_photo(database: Database, smtp, make_settings):
    host = factories.add_host(database, name="张伟", email="zhang.wei@example.com", language="zh_CN")
    created = factories.invite(database, host.id, name="Jane Doe")
    photo = _jpeg()
    with database.unit_of_work("kiosk:K1") as uow:
        photos.save_photo(uow, created.visit_id, photo)
    check_in(database, created.token)

    Dispatcher(database, make_settings(smtp)).run_once()

    [message] = smtp.messages()
    assert message["To"] == "zhang.wei@example.com"
    assert message["Subject"] == "访客已到达：Jane Doe"
    assert message["Content-Language"] == "zh-CN"
    assert "image/jpeg" in parts(message) and "text/calendar" not in parts(message)
    image = part_of(message, "image/jpeg")
    assert image.get_content() == photo
    html = part_of(message, "text/html").get_content()
    assert f"cid:{image['Content-ID'].strip('<>')}" in html
    assert "09:00" in part_of(message, "text/plain").get_content()  # arrival time in the site's zone


def test_arrival_without_photo_has_no_image(database: Database, smtp, make_settings):
    host = factories.add_host(database, language="en")
    created = factories.invite(database, host.id)
    check_in(database, created.token)
    Dispatcher(database, make_settings(smtp)).run_once()
    [message] = smtp.messages()
    assert message["Subject"] == "Your visitor has arrived: Jane Doe"
    assert parts(message) == ["multipart/alternative", "text/plain", "text/html"]


@pytest.mark.parametrize(("language", "subject", "approve"), [
    ("zh_CN", "访客请求拜访您：李雷", "批准"),
    ("en", "A visitor is asking to see you: 李雷", "Approve"),
])
def test_consent_request_in_the_hosts_language_with_links_and_escaped_html(
    database: Database, smtp, make_settings, language, subject, approve
):
    host = factories.add_host(database, email="host@example.com", language=language)
    walk_in(database, host.id)
    Dispatcher(database, make_settings(smtp, public_url="https://kiosk.example.com/")).run_once()

    [message] = smtp.messages()
    assert message["Subject"] == subject
    text = part_of(message, "text/plain").get_content()
    html = part_of(message, "text/html").get_content()
    assert f"{approve}: https://kiosk.example.com/r/" in text
    assert "ACME <b>" in text  # plain text as typed
    assert "ACME &lt;b&gt;" in html and "ACME <b>" not in html
    assert html.count('href="https://kiosk.example.com/r/') == 3  # approve, decline, on my way


def test_without_smtp_host_email_rows_wait_pending_with_a_reason(database: Database, make_settings):
    host = factories.add_host(database)
    walk_in(database, host.id)

    report = Dispatcher(database, make_settings(None)).run_once()

    assert report.sent == 0 and report.deferred == 1
    [row] = rows(database, channel="email")
    assert row.status == "pending"
    assert row.last_error == "e-mail is not configured"
    assert row.attempts == 0
    assert row.next_attempt_at > database.clock.now()


def _jpeg() -> bytes:
    from tests.notify.helpers import jpeg

    return jpeg("blue")


def _with_directions(settings, zh: str = "", en: str = ""):
    from dataclasses import replace

    from kiosk.config import SiteSettings

    return replace(settings, site=SiteSettings(directions_zh=zh, directions_en=en))


def test_invitation_email_shows_the_short_code_big_under_the_qr_and_the_directions(
        database: Database, smtp, make_settings):
    host = factories.add_host(database, name="Alice Smith", email="alice@example.com", language="en")
    created = factories.invite(database, host.id, name="Jane Doe", email="jane@example.org")
    settings = _with_directions(make_settings(smtp), zh="地铁2号线科技园站A出口",
                                en="Metro line 2, exit A\nB1 parking <free>")

    assert Dispatcher(database, settings).run_once().sent == 1

    [message] = smtp.messages()
    shown = f"{created.short_code[:4]}-{created.short_code[4:]}"
    text = part_of(message, "text/plain").get_content().replace("\r\n", "\n")
    assert f"Or type this code at the kiosk:\n    {shown}\n" in text
    assert "How to find us:\nMetro line 2, exit A\nB1 parking <free>\n" in text and "地铁" not in text
    html = part_of(message, "text/html").get_content()
    code_at, qr_at = html.index(f">{shown}</p>"), html.index('src="cid:')
    assert qr_at < code_at  # under the QR
    paragraph = html[html.rindex("<p", 0, code_at):code_at]
    assert "monospace" in paragraph and "font-size:32px" in paragraph
    assert "Metro line 2, exit A<br>B1 parking &lt;free&gt;" in html
    [row] = rows(database, event="invitation_created")
    assert row.payload["short_code"] == "" and row.payload["sealed_short_code"] == ""


def test_a_chinese_invitation_reads_the_code_and_directions_in_chinese(database: Database, smtp, make_settings):
    host = factories.add_host(database, language="zh_CN")
    created = factories.invite(database, host.id, email="jane@example.org")
    # Only the English directions are set: better those than none.
    settings = _with_directions(make_settings(smtp), en="Metro line 2, exit A")
    Dispatcher(database, settings).run_once()
    [message] = smtp.messages()
    text = part_of(message, "text/plain").get_content().replace("\r\n", "\n")
    assert f"二维码无法扫描时，也可在访客机上输入此邀请码：\n    {created.short_code[:4]}-" in text
    assert "如何到达:\nMetro line 2, exit A" in text


def test_without_directions_nothing_is_said_about_them_and_arrivals_carry_no_code(
        database: Database, smtp, make_settings):
    host = factories.add_host(database, language="en")
    created = factories.invite(database, host.id, email="jane@example.org")
    Dispatcher(database, make_settings(smtp)).run_once()
    check_in(database, created.token)
    settings = _with_directions(make_settings(smtp), en="Metro line 2")
    Dispatcher(database, settings).run_once()
    invitation, arrival = smtp.messages()
    assert "How to find us" not in part_of(invitation, "text/plain").get_content()
    arrival_text = part_of(arrival, "text/plain").get_content()
    assert "type this code" not in arrival_text and "Metro" not in arrival_text
