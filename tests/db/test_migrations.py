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
