"""PostgreSQL backups through pg_dump / pg_restore (the password in their environment, never in argv), and
one clear line when the client tools are not installed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.application import backups
from kiosk.application.backups import BackupError, backup, restore
from kiosk.config import DatabaseSettings, Settings
from kiosk.models import Host
from tests.factories import add_host

needs_pg = pytest.mark.skipif(not os.environ.get("KIOSK_TEST_DATABASE_URL"),
                              reason="PostgreSQL tests need KIOSK_TEST_DATABASE_URL (see .ci/pg-start)")
needs_pg_dump = pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")


def host_names(database) -> set[str]:
    with database.unit_of_work("test", write=False) as uow:
        return set(uow.session.scalars(select(Host.name)))


@needs_pg
@needs_pg_dump
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_dump_then_restore_brings_the_database_back_and_keeps_the_one_replaced(database, db_url, tmp_path) -> None:
    settings = Settings(database=DatabaseSettings(url=db_url))
    add_host(database, name="Before Backup", email="before@example.com")
    made = backup(settings, tmp_path / "kiosk.dump")
    assert made.path.read_bytes().startswith(b"PGDMP") and (made.path.stat().st_mode & 0o777) == 0o600
    add_host(database, name="After Backup", email="after@example.com")
    with database.engine.begin() as connection:  # as a newer migration would have left it
        connection.exec_driver_sql("CREATE TABLE from_a_newer_migration (id integer)")
    database.engine.dispose()  # pg_restore drops the tables: no pooled connection may hold them

    done = restore(settings, made.path)

    assert done.revision == backups.head_revision() and done.kept is not None and done.kept.is_file()
    names = host_names(database)
    assert "Before Backup" in names and "After Backup" not in names
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT to_regclass('from_a_newer_migration')").scalar() is None


@needs_pg
@needs_pg_dump
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_restore_that_fails_changes_nothing(database, db_url, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(database=DatabaseSettings(url=db_url))
    add_host(database, name="Still Here", email="here@example.com")
    made = backup(settings, tmp_path / "kiosk.dump")
    cut = tmp_path / "cut.dump"
    cut.write_bytes(made.path.read_bytes()[:200])
    database.engine.dispose()
    with pytest.raises(BackupError, match="pg_restore failed"):
        restore(settings, cut)
    # A statement failing after the old tables were dropped: the one transaction puts them back.
    monkeypatch.setattr(backups, "SCHEMA_RESET", backups.SCHEMA_RESET + b"SELECT 1/0;\n")

    with pytest.raises(BackupError, match=r"the database is unchanged: .*division by zero"):
        restore(settings, made.path)

    assert "Still Here" in host_names(database)


@needs_pg
@needs_pg_dump
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_pg_restore_failing_half_way_leaves_the_database_as_it_was(database, db_url, tmp_path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(database=DatabaseSettings(url=db_url))
    add_host(database, name="Still Here", email="here@example.com")
    made = backup(settings, tmp_path / "kiosk.dump")
    database.engine.dispose()
    half = tmp_path / "pg_restore"  # a pg_restore that stops with an error after some of its output
    real_restore = shutil.which("pg_restore")
    half.write_text(f'#!/bin/sh\ncase "$*" in *--data-only*) exec {real_restore} "$@";; esac\n'
                    "echo 'CREATE TABLE half_restored (id integer);'\necho 'pg_restore: error: disk read' >&2\n"
                    "exit 1\n")
    half.chmod(0o755)
    real = backups.pg_tool
    monkeypatch.setattr(backups, "pg_tool", lambda name: str(half) if name == "pg_restore" else real(name))

    with pytest.raises(BackupError, match="the database is unchanged: pg_restore: error: disk read"):
        restore(settings, made.path)

    assert "Still Here" in host_names(database)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT to_regclass('half_restored')").scalar() is None


@needs_pg
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_without_pg_dump_one_clear_line(database, db_url, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="pg_dump is not installed"):
        backup(Settings(database=DatabaseSettings(url=db_url)), tmp_path / "kiosk.dump")
    assert list(tmp_path.iterdir()) == []


def test_credentials_go_in_the_environment_not_the_command_line(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run(argv, env, **_kwargs):
        seen["argv"], seen["env"] = argv, env
        Path(argv[argv.index("--file") + 1]).write_bytes(b"PGDMP")
        return backups.subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(backups.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(backups.subprocess, "run", fake_run)
    url = "postgresql+psycopg://kiosk:s3cret@db.example.com:5433/lobby"
    backup(Settings(database=DatabaseSettings(url=url)), tmp_path / "kiosk.dump")
    assert "s3cret" not in " ".join(map(str, seen["argv"]))  # type: ignore[call-overload]
    env = seen["env"]
    assert isinstance(env, dict)
    assert (env["PGPASSWORD"], env["PGUSER"], env["PGHOST"], env["PGPORT"], env["PGDATABASE"]) == \
        ("s3cret", "kiosk", "db.example.com", "5433", "lobby")
