"""Backups and restores of the configured database (``kioskctl backup|restore``, the nightly job, the backup
``db upgrade`` takes first).

SQLite: the online backup API, copied in steps inside one read transaction of the source, so the copy is the
database as it was at one instant while kiosks go on writing (WAL lets them). PostgreSQL: ``pg_dump
--format=custom`` and ``pg_restore``, the URL's credentials passed in their environment, never on the command
line. Progress goes to a plain ``(done, total)`` callback; no UI here.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.config import PRIVATE_FILE_MODE, Settings
from kiosk.db import migrate
from kiosk.db.engine import sqlite_file
from kiosk.db.migrate import MIGRATIONS

Progress = Callable[[int, int], None]  # (done, total), in pages for SQLite
PAGES_PER_STEP = 4096
SCHEMA_RESET = b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n"  # before a PostgreSQL restore


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why in one line."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes
    seconds: float
    revision: str | None  # the schema revision inside the backup


@dataclass(frozen=True)
class RestoreResult:
    revision: str | None
    kept: Path | None  # where the database it replaced was kept
    integrity: str  # "ok", or SQLite's first complaint


def head_revision() -> str:
    return migrate.head_revision() or ""


def known_revisions() -> set[str]:
    # Alembic loaded here, not at import: the kiosk imports this module for its nightly backup.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def backup(settings: Settings, target: Path, progress: Progress | None = None) -> BackupResult:
    started = time.perf_counter()
    target = target.expanduser()
    if not target.resolve().parent.is_dir():
        raise BackupError(f"cannot write {target}: folder {target.resolve().parent} does not exist")
    source = sqlite_file(settings.database.url)
    if source is not None:
        revision = _sqlite_backup(source, target, progress)
    elif settings.database.url.startswith("postgresql"):
        _pg_dump(settings.database.url, target)
        revision = None
    else:
        raise BackupError("only a SQLite file or a PostgreSQL database can be backed up")
    return BackupResult(target, target.stat().st_size, time.perf_counter() - started, revision)


def _partial_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial-{os.getpid()}")


def _sqlite_backup(source: Path, target: Path, progress: Progress | None) -> str | None:
    if not source.is_file():
        raise BackupError(f"{source}: no such database file")
    partial = _partial_name(target)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE))
    try:
        reader = sqlite3.connect(source, isolation_level=None)
        try:
            # One read transaction for every step: the copy is one instant of the database, and writers
            # elsewhere do not make the backup start over (WAL keeps that instant for us).
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
            copy = sqlite3.connect(partial)
            try:
                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)
                reader.backup(copy, pages=PAGES_PER_STEP, progress=step, sleep=0)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                copy.close()
            reader.execute("COMMIT")
        finally:
            reader.close()
        revision = sqlite_revision(partial)
        os.replace(partial, target)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{source}: {exc}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return revision


def sqlite_revision(path: Path) -> str | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no schema at all
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def restore(settings: Settings, backup_file: Path, progress: Progress | None = None) -> RestoreResult:
    backup_file = backup_file.expanduser()
    if not backup_file.is_file():
        raise BackupError(f"{backup_file}: no such file")
    target = sqlite_file(settings.database.url)
    if target is not None:
        return _sqlite_restore(backup_file, target, progress)
    if settings.database.url.startswith("postgresql"):
        return _pg_restore(settings.database.url, backup_file)
    raise BackupError("only a SQLite file or a PostgreSQL database can be restored")


def refuse_newer(revision: str | None, backup_file: Path) -> None:
    if revision is not None and revision not in known_revisions():
        raise BackupError(f"{backup_file} has schema revision {revision}, newer than this program's "
                          f"{head_revision()}; restore it with the version that made it")


def _sqlite_restore(backup_file: Path, target: Path, progress: Progress | None) -> RestoreResult:
    try:
        revision = sqlite_revision(backup_file)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{backup_file} is not a SQLite backup: {exc}") from None
    refuse_newer(revision, backup_file)
    incoming = _partial_name(target)
    _sqlite_backup(backup_file, incoming, progress)  # a private copy beside the target, then one rename
    kept = None
    if target.exists():
        _checkpoint(target)
        kept = target.with_name(f"{target.name}.{datetime.now().strftime('%Y%m%d-%H%M%S')}")
        os.replace(target, kept)
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, target)
    return RestoreResult(revision, kept, integrity_check(target))


def _checkpoint(path: Path) -> None:
    """Everything in the -wal file into the database file, so the kept copy is whole on its own."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def integrity_check(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


