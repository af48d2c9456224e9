"""Migrations: upgrading an empty database gives exactly the models; downgrade and upgrade round-trip."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from kiosk.db.engine import make_engine
from kiosk.db.migrate import current_revision, downgrade, head_revision, upgrade
from kiosk.models import Base


def _diff(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def test_upgrade_from_empty_equals_the_models(db_url):
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == head_revision(engine)
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_downgrade_then_upgrade_round_trips(db_url):
    engine = make_engine(db_url)
    try:
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        assert _diff(engine) == []
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_two_processes_migrating_at_once_both_succeed(backend, db_url, tmp_path):
    """Kiosks and admin desks start together after an upgrade: the second waits, then finds nothing to do."""
    import subprocess
    import sys

    engine = make_engine(db_url)
    downgrade(engine, "base")
    engine.dispose()
    script = (
        "import sys; from kiosk.db.engine import make_engine; from kiosk.db.migrate import upgrade; "
        "e = make_engine(sys.argv[1]); upgrade(e); e.dispose()"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, db_url], stderr=subprocess.PIPE) for _ in range(2)]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == head_revision(engine) and _diff(engine) == []
    finally:
        engine.dispose()


def test_the_head_read_from_the_files_is_alembics_head() -> None:
    """Start-up reads the head without Alembic (kiosk/db/migrate.py); it must be the head Alembic migrates to."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from kiosk.db.migrate import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()
