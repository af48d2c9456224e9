"""Queueing notices: a row in the same transaction as the event; the dispatcher sends it later."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.models import Host, Notification, NotificationStatus
from kiosk.services import token_vault

# The payload key a QR code travels under: sealed in the row (``SEALED_TOKEN``), opened only by the
# dispatcher that sends it (``services/notifications/sending.py``), blanked once it is out.
TOKEN = "token"
SEALED_TOKEN = "sealed_token"
# An invitation's short code (typed at the kiosk) travels the same way, beside the QR code.
SHORT_CODE = "short_code"
SEALED_SHORT_CODE = "sealed_short_code"
_SEALED = {TOKEN: SEALED_TOKEN, SHORT_CODE: SEALED_SHORT_CODE}
CODE_KEYS = (TOKEN, SEALED_TOKEN, SHORT_CODE, SEALED_SHORT_CODE)


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
    a retried transaction) harmless. A QR code in ``payload["token"]`` is stored sealed
    (``payload["sealed_token"]``, see ``services/token_vault.py``), never clear.
    """
    key = f"{event}:{subject_key}:{channel}:{recipient}"[:200]
    exists = uow.session.scalar(select(Notification.id).where(Notification.idempotency_key == key))
    if exists is not None:
        return False
    payload = seal_payload(payload)
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


def seal_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` with a clear ``token`` and ``short_code`` replaced by their sealed forms (a new dict
    when anything was sealed; other keys unchanged)."""
    clear = [key for key in _SEALED if payload.get(key)]
    if not clear:
        return payload
    sealed = {k: v for k, v in payload.items() if k not in clear}
    for key in clear:
        sealed[_SEALED[key]] = token_vault.current().seal(str(payload[key]))
    return sealed


def open_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload a sender needs: sealed codes opened back into ``token`` and ``short_code`` (a new dict)."""
    opened = {k: v for k, v in payload.items() if k not in _SEALED.values()}
    for key, sealed_key in _SEALED.items():
        if payload.get(sealed_key):
            opened[key] = token_vault.current().reveal(str(payload[sealed_key]))
    return opened


def holds_clear_code(payload: dict[str, Any] | None) -> bool:
    """A row written with a code in clear (before codes, or short codes, were sealed)."""
    return any((payload or {}).get(key) for key in _SEALED)


def holds_code(payload: dict[str, Any] | None) -> bool:
    return any((payload or {}).get(key) for key in CODE_KEYS)


def without_code(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` with its codes, clear or sealed, blanked (a new dict, so a JSON column sees the change)."""
    blanked = {k: ("" if k in CODE_KEYS else v) for k, v in payload.items()}
    blanked[TOKEN] = ""
    if SHORT_CODE in payload or SEALED_SHORT_CODE in payload:
        blanked[SHORT_CODE] = ""
    return blanked


def forget_codes(uow: UnitOfWork, visit_id: int) -> int:
    """Blank the codes of the visit's notices not yet sent (the code was replaced or cancelled). Returns how many."""
    rows = uow.session.scalars(
        select(Notification).where(Notification.visit_id == visit_id, Notification.status != NotificationStatus.SENT)
    ).all()
    changed = 0
    for row in rows:
        if holds_code(row.payload):
            row.payload = without_code(row.payload)
            changed += 1
    return changed
