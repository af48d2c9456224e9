"""Visits as every layer sees them: statuses, kinds, purposes, and the outcomes of a visitor's actions."""

from __future__ import annotations

from enum import StrEnum


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
    # Registered ahead on the web page by the visitor; pending until the host agrees, then invited.
    PREREGISTERED = "preregistered"


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
    # The invitation's typed twin (``domain/short_codes.py``): same visit, same day, spent with the QR.
    SHORT_CODE = "short_code"


class CheckInOutcome(StrEnum):
    CHECKED_IN = "checked_in"
    # A deny-list hit: the visitor sees "please see the front desk", reception is alerted.
    HELD = "held"


class WalkInOutcome(StrEnum):
    PENDING = "pending_approval"
    CHECKED_IN = "checked_in"
    HELD = "held"


class WalkInProgress(StrEnum):
    """What the waiting screen shows while a walk-in waits for the host."""

    PENDING = "pending_approval"
    # The host answered "on my way" but has not decided yet.
    HOST_ON_THE_WAY = "host_on_the_way"
    HELD = "held"
    APPROVED = "approved"
    DENIED = "denied"
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    NO_SHOW = "no_show"
    INVITED = "invited"
