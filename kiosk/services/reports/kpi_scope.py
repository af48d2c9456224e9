"""What every KPI query shares: the site-local period as UTC instants, the SQL that differs between SQLite and
PostgreSQL (UTC hour buckets, seconds between two instants), and folding hour buckets into local days, hours
and weeks.

Figures are aggregated in SQL, never row by row in Python. Anything dated by an instant is grouped by its UTC
hour (a few thousand buckets over two years at most) and the buckets are folded here into the site's local
hours and days: right across daylight-saving changes for zones whose offsets are whole hours. Visits carry their
local day already (``visit_date``) and are grouped by it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import DateTime, Float, Integer, cast, extract, func
from sqlalchemy.sql.elements import ColumnElement

from kiosk.db.uow import UnitOfWork
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import FieldError, ValidationFailed

MAX_DAYS = 5 * 366  # a typo guard (2062 for 2026)
T = TypeVar("T")


@dataclass
class Scope:
    """One site's period of local days ``first``..``last`` (both included), read in one unit of work.

    Figures that come from the same query (visits per status, say) share it through ``once``."""

    uow: UnitOfWork
    site: SiteInfo
    first: date
    last: date
    opens: str = "08:00"  # [rooms] opening hours: the room use's denominator
    closes: str = "20:00"
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> datetime:
        return self.site.local_instant(self.first, time()).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first instant after the period (midnight after ``last``, local)."""
        return self.site.local_instant(self.last + timedelta(days=1), time()).astimezone(UTC)

    @property
    def now(self) -> datetime:
        return self.uow.now()

    @property
    def today(self) -> date:
        return self.site.local_date(self.uow.now())

    @property
    def dialect(self) -> str:
        return self.uow.dialect

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def once(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self.memo:
            self.memo[key] = compute()
        value: T = self.memo[key]
        return value


def scope(uow: UnitOfWork, site_code: str, first: date, last: date, *, opens: str = "08:00",
          closes: str = "20:00") -> Scope:
    if last < first:
        raise ValidationFailed([FieldError("to", "before_start", "the last day is before the first day")])
    if (last - first).days >= MAX_DAYS:
        raise ValidationFailed([FieldError("to", "too_long", "a report covers at most five years")])
    return Scope(uow, get_site(uow, site_code), first, last, opens, closes)


# -- SQL that differs by database -------------------------------------------------------------------------------

def hour_bucket(scope: Scope, column: Any) -> ColumnElement[Any]:
    """The UTC hour an instant falls in: 'YYYY-MM-DD HH' text on SQLite (stored as naive UTC text), a naive
    timestamp on PostgreSQL. ``bucket_instant`` reads either back."""
    if scope.dialect == "sqlite":
        return func.substr(column, 1, 13)
    return func.date_trunc("hour", column, type_=DateTime())


def bucket_instant(value: str | datetime) -> datetime:
    if isinstance(value, str):
        return datetime.strptime(value, "%Y-%m-%d %H").replace(tzinfo=UTC)
    return value.replace(tzinfo=UTC)


def seconds_between(scope: Scope, earlier: Any, later: Any) -> ColumnElement[float]:
    """``later - earlier`` in seconds, in SQL."""
    if scope.dialect == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return extract("epoch", later - earlier).cast(Float)


def epoch_seconds(scope: Scope, column: Any) -> ColumnElement[float]:
    """Seconds since 1970-01-01 UTC of a stored (naive UTC) instant."""
    if scope.dialect == "sqlite":
        return (func.julianday(column) - 2440587.5) * 86400.0
    return extract("epoch", column).cast(Float)


def greatest(scope: Scope, a: Any, b: Any) -> ColumnElement[float]:
    return func.max(a, b) if scope.dialect == "sqlite" else func.greatest(a, b)


def least(scope: Scope, a: Any, b: Any) -> ColumnElement[float]:
    return func.min(a, b) if scope.dialect == "sqlite" else func.least(a, b)


def whole(scope: Scope, value: Any) -> ColumnElement[int]:
    """The whole part of a positive number (SQLite: a cast truncates; PostgreSQL: floor)."""
    if scope.dialect == "sqlite":
        return cast(value, Integer)
    return cast(func.floor(value), Integer)


def to_int(value: Any) -> int:
    """A SUM over no rows is NULL, and PostgreSQL's SUM of integers is a Decimal."""
    return int(value or 0)


# -- folding into the site's calendar ---------------------------------------------------------------------------

def local_hour(scope: Scope, bucket: str | datetime) -> int:
    return bucket_instant(bucket).astimezone(scope.site.zone).hour


def local_day(scope: Scope, bucket: str | datetime) -> date:
    return bucket_instant(bucket).astimezone(scope.site.zone).date()


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weeks(days: Iterable[date]) -> list[str]:
    """The ISO weeks the days fall in, in order, each once."""
    seen: list[str] = []
    for day in days:
        label = week_label(day)
        if not seen or seen[-1] != label:
            seen.append(label)
    return seen
