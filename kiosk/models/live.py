"""What the live desk reads: per-area change counters and the kiosks' heartbeats."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.domain.kiosks import CameraHealth, PrinterHealth
from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import str_enum


class DataChange(Base):
    """One row per area (``kiosk.domain.changes.Area``): ``version`` moves with every write transaction
    that changed the area's tables, in that transaction (``kiosk/db/changes.py``). The change watcher
    compares versions to tell which areas changed."""

    __tablename__ = "data_changes"

    area: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class KioskHeartbeat(Base):
    """A kiosk's latest heartbeat (one row per kiosk, rewritten every 30 s): when it was last seen and
    how its camera and printer were."""

    __tablename__ = "kiosk_heartbeats"

    id: Mapped[int] = mapped_column(primary_key=True)
    kiosk_code: Mapped[str] = mapped_column(String(64), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When this run of the kiosk started: a recent one after a gap means it restarted.
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    camera: Mapped[CameraHealth] = mapped_column(str_enum(CameraHealth))
    printer: Mapped[PrinterHealth] = mapped_column(str_enum(PrinterHealth))
    # Plain words for the desk: "paper low", "camera unplugged".
    detail: Mapped[str] = mapped_column(String(500), default="")
    app_version: Mapped[str] = mapped_column(String(32), default="")
    # The machine's name, so the desk can tell which box in the lobby it is.
    host: Mapped[str] = mapped_column(String(200), default="")
