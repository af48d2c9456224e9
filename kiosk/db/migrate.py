"""Schema migrations, run from code (``kioskctl db upgrade`` and start-up), never by hand-written DDL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from kiosk.db.engine import WRITE_OPTION

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


# Any constant: every process migrating one PostgreSQL database takes the same advisory lock.
_MIGRATION_LOCK = 0x6B696F736B


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate, one process at a time: kiosks and admin desks starting together must not race.

    PostgreSQL: a transaction-scoped advisory lock; SQLite: ``BEGIN IMMEDIATE`` (the write lock).
    The second process then finds the schema at head and does nothing.
    """
    config = alembic_config(engine)
    with (
        engine.connect() as connection,
        _foreign_keys_off_on_sqlite(connection),
        connection.execution_options(**{WRITE_OPTION: True}).begin(),
    ):
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        high_water = _sqlite_sequences(connection)
        command.upgrade(config, revision)
        _restore_sqlite_sequences(connection, high_water)
        _check_foreign_keys(connection)


@contextmanager
def _foreign_keys_off_on_sqlite(connection: Connection) -> Iterator[None]:
    """SQLite rebuilds a table (a batch migration) by dropping the old copy: with foreign keys on, that
    drop deletes, or refuses for, the rows that point at it. The pragma only works outside a
    transaction, so it is set on the driver's connection before ours begins, and set back after."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def _sqlite_sequences(connection: Connection) -> dict[str, int]:
    """SQLite's AUTOINCREMENT high-water marks (an empty dict before any table has one)."""
    if connection.dialect.name != "sqlite":
        return {}
    if not connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first():
        return {}
    return {name: seq for name, seq in connection.exec_driver_sql("SELECT name, seq FROM sqlite_sequence")}


def _restore_sqlite_sequences(connection: Connection, before: dict[str, int]) -> None:
    """A batch migration rebuilds a table by copying its rows into a new one: the copy's high-water mark is
    only its largest id, so the ids of rows deleted before the rebuild would be handed out again. Put
    back any mark a rebuild lowered (ids never reused, migration 0009)."""
    after = _sqlite_sequences(connection)
    for name, seq in before.items():
        if name in after and after[name] < seq:
            connection.exec_driver_sql("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", (seq, name))
        elif name not in after and connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).first():
            connection.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, seq))


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        if broken:
            raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config(engine)
    with engine.connect() as connection, _foreign_keys_off_on_sqlite(connection), connection.begin():
        config.attributes["connection"] = connection
        high_water = _sqlite_sequences(connection)
        command.downgrade(config, revision)
        _restore_sqlite_sequences(connection, high_water)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)
