"""The PostgreSQL leg truncates every table between tests, the carriers migration 0012 seeded too:
seed them again, from the migration's own list."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import func, select

import kiosk
from kiosk.db import Database
from kiosk.models.parcels import Carrier

_MIGRATION = Path(kiosk.__file__).parent / "db" / "migrations" / "versions" / "0012_parcels.py"


def _seeded_carriers() -> list[tuple[str, str, str, str]]:
    spec = importlib.util.spec_from_file_location("kiosk_migration_0012", _MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CARRIERS)


@pytest.fixture(autouse=True)
def _carriers(request: pytest.FixtureRequest) -> None:
    if "database" not in request.fixturenames:
        return
    database: Database = request.getfixturevalue("database")
    with database.unit_of_work("test") as uow:
        if uow.session.scalar(select(func.count(Carrier.id))):
            return
        for code, zh, en, pattern in _seeded_carriers():
            uow.session.add(Carrier(code=code, name_zh=zh, name_en=en, tracking_pattern=pattern, active=True))
        uow.commit()
