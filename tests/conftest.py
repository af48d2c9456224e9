"""Fixtures shared by every test: databases (SQLite always, PostgreSQL when configured), a fixed clock,
and three watchers that fail a test for what it did not mean to do.

PostgreSQL: set ``KIOSK_TEST_DATABASE_URL`` (``.ci/run`` starts a throwaway
cluster and does). Tests using ``database`` then run once per backend; the
PostgreSQL ones carry the ``postgres`` marker, so ``pytest -m postgres`` runs
just that leg.

The watchers (the autouse fixture ``_watch_the_test``; each reports at the test's teardown):

**Logged warnings.** A record of WARNING or above from a ``kiosk.*`` logger, at any time from
the test's setup to its teardown, fails the test. A test that provokes warnings on purpose
says which, by a substring of each message::

    @pytest.mark.expect_log("printer offline", "will retry")

Records containing one of the substrings are allowed, and each substring must turn up in at
least one record: the marker is also the test's assertion that the warning is logged. For
one parameter of many, put the marker on that ``pytest.param(..., marks=...)``. ``caplog.clear()``
no longer hides anything (the watcher keeps its own records).

**Qt messages.** ``QtWarningMsg``, ``QtCriticalMsg`` and ``QtFatalMsg`` fail the test during
which Qt printed them, unless they match ``tests/qt_messages.py: IGNORED_QT_MESSAGES`` (known
harmless noise, each pattern with its reason). Messages outside any test fail the run.

**Leaks.** After a test that used Qt (``qtbot`` or ``qapp``), a ``QThread`` still running, a
``QTimer`` still active, a ``QThreadPool`` job still running or a Python thread still alive that
was not so before the test fails it (``tests/qt_leaks.py`` says how they are found, cheaply).
A leak in the product, not in the test, is allowed by name until it is fixed::

    @pytest.mark.allow_leaks("CameraThread outlives Kiosk.shutdown (kiosk/...: line)")
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.engine import make_engine
from kiosk.db.migrate import MIGRATIONS, upgrade
from kiosk.models import Base
from kiosk.services import token_vault
from kiosk.services.directory.sites import ensure_site
from kiosk.services.token_vault import TokenSealer
from tests.qt_leaks import LeakGuard
from tests.qt_messages import QtMessages


def _worker_database(url: str) -> str:
    """Under pytest-xdist each worker gets a database of its own on the same server (``kiosk_test_gw0``, ...):
    the tests truncate every table between them."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker:
        return url
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


PG_URL = _worker_database(os.environ.get("KIOSK_TEST_DATABASE_URL", ""))
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
# 09:00 on a Monday in Shanghai.
START = datetime(2026, 6, 15, 1, 0, tzinfo=UTC)
SITE = "HQ"


QT_MESSAGES = QtMessages()
LEAKS = LeakGuard()


def pytest_configure(config: pytest.Config) -> None:
    markexpr = config.getoption("markexpr") or ""
    if "postgres" in markexpr and "not postgres" not in markexpr and not PG_URL:
        raise pytest.UsageError("-m postgres needs KIOSK_TEST_DATABASE_URL (see .ci/pg-start)")
    config.addinivalue_line(
        "markers", "expect_log(*substrings): the test logs kiosk.* warnings containing these (see tests/conftest.py)")
    config.addinivalue_line(
        "markers", "allow_leaks(reason): a product leak (thread or timer) this test may leave until it is fixed")
    QT_MESSAGES.install()
    LEAKS.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    LEAKS.uninstall()
    QT_MESSAGES.uninstall()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgresql":
            item.add_marker(pytest.mark.postgres)
        # pytest-qt would install its own Qt message handler for the test; ours (QT_MESSAGES) must see everything.
        item.add_marker(pytest.mark.no_qt_log)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if QT_MESSAGES.stray() and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    stray = QT_MESSAGES.stray()
    if stray:
        terminalreporter.section("Qt messages outside any test (these fail the run)", red=True)
        for message in stray:
            terminalreporter.line(message)


