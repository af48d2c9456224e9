"""Building the e-mail for one notice: HTML with a plain-text part, inline images, a calendar invite.

Invitation (multipart/mixed; the short code to type and the directions are in the text and HTML):
    multipart/alternative
        text/plain
        multipart/related
            text/html            <img src="cid:qr...">
            image/png            the check-in QR (inline)
    text/calendar; method=REQUEST    invite.ics
Arrival: the same without the calendar, with the visitor's photo (image/jpeg) when one was taken.
A room booking's notices (``notify/booking_calendar.py``): the text and HTML, and its calendar entry
(invite.ics, method REQUEST; cancel.ics, method CANCEL). The monthly report: the text and HTML, and its PDFs
(``NoticeContext.attachments``).

The Message-ID is derived from the notice's idempotency key, so a notice sent
again after a crash is the same message to the receiving server and mail client.
"""

from __future__ import annotations

import hashlib
import io
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from kiosk.config import EmailSettings
from kiosk.domain.notifications import ClaimedNotification, NoticeContext
from kiosk.notify.addresses import header_recipient
from kiosk.notify.booking_calendar import booking_calendar, calendar_method
from kiosk.notify.templates import INVITATION_EVENTS, PICKUP_CODE_EVENTS, render

FALLBACK_DOMAIN = "lobby-kiosk.invalid"


def sender_domain(sender: str) -> str:
    address = parseaddr(sender)[1]
    domain = address.rpartition("@")[2]
    return domain if address and domain else FALLBACK_DOMAIN


def message_id(idempotency_key: str, sender: str) -> str:
    """Stable per notice: the same key always gives the same Message-ID."""
    digest = hashlib.sha256(idempotency_key.encode("utf-8")).hexdigest()[:40]
    return f"<kiosk.{digest}@{sender_domain(sender)}>"


def qr_png(text: str) -> bytes:
    import qrcode
    import qrcode.constants
    from qrcode.image.pil import PilImage

    code = qrcode.QRCode(box_size=8, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M,
                         image_factory=PilImage)
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


# INVITATION_EVENTS (from the templates): the e-mails that carry a QR code, a short code, directions and
# a calendar entry (a pre-registration the host agreed to, too).


def calendar_invite(
    notice: ClaimedNotification, context: NoticeContext, *, summary: str, sender: str, stamped_at: datetime
) -> str:
    """A METHOD:REQUEST invite for the visit: its time window, or the whole day when none was given."""
    from datetime import date

    from icalendar import Calendar, Event, vCalAddress, vText

    calendar = Calendar()
    calendar.add("prodid", "-//Lobby Kiosk//Visitor invitation//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"visit-{notice.visit_id}@{sender_domain(sender)}")
    event.add("dtstamp", stamped_at)
    # A changed invitation updates the same calendar entry: same UID, a higher SEQUENCE.
    event.add("sequence", int(notice.payload.get("sequence", 0)))
    event.add("status", "CONFIRMED")
    event.add("summary", summary)
    event.add("location", context.site_name or str(notice.payload.get("site_name", "")))
    if context.expected_start is not None:
        event.add("dtstart", context.expected_start)
        event.add("dtend", context.expected_end or context.expected_start + timedelta(hours=1))
    else:
        day = date.fromisoformat(context.visit_date or str(notice.payload["visit_date"]))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    organizer = vCalAddress(f"mailto:{parseaddr(sender)[1]}")
    organizer.params["cn"] = vText(parseaddr(sender)[0] or "Lobby Kiosk")
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{notice.recipient}")
    attendee.params["cn"] = vText(str(notice.payload.get("visitor_name", "")))
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["rsvp"] = vText("FALSE")
    event.add("attendee", attendee)
    calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))


def compose(
    notice: ClaimedNotification,
    context: NoticeContext,
    settings: EmailSettings,
    *,
    links: dict[str, str] | None = None,
    now: datetime,
) -> EmailMessage:
    """The complete message for an e-mail row, ready for ``smtplib.SMTP.send_message``."""
    domain = sender_domain(settings.sender)
    token = str(notice.payload.get("token") or "")
    image: tuple[bytes, str, str] | None = None  # (data, subtype, filename)
    image_kind = None
    if notice.event in INVITATION_EVENTS and token:
        image, image_kind = (qr_png(token), "png", "qr.png"), "qr"
    elif notice.event in PICKUP_CODE_EVENTS and token:
        image, image_kind = (qr_png(token), "png", "qr.png"), "pickup_qr"
    elif notice.event == "visitor_arrived" and context.photo_jpeg:
        image, image_kind = (context.photo_jpeg, "jpeg", "visitor.jpg"), "photo"
    cid = f"{image_kind}.{notice.id}@{domain}" if image else None

    rendered = render(
        notice.event, notice.language, notice.payload, links=links, timezone=context.site_timezone,
        image_cid=cid, image_kind=image_kind, directions=context.directions,
    )
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = settings.sender
    message["To"] = header_recipient(notice.recipient)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id(notice.idempotency_key, settings.sender)
    message["Auto-Submitted"] = "auto-generated"  # no vacation replies to the kiosk
    message["X-Kiosk-Event"] = notice.event
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    if image is not None and cid is not None:
        data, subtype, filename = image
        html_part = message.get_payload()[1]  # type: ignore[index]
        assert isinstance(html_part, EmailMessage)
        html_part.add_related(data, "image", subtype, cid=f"<{cid}>", disposition="inline", filename=filename)
    if notice.event in INVITATION_EVENTS:
        invite = calendar_invite(notice, context, summary=rendered.subject, sender=settings.sender, stamped_at=now)
        message.add_attachment(
            invite, subtype="calendar", charset="utf-8", filename="invite.ics", params={"method": "REQUEST"},
        )
    booking_method = calendar_method(notice)
    if booking_method is not None:
        # A room booking's entry: the same UID from booking to cancellation, its sequence rising.
        summary = str(notice.payload.get("topic") or "") or rendered.subject
        entry = booking_calendar(notice, summary=summary, sender=settings.sender, stamped_at=now)
        message.add_attachment(
            entry, subtype="calendar", charset="utf-8",
            filename="invite.ics" if booking_method == "REQUEST" else "cancel.ics", params={"method": booking_method},
        )
    for attached in context.attachments:  # the monthly report's PDFs
        maintype, _, subtype = attached.mime_type.partition("/")
        message.add_attachment(attached.content, maintype=maintype, subtype=subtype, filename=attached.file_name)
    # Last: set_content() and add_attachment() move or drop Content-* headers set earlier.
    message["Content-Language"] = "en" if notice.language == "en" else "zh-CN"
    return message
