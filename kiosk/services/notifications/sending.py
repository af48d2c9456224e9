"""The outbox's life after enqueue: claiming due rows, marking them sent or failed, retrying by hand.

Delivery is at least once, never knowingly twice:

* A dispatcher *claims* due rows in one short write transaction (PostgreSQL:
  ``FOR UPDATE SKIP LOCKED``; SQLite: the ``BEGIN IMMEDIATE`` every write unit of
  work takes), flipping them ``pending -> sending``. While a row is ``sending``
  its ``next_attempt_at`` is the claim's lease expiry, so no second dispatcher
  touches it until the lease runs out.
* Each claim bumps ``attempts``; the claimed attempt number is the fencing token:
  ``mark_sent``/``mark_failed`` only change a row still ``sending`` under that
  same attempt, so a dispatcher that stalled past its lease cannot overwrite
  the result of the one that took over.
* A dispatcher that dies between "sent" and "marked" leaves a ``sending`` row;
  when its lease expires it is claimed and sent again (the one duplicate the
  design allows). E-mails carry a Message-ID derived from the idempotency key,
  so that repeat is recognisably the same message.
* Failures back off exponentially (30 s doubling, each wait capped at 1 h) for
  up to 24 h of waiting, then the row stays ``failed`` with its last error for
  the receptionist, who can ``retry_notification``.

An invitation's QR code waits in its row sealed (``services/token_vault.py``); the claim opens it
into the dispatcher's memory only, and the row's code is blanked once the notice is sent or has
failed for good. Sending a failed invitation again therefore sends a new code (the old one stops).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import (
    COPY_FOR_DEPARTMENT,
    Channel,
    ClaimedNotification,
    FailureOutcome,
    NoticeContext,
    redact_address,
)
from kiosk.domain.parcels import ParcelStatus
from kiosk.models import Department, Host, Notification, NotificationStatus, Parcel, Visit, VisitPhoto
from kiosk.services import audit, outbox
from kiosk.services.errors import Conflict, NotFound
from kiosk.services.notifications import host_links
from kiosk.services.reports import monthly
from kiosk.services.visits import invitations

S = NotificationStatus
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
GIVE_UP_AFTER = timedelta(hours=24)
DEFAULT_LEASE = timedelta(minutes=5)
ERROR_MAX = 1000
# Payload keys stored only so the dispatcher could send them; blanked once the notice is out.
SENT_ONCE_KEYS: dict[str, tuple[str, ...]] = {event: outbox.CODE_KEYS for event in invitations.INVITATION_EVENTS}
# Notices a host's department is told about too, on its [notify] departments URLs.
DEPARTMENT_EVENTS = frozenset({"visitor_arrived", "consent_requested", "host_unreachable"})


@dataclass(frozen=True)
class NotificationView:
    """One row as the admin window lists it (chat URLs shortened: they hold tokens)."""

    id: int
    event: str
    channel: str
    recipient: str
    language: str
    payload: dict[str, Any]
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    visit_id: int | None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None


# ---------------------------------------------------------------- backoff


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt: 30 s, 1 min, 2 min, ... capped at 1 h."""
    if attempts < 1:
        return timedelta(0)
    # Cap the exponent before raising, so a huge attempt count cannot overflow.
    delay: timedelta = FIRST_RETRY * 2 ** min(attempts - 1, 20)
    return min(delay, LONGEST_WAIT)


def waited_before(attempts: int) -> timedelta:
    """Total backoff a row has sat through before its ``attempts``-th attempt."""
    return sum((retry_delay(n) for n in range(1, attempts)), timedelta(0))


def next_retry_delay(attempts: int) -> timedelta | None:
    """The wait before the next attempt, or None when retrying would exceed 24 h of waiting: give up."""
    delay = retry_delay(attempts)
    if waited_before(attempts) + delay > GIVE_UP_AFTER:
        return None
    return delay


# ---------------------------------------------------------------- dispatcher side


def has_due(uow: UnitOfWork) -> bool:
    """Cheap read-only probe, so an idle dispatcher does not take SQLite's write lock every poll."""
    return uow.session.scalar(select(Notification.id).where(_due(uow.now())).limit(1)) is not None


