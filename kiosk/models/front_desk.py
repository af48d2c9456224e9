"""The front desk's records: phone messages and transfers, complaints with their follow-up notes, routine
check templates with the checks done and the problems found, and the monthly reports made."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.domain.front_desk import (
    CallKind,
    ComplaintChannel,
    ComplaintStatus,
    MessageStatus,
    RoutineResult,
    RoutineSchedule,
    Urgency,
)
from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import str_enum


class PhoneMessage(Base):
    """A call taken at the desk: a message for a colleague, or a transfer logged."""

    __tablename__ = "phone_messages"
    __table_args__ = (
        Index("ix_phone_messages_site_received", "site_id", "received_at"),
        Index("ix_phone_messages_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    kind: Mapped[CallKind] = mapped_column(str_enum(CallKind))
    status: Mapped[MessageStatus] = mapped_column(str_enum(MessageStatus))
    urgency: Mapped[Urgency] = mapped_column(str_enum(Urgency))
    # Who called (personal data: kept only as long as [retention] days, erased with the caller).
    caller_name: Mapped[str] = mapped_column(String(100), default="")
    caller_company: Mapped[str] = mapped_column(String(200), default="")
    caller_phone: Mapped[str] = mapped_column(String(32), default="")
    for_host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    for_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    message: Mapped[str] = mapped_column(Text, default="")
    # The call was picked up in time (the calls-answered KPI counts these).
    answered_in_time: Mapped[bool] = mapped_column(Boolean, default=True)
    callback_promised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())  # to the minute, as the rulebook asks
    received_by: Mapped[str] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by: Mapped[str] = mapped_column(String(64), default="")
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the department contact told
    called_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A transfer, asked about later: resolved (True/False) or not asked yet (None).
    resolved: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(500), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction_1_to_5"),
        Index("ix_complaints_site_created", "site_id", "created_at"),
        Index("ix_complaints_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    status: Mapped[ComplaintStatus] = mapped_column(str_enum(ComplaintStatus))
    channel: Mapped[ComplaintChannel] = mapped_column(str_enum(ComplaintChannel))
    # The customer (personal data: retention and erase apply).
    customer_name: Mapped[str] = mapped_column(String(100), default="")
    customer_contact: Mapped[str] = mapped_column(String(320), default="")  # phone or e-mail
    what: Mapped[str] = mapped_column(Text)
    happened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    assignee_host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())  # "they will contact you within 24 hours"
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1-5, the customer's view of the outcome
    satisfaction_via: Mapped[str] = mapped_column(String(16), default="")  # desk | link
    satisfaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)


class ComplaintNote(Base):
    """A follow-up note on a complaint (who did what, when)."""

    __tablename__ = "complaint_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())
    written_by: Mapped[str] = mapped_column(String(64))


class RoutineTemplate(Base):
    """A routine check: where, how often, and the lines to check."""

    __tablename__ = "routine_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    area: Mapped[str] = mapped_column(String(100), default="")  # corridor, restrooms 2F, plants, room 301 ...
    schedule: Mapped[RoutineSchedule] = mapped_column(str_enum(RoutineSchedule))
    # The lines to check, as plain texts (a JSON list).
    items: Mapped[list[str]] = mapped_column(JSON, default=list)
    # WEEKLY: the ISO weekday it is due (1 = Monday).
    weekday: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)


class RoutineCheck(Base):
    """One round of a routine done: which due slot (the day and, twice a day, the round), who, the result."""

    __tablename__ = "routine_checks"
    __table_args__ = (UniqueConstraint("template_id", "due_on", "round", name="one_check_per_slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("routine_templates.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)  # the site-local day (the week's due day for weekly ones)
    round: Mapped[int] = mapped_column(Integer, default=1)  # 1, or 2 for the afternoon round
    result: Mapped[RoutineResult] = mapped_column(str_enum(RoutineResult))
    failed_items: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(String(500), default="")
    done_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_by: Mapped[str] = mapped_column(String(64))


class RoutineProblem(Base):
    """A problem a check found: a follow-up item until someone records the fix."""

    __tablename__ = "routine_problems"

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("routine_checks.id"), index=True)
    what: Mapped[str] = mapped_column(String(500))
    photo_jpeg: Mapped[bytes | None] = mapped_column(LargeBinary)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reported_by: Mapped[str] = mapped_column(String(64))
    fixed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    fixed_by: Mapped[str] = mapped_column(String(64), default="")
    fix_note: Mapped[str] = mapped_column(String(500), default="")


class MonthlyReport(Base):
    """The monthly report made on the 1st for the month before: the PDF kept, so the e-mail (and a second
    copy) attach the very same file."""

    __tablename__ = "monthly_reports"
    __table_args__ = (UniqueConstraint("site_id", "month", "language", name="one_report_per_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    month: Mapped[date] = mapped_column(Date)  # the first day of the month reported
    language: Mapped[str] = mapped_column(String(8))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime())
