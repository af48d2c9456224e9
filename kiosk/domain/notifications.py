"""Notices as the senders see them: plain messages in, outcomes out (no tables, no services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class Channel(StrEnum):
    EMAIL = "email"
    CHAT = "chat"
    # Reception's and the supervisor's alerts: the desk's board, plus chat URLs when configured.
    RECEPTION = "reception"
    SUPERVISOR = "supervisor"


class FailureOutcome(StrEnum):
    """What a failed attempt left the row as."""

    RETRYING = "pending"
    FAILED = "failed"
    # The claim's lease ran out mid-send and another dispatcher took the row over.
    LOST = "lost"


# Marks a department's copy in its payload: it informs, it carries no host-reply links.
COPY_FOR_DEPARTMENT = "copy_for_department"


@dataclass(frozen=True)
class ClaimedNotification:
    """A row this dispatcher holds until ``lease_until``; ``attempt`` is its fencing token."""

    id: int
    event: str
    channel: str
    recipient: str
    language: str
    payload: dict[str, Any]
    idempotency_key: str
    attempt: int
    created_at: datetime
    visit_id: int | None
    lease_until: datetime


@dataclass(frozen=True)
class FileAttachment:
    """A file an e-mail carries (the monthly report's PDFs), read from its table when the notice is sent."""

    file_name: str
    content: bytes
    mime_type: str = "application/pdf"


@dataclass(frozen=True)
class NoticeContext:
    """What a message needs beyond its payload, read from the visit at send time."""

    host_email: str | None = None
    department: str = ""
    photo_jpeg: bytes | None = None
    expected_start: datetime | None = None
    expected_end: datetime | None = None
    visit_date: str = ""
    site_name: str = ""
    site_timezone: str = "Asia/Shanghai"
    # Binds host-reply links to this very visit (``host_links.visit_key``).
    visit_key: str = ""
    # How to find the site ([site] directions_zh / directions_en in the notice's language), for invitations.
    directions: str = ""
    attachments: tuple[FileAttachment, ...] = ()


def redact_address(address: str) -> str:
    """Chat URLs carry webhook keys and passwords: keep the scheme, and the host only when it is a host name.

    ``json://user:pw@hooks.example.com/abc`` -> ``json://hooks.example.com/…``;
    ``wecombot://KEY`` -> ``wecombot://…`` (there the "host" is the key).
    """
    if "://" not in address:
        return address
    scheme, rest = address.split("://", 1)
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1].split("?", 1)[0]
    looks_like_a_host = host == "localhost" or "." in host or host.startswith("[")
    return f"{scheme}://{host}/…" if looks_like_a_host else f"{scheme}://…"
