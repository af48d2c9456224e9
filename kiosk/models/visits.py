"""Visitors, their visits, the tokens that open them, and what visitors thought of them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import Purpose, TokenKind, VisitKind, VisitorType, VisitStatus, str_enum
from kiosk.models.org import Host, Site


class Visitor(Base):
    """A person who visits. The ID number is stored encrypted; only its last four characters are kept clear."""

    __tablename__ = "visitors"
    __table_args__ = (
        Index("ix_visitors_name_key", "name_key"),
        Index("ix_visitors_phone", "phone"),
        Index("ix_visitors_company", "company"),  # the visitor log's company search (migration 0005)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(320))
    company: Mapped[str | None] = mapped_column(String(200))
    id_number_cipher: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_number_last4: Mapped[str | None] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_site_date_status", "site_id", "visit_date", "status"),
        Index("ix_visits_status_checked_in", "status", "checked_in_at"),
        Index("ix_visits_visitor", "visitor_id"),
        Index("ix_visits_host", "host_id"),
        Index("ix_visits_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    visitor_id: Mapped[int] = mapped_column(ForeignKey("visitors.id"))
    kind: Mapped[VisitKind] = mapped_column(str_enum(VisitKind))
    status: Mapped[VisitStatus] = mapped_column(str_enum(VisitStatus))
    purpose: Mapped[Purpose] = mapped_column(str_enum(Purpose))
    purpose_note: Mapped[str] = mapped_column(String(500), default="")
    visitor_type: Mapped[VisitorType] = mapped_column(str_enum(VisitorType), default=VisitorType.VISITOR)
    # A VIP's arrival is announced to reception and the supervisor as well as the host.
    vip: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The day of the visit in the site's timezone: "today" means this.
    visit_date: Mapped[date] = mapped_column(Date)
    expected_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expected_end: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_in_by: Mapped[str | None] = mapped_column(String(64))
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_out_by: Mapped[str | None] = mapped_column(String(64))
    # Why the visit waits for the receptionist (deny-list hit); never shown to the visitor.
    hold_reason: Mapped[str | None] = mapped_column(String(200))
    # The kiosk the visitor registered (walk-in) or scanned in at: where a badge queued later (a walk-in the
    # host or the desk lets in, a held visit the desk checks in) prints.
    kiosk_code: Mapped[str | None] = mapped_column(String(64))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    host_notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    host_acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # How many people come on this visit (a group registered as one); badges are per person at the kiosk.
    party_size: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))

    site: Mapped[Site] = relationship()
    host: Mapped[Host] = relationship()
    visitor: Mapped[Visitor] = relationship()


class AccessToken(Base):
    """A QR token: invitation (check in) or badge (sign out). Only its SHA-256 is stored."""

    __tablename__ = "access_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    kind: Mapped[TokenKind] = mapped_column(str_enum(TokenKind))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    valid_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    used_by: Mapped[str | None] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (CheckConstraint("rating BETWEEN 1 AND 5", name="rating_1_to_5"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), unique=True)
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class VisitPhoto(Base):
    __tablename__ = "visit_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), unique=True)
    jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