def _due(now: datetime) -> Any:
    # A pending row whose time has come, or a sending row whose claim lease expired (its dispatcher died).
    return and_(Notification.status.in_([S.PENDING, S.SENDING]), Notification.next_attempt_at <= now)


def claim_due(uow: UnitOfWork, *, limit: int = 20, lease: timedelta = DEFAULT_LEASE) -> list[ClaimedNotification]:
    """Take up to ``limit`` due rows for this dispatcher: pending -> sending, leased until now + ``lease``."""
    now = uow.now()
    query = select(Notification).where(_due(now)).order_by(Notification.next_attempt_at, Notification.id).limit(limit)
    if uow.dialect == "postgresql":
        # Rows another dispatcher is claiming right now are skipped, not waited for.
        query = query.with_for_update(skip_locked=True)
    rows = list(uow.session.scalars(query))
    claimed = []
    for row in rows:
        row.status = S.SENDING
        row.attempts += 1
        row.next_attempt_at = now + lease
        if outbox.holds_clear_code(row.payload):
            row.payload = outbox.seal_payload(row.payload)  # a row queued before codes were sealed
        claimed.append(ClaimedNotification(
            id=row.id, event=row.event, channel=row.channel, recipient=row.recipient, language=row.language,
            payload=outbox.open_payload(row.payload or {}), idempotency_key=row.idempotency_key,
            attempt=row.attempts,
            created_at=row.created_at, visit_id=row.visit_id, lease_until=now + lease,
        ))
    uow.commit()
    return claimed


def mark_sent(uow: UnitOfWork, claimed: ClaimedNotification) -> bool:
    """Record delivery. False when the claim was lost (lease expired and another dispatcher took the row)."""
    row = _held_row(uow, claimed)
    if row is None:
        uow.rollback()
        return False
    row.status = S.SENT
    row.sent_at = uow.now()
    row.last_error = None
    _forget_code(row)
    uow.commit()
    return True


def seal_clear_codes(uow: UnitOfWork) -> int:
    """Rows queued before codes were sealed: waiting ones get their code sealed, the rest lose it.
    Returns how many changed (the dispatcher runs this once at start)."""
    changed = 0
    for row in uow.session.scalars(select(Notification).where(Notification.event.in_(list(SENT_ONCE_KEYS)))):
        if not outbox.holds_clear_code(row.payload):
            continue
        waiting = row.status in (S.PENDING, S.SENDING)
        row.payload = outbox.seal_payload(row.payload) if waiting else outbox.without_code(row.payload)
        changed += 1
    uow.commit()
    return changed


def _forget_code(row: Notification) -> None:
    if outbox.holds_code(row.payload):
        row.payload = outbox.without_code(row.payload)


def mark_failed(
    uow: UnitOfWork, claimed: ClaimedNotification, error: str, *, permanent: bool = False
) -> FailureOutcome:
    """Record a failed attempt: back to pending after the backoff, or failed for good. Returns the new status."""
    row = _held_row(uow, claimed)
    if row is None:
        uow.rollback()
        return FailureOutcome.LOST
    row.last_error = error[:ERROR_MAX]
    delay = None if permanent else next_retry_delay(row.attempts)
    if delay is None:
        row.status = S.FAILED
        _forget_code(row)  # a new code is made if the desk sends it again
    else:
        row.status = S.PENDING
        row.next_attempt_at = uow.now() + delay
    outcome = FailureOutcome.FAILED if row.status is S.FAILED else FailureOutcome.RETRYING
    uow.commit()
    return outcome


def release(uow: UnitOfWork, claimed: ClaimedNotification, reason: str, *, wait: timedelta) -> None:
    """Hand a claimed row back untried (e-mail is not configured): still pending, the attempt not counted.

    It waits, visible with ``reason`` and never failed, until the channel is set up.
    """
    row = _held_row(uow, claimed)
    if row is not None:
        row.status = S.PENDING
        row.attempts = max(row.attempts - 1, 0)
        row.last_error = reason[:ERROR_MAX]
        row.next_attempt_at = uow.now() + wait
    uow.commit()


