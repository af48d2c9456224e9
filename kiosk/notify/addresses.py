"""The one address an e-mail goes to: checked again at the last moment, and written the way SMTP carries it.

The services only store addresses they have checked, but a sender must not trust that: a row written
by an older version, an import or a hand-edited database could hold ``a,evil@x.example`` or
``a@x.example, b@y.example``, and a mail server given that as one recipient may deliver it to
someone else entirely. Anything that is not exactly one plain address is refused, permanently.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from kiosk.notify.errors import SendFailed

NOT_ONE_ADDRESS = "the recipient is not exactly one e-mail address"


def envelope_recipient(recipient: str) -> str:
    """``recipient`` as the SMTP envelope carries it (an international domain in its ASCII form), or SendFailed."""
    try:
        checked = validate_email(
            recipient, check_deliverability=False, allow_display_name=False, allow_quoted_local=False,
            allow_domain_literal=False, allow_empty_local=False,
        )
    except EmailNotValidError:
        raise SendFailed(NOT_ONE_ADDRESS, permanent=True) from None
    # ascii_email is None only for a non-ASCII local part: the server must then offer SMTPUTF8 (smtplib asks).
    return checked.ascii_email or checked.normalized


def header_recipient(recipient: str) -> str:
    """What the ``To:`` header says: the envelope's form, so an international domain is not MIME-encoded into nonsense.

    An address that is not one is left for the sender to refuse (building the message never fails on it).
    """
    try:
        return envelope_recipient(recipient)
    except SendFailed:
        return recipient
