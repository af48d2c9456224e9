"""Host-reply links that have been used: a signed link acts once, however often it is replayed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime


class UsedLink(Base):
    __tablename__ = "used_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The link's nonce (its id inside the signed token); unique, so a second use fails even in a race.
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    visit_id: Mapped[int] = mapped_column(Integer)
    used_by: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime())