class _KioskRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _log_problems(records: list[logging.LogRecord], expected: list[str]) -> list[str]:
    def line(record: logging.LogRecord) -> str:
        return f"{record.levelname} {record.name}: {record.getMessage()}"

    problems = [f"unexpected log: {line(r)}" for r in records if not any(s in r.getMessage() for s in expected)]
    for wanted in expected:
        if not any(wanted in r.getMessage() for r in records):
            seen = "; ".join(line(r) for r in records) or "none"
            problems.append(f"expect_log({wanted!r}): no kiosk warning said so (logged: {seen})")
    return problems


def _bare_gui_application() -> list[str]:
    """kioskctl draws PDFs and PNGs with a QGuiApplication of its own when none exists; made during a test,
    it would outlive it and every later widget test would fail on it (pytest-qt wants a QApplication)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QGuiApplication.instance()
    if app is None or isinstance(app, QApplication):
        return []
    return ["a bare QGuiApplication was made (kioskctl drawing?): give the test the qapp fixture"]


@pytest.fixture(autouse=True)
def _watch_the_test(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fails the test for kiosk warnings it did not expect, Qt warnings, and (Qt tests) leaked threads and timers.

    Set up before, and torn down after, every other function-scoped fixture of the test: what
    their teardown logs or leaves running counts too. See the module docstring for the opt-ins.
    """
    caplog.set_level(logging.WARNING, logger="kiosk")
    records = _KioskRecords()
    logger = logging.getLogger("kiosk")
    logger.addHandler(records)
    qt_start = QT_MESSAGES.mark()
    uses_qt = not {"qtbot", "qapp"}.isdisjoint(request.fixturenames)
    before = LEAKS.snapshot() if uses_qt else None
    try:
        yield
    finally:
        logger.removeHandler(records)
    node = request.node
    problems: list[str] = []
    if before is not None:
        leaks = LEAKS.leaks_since(before)
        allowed = node.get_closest_marker("allow_leaks")
        if allowed is not None and not allowed.args:
            problems.append("allow_leaks needs a reason: which product code leaks what (file:line)")
        elif leaks and allowed is None:
            problems += [f"leak: {leak}" for leak in leaks]
    problems += QT_MESSAGES.since(qt_start)
    problems += _bare_gui_application()
    expected = [s for mark in node.iter_markers("expect_log") for s in mark.args]
    problems += _log_problems(records.records, expected)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


_TEST_DATA_KEY = secrets.token_bytes(32)


@pytest.fixture(autouse=True)
def _no_files_outside_the_test(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whatever a test opens with default settings (keys, database) lands in a folder of its own, never in
    the account's real data directory."""
    if "KIOSK_DATA_DIR" not in os.environ:
        monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path_factory.mktemp("data-dir")))


@pytest.fixture(autouse=True)
def _token_sealer() -> Iterator[None]:
    """Waiting codes are sealed with a data key; an entry point sets it from its settings (bootstrap), a
    test gets this one. A test that opens the database through bootstrap switches to that settings' key."""
    token_vault.install(TokenSealer(_TEST_DATA_KEY))
    yield
    token_vault.install(None)


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
    _create_database_if_missing(PG_URL)
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    yield engine
    engine.dispose()


def _create_database_if_missing(url: str) -> None:
    parsed = make_url(url)
    server = make_engine(parsed.set(database="postgres").render_as_string(hide_password=False))
    try:
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                  {"name": parsed.database}).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        server.dispose()


def _seeded_rows() -> list[tuple[str, list[dict[str, object]]]]:
    """Rows the migrations seed (the carriers of 0012), from the migrations' own lists: a truncated
    PostgreSQL database gets them back, as a copied SQLite template still has them."""
    spec = importlib.util.spec_from_file_location("kiosk_migration_0012", MIGRATIONS / "versions" / "0012_parcels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    carriers = [{"code": code, "name_zh": zh, "name_en": en, "tracking_pattern": pattern, "active": True}
                for code, zh, en, pattern in module.CARRIERS]
    return [("carriers", carriers)]


def _truncate_all(engine: object) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        for table, rows in _seeded_rows():
            conn.execute(Base.metadata.tables[table].insert(), rows)


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
