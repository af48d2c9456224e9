"""The harness itself: a real kioskctl serve answers on loopback, and a phone-sized headless chromium
sees the page at 390 CSS pixels."""

from __future__ import annotations

from tests.browser.web_site import WebSite


def test_the_server_answers_and_the_phone_window_is_phone_sized(site: WebSite, phone) -> None:
    status, _body, _headers = site.get("/healthz")
    assert status == 200, site.log()
    phone.get(site.url("/healthz"))
    assert phone.execute_script("return [screen.width, screen.height]") == [390, 844]
