"""The e-mail sender sends to exactly one address, whatever the row says; an international domain goes out in ASCII."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from kiosk.notify.addresses import header_recipient
from kiosk.notify.email_sender import EmailSender
from kiosk.notify.errors import SendFailed


def _message(to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "kiosk@hq.example.com"
    message["To"] = header_recipient(to)
    message["Subject"] = "Your visit"
    message.set_content("See you at reception.")
    return message


@pytest.mark.parametrize("recipient", [
    "a,evil@x.example",
    "a@x.example, b@y.example",
    '"a"@x.example',
    "Li Lei <a@x.example>",
    "a@x.example\r\nRCPT TO:<evil@y.example>",
    "",
])
def test_anything_but_one_address_is_refused_for_good_and_nothing_is_sent(smtp, make_settings, recipient):
    with EmailSender(make_settings(smtp).email) as sender, pytest.raises(SendFailed) as err:
        sender.send(_message("a@x.example"), recipient)
    assert err.value.permanent and "exactly one e-mail address" in err.value.message
    assert smtp.messages() == []


def test_an_international_domain_goes_out_in_its_ascii_form(smtp, make_settings):
    # The test server offers no SMTPUTF8: smtplib would refuse a non-ASCII envelope address outright.
    with EmailSender(make_settings(smtp).email) as sender:
        sender.send(_message("zhou@bücher.de"), "zhou@bücher.de")
    [message] = smtp.wait_for(1)
    assert message["To"] == "zhou@xn--bcher-kva.de"
