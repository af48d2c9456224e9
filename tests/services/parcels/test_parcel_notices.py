"""The parcel notices as sent: the pickup code big and as an inline QR, in the recipient's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.config import EmailSettings
from kiosk.domain.notifications import ClaimedNotification, NoticeContext
from kiosk.notify.email_message import compose
from kiosk.notify.templates import render

PAYLOAD = {"parcel_id": 7, "tracking_no": "SF1234567890123", "carrier": "SF", "recipient_name": "张伟",
           "shelf": "A-3", "pieces": 1, "site_name": "Test Tower", "arrived_at": "2026-06-15T01:00:00+00:00",
           "token": "ABCD2345"}


@pytest.mark.parametrize(("language", "words"), [("zh_CN", "工牌"), ("en", "staff card")])
def test_arrived_shows_the_code_big_the_shelf_and_the_staff_card(language, words):
    rendered = render("parcel_arrived", language, PAYLOAD)
    assert "ABCD-2345" in rendered.text and "A-3" in rendered.text and words in rendered.text
    assert "font-size:40px" in rendered.html and "09:00" in rendered.text


def test_the_email_carries_the_pickup_qr_inline():
    at = datetime(2026, 6, 15, 1, 0, tzinfo=UTC)
    notice = ClaimedNotification(id=1, event="parcel_arrived", channel="email", recipient="zhang.wei@example.com",
                                 language="en", payload=PAYLOAD, idempotency_key="parcel_arrived:parcel:7:email:z",
                                 attempt=1, created_at=at, visit_id=None, lease_until=at)
    message = compose(notice, NoticeContext(), EmailSettings(sender="desk@example.com"), now=at)
    images = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert len(images) == 1 and "pickup QR code" in message.as_string()


def test_picked_up_on_someones_behalf_says_so():
    text = render("parcel_picked_up", "en", {**PAYLOAD, "token": "", "picked_up_by": "Li Na",
                                              "on_behalf_of": "张伟", "picked_up_at": "2026-06-16T02:30:00+00:00"}).text
    assert "by Li Na at 10:30 on behalf of 张伟" in text
