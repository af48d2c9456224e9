"""Kiosk heartbeats: each kiosk writes how it is every 30 s; the desk shows each kiosk's health.

A heartbeat is one row per kiosk, rewritten (no history, no audit event: it would bury the trail).
Whether a kiosk is online, stale or offline is derived when the desk asks, from the age of its
last heartbeat by the database's clock (``uow.now()``), so a kiosk that stopped writing goes stale
and then offline without anyone writing anything. Only kiosks that have sent a heartbeat are
listed: admin desks and ``kioskctl`` register in ``kiosks`` too, but never beat.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.kiosks import (
    OFFLINE_AFTER,
    PRINTER_NEEDS_ATTENTION,
    STALE_AFTER,
    CameraHealth,
    KioskStatus,
    PrinterHealth,
    kiosk_status,
)
from kiosk.models import KioskHeartbeat, Site
from kiosk.services.directory.sites import get_site
from kiosk.services.text import clean_text

DETAIL_MAX = 500


@dataclass(frozen=True)
class KioskHealth:
    kiosk_code: str
    site_code: str
    status: KioskStatus
    last_seen_at: datetime
    # Since the last heartbeat, by the database's clock (never negative).
    silent_for: timedelta
    # When this run of the kiosk started (a restart shows as a recent start).
    started_at: datetime
    camera: CameraHealth
    printer: PrinterHealth
    detail: str
    app_version: str
    host: str

    @property
    def needs_attention(self) -> bool:
        """Something a receptionist should go and look at: a silent kiosk, a camera or printer problem."""
        return (self.status is not KioskStatus.ONLINE or self.camera is CameraHealth.UNAVAILABLE
                or self.printer in PRINTER_NEEDS_ATTENTION)


def _plain(text: str, max_len: int) -> str:
    """Device words as plain text: control characters dropped, cut to length (a heartbeat never fails on them)."""
    visible = "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") else " " for ch in text)
    return " ".join(visible.split())[:max_len]


def record_heartbeat(
    uow: UnitOfWork,
    *,
    kiosk_code: str,
    site_code: str,
    camera: CameraHealth,
    printer: PrinterHealth,
    detail: str = "",
    app_version: str = "",
    host: str = "",
    started_at: datetime | None = None,
) -> KioskHealth:
    """The kiosk is alive and its devices are as given; one transaction, committed here."""
    code = clean_text(kiosk_code, "kiosk_code", max_len=64, required=True)
    camera, printer = CameraHealth(camera), PrinterHealth(printer)
    site = get_site(uow, site_code)
    now = uow.now()
    row = uow.session.scalar(select(KioskHeartbeat).where(KioskHeartbeat.kiosk_code == code).with_for_update())
    if row is None:
        row = KioskHeartbeat(kiosk_code=code, site_id=site.id, started_at=started_at or now)
        uow.session.add(row)
    row.site_id = site.id
    row.last_seen_at = now
    if started_at is not None:
        row.started_at = started_at
    row.camera, row.printer = camera, printer
    row.detail = _plain(detail, DETAIL_MAX)
    row.app_version = _plain(app_version, 32)
    row.host = _plain(host, 200)
    uow.commit()
    return _health(row, site.code, now, STALE_AFTER, OFFLINE_AFTER)


def kiosk_health(
    uow: UnitOfWork,
    *,
    site_code: str,
    stale_after: timedelta = STALE_AFTER,
    offline_after: timedelta = OFFLINE_AFTER,
) -> list[KioskHealth]:
    """Every kiosk of the site that has ever sent a heartbeat, by code, with its derived status."""
    if not timedelta(0) < stale_after <= offline_after:
        raise ValueError("stale_after must be positive and at most offline_after")
    site = get_site(uow, site_code)
    now = uow.now()
    rows = uow.session.scalars(
        select(KioskHeartbeat).join(Site, Site.id == KioskHeartbeat.site_id)
        .where(Site.code == site.code).order_by(KioskHeartbeat.kiosk_code)
    )
    return [_health(row, site.code, now, stale_after, offline_after) for row in rows]


def _health(row: KioskHeartbeat, site_code: str, now: datetime, stale_after: timedelta,
            offline_after: timedelta) -> KioskHealth:
    silent_for = max(timedelta(0), now - row.last_seen_at)
    return KioskHealth(
        kiosk_code=row.kiosk_code, site_code=site_code,
        status=kiosk_status(silent_for, stale_after=stale_after, offline_after=offline_after),
        last_seen_at=row.last_seen_at, silent_for=silent_for, started_at=row.started_at,
        camera=CameraHealth(row.camera), printer=PrinterHealth(row.printer), detail=row.detail,
        app_version=row.app_version, host=row.host,
    )
