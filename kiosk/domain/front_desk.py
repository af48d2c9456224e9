"""The front desk's own records: phone messages and transfers, complaints, routine checks.

The closed sets the record services, the desk, kioskctl and the reports share.
"""

from __future__ import annotations

from enum import StrEnum


class CallKind(StrEnum):
    MESSAGE = "message"  # the colleague did not answer: a message taken, a call back promised
    TRANSFER = "transfer"  # the call was put through: logged (when, to whom), later asked whether it was resolved


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class MessageStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"  # the colleague got it (the signed "got it" link, or at the desk)
    CALLED_BACK = "called_back"
    CLOSED = "closed"


class ComplaintChannel(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    OTHER = "other"


class ComplaintStatus(StrEnum):
    OPEN = "open"  # recorded, passed to the department responsible
    IN_PROGRESS = "in_progress"  # the department has contacted the customer / is on it
    RESOLVED = "resolved"  # an outcome recorded; the customer is asked whether they are satisfied
    CLOSED = "closed"  # satisfaction known (or the customer could not be reached)


class RoutineSchedule(StrEnum):
    """How often a routine check is due: the rulebook's corridor daily, restrooms twice a day, plants weekly."""

    DAILY = "daily"
    TWICE_DAILY = "twice_daily"  # a morning and an afternoon round
    WEEKLY = "weekly"


class RoutineResult(StrEnum):
    PASSED = "passed"
    PROBLEM = "problem"  # something found (a wet floor, a broken chair): a follow-up item
