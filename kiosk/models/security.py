"""Who may not come in, who may run the desk, and how close a kiosk's maintenance pad is to locking."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import DenyKind, StaffRole, str_enum


class DenyListEntry(Base):
    __tablename__ = "deny_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DenyKind] = mapped_column(str_enum(DenyKind))
    value: Mapped[str] = mapped_column(String(200))
    # Normalised for matching: casefolded text, or an E.164 phone number.
    value_key: Mapped[str] = mapped_column(String(200), index=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[StaffRole] = mapped_column(str_enum(StaffRole))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The last time the password was accepted (signing in, or unlocking a locked desk).
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class KioskPinLock(Base):
    """Wrong maintenance PINs typed at one kiosk, kept in the database so restarting the kiosk does not reset them."""

    __tablename__ = "kiosk_pin_locks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_code: Mapped[str] = mapped_column(String(64), unique=True)
    wrong_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