# PostgreSQL ---------------------------------------------------------------------------------------------------

def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (or not on PATH); install postgresql-client and try again")
    return found


def _pg_environment(url: str) -> dict[str, str]:
    """The connection as libpq variables: a password in argv would show in ps to every account."""
    parsed = make_url(url)
    env = dict(os.environ)
    for name, value in (("PGHOST", parsed.host), ("PGPORT", parsed.port), ("PGUSER", parsed.username),
                        ("PGPASSWORD", parsed.password), ("PGDATABASE", parsed.database)):
        if value is not None:
            env[name] = str(value)
    return env


def _run(argv: list[str], url: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, env=_pg_environment(url), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = (done.stderr.strip() or f"exit status {done.returncode}").splitlines()
        raise BackupError(f"{Path(argv[0]).name} failed: {lines[0]}")
    return done


def _pg_dump(url: str, target: Path) -> None:
    partial = _partial_name(target)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE))
    try:
        _run([pg_tool("pg_dump"), "--format=custom", "--file", str(partial)], url)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def pg_dump_revision(url: str, backup_file: Path) -> str | None:
    """The alembic revision inside a custom-format dump, read without restoring anything."""
    done = _run([pg_tool("pg_restore"), "--data-only", "--table=alembic_version", "--file=-", str(backup_file)],
                url)
    lines = done.stdout.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and index + 1 < len(lines):
            value = lines[index + 1].strip()
            return None if value == "\\." else value
    return None


def _pg_restore(url: str, backup_file: Path) -> RestoreResult:
    revision = pg_dump_revision(url, backup_file)
    refuse_newer(revision, backup_file)
    kept = backup_file.with_name(f"before-restore-{datetime.now().strftime('%Y%m%d-%H%M%S')}.dump")
    _pg_dump(url, kept)
    _replace_schema(url, backup_file)
    return RestoreResult(revision, kept, "ok")


def _replace_schema(url: str, backup_file: Path) -> None:
    """The public schema dropped and the backup's made in its place, in one transaction: tables a newer
    migration added do not survive (the next upgrade would trip over them), and a failure changes nothing."""
    env = _pg_environment(url) | {"PGOPTIONS": "-c client_min_messages=warning"}
    with tempfile.TemporaryFile() as restore_errors:
        with (subprocess.Popen([pg_tool("pg_restore"), "--no-owner", "--file=-", str(backup_file)], env=env,
                               stdout=subprocess.PIPE, stderr=restore_errors) as reader,
              subprocess.Popen([pg_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction",
                                "--set=ON_ERROR_STOP=1", "--file=-"], env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, bufsize=0) as writer):
            assert reader.stdout is not None and writer.stdin is not None and writer.stderr is not None
            try:
                writer.stdin.write(SCHEMA_RESET)
                shutil.copyfileobj(reader.stdout, writer.stdin)
                if reader.wait() != 0:
                    writer.kill()  # psql would commit what it got at the end of its input: it must not
                else:
                    writer.stdin.close()
            except BrokenPipeError:  # psql stopped at an error: its message says which
                pass
            psql_errors = writer.stderr.read().decode(errors="replace")
        restore_errors.seek(0)
        problem = restore_errors.read().decode(errors="replace") if reader.returncode else ""
    if writer.returncode != 0 or problem:
        lines = (problem or psql_errors).strip().splitlines() or ["no reason given"]
        first = next((line for line in lines if "ERROR" in line or "error:" in line), lines[0])
        raise BackupError(f"restoring {backup_file} failed, the database is unchanged: {first}")


def backup_before_upgrade(settings: Settings, progress: Progress | None = None) -> BackupResult | None:
    """A SQLite database behind head is copied beside itself, named with its revision, before migrating (None:
    nothing to upgrade, a new file, or PostgreSQL, whose operators use ``kioskctl backup``)."""
    source = sqlite_file(settings.database.url)
    if source is None or not source.is_file():
        return None
    try:
        revision = sqlite_revision(source)
    except sqlite3.DatabaseError:
        return None  # not a database: opening it says so in its own words
    if revision is None or revision == head_revision():
        return None
    return backup(settings, source.with_name(f"{source.name}.before-upgrade-from-{revision}"), progress)
