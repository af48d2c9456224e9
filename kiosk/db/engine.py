"""Engines for SQLite (one kiosk) and PostgreSQL (several kiosks and admin desks).

SQLite: WAL so readers never block the writer, ``synchronous=NORMAL`` (durable
across application crashes, fast), a busy timeout, foreign keys on, and
``BEGIN IMMEDIATE`` for every write transaction, so two writers queue on the
busy timeout instead of one failing with "database is locked" when it upgrades
a read lock.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from kiosk.clock import Clock, SystemClock
from kiosk.config import private_dir, private_file

if TYPE_CHECKING:
    from kiosk.db.uow import UnitOfWork

WRITE_OPTION = "kiosk_write"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None: another database, or SQLite in memory or given as a URI)."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or parsed.query.get("uri"):
        return None
    return Path(database).expanduser()


def _read_only_uri(path: Path) -> str:
    """A SQLite URI that only reads ``path``. When its folder cannot be written either, SQLite could not
    make the -shm file readers of a WAL database need: ``immutable`` reads the file as it stands."""
    query = "mode=ro"
    if not os.access(path.parent, os.W_OK):
        query += "&immutable=1"
    return f"file:{quote(str(path.resolve()))}?{query}"


def make_engine(url: str, *, busy_timeout_ms: int = 10_000, echo: bool = False, read_only: bool = False) -> Engine:
    """``read_only``: a SQLite file opened only to read (writes fail: "attempt to write a readonly database")."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True, future=True)

    database = parsed.database or ""
    in_memory = database in ("", ":memory:")
    read_only = read_only and not in_memory
    if not in_memory and not parsed.query.get("uri") and not read_only:
        # The folder 0700 and the file 0600 before SQLite makes it: SQLite gives -wal and -shm the
        # database file's mode, so photos, signatures and ID numbers are never readable by others.
        path = Path(database).expanduser()
        if not path.exists():
            private_file(private_dir(path.parent) / path.name)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": busy_timeout_ms / 1000, "check_same_thread": False}}
    if in_memory:
        kwargs["poolclass"] = StaticPool
    if read_only:
        uri = _read_only_uri(Path(database).expanduser())
        kwargs["creator"] = lambda: sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000,
                                                    check_same_thread=False)
    engine = create_engine(url, echo=echo, **kwargs)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); the driver must not.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory and not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """One database: the engine, a write-flavoured view of it, and the clock services read time from."""

    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self.engine = engine
        self.write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self.clock: Clock = clock or SystemClock()

    @classmethod
    def from_url(cls, url: str, *, clock: Clock | None = None, busy_timeout_ms: int = 10_000,
                 read_only: bool = False) -> Database:
        return cls(make_engine(url, busy_timeout_ms=busy_timeout_ms, read_only=read_only), clock)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def unit_of_work(self, actor: str = "system", *, write: bool = True) -> UnitOfWork:
        from kiosk.db.uow import UnitOfWork

        return UnitOfWork(self, actor=actor, write=write)

    def dispose(self) -> None:
        self.engine.dispose()

