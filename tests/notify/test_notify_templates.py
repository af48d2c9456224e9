"""Message texts: every event in both languages, user text escaped in HTML, unknown events refused."""

from __future__ import annotations

import re

import pytest

from kiosk.notify.templates import LANGUAGES, TEMPLATES, UnknownEvent, render

HOSTILE = '<script>alert("x")</script> & Co'
PAYLOAD = {
    "visit_id": 7, "token": "v1.i.secret", "visitor_name": HOSTILE, "host_name": "张伟", "visit_date": "2026-06-15",
    "site_name": "Test Tower", "company": HOSTILE, "purpose": "meeting", "purpose_note": HOSTILE,
    "arrived_at": "2026-06-15T01:05:00+00:00", "department": "Sales", "waiting_since": "2026-06-15T01:00:00+00:00",
    "deny_kind": "name", "reason": HOSTILE, "name": HOSTILE, "phone": "+8613700137000", "note": HOSTILE,
}


@pytest.mark.parametrize("event", sorted(TEMPLATES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_renders_in_both_languages_with_user_text_escaped(event, language):
    notice = render(event, language, PAYLOAD, links={"approve": "https://k.example/r/a?b=1&c=2"})
    assert notice.subject and "\n" not in notice.subject
    assert "<script>" not in notice.html
    assert "{" not in notice.text and "{" not in notice.html  # every placeholder filled
    assert 'href="https://k.example/r/a?b=1&amp;c=2"' in notice.html
    assert ("&lt;script&gt;" in notice.html) or HOSTILE not in notice.text
    has_han = bool(re.search(r"[\u4e00-\u9fff]", notice.subject.replace("张伟", "")))
    assert has_han == (language == "zh_CN")


def test_times_are_shown_in_the_sites_timezone():
    notice = render("visitor_arrived", "en", PAYLOAD, timezone="Asia/Shanghai")
    assert "at 09:05" in notice.text
    assert "at 03:05" in render("visitor_arrived", "en", PAYLOAD, timezone="Europe/Berlin").text


def test_missing_optional_fields_leave_no_gaps_or_placeholders():
    notice = render("visitor_arrived", "zh_CN", {"visitor_name": "李雷", "purpose": "interview"})
    assert notice.subject == "访客已到达：李雷"
    assert "来访目的：面试" in notice.text
    assert "（" not in notice.text.splitlines()[0]


def test_an_unknown_event_is_refused():
    with pytest.raises(UnknownEvent):
        render("something_new", "en", {})
