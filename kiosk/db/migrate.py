"""Schema migrations, run from code (``kioskctl db upgrade`` and start-up), never by hand-written DDL.

Every start asks whether the schema is at head (``is_up_to_date``): that question is answered from the
``alembic_version`` table and the revision lines of the migration files, without importing Alembic,
which costs a kiosk ~0.1-0.5 s of start-up; Alembic is loaded only to migrate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from kiosk.db.engine import WRITE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

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
    from alembic import command

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
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as connection, _foreign_keys_off_on_sqlite(connection), connection.begin():
        config.attributes["connection"] = connection
        high_water = _sqlite_sequences(connection)
        command.downgrade(config, revision)
        _restore_sqlite_sequences(connection, high_water)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: not migrated at all)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the database is at several revisions at once ({', '.join(rows)})")
    return rows[0] if rows else None


def head_revision(engine: Engine | None = None) -> str | None:
    """The newest revision among the migration files: the one no other revision follows."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        values = {name: value.strip("'\"") for name, value in _REVISION_LINE.findall(path.read_text("utf-8"))}
        if "revision" in values:
            revisions.add(values["revision"])
            if values.get("down_revision", "None") != "None":
                followed.add(values["down_revision"])
    heads = revisions - followed
    if len(heads) > 1:
        raise RuntimeError(f"the migrations have several heads ({', '.join(sorted(heads))})")
    return next(iter(heads), None)


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
