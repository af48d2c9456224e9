"""Which areas a write transaction changed, recorded in that transaction, and the dedicated
connections that find out what other connections committed.

Writing (called by ``UnitOfWork.commit`` just before COMMIT, when the transaction changed rows):

* every database: the changed areas' rows of ``data_changes`` get ``version + 1`` (inserted at 1 the
  first time), in area order, so two writers bumping the same areas lock them in the same order;
* PostgreSQL also: ``pg_notify('kiosk_changes', 'audit,visits')``, delivered to listeners at COMMIT
  (never for a transaction that rolls back).

Reading: SQLite's ``PRAGMA data_version`` tells a connection that *another* connection committed,
but not what; the ``data_changes`` versions say what. PostgreSQL listeners get the areas in the
notification and, after a reconnect, compare versions to learn what they missed.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL, make_url

from kiosk.domain.changes import ALL_AREAS, Area, format_areas, parse_areas

log = logging.getLogger(__name__)

CHANNEL = "kiosk_changes"
# What the listening connection calls itself in pg_stat_activity.
LISTENER_APPLICATION_NAME = "kiosk-change-watcher"

# Every table, and the area a desk view follows it by. ``None``: not followed (the bookkeeping itself).
# tests/db/test_change_areas.py fails for a table missing here, so a new table cannot be forgotten.
TABLE_AREAS: Mapping[str, Area | None] = {
    "visitors": Area.VISITS,
    "visits": Area.VISITS,
    "access_tokens": Area.VISITS,
    "badge_print_jobs": Area.VISITS,
    "feedback": Area.VISITS,
    "visit_photos": Area.VISITS,
    "agreement_signatures": Area.VISITS,
    "notifications": Area.NOTIFICATIONS,
    "used_links": Area.NOTIFICATIONS,
    "hosts": Area.DIRECTORY,
    "departments": Area.DIRECTORY,
    "sites": Area.DIRECTORY,
    "agreements": Area.DIRECTORY,
    "staff_users": Area.STAFF,
    "deny_list": Area.STAFF,
    "audit_events": Area.AUDIT,
    "kiosks": Area.KIOSKS,
    "kiosk_heartbeats": Area.KIOSKS,
    "kiosk_pin_locks": None,  # the kiosk's own maintenance pad; no desk view shows it
    "front_desk_notices": Area.NOTICES,
    "data_changes": None,
    "host_sign_in_links": None,  # the web pages' own; no desk view shows them
    "host_web_sessions": None,
    "rate_limit_hits": None,
    "parcels": Area.PARCELS,
    "parcel_photos": Area.PARCELS,
    "parcel_signatures": Area.PARCELS,
    "label_print_jobs": Area.PARCELS,
    "outgoing_mail": Area.PARCELS,
    "carriers": Area.PARCELS,
    "supply_items": Area.SUPPLIES,
    "stock_movements": Area.SUPPLIES,
    "requisitions": Area.SUPPLIES,
    "requisition_lines": Area.SUPPLIES,
    "supply_issues": Area.SUPPLIES,
    "purchase_requests": Area.SUPPLIES,
    "purchase_lines": Area.SUPPLIES,
    "stocktakes": Area.SUPPLIES,
    "stocktake_lines": Area.SUPPLIES,
    "rooms": Area.ROOMS,
    "bookings": Area.ROOMS,
    "booking_attendees": Area.ROOMS,
    "booking_checklist_items": Area.ROOMS,
    "room_damage_reports": Area.ROOMS,
    "phone_messages": Area.RECORDS,
    "complaints": Area.RECORDS,
    "complaint_notes": Area.RECORDS,
    "routine_templates": Area.RECORDS,
    "routine_checks": Area.RECORDS,
    "routine_problems": Area.RECORDS,
    "monthly_reports": Area.RECORDS,
}

_unmapped_warned: set[str] = set()


def areas_of_tables(tables: Iterable[str]) -> frozenset[Area]:
    """The areas the named tables belong to. A table missing from ``TABLE_AREAS`` counts as every
    area (a desk refetching too much is better than one showing stale rows), with one warning."""
    areas: set[Area] = set()
    for table in tables:
        if table not in TABLE_AREAS:
            if table not in _unmapped_warned:
                _unmapped_warned.add(table)
                log.warning("table %r has no area in kiosk/db/changes.py: its changes count as every area", table)
            return ALL_AREAS
        area = TABLE_AREAS[table]
        if area is not None:
            areas.add(area)
    return frozenset(areas)


def record_changes(connection: Connection, areas: frozenset[Area]) -> None:
    """In the writing transaction, just before COMMIT: bump the areas' versions; on PostgreSQL, notify."""
    if not areas:
        return
    ordered = sorted(area.value for area in areas)
    rows = ", ".join(f"(:a{i}, 1)" for i in range(len(ordered)))
    connection.execute(
        text(f"INSERT INTO data_changes (area, version) VALUES {rows} "
             "ON CONFLICT (area) DO UPDATE SET version = data_changes.version + 1"),
        {f"a{i}": area for i, area in enumerate(ordered)},
    )
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_notify(:channel, :areas)"),
                           {"channel": CHANNEL, "areas": format_areas(areas)})