def _held_row(uow: UnitOfWork, claimed: ClaimedNotification) -> Notification | None:
    query = select(Notification).where(
        Notification.id == claimed.id, Notification.status == S.SENDING, Notification.attempts == claimed.attempt
    )
    return uow.session.scalar(query.with_for_update())


def notice_context(uow: UnitOfWork, claimed: ClaimedNotification) -> NoticeContext:
    """The host's address, department, visit window and (for arrivals) the photo, read at send time."""
    site_name = str(claimed.payload.get("site_name", ""))
    if claimed.event == monthly.EVENT:  # the month's PDFs, kept in monthly_reports
        return NoticeContext(site_name=site_name, attachments=monthly.attachments(uow, claimed.payload))
    if claimed.visit_id is None:
        return NoticeContext(department=str(claimed.payload.get("department", "")), site_name=site_name)
    visit = uow.session.get(Visit, claimed.visit_id)
    if visit is None:  # purged by retention since it was queued
        return NoticeContext(department=str(claimed.payload.get("department", "")), site_name=site_name)
    host: Host = visit.host
    photo = None
    if claimed.event == "visitor_arrived":
        photo = uow.session.scalar(select(VisitPhoto.jpeg).where(VisitPhoto.visit_id == visit.id))
    return NoticeContext(
        host_email=host.email, department=host.department.name if host.department else "",
        photo_jpeg=photo, expected_start=visit.expected_start, expected_end=visit.expected_end,
        visit_date=visit.visit_date.isoformat(), site_name=site_name or visit.site.name,
        site_timezone=visit.site.timezone, visit_key=host_links.visit_key(visit),
    )


def add_department_copies(
    uow: UnitOfWork, claimed: list[ClaimedNotification], departments: dict[str, tuple[str, ...]]
) -> int:
    """Queue a chat copy of each host/escalation notice for its department's [notify] departments URLs.

    Copies are ordinary outbox rows (their own retries, their own idempotency
    keys), so claiming the same notice again never queues them twice.
    """
    if not departments:
        return 0
    queued = 0
    for row in claimed:
        if row.event not in DEPARTMENT_EVENTS or row.channel not in (Channel.EMAIL, Channel.RECEPTION):
            continue
        if row.event == "host_unreachable" and row.channel != Channel.RECEPTION:
            continue  # the escalation is copied once, from reception's row
        department = str(row.payload.get("department") or "") or _department_of(uow, row.visit_id)
        for url in departments.get(department, ()):
            queued += outbox.enqueue(
                uow, event=row.event, channel=Channel.CHAT, recipient=url,
                payload={**row.payload, COPY_FOR_DEPARTMENT: department},
                subject_key=f"visit:{row.visit_id}:dept", language=row.language, visit_id=row.visit_id,
            )
    if queued:
        uow.commit()
    return queued


def _department_of(uow: UnitOfWork, visit_id: int | None) -> str:
    if visit_id is None:
        return ""
    name = uow.session.scalar(
        select(Department.name).join(Host, Host.department_id == Department.id)
        .join(Visit, Visit.host_id == Host.id).where(Visit.id == visit_id)
    )
    return name or ""


# ---------------------------------------------------------------- receptionist side


def retry_notification(uow: UnitOfWork, notification_id: int) -> None:
    """The receptionist's "send again": a failed (or waiting) row becomes due now with a fresh 24 h of retries."""
    row = uow.session.scalar(select(Notification).where(Notification.id == notification_id).with_for_update())
    if row is None:
        raise NotFound(f"no notification with id {notification_id}")
    if row.status == S.SENT:
        raise Conflict("this notification has already been sent")
    if row.status == S.SENDING and row.next_attempt_at > uow.now():
        raise Conflict("this notification is being sent right now")
    if row.event in SENT_ONCE_KEYS and not outbox.holds_code(row.payload) and row.visit_id is not None:
        # Its code was blanked when it failed for good: the invitation goes out with a new one.
        codes = invitations.new_code_for_resend(uow, row.visit_id)
        row.payload = outbox.seal_payload(
            {**(row.payload or {}), outbox.TOKEN: codes.token, outbox.SHORT_CODE: codes.short_code})
    if row.event in _PARCEL_CODE_EVENTS and not outbox.holds_code(row.payload):
        # A parcel's code was blanked when the notice failed for good; the parcel keeps it sealed.
        row.payload = {**(row.payload or {}), outbox.SEALED_TOKEN: _waiting_parcel_code(uow, row.payload or {})}
    row.status = S.PENDING
    row.attempts = 0
    row.next_attempt_at = uow.now()
    uow.commit()


