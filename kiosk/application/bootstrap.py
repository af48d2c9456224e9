"""Start-up shared by ``kioskctl`` and the Qt apps: one place that turns settings into a ready database.

``open_database`` leaves the schema at head and the configured site and kiosk
rows in place, so nothing later has to ask "has this been set up yet?".
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from kiosk.application.secrets import SecretUnusable, link_secret_path, load_data_key
from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.db import Database, UnitOfWork
from kiosk.db.engine import sqlite_file
from kiosk.db.migrate import current_revision, head_revision, is_up_to_date, upgrade
from kiosk.services import token_vault
from kiosk.services.directory.sites import ensure_kiosk, ensure_site
from kiosk.services.idnumbers import IdNumberProtector

# Front ends name these handles without reaching into kiosk.db themselves.
__all__ = [
    "Database",
    "DatabaseUnavailable",
    "LooseFile",
    "SchemaStatus",
    "SecretUnusable",
    "UnitOfWork",
    "connect_database",
    "database_problem",
    "load_protector",
    "loose_files",
    "open_database",
    "open_read_only",
    "read_only_copy",
    "schema_status",
    "use_keys_of",
]

BOOTSTRAP_ACTOR = "system:bootstrap"
# The database could not be reached, or refused the request (locked, disk full, server gone), or the
# file is not a database at all.
DatabaseUnavailable = DatabaseError


def database_problem(exc: DatabaseError) -> str:
    """The driver's own first line, which names the cause ("unable to open database file")."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)


@dataclass(frozen=True)
class SchemaStatus:
    url: str  # password hidden
    revision: str | None  # None: no schema yet
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head


def schema_status(database: Database) -> SchemaStatus:
    engine = database.engine
    return SchemaStatus(engine.url.render_as_string(hide_password=True), current_revision(engine),
                        head_revision(engine) or "")


def connect_database(settings: Settings, *, clock: Clock | None = None) -> Database:
    """The configured database as it is: no migration, no rows written (for read-only checks)."""
    use_keys_of(settings)
    return Database.from_url(settings.database.url, clock=clock, busy_timeout_ms=settings.database.busy_timeout_ms)


def read_only_copy(settings: Settings) -> bool:
    """The configured database is a SQLite file this account may read but not write (a read-only data
    folder, or another account's file): reading commands can still use it, through ``open_read_only``."""
    path = sqlite_file(settings.database.url)
    if path is None or not path.is_file() or not os.access(path, os.R_OK):
        return False
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def open_read_only(settings: Settings, *, clock: Clock | None = None) -> Database:
    """The SQLite file, opened only to read (no migration, no rows written; a write fails as "read-only").

    DatabaseUnavailable when the schema is not at head: it cannot be upgraded, and older tables may not
    answer today's queries."""
    path = sqlite_file(settings.database.url)
    assert path is not None
    use_keys_of(settings)
    database = Database.from_url(settings.database.url, clock=clock, read_only=True,
                                 busy_timeout_ms=settings.database.busy_timeout_ms)
    try:
        if not is_up_to_date(database.engine):
            raise DatabaseUnavailable("schema", None, Exception(
                f"{path} can only be read, and its schema needs upgrading; run 'kioskctl db upgrade' "
                "as the account that owns it"))
    except BaseException:
        database.dispose()
        raise
    return database


def open_database(settings: Settings, *, clock: Clock | None = None) -> Database:
    """The configured database, migrated to head, with the configured site and kiosk registered."""
    database = connect_database(settings, clock=clock)
    try:
        # Checking first keeps every start (and every kioskctl call) from re-running Alembic's machinery.
        if not is_up_to_date(database.engine):
            upgrade(database.engine)
        with database.unit_of_work(actor=BOOTSTRAP_ACTOR) as uow:
            site = ensure_site(uow, settings.site.code, settings.site.name, settings.site.timezone)
            ensure_kiosk(uow, settings.kiosk.id, site)
            uow.commit()
    except BaseException:
        database.dispose()
        raise
    return database


@dataclass(frozen=True)
class LooseFile:
    path: Path
    mode: int  # permission bits

    def advice(self) -> str:
        fix = "chmod 700" if self.path.is_dir() else "chmod 600"
        return f"{self.path} can be read by other accounts (mode {self.mode:04o}); {fix} it"


def loose_files(settings: Settings) -> list[LooseFile]:
    """The database's and keys' files and folders that other accounts may read or enter: made by an older
    version, or by hand. New ones are private (umask 077); existing ones are reported, never changed on
    our own (a folder may be shared with a group on purpose)."""
    candidates: list[Path] = []
    database = sqlite_file(settings.database.url)
    if database is not None:
        candidates += [database.parent, database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]
    candidates += [settings.keys_path, settings.data_key_path, link_secret_path(settings)]
    found: list[LooseFile] = []
    for path in dict.fromkeys(candidates):  # in order, once each
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue
        if mode & 0o077:
            found.append(LooseFile(path, mode))
    return found


def use_keys_of(settings: Settings) -> None:
    """Codes waiting in outbox rows and badge jobs are sealed with this process's data key (read when
    first needed: a command that seals nothing works even where the key cannot be read)."""
    token_vault.use_data_key(lambda: load_data_key(settings))


def load_protector(settings: Settings) -> IdNumberProtector:
    """The key that encrypts ID numbers at rest; created (mode 0600, in a 0700 folder) on first use.

    SecretUnusable (one line) when the keys folder cannot be written or the key file is not a key.
    """
    return IdNumberProtector(load_data_key(settings))
