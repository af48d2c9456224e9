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
    database.engine.dispose()  # pg_restore drops the tables: no pooled connection may hold them

    done = restore(settings, made.path)

    assert done.revision == backups.head_revision() and done.kept is not None and done.kept.is_file()
    names = host_names(database)
    assert "Before Backup" in names and "After Backup" not in names


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
