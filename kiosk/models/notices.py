"""Notices at the front desk: what the kiosk's welcome screen tells visitors, in Chinese and English."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime


class FrontDeskNotice(Base):
    """One notice of a site. Shown from ``starts_on`` to ``ends_on`` (site-local days, both inclusive)
    unless withdrawn; never deleted, so the desk can see what visitors were told. Texts are plain,
    single-paragraph and at most as wide as the welcome screen shows (``kiosk/domain/notices.py``);
    an empty one falls back to the other language. ``version`` grows with every change: an edit made
    on an older copy is refused instead of overwriting someone else's."""

    __tablename__ = "front_desk_notices"
    __table_args__ = (
        CheckConstraint("starts_on <= ends_on", name="dates_ordered"),
        # The kiosk's question, every few minutes: this site's notices that have not ended.
        Index("ix_front_desk_notices_site_ends", "site_id", "ends_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    title_zh: Mapped[str] = mapped_column(String(100), default="")
    title_en: Mapped[str] = mapped_column(String(100), default="")
    body_zh: Mapped[str] = mapped_column(String(400), default="")
    body_en: Mapped[str] = mapped_column(String(400), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
