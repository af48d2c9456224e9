"""Engines for SQLite (one kiosk) and PostgreSQL (several kiosks and admin desks).

SQLite: WAL so readers never block the writer, ``synchronous=NORMAL`` (durable
across application crashes, fast), a busy timeout, foreign keys on, and
``BEGIN IMMEDIATE`` for every write transaction, so two writers queue on the
busy timeout instead of one failing with "database is locked" when it upgrades
a read lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from kiosk.clock import Clock, SystemClock

if TYPE_CHECKING:
    from kiosk.db.uow import UnitOfWork

WRITE_OPTION = "kiosk_write"


def make_engine(url: str, *, busy_timeout_ms: int = 10_000, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True, future=True)

    database = parsed.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": busy_timeout_ms / 1000, "check_same_thread": False}}
    if in_memory:
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, echo=echo, **kwargs)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); the driver must not.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
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
    def from_url(cls, url: str, *, clock: Clock | None = None, busy_timeout_ms: int = 10_000) -> Database:
        return cls(make_engine(url, busy_timeout_ms=busy_timeout_ms), clock)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def unit_of_work(self, actor: str = "system", *, write: bool = True) -> UnitOfWork:
        from kiosk.db.uow import UnitOfWork

        return UnitOfWork(self, actor=actor, write=write)

    def dispose(self) -> None:
        self.engine.dispose()

