"""Every state change writes an AuditEvent: who, when, what, before and after (ids and states only)."""

from __future__ import annotations

from typing import Any

from kiosk.db.uow import UnitOfWork
from kiosk.models import AuditEvent


def record(
    uow: UnitOfWork,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    uow.session.add(
        AuditEvent(
            at=uow.now(), actor=uow.actor, action=action, entity=entity, entity_id=entity_id,
            before=before, after=after,
        )
    )
