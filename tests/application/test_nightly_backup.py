"""The nightly backup: nothing before [backup] time (site-local), then one file named with the day, once
however often housekeeping runs or however many kiosks run it; the oldest beyond [backup] keep removed."""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.application.housekeeping import Housekeeping
from kiosk.application.nightly_backup import NightlyOutcome, run_nightly
from kiosk.config import BackupSettings, DatabaseSettings, Settings, SiteSettings
from tests.factories import SITE

BEFORE_HALF_TWO = datetime(2026, 6, 14, 18, 29, tzinfo=UTC)  # 02:29 on 15 June in Shanghai
AT_HALF_TWO = datetime(2026, 6, 14, 18, 30, tzinfo=UTC)
needs_pg_dump = pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
needs_pg = pytest.mark.skipif(not os.environ.get("KIOSK_TEST_DATABASE_URL"),
                              reason="PostgreSQL tests need KIOSK_TEST_DATABASE_URL (see .ci/pg-start)")


def settings_for(db_url: str, folder: Path, keep: int = 3) -> Settings:
    return dataclasses.replace(Settings(), database=DatabaseSettings(url=db_url),
                               site=SiteSettings(code=SITE, timezone="Asia/Shanghai"),
                               backup=BackupSettings(directory=str(folder), time="02:30", keep=keep))


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_once_a_day_after_its_time_and_only_the_newest_kept(database, db_url, clock, tmp_path) -> None:
    folder = tmp_path / "backups"
    settings = settings_for(db_url, folder)
    clock.set(BEFORE_HALF_TWO)
    assert Housekeeping(database, settings).run_once().nightly_backup == NightlyOutcome.NOT_YET.value
    assert names(folder) == []

    clock.set(AT_HALF_TWO)
    housekeeping = Housekeeping(database, settings)
    assert housekeeping.run_once().nightly_backup == NightlyOutcome.MADE.value
    assert housekeeping.run_once().nightly_backup == ""  # this process saw it made
    # Another process (a second kiosk, a restart) finds the day's file.
    assert run_nightly(database, settings, "test") is NightlyOutcome.ALREADY_MADE
    assert names(folder) == ["kiosk-backup-2026-06-15.sqlite"]
    assert (folder.stat().st_mode & 0o777) == 0o700

    (folder / "notes.txt").write_text("not a backup")
    for _ in range(4):
        clock.advance(days=1)
        assert run_nightly(database, settings, "test") is NightlyOutcome.MADE
    assert names(folder) == ["kiosk-backup-2026-06-17.sqlite", "kiosk-backup-2026-06-18.sqlite",
                             "kiosk-backup-2026-06-19.sqlite", "notes.txt"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_off_without_a_directory(database, db_url, clock, tmp_path) -> None:
    clock.set(AT_HALF_TWO)
    settings = dataclasses.replace(settings_for(db_url, tmp_path / "backups"), backup=BackupSettings())
    assert run_nightly(database, settings, "test") is NightlyOutcome.OFF
    assert sorted(path.name for path in tmp_path.glob("*backup*")) == []


@needs_pg
@needs_pg_dump
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_two_kiosks_on_one_postgresql_database_make_one_backup_a_day(database, db_url, clock, tmp_path) -> None:
    clock.set(AT_HALF_TWO)
    first, second = tmp_path / "kiosk-1", tmp_path / "kiosk-2"
    assert run_nightly(database, settings_for(db_url, first), "kiosk-1") is NightlyOutcome.MADE
    assert run_nightly(database, settings_for(db_url, second), "kiosk-2") is NightlyOutcome.ALREADY_MADE
    assert names(first) == ["kiosk-backup-2026-06-15.dump"] and names(second) == []
    assert (first / "kiosk-backup-2026-06-15.dump").read_bytes().startswith(b"PGDMP")
    clock.advance(days=1)
    assert run_nightly(database, settings_for(db_url, second), "kiosk-2") is NightlyOutcome.MADE
