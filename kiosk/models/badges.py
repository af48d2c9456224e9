"""Badge print jobs: a badge is a row first and a device action second."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import PrintJobStatus, str_enum


class BadgePrintJob(Base):
    __tablename__ = "badge_print_jobs"
    __table_args__ = (Index("ix_badge_print_jobs_status", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    # first | reprint | reissue: a reprint or reissue is always the receptionist's call.
    reason: Mapped[str] = mapped_column(String(16), default="first")
    status: Mapped[PrintJobStatus] = mapped_column(str_enum(PrintJobStatus))
    requested_by: Mapped[str] = mapped_column(String(64))
    # The kiosk whose printer prints it (``[kiosk] id``): the one the visitor stands at, for a desk reprint the one
    # that printed the visit's last badge. None (jobs older than this column): any kiosk of the visit's site, which
    # writes its own code here when it takes the job.
    kiosk_code: Mapped[str | None] = mapped_column(String(64))
    # The badge's own sign-out token, printed as its QR. A reissue gets a new one and revokes the old.
    sign_out_token: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
