"""Backups of a database in use: a writer keeps inserting while the copy is made, and the copy is the database
at one instant (every row committed before it, none half-written); restore checks the schema and keeps the old
file; ``db upgrade`` copies an older SQLite database first."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.application import backups
from kiosk.application.backups import BackupError, backup, restore
from kiosk.config import DatabaseSettings, Settings
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.models import Host
from tests.cli_harness import kioskctl_runner, write_config
from tests.factories import add_host

WAIT = 10.0


def sqlite_settings(path: Path) -> Settings:
    return Settings(database=DatabaseSettings(url=f"sqlite:///{path}"))


def ids_in(path: Path) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT id FROM audit_events ORDER BY id")]
    finally:
        connection.close()


def insert_padding(path: Path, rows: int) -> None:
    """Enough pages that the copy takes many steps."""
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO audit_events (at, actor, action, entity, entity_id, after) VALUES "
            "('2026-06-15 01:00:00', 'test', 'padding', 'test', ?, ?)",
            [(n, '{"text": "' + "x" * 400 + '"}') for n in range(rows)])
    connection.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_backup_while_a_writer_inserts_holds_every_row_committed_before_it_and_restores_whole(
        database: Database, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live = Path(db_url.removeprefix("sqlite:///"))
    insert_padding(live, 5_000)
    monkeypatch.setattr(backups, "PAGES_PER_STEP", 16)  # many steps, the writer between them
    committed: list[int] = []
    stop = threading.Event()

    def writer() -> None:
        connection = sqlite3.connect(live, timeout=WAIT)
        while not stop.is_set():
            with connection:
                cursor = connection.execute(
                    "INSERT INTO audit_events (at, actor, action, entity) VALUES "
                    "('2026-06-15 01:00:00', 'kiosk', 'busy', 'test')")
            committed.append(int(cursor.lastrowid or 0))
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        if not steps:  # the first step: the writer must get on while the copy is under way
            before = len(committed)
            deadline = time.monotonic() + WAIT
            while len(committed) < before + 20 and time.monotonic() < deadline:
                time.sleep(0.005)
        steps.append((done, total))

    try:
        while len(committed) < 50:
            time.sleep(0.005)
        committed_before = list(committed)
        made = backup(sqlite_settings(live), tmp_path / "copy.sqlite", progress)
        committed_after = list(committed)
    finally:
        stop.set()
        thread.join(WAIT)

    assert len(steps) > 10 and steps[-1][0] == steps[-1][1]
    assert made.size > 2_000_000 and made.revision is not None
    assert (made.path.stat().st_mode & 0o777) == 0o600
    copied = ids_in(made.path)
    assert copied == list(range(copied[0], copied[-1] + 1))  # no gap: one instant of the database
    busy = [row for row in copied if row > 5_000]
    assert set(committed_before) <= set(busy) <= set(committed_after)
    assert len(committed_after) >= len(busy) + 20  # the writer went on during the copy and was not blocked

    restored = tmp_path / "restored" / "kiosk.sqlite3"
    restored.parent.mkdir()
    done = restore(sqlite_settings(restored), made.path)
    assert done.integrity == "ok" and done.kept is None
    assert ids_in(restored) == copied


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_restore_keeps_the_database_it_replaces(database: Database, db_url: str, tmp_path: Path) -> None:
    live = Path(db_url.removeprefix("sqlite:///"))
    add_host(database, name="Before Backup", email="before@example.com")
    made = backup(sqlite_settings(live), tmp_path / "copy.sqlite")
    add_host(database, name="After Backup", email="after@example.com")
    database.dispose()

    done = restore(sqlite_settings(live), made.path)

    assert done.integrity == "ok" and done.kept is not None and done.kept.name.startswith(live.name + ".")
    names = Database.from_url(f"sqlite:///{live}")
    with names.unit_of_work("test", write=False) as uow:
        assert set(uow.session.scalars(select(Host.name))) >= {"Before Backup"}
        assert "After Backup" not in set(uow.session.scalars(select(Host.name)))
    names.dispose()
    kept = Database.from_url(f"sqlite:///{done.kept}")
    with kept.unit_of_work("test", write=False) as uow:
        assert "After Backup" in set(uow.session.scalars(select(Host.name)))
    kept.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_restore_refuses_a_backup_from_a_newer_program_naming_both_revisions(
        database: Database, db_url: str, tmp_path: Path) -> None:
    live = Path(db_url.removeprefix("sqlite:///"))
    made = backup(sqlite_settings(live), tmp_path / "copy.sqlite")
    connection = sqlite3.connect(made.path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = live.read_bytes()

    with pytest.raises(BackupError) as refused:
        restore(sqlite_settings(live), made.path)

    assert "9999" in str(refused.value) and backups.head_revision() in str(refused.value)
    assert live.read_bytes() == before
    assert list(live.parent.glob(live.name + ".2*")) == []  # nothing kept, nothing replaced


def test_db_upgrade_copies_an_older_sqlite_database_first_and_says_where(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "old.sqlite3"
    old = Database.from_url(f"sqlite:///{live}")
    upgrade(old.engine, "0015")
    old.dispose()
    run = kioskctl_runner(write_config(tmp_path, f"sqlite:///{live}", monkeypatch), capsys)

    first = run("db", "upgrade")

    saved = live.with_name("old.sqlite3.before-upgrade-from-0015")
    assert first.code == 0 and f"from 0015: {saved}" in first.out
    assert backups.sqlite_revision(saved) == "0015"
    assert backups.sqlite_revision(live) == backups.head_revision()
    again = run("db", "upgrade")
    assert again.code == 0 and "backed up" not in again.out
