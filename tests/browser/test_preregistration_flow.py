"""The whole way, in a real browser: a visitor fills /visit on a phone, the host is e-mailed, signs in by the
e-mailed link, approves on "my visitors", the visitor is e-mailed the invitation, and its QR code checks
the visitor in at the kiosk on the day: zero taps at the kiosk."""

from __future__ import annotations

from datetime import datetime, time

from kiosk.clock import FixedClock
from kiosk.domain.visits import CheckInOutcome
from kiosk.services.visits.checkin import check_in_by_token
from tests.browser.flows import (
    ZONE,
    Visitor,
    css,
    fill_visit_form,
    qr_codes_in,
    sign_in_host,
    submit_visit_form,
    tomorrow,
    wait_until,
)
from tests.browser.web_site import WebSite, wait_for_mail


def test_visitor_registers_host_approves_kiosk_accepts_the_qr(site: WebSite, phone) -> None:
    visitor, day = Visitor(), tomorrow()

    # The visitor, on a phone: two characters of the host's name, a tap on the list, the fields, send.
    fill_visit_form(phone, site, visitor, day)
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    submit_visit_form(phone)
    receipt = css(phone, ".done")
    assert receipt, phone.page_source
    assert visitor.host_name in receipt[0].text

    # The host is asked by e-mail.
    request, _at = wait_for_mail(site.smtp, visitor.host_email)
    assert visitor.name in request.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    # The host signs in with an e-mailed link and sees the visitor waiting.
    sign_in_host(phone, site, visitor.host_email)
    waiting = wait_until(lambda: [a for a in css(phone, "#visits li.state-waiting_for_you a")
                                  if visitor.name in a.text], what="the visitor in my visitors")
    waiting[0].click()
    wait_until(lambda: "/host/visits/" in phone.current_url, what="the visit's page")
    mails_before = len(site.smtp.files())
    approved_at = datetime.now().timestamp()
    css(phone, "form[action$='/approve'] button[type=submit]")[0].click()
    wait_until(lambda: css(phone, ".notice"), what="the approval's notice")

    # The visitor's invitation arrives, with a QR code.
    invitation, accepted_at = wait_for_mail(site.smtp, visitor.email, after=mails_before)
    assert accepted_at - approved_at < 10
    [token] = qr_codes_in(invitation)

    # At the kiosk, on the day: the QR code checks the visitor in.
    clock = FixedClock(datetime.combine(day, time(9, 55), tzinfo=ZONE))
    database = site.open_database(clock)
    try:
        with database.unit_of_work("kiosk:KIOSK-1") as uow:
            result = check_in_by_token(uow, token, site_code="HQ")
            uow.commit()
    finally:
        database.dispose()
    assert result.outcome is CheckInOutcome.CHECKED_IN
    assert (result.visitor_name, result.host_name) == (visitor.name, visitor.host_name)
