"""The nightly backup, run by housekeeping: once a day after ``[backup] time`` (site-local), one file named
with the date in ``[backup] directory``, the oldest beyond ``[backup] keep`` removed.

Idempotent: on SQLite the day's file name is the mark (a second pass finds it); on PostgreSQL, where several
kiosks share the database, an advisory lock and a mark in the audit log let one of them make it."""

from __future__ import annotations

import enum
import logging
from datetime import date, time
from pathlib import Path

from kiosk.application.backups import BackupError, backup
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services import backup_marks
from kiosk.services.directory.sites import get_site

log = logging.getLogger(__name__)
PREFIX = "kiosk-backup-"


class NightlyOutcome(enum.Enum):
    OFF = "off"  # no [backup] directory
    NOT_YET = "not_yet"  # before [backup] time today
    MADE = "made"
    ALREADY_MADE = "already_made"
    FAILED = "failed"  # logged; tried again on the next pass


def backup_name(settings: Settings, day: date) -> str:
    suffix = ".sqlite" if settings.database.url.startswith("sqlite") else ".dump"
    return f"{PREFIX}{day.isoformat()}{suffix}"


def run_nightly(database: Database, settings: Settings, actor: str) -> NightlyOutcome:
    config = settings.backup
    if not config.directory:
        return NightlyOutcome.OFF
    with database.unit_of_work(actor, write=False) as uow:
        site = get_site(uow, settings.site.code)
        now = uow.now()
        today = site.local_date(now)
        if now < site.local_instant(today, time.fromisoformat(config.time)):
            return NightlyOutcome.NOT_YET
    folder = Path(config.directory).expanduser()
    target = folder / backup_name(settings, today)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if database.dialect == "postgresql":
            outcome = _shared(database, settings, actor, today, target)
        elif target.exists():
            outcome = NightlyOutcome.ALREADY_MADE
        else:
            made = backup(settings, target)
            log.info("nightly backup %s: %d bytes in %.1f s", target, made.size, made.seconds)
            outcome = NightlyOutcome.MADE
    except (BackupError, OSError) as exc:
        log.error("nightly backup into %s failed: %s", target, exc)
        return NightlyOutcome.FAILED
    remove_beyond(folder, config.keep)
    return outcome


def _shared(database: Database, settings: Settings, actor: str, today: date, target: Path) -> NightlyOutcome:
    with database.unit_of_work(actor) as uow:
        if not backup_marks.claim_nightly(uow, today):
            return NightlyOutcome.ALREADY_MADE
        made = backup(settings, target)  # under the lock: a second kiosk waits, then finds the mark
        backup_marks.mark_nightly(uow, today, target.name, made.size)
        uow.commit()
    return NightlyOutcome.MADE


def remove_beyond(folder: Path, keep: int) -> list[Path]:
    """The oldest nightly files beyond ``keep`` (names sort by date); other files are never touched."""
    nightly = sorted(path for path in folder.glob(f"{PREFIX}*") if path.is_file())
    removed = nightly[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
