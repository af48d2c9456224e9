"""House rules and NDAs: each text version is immutable, so a signature points at exactly what was signed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import VisitorType, str_enum


class Agreement(Base):
    __tablename__ = "agreements"
    __table_args__ = (UniqueConstraint("visitor_type", "language", "version", name="type_lang_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visitor_type: Mapped[VisitorType] = mapped_column(str_enum(VisitorType))
    language: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AgreementSignature(Base):
    __tablename__ = "agreement_signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"))
    text_sha256: Mapped[str] = mapped_column(String(64))
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
