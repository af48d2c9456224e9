"""The nightly backup's "done today" mark on a shared PostgreSQL database: one audit event per day.

Several kiosks on one database all run housekeeping; the first to take the advisory lock and find no
mark for the day makes the backup, the others see its mark and do nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from kiosk.db.uow import UnitOfWork
from kiosk.models import AuditEvent
from kiosk.services import audit

ACTION = "backup.nightly"
ENTITY = "backup"
_NIGHTLY_LOCK = 0x6B696F736C  # any constant shared by every process on the database


def day_number(day: date) -> int:
    return int(day.strftime("%Y%m%d"))


def claim_nightly(uow: UnitOfWork, day: date) -> bool:
    """True when no nightly backup is marked for ``day``; on PostgreSQL the caller then holds the lock until
    its transaction ends, so a second process waits and finds the mark."""
    if uow.dialect == "postgresql":
        uow.session.execute(text(f"SELECT pg_advisory_xact_lock({_NIGHTLY_LOCK})"))
    found = uow.session.scalar(select(AuditEvent.id).where(
        AuditEvent.action == ACTION, AuditEvent.entity == ENTITY, AuditEvent.entity_id == day_number(day)))
    return found is None


def mark_nightly(uow: UnitOfWork, day: date, file_name: str, size: int) -> None:
    audit.record(uow, ACTION, ENTITY, day_number(day), after={"file": file_name, "bytes": size})
