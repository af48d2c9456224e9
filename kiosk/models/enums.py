"""The closed sets of values the models store: the domain's enums, stored as VARCHAR."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum

from kiosk.domain.notifications import NotificationStatus
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.security import DenyKind, StaffRole
from kiosk.domain.visits import Purpose, TokenKind, VisitKind, VisitorType, VisitStatus

__all__ = [
    "DenyKind", "NotificationStatus", "PrintJobStatus", "Purpose", "StaffRole", "TokenKind", "VisitKind",
    "VisitStatus", "VisitorType", "str_enum",
]


def str_enum(enum_cls: type[StrEnum], length: int = 24) -> Enum:
    """Stored as VARCHAR on every database; the service layer guards the values."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
    )
