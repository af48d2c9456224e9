"""Audit trail: who changed what, when, from what to what. Holds ids and states, never personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_at", "at"),
        # The desk's audit log: one person's or one action's events newest first (by time, then id),
        # read backwards from an index range, dates included; the filters' lists of actors and
        # actions read by a walk over the same indexes (benchmarks/bench_audit_log.py; migration 0008).
        Index("ix_audit_actor", "actor", "at", "id"),
        Index("ix_audit_action", "action", "at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column()
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
