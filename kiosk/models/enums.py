"""The closed sets of values the models store, as plain string enums."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


class VisitStatus(StrEnum):
    INVITED = "invited"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    DENIED = "denied"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class VisitKind(StrEnum):
    INVITED = "invited"
    WALK_IN = "walk_in"


class VisitorType(StrEnum):
    VISITOR = "visitor"
    CONTRACTOR = "contractor"
    INTERVIEW = "interview"
    DELIVERY = "delivery"


class Purpose(StrEnum):
    MEETING = "meeting"
    INTERVIEW = "interview"
    DELIVERY = "delivery"
    MAINTENANCE = "maintenance"
    SALES = "sales"
    OTHER = "other"


class TokenKind(StrEnum):
    INVITATION = "invitation"
    SIGN_OUT = "sign_out"


class PrintJobStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class DenyKind(StrEnum):
    NAME = "name"
    PHONE = "phone"
    COMPANY = "company"
    KEYWORD = "keyword"


class StaffRole(StrEnum):
    RECEPTIONIST = "receptionist"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


def str_enum(enum_cls: type[StrEnum], length: int = 24) -> Enum:
    """Stored as VARCHAR on every database; the service layer guards the values."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
    )
