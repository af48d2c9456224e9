"""The machine's own state: the database and its schema, the key files, who may read the files, the free disk."""

from __future__ import annotations

import shutil
import stat

from kiosk.application.bootstrap import (
    DatabaseUnavailable,
    connect_database,
    database_problem,
    loose_files,
    schema_status,
)
from kiosk.application.doctor.findings import Finding, Status
from kiosk.application.key_files import KeyState, inspect_keys
from kiosk.config import Settings, data_dir
from kiosk.db.engine import sqlite_file

LOW_DISK_BYTES = 1_000_000_000
FULL_DISK_BYTES = 100_000_000


def check_database(settings: Settings) -> Finding:
    upgrade = "run 'kioskctl db upgrade'"
    path = sqlite_file(settings.database.url)
    if path is not None and not path.is_file():  # connecting would create an empty file
        return Finding(Status.FAIL, f"no database file at {path}", upgrade)
    try:
        database = connect_database(settings)
    except (DatabaseUnavailable, OSError) as exc:
        return Finding(Status.FAIL, f"cannot open the database: {exc}", "check [database] url")
    try:
        status = schema_status(database)
    except DatabaseUnavailable as exc:
        return Finding(Status.FAIL, f"{database_problem(exc)}",
                       "check [database] url, that the server runs and this account may use it")
    finally:
        database.dispose()
    if status.revision is None:
        return Finding(Status.FAIL, f"{status.url}: no schema yet (head is {status.head})", upgrade)
    if not status.up_to_date:
        return Finding(Status.FAIL, f"{status.url}: revision {status.revision}, head is {status.head}", upgrade)
    return Finding(Status.OK, f"{status.url}: revision {status.revision} (head)")


def check_keys(settings: Settings) -> Finding:
    """Both key files there and usable. A missing one is a failure even though the programs would make it:
    made now, it could not read what an earlier key wrote (a database restored without its keys)."""
    keys = inspect_keys(settings)
    missing = [key for key in keys if key.state is KeyState.MISSING]
    unusable = [key for key in keys if key.state is KeyState.UNUSABLE]
    if unusable:
        return Finding(Status.FAIL, "; ".join(key.problem for key in unusable),
                       "run doctor as the account the kiosk runs as; a damaged key: restore it from its backup")
    if missing:
        names = " and ".join(str(key.path) for key in missing)
        return Finding(Status.FAIL, f"no key file at {names}",
                       "restore it from its backup if this database already holds ID numbers; else run "
                       "'kioskctl keys init' as the account the kiosk runs as")
    return Finding(Status.OK, " and ".join(str(key.path) for key in keys))


def check_permissions(settings: Settings) -> Finding:
    loose = [(item.path, item.mode) for item in loose_files(settings)]
    folder = data_dir()
    try:
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077 and folder not in [path for path, _ in loose]:
            loose.insert(0, (folder, mode))
    except OSError:
        pass  # no data folder yet: nothing in it to leak
    if not loose:
        return Finding(Status.OK, "data folder 0700; database and keys 0600")
    detail = "; ".join(f"{path} is {mode:04o}" for path, mode in loose) + " (other accounts can read them)"
    fix = "; ".join(f"chmod {'700' if path.is_dir() else '600'} {path}" for path, _ in loose)
    return Finding(Status.FAIL, detail, fix)


def check_disk(settings: Settings) -> Finding:
    database = sqlite_file(settings.database.url)
    folder = database.parent if database is not None else data_dir()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    detail = f"{free / 1e9:.1f} GB free in {folder}"
    if free < FULL_DISK_BYTES:
        return Finding(Status.FAIL, detail, "free space now: check-ins will fail when the disk is full")
    if free < LOW_DISK_BYTES:
        return Finding(Status.WARN, detail, "free some space (old exports, logs) before it runs out")
    return Finding(Status.OK, detail)