# Parcel notices that carry the pickup code (services/parcels/notices.py).
_PARCEL_CODE_EVENTS = frozenset({"parcel_arrived", "parcel_reminder"})


def _waiting_parcel_code(uow: UnitOfWork, payload: dict[str, Any]) -> str:
    parcel = uow.session.get(Parcel, int(payload.get("parcel_id") or 0))
    if parcel is None or parcel.status != ParcelStatus.WAITING or not parcel.pickup_code_sealed:
        raise Conflict("this parcel is no longer waiting at the desk; there is nothing to send again")
    return parcel.pickup_code_sealed


def list_failed(uow: UnitOfWork, *, limit: int = 100) -> list[NotificationView]:
    """Notices that gave up, newest first: what the receptionist should look at and retry."""
    query = select(Notification).where(Notification.status == S.FAILED)
    return [_view(r) for r in uow.session.scalars(query.order_by(Notification.id.desc()).limit(limit))]


def list_recent(
    uow: UnitOfWork, *, limit: int = 100, channel: str | None = None, status: str | None = None
) -> list[NotificationView]:
    """The latest notices, newest first; ``channel=Channel.RECEPTION`` is the admin window's alert board."""
    query = select(Notification)
    if channel is not None:
        query = query.where(Notification.channel == channel)
    if status is not None:
        query = query.where(Notification.status == NotificationStatus(status))
    return [_view(r) for r in uow.session.scalars(query.order_by(Notification.id.desc()).limit(limit))]


def acknowledge_alert(uow: UnitOfWork, notification_id: int) -> None:
    """Someone at the desk has seen to reception's alert; it stops counting as new (again: no change)."""
    row = uow.session.get(Notification, notification_id, with_for_update=True)
    if row is None or row.channel not in (Channel.RECEPTION, Channel.SUPERVISOR):
        raise NotFound(f"no alert for reception with id {notification_id}")
    if row.acknowledged_at is None:
        row.acknowledged_at, row.acknowledged_by = uow.now(), uow.actor
        audit.record(uow, "alert.acknowledged", "notification", row.id, after={"event": row.event})
    uow.commit()


def count_unacknowledged_alerts(uow: UnitOfWork, *, since: datetime) -> int:
    """Reception's alerts since ``since`` that nobody at the desk has acknowledged yet."""
    return int(uow.session.scalar(
        select(func.count()).select_from(Notification).where(
            Notification.channel == Channel.RECEPTION, Notification.acknowledged_at.is_(None),
            Notification.created_at >= since)
    ) or 0)


def count_waiting(uow: UnitOfWork) -> dict[str, int]:
    """Rows by status, for a status-bar badge ("3 notices waiting, 1 failed")."""
    counts = {s.value: 0 for s in S if s is not S.SENT}
    query = select(Notification.status, func.count()).where(Notification.status != S.SENT)
    for status, count in uow.session.execute(query.group_by(Notification.status)):
        counts[NotificationStatus(status).value] = int(count)
    return counts


def _view(row: Notification) -> NotificationView:
    secret_keys = SENT_ONCE_KEYS.get(row.event, ())
    payload = {k: v for k, v in (row.payload or {}).items() if k not in secret_keys}
    return NotificationView(
        id=row.id, event=row.event, channel=row.channel, recipient=redact_address(row.recipient),
        language=row.language, payload=payload, status=NotificationStatus(row.status).value,
        attempts=row.attempts, next_attempt_at=row.next_attempt_at, last_error=row.last_error,
        created_at=row.created_at, sent_at=row.sent_at, visit_id=row.visit_id,
        acknowledged_at=row.acknowledged_at, acknowledged_by=row.acknowledged_by,
    )
