"""Fixtures shared by every test: databases (SQLite always, PostgreSQL when configured), a fixed clock.

PostgreSQL: set ``KIOSK_TEST_DATABASE_URL`` (``.ci/run`` starts a throwaway
cluster and does). Tests using ``database`` then run once per backend; the
PostgreSQL ones carry the ``postgres`` marker, so ``pytest -m postgres`` runs
just that leg.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.engine import make_engine
from kiosk.db.migrate import upgrade
from kiosk.models import Base
from kiosk.services.directory.sites import ensure_site

PG_URL = os.environ.get("KIOSK_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
# 09:00 on a Monday in Shanghai.
START = datetime(2026, 6, 15, 1, 0, tzinfo=UTC)
SITE = "HQ"


def pytest_configure(config: pytest.Config) -> None:
    markexpr = config.getoption("markexpr") or ""
    if "postgres" in markexpr and "not postgres" not in markexpr and not PG_URL:
        raise pytest.UsageError("-m postgres needs KIOSK_TEST_DATABASE_URL (see .ci/pg-start)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgresql":
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _fail_on_logged_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """An error logged by our code is a failure unless the test says it expects it (caplog.clear())."""
    caplog.set_level(logging.WARNING, logger="kiosk")
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR and r.name.startswith("kiosk")]
    if errors:
        pytest.fail("unexpected errors logged: " + "; ".join(r.getMessage() for r in errors))


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy (a migration per test would cost ~0.2 s)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _pg_engine() -> Iterator[object]:
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    yield engine
    engine.dispose()


def _truncate_all(engine: object) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if backend == "postgresql":
        engine = request.getfixturevalue("_pg_engine")
        _truncate_all(engine)
        return PG_URL
    template = request.getfixturevalue("_sqlite_template")
    path = tmp_path / "kiosk.sqlite3"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def database(db_url: str, clock: FixedClock) -> Iterator[Database]:
    db = Database.from_url(db_url, clock=clock)
    with db.unit_of_work("test") as uow:
        ensure_site(uow, SITE, "Test Tower", "Asia/Shanghai")
        uow.commit()
    yield db
    db.dispose()


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings file for kioskctl on a fresh SQLite database of its own; the environment cannot leak in."""
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[database]\nurl = {json.dumps('sqlite:///' + str(tmp_path / 'k.sqlite3'))}\n")
    return path