Versions = dict[Area, int]


def _versions(rows: Iterable[tuple[Any, Any]]) -> Versions:
    known = {area.value: area for area in Area}
    return {known[str(name)]: int(version) for name, version in rows if str(name) in known}


def read_versions(connection: Connection) -> Versions:
    """Every area's version (an area never written is absent, i.e. 0)."""
    return _versions(connection.execute(text("SELECT area, version FROM data_changes")).all())


def moved_areas(before: Versions, after: Versions) -> frozenset[Area]:
    """The areas whose version differs (a version that went back, e.g. after a restore, counts too)."""
    return frozenset(area for area in Area if before.get(area, 0) != after.get(area, 0))


# -- SQLite: PRAGMA data_version on a connection of its own ------------------------------------------------------


def sqlite_path(url: str | URL) -> Path | None:
    """The database file of a SQLite URL; None for an in-memory database (nothing else can see it)."""
    database = make_url(url).database or ""
    return None if database in ("", ":memory:") else Path(database).expanduser()


class SqliteProbe:
    """A read-only connection of its own, outside the engine's pool: ``PRAGMA data_version`` changes
    only for commits made by *other* connections, so the pool's (this process's writes) count too."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = 10_000) -> None:
        self._path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._conn: sqlite3.Connection | None = None

    def open(self) -> None:
        # mode=rw: a database that is not there is an error, not a new empty file.
        uri = f"file:{quote(str(self._path.resolve()))}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=self._busy_timeout_ms / 1000, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only=1")
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("SqliteProbe used before open()")
        return self._conn

    def data_version(self) -> int:
        row = self._connection().execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def versions(self) -> Versions:
        return _versions(self._connection().execute("SELECT area, version FROM data_changes").fetchall())

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


# -- PostgreSQL: LISTEN on an autocommit connection of its own ---------------------------------------------------


def psycopg_params(url: str | URL) -> dict[str, Any]:
    """libpq connection parameters for a SQLAlchemy PostgreSQL URL, whichever driver it names."""
    parsed = make_url(url).set(drivername="postgresql+psycopg")
    dialect: Any = parsed.get_dialect()()
    _args, given = dialect.create_connect_args(parsed)
    params: dict[str, Any] = {key: value for key, value in given.items() if key != "context"}
    # A server that went away must be noticed (keepalives) and a reconnect must not hang for long.
    params.setdefault("connect_timeout", 3)
    params.setdefault("keepalives", 1)
    params.setdefault("keepalives_idle", 10)
    params.setdefault("keepalives_interval", 3)
    params.setdefault("keepalives_count", 3)
    params["application_name"] = LISTENER_APPLICATION_NAME
    return params


class PostgresListener:
    """``LISTEN kiosk_changes`` on an autocommit psycopg connection outside the engine's pool."""

    def __init__(self, url: str | URL) -> None:
        self._params = psycopg_params(url)
        self._conn: Any = None  # psycopg.Connection; psycopg is imported on open (an optional dependency)

    def open(self) -> None:
        import psycopg

        conn = psycopg.connect(autocommit=True, **self._params)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def _connection(self) -> Any:
        if self._conn is None:
            raise RuntimeError("PostgresListener used before open()")
        return self._conn

    @property
    def backend_pid(self) -> int:
        return int(self._connection().info.backend_pid)

    def versions(self) -> Versions:
        """Read on the listening connection, after LISTEN: nothing committed later can be missed."""
        return _versions(self._connection().execute("SELECT area, version FROM data_changes").fetchall())

    def wait(self, timeout: float) -> frozenset[Area] | None:
        """The areas of the notifications that arrive within ``timeout`` s (those already waiting at
        once); None when none came. Raises psycopg.OperationalError when the connection is gone."""
        conn = self._connection()
        areas: set[Area] = set()
        got = False
        for notify in conn.notifies(timeout=timeout, stop_after=1):
            got = True
            areas |= parse_areas(notify.payload)
        if got:  # drain what came in the same breath
            for notify in conn.notifies(timeout=0):
                areas |= parse_areas(notify.payload)
        return frozenset(areas) if got else None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # closing a connection the server already dropped
                log.debug("closing the listening connection failed", exc_info=True)


__all__ = [
    "CHANNEL", "LISTENER_APPLICATION_NAME", "TABLE_AREAS", "PostgresListener", "SqliteProbe", "Versions",
    "areas_of_tables", "moved_areas", "psycopg_params", "read_versions", "record_changes",
    "sqlite_path",
]
