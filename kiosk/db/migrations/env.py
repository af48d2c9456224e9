"""Alembic environment: runs on the connection handed in by kiosk.db.migrate, or on sqlalchemy.url."""

from __future__ import annotations

from alembic import context

import kiosk.models  # noqa: F401  (registers every table)
from kiosk.db.engine import make_engine
from kiosk.models.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
