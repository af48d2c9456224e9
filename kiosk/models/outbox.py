"""Notification outbox: every notice is a row written in the transaction of the event that caused it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import NotificationStatus, str_enum


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_due", "status", "next_attempt_at"),
        # The figures read notices by event over a period (parcels notified within 10 minutes, alerts raised).
        Index("ix_notifications_event_created", "event", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # What happened (visitor_arrived, consent_requested, host_unreachable, ...): picks the template.
    event: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))  # email | chat | reception
    recipient: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # One key per (event, subject, channel, recipient): a retried or repeated event never sends twice.
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[NotificationStatus] = mapped_column(str_enum(NotificationStatus))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    visit_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # Reception's alerts stay "new" on the desk until someone there says they have seen to them.
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by: Mapped[str | None] = mapped_column(String(64))
