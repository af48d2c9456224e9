"""Where visits happen and whom they are for: sites, kiosks, departments, hosts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.models.base import Base, UTCDateTime


class Site(Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))


class Kiosk(Base):
    """A registered device: a touchscreen in a lobby, or an admin desk."""

    __tablename__ = "kiosks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The name visitors reading English are shown (the kiosk's host picker, the web page); None: none known.
    name_en: Mapped[str | None] = mapped_column(String(100))
    # Who reception calls when a host in this department cannot be reached.
    contact_email: Mapped[str | None] = mapped_column(String(320))


class Host(Base):
    """An employee visitors come to see."""

    __tablename__ = "hosts"
    __table_args__ = (
        Index("ix_hosts_name_key", "name_key"),
        Index("ix_hosts_pinyin", "pinyin"),
        Index("ix_hosts_initials", "initials"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    chat_address: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Search keys, kept in step with the name: casefolded name, full pinyin, initials.
    name_key: Mapped[str] = mapped_column(String(200), default="")
    pinyin: Mapped[str] = mapped_column(String(400), default="")
    initials: Mapped[str] = mapped_column(String(100), default="")

    department: Mapped[Department | None] = relationship(lazy="joined")
