"""Queueing notices: a row in the same transaction as the event; the dispatcher sends it later."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import Host, Notification, NotificationStatus


def enqueue(
    uow: UnitOfWork,
    *,
    event: str,
    channel: str,
    recipient: str,
    payload: dict[str, Any],
    subject_key: str,
    language: str = "zh_CN",
    visit_id: int | None = None,
) -> bool:
    """Queue one notice unless the same (event, subject, channel, recipient) is already queued.

    Returns whether a row was added. The key makes repeated events (a double scan,
    a retried transaction) harmless.
    """
    key = f"{event}:{subject_key}:{channel}:{recipient}"[:200]
    exists = uow.session.scalar(select(Notification.id).where(Notification.idempotency_key == key))
    if exists is not None:
        return False
    uow.session.add(
        Notification(
            event=event, channel=channel, recipient=recipient, language=language, payload=payload,
            idempotency_key=key, status=NotificationStatus.PENDING, attempts=0,
            next_attempt_at=uow.now(), created_at=uow.now(), visit_id=visit_id,
        )
    )
    return True


def notify_host(
    uow: UnitOfWork, host: Host, *, event: str, payload: dict[str, Any], subject_key: str, visit_id: int | None
) -> int:
    """One row per channel the host can be reached on (e-mail, chat). Returns how many were queued."""
    queued = 0
    channels = [(Channel.EMAIL, host.email)]
    if host.chat_address:
        channels.append((Channel.CHAT, host.chat_address))
    for channel, address in channels:
        queued += enqueue(
            uow, event=event, channel=channel, recipient=address, payload=payload,
            subject_key=subject_key, language=host.language, visit_id=visit_id,
        )
    return queued


def notify_reception(
    uow: UnitOfWork, *, event: str, payload: dict[str, Any], subject_key: str, visit_id: int | None = None
) -> bool:
    """Reception's alerts: shown on the admin board, and sent to [notify] reception by the dispatcher."""
    return enqueue(
        uow, event=event, channel=Channel.RECEPTION, recipient=Channel.RECEPTION, payload=payload,
        subject_key=subject_key, visit_id=visit_id,
    )


def notify_supervisor(
    uow: UnitOfWork, *, event: str, payload: dict[str, Any], subject_key: str, visit_id: int | None = None
) -> bool:
    """The supervisor's notices (VIP arrivals), sent to [notify] supervisor by the dispatcher."""
    return enqueue(
        uow, event=event, channel=Channel.SUPERVISOR, recipient=Channel.SUPERVISOR, payload=payload,
        subject_key=subject_key, visit_id=visit_id,
    )
