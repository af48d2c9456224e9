"""Sites and their local calendar: "today" is today in the site's timezone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Kiosk, Site
from kiosk.services.errors import NotFound


@dataclass(frozen=True)
class SiteInfo:
    id: int
    code: str
    name: str
    timezone: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_date(self, instant: datetime) -> date:
        return instant.astimezone(self.zone).date()

    def local_instant(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.zone)


def _info(site: Site) -> SiteInfo:
    return SiteInfo(id=site.id, code=site.code, name=site.name, timezone=site.timezone)


def get_site(uow: UnitOfWork, code: str) -> SiteInfo:
    site = uow.session.scalar(select(Site).where(Site.code == code))
    if site is None:
        raise NotFound(f"no site with code {code!r}; run 'kioskctl db upgrade' to create it")
    return _info(site)


def ensure_site(uow: UnitOfWork, code: str, name: str, timezone: str) -> SiteInfo:
    """Create the configured site, or bring its name and timezone in line with the config."""
    site = uow.session.scalar(select(Site).where(Site.code == code))
    if site is None:
        site = Site(code=code, name=name, timezone=timezone)
        uow.session.add(site)
    else:
        site.name, site.timezone = name, timezone
    uow.session.flush()
    return _info(site)


def ensure_kiosk(uow: UnitOfWork, code: str, site: SiteInfo, name: str = "") -> None:
    kiosk = uow.session.scalar(select(Kiosk).where(Kiosk.code == code))
    if kiosk is None:
        uow.session.add(Kiosk(code=code, site_id=site.id, name=name or code, last_seen_at=uow.now()))
    else:
        kiosk.site_id = site.id
        kiosk.last_seen_at = uow.now()
